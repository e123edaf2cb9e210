package org.fulcrum.casefile;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a crisis stands on the escalation path. */
public enum Phase implements Label {
  LATENT("latent"),
  EMERGING("emerging"),
  ESCALATING("escalating"),
  MASS_ATROCITY("mass-atrocity"),
  RECOVERY("recovery");

  private final String label;

  Phase(String label) {
    this.label = label;
  }

  @Override
  @JsonValue
  public String label() {
    return label;
  }
}
