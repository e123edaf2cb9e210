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

  /**
   * A tie of command ({@code commands}, {@code controls}): it binds its two ends into one chain of
   * command, the regime the analyses treat as one actor.
   */
  public boolean isCommand() {
    return this == COMMANDS || this == CONTROLS;
  }

  /**
   * A flow of resources the target depends on and the source could withdraw: arms, trade, aid,
   * finance, investment. Supply chains are cut along these ties, and a threat is backed by them.
   */
  public boolean isSupply() {
    return switch (this) {
      case SUPPLIES_ARMS, TRADES_WITH, PROVIDES_AID, FINANCES, INVESTS_IN -> true;
      default -> false;
    };
  }

  /**
   * A tie through which a patron protects its client: any supply, diplomatic cover
   * ({@code shields}) or an alliance ({@code allied-with}).
   */
  public boolean isShield() {
    return isSupply() || this == SHIELDS || this == ALLIED_WITH;
  }
}
