package org.fulcrum.casefile;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a forum takes decisions. In every rule a member whose {@code member-of} tie holds a veto
 * blocks by voting {@code veto}; {@code docs/dataset-format.md} states each rule exactly.
 */
public enum DecisionRule implements Label {
  /** No voting member against ({@code no} or {@code veto}), at least one in favour. */
  CONSENSUS("consensus"),
  /** More than half of the voting members' weight votes yes (abstaining counts as not yes). */
  SIMPLE_MAJORITY("simple-majority"),
  /**
   * At least {@code decisionThreshold} (a share, 2/3 when not recorded) of the voting members'
   * weight votes yes.
   */
  QUALIFIED_MAJORITY("qualified-majority"),
  /** More yes than no among the votes cast, by weight: abstentions do not count against. */
  MAJORITY_OF_VOTES_CAST("majority-of-votes-cast"),
  /**
   * At least {@code decisionThreshold} (a share in (0, 1]) of all voting weight votes yes (IMF
   * style: 85%).
   */
  WEIGHTED_SHARE("weighted-share"),
  /**
   * At least {@code decisionThreshold} yes votes (weights summed, 1 per member when not recorded)
   * and no veto (UN Security Council: 9 of 15, no veto by a permanent member).
   */
  AT_LEAST_N_NO_VETO("at-least-n-no-veto");

  private final String label;

  DecisionRule(String label) {
    this.label = label;
  }

  @Override
  @JsonValue
  public String label() {
    return label;
  }

  /** Simple majority: more than this share of the voting weight votes yes. */
  public static final double SIMPLE_MAJORITY_SHARE = 0.5;

  /** Qualified majority without a recorded {@code decisionThreshold}: two thirds. */
  public static final double QUALIFIED_MAJORITY_DEFAULT = 2.0 / 3.0;

  private static final double EPS = 1e-12;

  /** The threshold the rule applies: the recorded one, 2/3 for a qualified majority, else 0. */
  public double threshold(Double recorded) {
    if (recorded != null) {
      return recorded;
    }
    return this == QUALIFIED_MAJORITY ? QUALIFIED_MAJORITY_DEFAULT : 0;
  }

  /**
   * Whether enough votes are in favour under this rule, blocking aside (a veto, a consensus
   * objection or a blocking minority is judged by the caller): the one statement of each rule's
   * passing condition, used by the forum votes and by the message review's decisive-vote check.
   *
   * @param threshold from {@link #threshold(Double)}
   * @param yes, no, total voting weight in favour, against (veto included) and of all voting members
   */
  public boolean enough(double threshold, double yes, double no, double total) {
    return switch (this) {
      case CONSENSUS -> yes > EPS;
      case SIMPLE_MAJORITY -> yes / total > SIMPLE_MAJORITY_SHARE + EPS;
      case QUALIFIED_MAJORITY, WEIGHTED_SHARE -> yes / total >= threshold - EPS;
      case MAJORITY_OF_VOTES_CAST -> yes > no + EPS;
      case AT_LEAST_N_NO_VETO -> yes >= threshold - EPS;
    };
  }

  /** Whether {@code decisionThreshold} is a share of voting weight (else a number of votes). */
  public boolean thresholdIsShare() {
    return this == QUALIFIED_MAJORITY || this == WEIGHTED_SHARE;
  }

  /** Whether the rule reads {@code decisionThreshold}. */
  public boolean hasThreshold() {
    return thresholdIsShare() || this == AT_LEAST_N_NO_VETO;
  }

  /** Whether the rule cannot be applied without a {@code decisionThreshold}. */
  public boolean needsThreshold() {
    return this == WEIGHTED_SHARE || this == AT_LEAST_N_NO_VETO;
  }
}
