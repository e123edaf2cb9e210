package org.fulcrum.casefile;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a message does toward its audience. */
public enum Stance implements Label {
  DEMAND("demand"),
  THREAT("threat"),
  INDUCEMENT("inducement"),
  CONDEMNATION("condemnation"),
  REASSURANCE("reassurance"),
  ACCOMMODATION("accommodation");

  private final String label;

  Stance(String label) {
    this.label = label;
  }

  @Override
  @JsonValue
  public String label() {
    return label;
  }
}
