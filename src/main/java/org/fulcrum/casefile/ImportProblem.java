package org.fulcrum.casefile;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing wrong with an input file, located precisely enough to fix it.
 *
 * @param file the file name as the user gave it
 * @param line the 1-based line the record starts on, or {@code null} when unknown
 * @param path the JSON path of the offending value (e.g. {@code $.ties[4].strength}), or
 *     {@code null} for CSV files
 * @param field the field name, or {@code null} when the whole record or file is at fault
 * @param message what is wrong and what was expected
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportProblem(String file, Integer line, String path, String field, String message) {

  @Override
  public String toString() {
    StringBuilder where = new StringBuilder(file == null ? "input" : file);
    if (line != null) {
      where.append(':').append(line);
    }
    if (path != null) {
      where.append(' ').append(path);
    } else if (field != null) {
      where.append(" field '").append(field).append('\'');
    }
    return where + ": " + message;
  }
}
