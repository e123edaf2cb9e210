package org.fulcrum.casefile;

import com.fasterxml.jackson.annotation.JsonValue;

/** The kind of relation a tie records, from its source to its target. */
public enum TieType implements Label {
  COMMANDS("commands"),
  CONTROLS("controls"),
  SUPPLIES_ARMS("supplies-arms"),
  TRADES_WITH("trades-with"),
  INVESTS_IN("invests-in"),
  PROVIDES_AID("provides-aid"),
  FINANCES("finances"),
  ALLIED_WITH("allied-with"),
  SHIELDS("shields"),
  MEMBER_OF("member-of"),
  BORDERS("borders"),
  HOSTS("hosts"),
  BROADCASTS_TO("broadcasts-to"),
  INCITES("incites"),
  LOBBIES("lobbies"),
  MEDIATES("mediates"),
  SANCTIONS("sanctions"),
  THREATENS("threatens"),
  KIN_OF("kin-of"),
  INFLUENCES("influences");

  private final String label;

  TieType(String label) {
    this.label = label;
  }

  @Override
  @JsonValue
  public String label() {
    return label;
  }
}
