package org.fulcrum.casefile;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a forum takes decisions. */
public enum DecisionRule implements Label {
  CONSENSUS("consensus"),
  SIMPLE_MAJORITY("simple-majority"),
  QUALIFIED_MAJORITY("qualified-majority");

  private final String label;

  DecisionRule(String label) {
    this.label = label;
  }

  @Override
  @JsonValue
  public String label() {
    return label;
  }
}
