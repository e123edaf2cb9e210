package org.fulcrum.casefile;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The four target groups of Genocide Prevention Task Force, <i>Preventing Genocide</i> (2008), ch. 4 (Table 2, Recommendation 4-2); (d) is split into domestic
 * and foreign actors.
 */
public enum TargetGroup implements Label {
  PLANNERS("planners"),
  PERPETRATORS("perpetrators"),
  VICTIMS("victims"),
  OTHER_DOMESTIC("other-domestic"),
  OTHER_FOREIGN("other-foreign");

  private final String label;

  TargetGroup(String label) {
    this.label = label;
  }

  @Override
  @JsonValue
  public String label() {
    return label;
  }
}
