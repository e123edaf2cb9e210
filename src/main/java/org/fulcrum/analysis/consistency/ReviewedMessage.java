package org.fulcrum.analysis.consistency;

import java.time.LocalDate;
import java.util.Locale;
import org.fulcrum.casefile.Actor;
import org.fulcrum.casefile.Message;
import org.fulcrum.casefile.Stance;

/**
 * A coalition message under review, with its stance and intensity (given, or derived by the
 * {@link StanceClassifier}) and the voice it speaks with ({@link CoalitionVoices}).
 *
 * @param derived whether the stance or the intensity was derived from the text
 */
record ReviewedMessage(Message m, Stance stance, double intensity, boolean derived, String voice,
    CoalitionVoices names) {

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

  /** The channel, and the forum when there is one, by name. */
  String venue() {
    return m.channel() + (m.forum() == null ? "" : " at " + name(m.forum()));
  }

  /** An actor's name, or the id when the case has no such actor. */
  String name(String id) {
    Actor a = names.actor(id);
    return a == null ? id : a.name();
  }

  /**
   * The message in a line, as the findings cite it, by names (the finding's {@code messages}
   * list gives the ids): who, on which day, in which channel, to whom, with what stance and how
   * hard (intensity 0 to 1).
   */
  String describe() {
    return String.format(Locale.ROOT, "%s on %s (%s) %s, intensity %.2f, to %s%s", name(m.speaker()),
        date(), venue(), stance.label(), intensity, name(m.audience()),
        derived ? " [stance or intensity derived from text]" : "");
  }
}
