package org.fulcrum.cases;

import org.fulcrum.casefile.Field;
import org.fulcrum.casefile.FieldType;
import org.fulcrum.error.ConflictException;

/**
 * A record whose stored value Fulcrum cannot read, written past Fulcrum (over Bolt, say {@code SET
 * t.polarity = 'friendly'}): HTTP 409 naming the record, the field, what was found and what was
 * expected, wherever the record is read (GET of the record, the list, the analyses, the export).
 * A PUT of the record through the API replaces it and so repairs it.
 */
public class UnreadableRecordException extends ConflictException {

  private final String caseId;
  private final String kind;
  private final String recordId;
  private final String field;
  private final String found;
  private final String expected;

  UnreadableRecordException(String caseId, String kind, String recordId, String field, String found,
      String expected, Throwable cause) {
    super(kind + " '" + recordId + "'" + (caseId == null ? "" : " of case '" + caseId + "'") + " has "
        + field + " " + found + " in the store, which Fulcrum cannot read (expected " + expected
        + "); it was written outside Fulcrum. Repair it with a PUT of the " + kind + " through the API"
        + (caseId == null ? "" : " (PUT /api/cases/" + caseId + "/" + plural(kind) + "/" + recordId
        + " with If-Match: its version)") + " or over Bolt");
    initCause(cause);
    this.caseId = caseId;
    this.kind = kind;
    this.recordId = recordId;
    this.field = field;
    this.found = found;
    this.expected = expected;
  }

  /** The problem for a field that could not read its stored value. */
  static UnreadableRecordException of(String caseId, String kind, Object recordId, Field field,
      Object stored, RuntimeException cause) {
    return new UnreadableRecordException(caseId, kind, String.valueOf(recordId), field.name(),
        describe(stored), expected(field), cause);
  }

  /** The same problem, once the case it is in is known. */
  UnreadableRecordException inCase(String caseId) {
    return this.caseId != null ? this : new UnreadableRecordException(caseId, kind, recordId, field,
        found, expected, getCause());
  }

  private static String describe(Object stored) {
    if (stored instanceof String s) {
      return "'" + s + "'";
    }
    if (stored instanceof Object[] array) {
      return java.util.Arrays.toString(array);
    }
    return String.valueOf(stored) + (stored == null ? "" : " (" + stored.getClass().getSimpleName() + ")");
  }

  private static String expected(Field field) {
    if (field.type() == FieldType.VOCABULARY) {
      return "one of " + field.allowed();
    }
    return field.type().label();
  }

  private static String plural(String kind) {
    return kind.equals("source") ? "sources" : kind + "s";
  }

  public String caseId() {
    return caseId;
  }

  /** actor, tie, message or source. */
  public String kind() {
    return kind;
  }

  public String recordId() {
    return recordId;
  }

  public String field() {
    return field;
  }

  public String found() {
    return found;
  }

  public String expected() {
    return expected;
  }
}
