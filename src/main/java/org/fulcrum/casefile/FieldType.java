package org.fulcrum.casefile;

/** What a field of a record holds, and so how it is read, checked and stored. */
public enum FieldType implements Label {
  /** A record's own id: text of at most {@link CaseValidator#MAX_ID_LENGTH} characters. */
  ID("id"),
  /** Free text of at most {@link CaseValidator#MAX_TEXT_LENGTH} characters, stripped. */
  TEXT("text"),
  /** A finite number, stored as a double. */
  NUMBER("number"),
  BOOLEAN("boolean"),
  /** An ISO date (YYYY-MM-DD), stored as a Neo4j date. */
  DATE("date"),
  /** One value of a closed vocabulary, stored with its dataset spelling. */
  VOCABULARY("vocabulary"),
  /** The id of an actor of the same case. */
  ACTOR_ID("actor-id"),
  /** The ids of the case's sources a record cites: at least one. */
  SOURCE_IDS("source-ids");

  private final String label;

  FieldType(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
