package org.fulcrum.analysis.consistency;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The kinds of finding a message-consistency review reports, each with the weight by which a
 * message it cites lowers the one-voice score (a message counts once, at its heaviest finding).
 */
public enum FindingKind {
  /** Incompatible stances toward one audience on one issue within the window, from different members. */
  ACROSS_CHANNELS("across-channels", 1.0),
  /** Incompatible stances toward different audiences on one issue within the window. */
  ACROSS_AUDIENCES("across-audiences", 1.0),
  /** One voice switches between pressing and accommodating one audience on one issue. */
  REVERSAL("reversal", 0.75),
  /** Four or more ever stronger pressing messages at regular steps and intervals: gameable. */
  RIGID_LADDER("rigid-ladder", 0.5),
  /** Three or more pressing messages of one voice, each weaker than the last (set-level). */
  ERODING_PRESSURE("eroding-pressure", 0.5),
  /** Three or more coalition threats at one target with no measure between them (set-level). */
  REPEATED_EMPTY_THREATS("repeated-empty-threats", 0.75),
  /** A threat more intense than what its speaker's capability and coercive ties can deliver. */
  CAPABILITY_GAP("capability-gap", 0.5),
  /** A threat followed by no sanction, hostile tie, withdrawn support or action within the period. */
  NO_FOLLOW_THROUGH("no-follow-through", 0.75);

  private final String label;
  private final double weight;

  FindingKind(String label, double weight) {
    this.label = label;
    this.weight = weight;
  }

  @JsonValue
  public String label() {
    return label;
  }

  /** How much a message cited by a finding of this kind lowers its issue's score, in (0, 1]. */
  public double weight() {
    return weight;
  }

  public static FindingKind of(String label) {
    for (FindingKind k : values()) {
      if (k.label.equals(label)) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown finding kind '" + label + "'");
  }
}
