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
