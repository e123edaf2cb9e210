package org.fulcrum.interchange;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.fulcrum.casefile.CaseFile;
import org.fulcrum.casefile.CaseValidator;
import org.fulcrum.casefile.Field;
import org.fulcrum.casefile.FieldType;
import org.fulcrum.casefile.Label;
import org.fulcrum.casefile.RecordSchema;
import org.fulcrum.casefile.Source;

/**
 * How a case's fields become graph attributes, read from the schema descriptor ({@link
 * org.fulcrum.casefile.CaseSchema}): every actor field is a node attribute, every tie field an edge
 * attribute, and the case header a graph attribute. The structure carries what the format has its
 * own place for: the actor's {@code id} is the node id, the tie's {@code id}, {@code source} and
 * {@code target} are the edge's.
 */
final class GraphAttributes {

  /** Where an attribute of a graph format must not be named as the field is. */
  static final Map<String, String> GEXF_EDGE_NAMES = Map.of("type", "tieType");

  /** The graph-level attribute that holds the case's sources, as JSON. */
  static final String SOURCES = "sources";

  private GraphAttributes() {}

  /** Whether the field is carried by the graph structure rather than as an attribute. */
  static boolean structural(RecordSchema<?> kind, String field) {
    return kind.kind().equals("actor") ? field.equals("id")
        : field.equals("id") || field.equals("source") || field.equals("target");
  }

  /** A field value as text, as the CSV files write it ({@code null} stays {@code null}). */
  static String text(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Label l) {
      return l.label();
    }
    if (value instanceof Double d) {
      return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
    if (value instanceof List<?> list) {
      return list.stream().map(String::valueOf).collect(Collectors.joining(";"));
    }
    return value.toString();
  }

  /** A field value as JSON would hold it: numbers, booleans, lists, text. */
  static Object json(Object value) {
    if (value instanceof Label l) {
      return l.label();
    }
    if (value instanceof LocalDate d) {
      return d.toString();
    }
    return value;
  }

  /** The case header's values, by field name (absent ones left out). */
  static Map<String, String> header(CaseFile c) {
    List<Object> values = java.util.Arrays.asList(
        c.id(), c.title(), c.description(), c.asOf(), c.tempo(), c.phase());
    Map<String, String> header = new LinkedHashMap<>();
    for (int i = 0; i < CaseValidator.CASE_FIELDS.size(); i++) {
      String v = text(values.get(i));
      if (v != null) {
        header.put(CaseValidator.CASE_FIELDS.get(i), v);
      }
    }
    return header;
  }

  /** The field is a number, a boolean, or text. */
  static FieldType kindOf(Field field) {
    return switch (field.type()) {
      case NUMBER -> FieldType.NUMBER;
      case BOOLEAN -> FieldType.BOOLEAN;
      default -> FieldType.TEXT;
    };
  }

  /** The sources' citations, in the order of {@code ids}, for formats with no graph-level data. */
  static String citations(List<String> ids, CaseFile c) {
    if (ids == null) {
      return null;
    }
    Map<String, String> byId = c.sources().stream()
        .collect(Collectors.toMap(Source::id, Source::citation));
    return ids.stream().map(id -> byId.getOrDefault(id, id)).collect(Collectors.joining(" | "));
  }
}
