package org.fulcrum.cases;

import java.util.Map;
import org.fulcrum.casefile.Actor;
import org.fulcrum.casefile.CaseSchema;
import org.fulcrum.casefile.Message;
import org.fulcrum.casefile.RecordSchema;
import org.fulcrum.casefile.Source;
import org.fulcrum.casefile.Tie;
import org.neo4j.cypherdsl.core.Expression;
import org.neo4j.cypherdsl.core.PropertyContainer;
import org.neo4j.driver.Record;

/**
 * How case records become node and relationship properties and back, as their {@link
 * CaseSchema} descriptors say: every field is a property of its own name; vocabulary is stored
 * with its dataset spelling ({@code supplies-arms}), dates as Neo4j dates, so that Cypher written
 * by an analyst reads like the dataset. Rows are read by column name, never by position.
 */
final class CaseGraphMapping {

  private CaseGraphMapping() {}

  static Map<String, Object> props(Source s) {
    return CaseSchema.SOURCE.toStored(s);
  }

  static Map<String, Object> props(Actor a) {
    return CaseSchema.ACTOR.toStored(a);
  }

  static Map<String, Object> props(Tie t) {
    return CaseSchema.TIE.toStored(t);
  }

  static Map<String, Object> props(Message m) {
    return CaseSchema.MESSAGE.toStored(m);
  }

  /** A record from its properties, as a map projection ({@code n {.*}}) returns them. */
  static <R extends java.lang.Record> R fromProperties(RecordSchema<R> kind, Map<String, Object> m) {
    return kind.fromStored(m::get);
  }

  static Source source(Map<String, Object> m) {
    return fromProperties(CaseSchema.SOURCE, m);
  }

  static Actor actor(Map<String, Object> m) {
    return fromProperties(CaseSchema.ACTOR, m);
  }

  static Tie tie(Map<String, Object> m) {
    return fromProperties(CaseSchema.TIE, m);
  }

  static Message message(Map<String, Object> m) {
    return fromProperties(CaseSchema.MESSAGE, m);
  }

  /**
   * The RETURN items that project an entity of this kind column by column, each field as a column
   * of its own name: read back with {@link #fromRow}.
   */
  static Expression[] columns(RecordSchema<?> kind, PropertyContainer entity) {
    return kind.names().stream().map(name -> entity.property(name).as(name)).toArray(Expression[]::new);
  }

  /** A record from a driver row with the {@link #columns} of its kind, read by column name. */
  static <R extends java.lang.Record> R fromRow(RecordSchema<R> kind, Record row) {
    return kind.fromStored(name -> row.get(name).asObject());
  }
}
