package org.fulcrum.casefile;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a case as the CSV files that {@link CsvCaseReader} reads back unchanged.
 *
 * <p>Cells are written inertly for spreadsheets (OWASP "CSV injection"): a text cell that starts
 * with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return would be run as a
 * formula by Excel, LibreOffice or Google Sheets, so it is written with a leading {@code '}, the
 * spreadsheets' own "this is text" mark. A text cell that already starts with {@code '} gets a second
 * one, so that {@link CsvCaseReader#unescape} can tell the two apart and the round trip stays
 * lossless. Numbers are written as numbers ({@code -0.5} stays {@code -0.5}).
 */
final class CsvCaseWriter {

  /** The spreadsheet text mark put in front of a cell that would otherwise be a formula. */
  static final char TEXT_MARK = '\'';

  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

  Map<String, String> write(CaseFile c) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put(CsvCaseReader.CASE, table(CaseValidator.CASE_FIELDS, List.of(c), x -> Arrays.asList(
        x.id(), x.title(), x.description(), x.asOf(), x.tempo(), x.phase())));
    for (RecordSchema<?> kind : CaseSchema.KINDS) {
      files.put(CsvCaseReader.fileOf(kind), records(kind, c));
    }
    return files;
  }

  private static <R extends Record> String records(RecordSchema<R> kind, CaseFile c) {
    return table(kind.names(), kind.records(c), r -> Arrays.asList(kind.values(r)));
  }

  private static <T> String table(List<String> header, List<T> rows, Function<T, List<?>> cells) {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
      printer.printRecord(header);
      for (T row : rows) {
        List<String> record = new ArrayList<>();
        for (Object cell : cells.apply(row)) {
          record.add(cell(cell));
        }
        printer.printRecord(record);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static String cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Label l) {
      return l.label();
    }
    if (value instanceof Double d) {
      return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
    if (value instanceof List<?> list) {
      return inert(String.join(";", list.stream().map(String::valueOf).toList()));
    }
    return inert(value.toString());
  }

  /** The text as a spreadsheet shows it without evaluating it (see the class comment). */
  static String inert(String text) {
    return needsMark(text) ? TEXT_MARK + text : text;
  }

  /** Whether a text cell would start a formula, or already starts with the text mark. */
  static boolean needsMark(String text) {
    if (text.isEmpty()) {
      return false;
    }
    char first = text.charAt(0);
    return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
        || first == '\r' || first == TEXT_MARK;
  }
}
