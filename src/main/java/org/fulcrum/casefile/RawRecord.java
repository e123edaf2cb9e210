package org.fulcrum.casefile;

import java.util.Map;

/**
 * One record as read from a file, before validation: field values are {@link String}, {@link
 * java.math.BigDecimal}, {@link Boolean}, {@link java.util.List} or {@code null}.
 *
 * @param file the file name, for problem reports
 * @param line the 1-based line the record starts on
 * @param path the record's JSON path (e.g. {@code $.actors[3]}), or {@code null} for CSV rows
 */
public record RawRecord(String file, int line, String path, Map<String, Object> values) {

  public ImportProblem problem(String field, String message) {
    String fieldPath = path == null || field == null ? path : path + "." + field;
    return new ImportProblem(file, line, fieldPath, field, message);
  }
}
