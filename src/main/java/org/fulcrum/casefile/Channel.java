package org.fulcrum.casefile;

import com.fasterxml.jackson.annotation.JsonValue;

/** The channel through which a tie's influence flows. */
public enum Channel implements Label {
  DIPLOMATIC("diplomatic"),
  ECONOMIC("economic"),
  LEGAL("legal"),
  MILITARY("military"),
  INFORMATIONAL("informational"),
  COMMAND("command"),
  SOCIAL("social");

  private final String label;

  Channel(String label) {
    this.label = label;
  }

  @Override
  @JsonValue
  public String label() {
    return label;
  }
}
