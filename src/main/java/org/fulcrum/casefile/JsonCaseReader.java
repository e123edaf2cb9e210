package org.fulcrum.casefile;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a case JSON file into {@link RawRecord}s that remember the line each object starts on, so
 * that every problem can be reported with its line and JSON path.
 */
public final class JsonCaseReader {

  /**
   * Deepest nesting of objects and arrays a file may have. The format itself needs 3 (the case
   * object, a list, a record, its sources list); anything much deeper is not a case, and is refused
   * before it can exhaust the parser's stack.
   */
  public static final int MAX_NESTING_DEPTH = 16;

  /** Longest single string the parser buffers; the validator's own limit on text is far lower. */
  public static final int MAX_STRING_LENGTH = 1_000_000;

  private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
          // a key given twice in one object is refused, naming the key: the last one must not win
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .streamReadConstraints(StreamReadConstraints.builder()
              .maxNestingDepth(MAX_NESTING_DEPTH)
              .maxStringLength(MAX_STRING_LENGTH)
              .build())
          .build())
      .build();
  /** The case object's lists of records, one per kind, in {@link RawCase}'s order. */
  private static final List<String> LISTS =
      CaseSchema.KINDS.stream().map(RecordSchema::collection).toList();

  /** The top-level field an export with history adds; skipped on reading. */
  public static final String HISTORY = "history";

  /** A JSON object with the line it starts on. */
  private record LocatedObject(int line, Map<String, Object> fields) {}

  public RawCase read(String fileName, InputStream in) {
    Object root;
    try (JsonParser parser = MAPPER.createParser(in)) {
      if (parser.nextToken() == null) {
        return unreadable(fileName, 1, "the file is empty; expected a JSON object");
      }
      root = readValue(parser);
      if (parser.nextToken() != null) {
        return unreadable(
            fileName, parser.currentTokenLocation().getLineNr(), "unexpected content after the case object");
      }
    } catch (JacksonException e) {
      TokenStreamLocation at = e.getLocation();
      int line = at == null ? 1 : Math.max(1, at.getLineNr());
      return unreadable(fileName, line, describe(e));
    }
    if (!(root instanceof LocatedObject top)) {
      return unreadable(fileName, 1, "expected a JSON object at the top level");
    }
    List<ImportProblem> problems = new ArrayList<>();
    Map<String, Object> headerFields = new LinkedHashMap<>(top.fields());
    // an export can carry the case's change history; it describes the store, not the case, and is
    // never imported (the import itself is recorded instead)
    headerFields.remove(HISTORY);
    List<List<RawRecord>> lists = new ArrayList<>();
    for (String name : LISTS) {
      Object value = headerFields.remove(name);
      List<RawRecord> records = new ArrayList<>();
      if (value instanceof List<?> items) {
        for (int i = 0; i < items.size(); i++) {
          String path = "$." + name + "[" + i + "]";
          if (items.get(i) instanceof LocatedObject item) {
            records.add(new RawRecord(fileName, item.line(), path, unwrap(item.fields())));
          } else {
            problems.add(new ImportProblem(fileName, top.line(), path, null, "expected an object"));
          }
        }
      } else if (value != null) {
        problems.add(new ImportProblem(fileName, top.line(), "$." + name, name, "expected a list"));
      }
      lists.add(records);
    }
    RawRecord header = new RawRecord(fileName, top.line(), "$", unwrap(headerFields));
    return new RawCase(header, lists.get(0), lists.get(1), lists.get(2), lists.get(3), problems);
  }

  /**
   * Reads one record (an actor, tie, message or source sent on its own, e.g. to the REST API).
   *
   * @throws CaseFormatException if the input is not a JSON object
   */
  public RawRecord readRecord(String name, InputStream in) {
    Object value;
    try (JsonParser parser = MAPPER.createParser(in)) {
      if (parser.nextToken() == null) {
        throw problem(name, 1, "the body is empty; expected a JSON object");
      }
      value = readValue(parser);
    } catch (JacksonException e) {
      TokenStreamLocation at = e.getLocation();
      throw problem(name, at == null ? 1 : Math.max(1, at.getLineNr()), describe(e));
    }
    if (!(value instanceof LocatedObject object)) {
      throw problem(name, 1, "expected a JSON object");
    }
    return new RawRecord(name, object.line(), "$", unwrap(object.fields()));
  }

  private static String describe(JacksonException e) {
    if (e instanceof StreamConstraintsException) {
      return "input exceeds a limit: " + e.getOriginalMessage() + " (a case nests at most "
          + MAX_NESTING_DEPTH + " levels, and a string holds at most " + MAX_STRING_LENGTH
          + " characters)";
    }
    String key = duplicateKey(e);
    if (key != null) {
      return "duplicate key '" + key + "': each key may appear once in an object";
    }
    return "malformed JSON: " + e.getOriginalMessage();
  }

  private static final java.util.regex.Pattern DUPLICATE =
      java.util.regex.Pattern.compile("^Duplicate Object property \"(.*)\"$", java.util.regex.Pattern.DOTALL);

  /**
   * The key a parser refused as given twice ({@link StreamReadFeature#STRICT_DUPLICATE_DETECTION}),
   * or null for any other problem.
   */
  public static String duplicateKey(JacksonException e) {
    String message = e.getOriginalMessage();
    if (!(e instanceof StreamReadException) || message == null) {
      return null;
    }
    var m = DUPLICATE.matcher(message);
    return m.matches() ? m.group(1) : null;
  }

  private static CaseFormatException problem(String name, int line, String message) {
    return new CaseFormatException(List.of(new ImportProblem(name, line, null, null, message)));
  }

  /** A file that is not a JSON object cannot be checked further: that one problem is the answer. */
  private static RawCase unreadable(String fileName, int line, String message) {
    throw problem(fileName, line, message);
  }

  private static Object readValue(JsonParser parser) {
    JsonToken token = parser.currentToken();
    return switch (token) {
      case START_OBJECT -> {
        int line = parser.currentTokenLocation().getLineNr();
        Map<String, Object> fields = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
          String name = parser.currentName();
          parser.nextToken();
          fields.put(name, readValue(parser));
        }
        yield new LocatedObject(line, fields);
      }
      case START_ARRAY -> {
        List<Object> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          items.add(readValue(parser));
        }
        yield items;
      }
      case VALUE_STRING -> parser.getString();
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> number(parser);
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> throw new IllegalStateException("unexpected JSON token " + token);
    };
  }

  /** A number as written; one whose exponent no {@link BigDecimal} can hold is a located problem. */
  private static BigDecimal number(JsonParser parser) {
    try {
      return parser.getDecimalValue();
    } catch (NumberFormatException e) {
      String text = parser.getString();
      throw new StreamReadException(parser, "the number "
          + (text.length() > 40 ? text.substring(0, 40) + "..." : text)
          + " is too large to read; expected a number such as 0.5");
    }
  }

  /** Nested objects inside a record are not part of the format; keep a marker the validator reports. */
  private static Map<String, Object> unwrap(Map<String, Object> fields) {
    Map<String, Object> out = new LinkedHashMap<>();
    fields.forEach((k, v) -> out.put(k, v instanceof LocatedObject ? NESTED_OBJECT : unwrapList(v)));
    return out;
  }

  private static Object unwrapList(Object value) {
    if (value instanceof List<?> list) {
      return list.stream().map(v -> v instanceof LocatedObject ? NESTED_OBJECT : v).toList();
    }
    return value;
  }

  /** Stands for a JSON object where the format expects a plain value. */
  static final Object NESTED_OBJECT = new Object() {
    @Override
    public String toString() {
      return "an object";
    }
  };

}
