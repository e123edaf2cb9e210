package org.fulcrum.casefile;

import com.fasterxml.jackson.annotation.JsonValue;

/** How fast a crisis moves: volcanic crises rule out slow tools. */
public enum Tempo implements Label {
  ROLLING("rolling"),
  VOLCANIC("volcanic");

  private final String label;

  Tempo(String label) {
    this.label = label;
  }

  @Override
  @JsonValue
  public String label() {
    return label;
  }
}
