package org.fulcrum.casefile;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a tie supports or works against its target. */
public enum Polarity implements Label {
  SUPPORTIVE("supportive"),
  HOSTILE("hostile");

  private final String label;

  Polarity(String label) {
    this.label = label;
  }

  @Override
  @JsonValue
  public String label() {
    return label;
  }
}
