package org.fulcrum.cases;

import java.util.Map;
import java.util.function.Function;
import org.fulcrum.casefile.Actor;
import org.fulcrum.casefile.CaseSchema;
import org.fulcrum.casefile.Field;
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
    return decoded(kind, (String) m.get("caseId"), m::get);
  }

  /**
   * A record from its stored values, or, when one cannot be read (written past Fulcrum, over
   * Bolt), the {@link UnreadableRecordException} that names the record, the field, what was found
   * and what was expected. The search for the field runs only after a failure: reading stays one
   * pass.
   */
  static <R extends java.lang.Record> R decoded(RecordSchema<R> kind, String caseId,
      Function<String, Object> column) {
    try {
      return kind.fromStored(column);
    } catch (RuntimeException e) {
      throw unreadable(kind, caseId, column, e);
    }
  }

  static UnreadableRecordException unreadable(RecordSchema<?> kind, String caseId,
      Function<String, Object> column, RuntimeException failure) {
    Object id = column.apply("id");
    for (Field field : kind.fields()) {
      Object stored = column.apply(field.name());
      try {
        field.fromStored(stored);
      } catch (RuntimeException e) {
        return UnreadableRecordException.of(caseId, kind.kind(), id, field, stored, e);
      }
    }
    return new UnreadableRecordException(caseId, kind.kind(), String.valueOf(id), "(the record)",
        String.valueOf(failure.getMessage()), "a record the dataset format allows", failure);
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
  static <R extends java.lang.Record> R fromRow(RecordSchema<R> kind, String caseId, Record row) {
    return decoded(kind, caseId, name -> row.get(name).asObject());
  }
}
