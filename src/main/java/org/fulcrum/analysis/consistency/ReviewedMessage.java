package org.fulcrum.analysis.consistency;

import java.time.LocalDate;
import java.util.Locale;
import org.fulcrum.casefile.Message;
import org.fulcrum.casefile.Stance;

/**
 * A coalition message under review, with its stance and intensity (given, or derived by the
 * {@link StanceClassifier}) and the voice it speaks with ({@link CoalitionVoices}).
 *
 * @param derived whether the stance or the intensity was derived from the text
 */
record ReviewedMessage(Message m, Stance stance, double intensity, boolean derived, String voice) {

  LocalDate date() {
    return m.date();
  }

  /** +1 when the message presses its audience, -1 when it yields, 0 when it is neutral. */
  int direction() {
    return direction(stance);
  }

  static int direction(Stance s) {
    return switch (s) {
      case DEMAND, THREAT, CONDEMNATION -> 1;
      case ACCOMMODATION -> -1;
      case REASSURANCE, INDUCEMENT -> 0;
    };
  }

  /** The channel, and the forum when there is one. */
  String venue() {
    return m.channel() + (m.forum() == null ? "" : " at " + m.forum());
  }

  /** The message in a line, as the findings cite it. */
  String describe() {
    return String.format(Locale.ROOT, "%s (%s) %s %.2f to %s on %s in %s%s", m.id(), m.speaker(),
        stance.label(), intensity, m.audience(), date(), venue(),
        derived ? " [stance or intensity derived from text]" : "");
  }
}
