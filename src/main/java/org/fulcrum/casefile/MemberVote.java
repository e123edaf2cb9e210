package org.fulcrum.casefile;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a member votes (or, when the record gives an intent, would vote) on coercive action against
 * the case's regime in a forum: recorded on its {@code member-of} tie.
 */
public enum MemberVote implements Label {
  YES("yes"),
  ABSTAIN("abstain"),
  NO("no"),
  /** A vote against cast by a member whose tie holds a veto ({@code veto: true}): it blocks. */
  VETO("veto");

  private final String label;

  MemberVote(String label) {
    this.label = label;
  }

  @Override
  @JsonValue
  public String label() {
    return label;
  }
}
