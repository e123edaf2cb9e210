package org.fulcrum.casefile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the fields of one raw record for {@link CaseValidator}, adding a problem for each bad
 * value (unknown field, missing, out of range, not in the vocabulary, bad date, bad text), each
 * naming the file, line or path and the field, and saying what was expected.
 */
final class RecordFields {

  private final RawRecord record;
  private final List<ImportProblem> problems;
  private final int problemsBefore;

  RecordFields(RawRecord record, List<String> allowed, List<ImportProblem> problems) {
    this.record = record;
    this.problems = problems;
    this.problemsBefore = problems.size();
    Set<String> unknown = new LinkedHashSet<>(record.values().keySet());
    allowed.forEach(unknown::remove);
    for (String name : unknown) {
      problems.add(record.problem(name, "unknown field '" + name + "'; expected one of "
          + String.join(", ", allowed)));
    }
  }

  boolean ok() {
    return problems.size() == problemsBefore;
  }

  /**
   * Every field of the record as its descriptor says, each problem reported on the way; a field
   * that applies only to some records ({@link Field#condition()}) is checked against the value
   * read before it.
   */
  RecordValues read(RecordSchema<?> schema, CaseValidator.References refs) {
    List<Field> fields = schema.fields();
    Object[] values = new Object[fields.size()];
    for (int i = 0; i < values.length; i++) {
      Field field = fields.get(i);
      String name = field.name();
      Object value = switch (field.type()) {
        case ID -> id(name, field.isRequired());
        case TEXT -> text(field);
        case NUMBER -> number(name, field.range(), field.isRequired());
        case BOOLEAN -> bool(name);
        case DATE -> date(name, field.isRequired());
        case VOCABULARY -> label(field);
        case ACTOR_ID -> actorRef(name, refs, field.isRequired());
        case SOURCE_IDS -> sources();
      };
      values[i] = value;
      Field.Condition c = field.condition();
      if (c != null && value != null) {
        Object other = values[schema.indexOf(c.field())];
        if (other != null && other != c.value()) {
          problem(name, c.problem().apply((Label) other));
        }
      }
    }
    return new RecordValues(schema, values);
  }

  private void problem(String field, String message) {
    problems.add(record.problem(field, message));
  }

  String id(String name, boolean required) {
    String id = string(name, required);
    if (id != null) {
      checkId(id);
    }
    return id;
  }

  String text(Field field) {
    String text = string(field.name(), field.isRequired());
    Field.Format format = field.format();
    if (text != null && format != null && !format.valid().test(text)) {
      problem(field.name(), "expected " + format.expected() + ", got '" + text + "'");
    }
    return text;
  }

  Label label(Field field) {
    String text = string(field.name(), field.isRequired());
    if (text == null) {
      return null;
    }
    Label value = field.vocabularyValue(text);
    if (value == null) {
      problem(field.name(), "unknown value '" + text + "'; expected one of " + field.allowed());
    }
    return value;
  }

  void checkId(String id) {
    if (id.length() > CaseValidator.MAX_ID_LENGTH) {
      problem("id", "an id is at most " + CaseValidator.MAX_ID_LENGTH + " characters");
    }
    // '/', '\' and the segments '.' and '..' would change (or, encoded, be refused in) the URL
    // that names the record, as would '%' (the HTTP firewall refuses an encoded percent sign);
    // ';' separates the ids of a CSV sources cell
    if (id.chars().anyMatch(c -> Character.isISOControl(c) || c == '/' || c == '\\' || c == ';' || c == '%')) {
      problem("id", "an id cannot contain '/', '\\', ';', '%' or control characters");
    }
    if (id.equals(".") || id.equals("..")) {
      problem("id", "an id cannot be '.' or '..'");
    }
  }

  String string(String name, boolean required) {
    Object v = record.values().get(name);
    if (v == null) {
      if (required) {
        problem(name, "missing required field '" + name + "'");
      }
      return null;
    }
    if (!(v instanceof String s)) {
      problem(name, "expected text, got " + describe(v));
      return null;
    }
    if (s.isBlank()) {
      if (required) {
        problem(name, "'" + name + "' must not be blank");
      }
      return null;
    }
    if (s.length() > CaseValidator.MAX_TEXT_LENGTH) {
      problem(name, "text is longer than " + CaseValidator.MAX_TEXT_LENGTH + " characters");
      return null;
    }
    int broken = loneSurrogate(s);
    if (broken >= 0) {
      // Neo4j and every UTF-8 writer would turn it into '?': refuse rather than change it
      problem(name, "text is not valid Unicode: a lone surrogate (U+"
          + Integer.toHexString(s.charAt(broken)).toUpperCase(Locale.ROOT) + ") at character "
          + (broken + 1));
      return null;
    }
    return s.strip();
  }

  String actorRef(String name, CaseValidator.References refs, boolean required) {
    String id = string(name, required);
    if (id != null && !refs.actors().containsKey(id)) {
      problem(name, "unknown actor id '" + id + "'");
      return null;
    }
    return id;
  }

  <E extends Enum<E> & Label> E label(String name, Class<E> type, boolean required) {
    String text = string(name, required);
    if (text == null) {
      return null;
    }
    return Label.parse(type, text).orElseGet(() -> {
      problem(name, "unknown value '" + text + "'; expected one of " + Label.allowed(type));
      return null;
    });
  }

  Double number(String name, Field.Range range, boolean required) {
    Object v = record.values().get(name);
    if (v == null) {
      if (required) {
        problem(name, "missing required field '" + name + "'");
      }
      return null;
    }
    double d;
    if (v instanceof Number n) {
      d = n.doubleValue();
    } else if (v instanceof String s) {
      try {
        d = Double.parseDouble(s.strip());
      } catch (NumberFormatException e) {
        problem(name, "expected a number, got '" + s + "'");
        return null;
      }
    } else {
      problem(name, "expected a number, got " + describe(v));
      return null;
    }
    if (!range.contains(d)) {
      problem(name, "value " + fmt(d) + " is out of range; expected " + range);
      return null;
    }
    return d;
  }

  LocalDate date(String name, boolean required) {
    String text = string(name, required);
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      problem(name, "expected an ISO date (YYYY-MM-DD), got '" + text + "'");
      return null;
    }
  }

  Boolean bool(String name) {
    Object v = record.values().get(name);
    if (v == null || v instanceof Boolean) {
      return (Boolean) v;
    }
    if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
      return Boolean.valueOf(s);
    }
    problem(name, "expected true or false, got " + describe(v));
    return null;
  }

  List<String> sources() {
    Object v = record.values().get("sources");
    if (v == null) {
      problem("sources", "missing sources; every record cites at least one source id");
      return null;
    }
    List<?> items = v instanceof List<?> l ? l : List.of(v);
    List<String> ids = new ArrayList<>();
    for (Object item : items) {
      if (item instanceof String s && !s.isBlank()) {
        ids.add(s.strip());
      } else {
        problem("sources", "expected source ids (text), got " + describe(item));
        return null;
      }
    }
    if (ids.isEmpty()) {
      problem("sources", "missing sources; every record cites at least one source id");
      return null;
    }
    return ids;
  }

  /** The index of the first UTF-16 surrogate without its partner, or -1. */
  private static int loneSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  private static String describe(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof List) {
      return "a list";
    }
    if (v instanceof String s) {
      return "'" + s + "'";
    }
    return v.toString();
  }

  static String fmt(double d) {
    if (!Double.isFinite(d)) {
      return Double.isNaN(d) ? "NaN" : d > 0 ? "too large (infinite)" : "too small (-infinite)";
    }
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }
}
