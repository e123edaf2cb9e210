package org.fulcrum.casefile;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a case kept as a folder of CSV files ({@code case.csv}, {@code sources.csv}, {@code
 * actors.csv}, {@code ties.csv}, {@code messages.csv}), for people who keep their data in
 * spreadsheets. Each file has a header row; list cells (the {@code sources} column) separate their
 * items with {@code ;}; an empty cell means "absent".
 */
public final class CsvCaseReader {

  public static final String CASE = "case.csv";
  public static final String SOURCES = fileOf(CaseSchema.SOURCE);
  public static final String ACTORS = fileOf(CaseSchema.ACTOR);
  public static final String TIES = fileOf(CaseSchema.TIE);
  public static final String MESSAGES = fileOf(CaseSchema.MESSAGE);
  public static final List<String> FILES = List.of(CASE, SOURCES, ACTORS, TIES, MESSAGES);
  private static final Set<String> REQUIRED = Set.of(CASE, SOURCES, ACTORS);
  /** The columns whose cells are lists, by file: the descriptor's source-id fields. */
  private static final Map<String, Set<String>> LIST_COLUMNS = listColumns();
  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();

  /**
   * @param files file name (one of {@link #FILES}) to its UTF-8 content; missing optional files
   *     are treated as empty
   */
  public RawCase read(Map<String, String> files) {
    List<ImportProblem> problems = new ArrayList<>();
    for (String name : files.keySet()) {
      if (!FILES.contains(name)) {
        problems.add(new ImportProblem(name, null, null, null,
            "unexpected file; a case folder holds " + String.join(", ", FILES)));
      }
    }
    Map<String, List<RawRecord>> rows = new LinkedHashMap<>();
    for (String name : FILES) {
      String content = files.get(name);
      if (content == null) {
        if (REQUIRED.contains(name)) {
          problems.add(new ImportProblem(name, null, null, null, "file is missing"));
        }
        rows.put(name, List.of());
      } else {
        rows.put(name, parse(name, content, problems));
      }
    }
    List<RawRecord> header = rows.get(CASE);
    RawRecord caseRecord;
    if (header.size() == 1) {
      caseRecord = header.get(0);
    } else {
      if (files.containsKey(CASE)) {
        problems.add(new ImportProblem(CASE, null, null, null,
            "expected exactly one data row, found " + header.size()));
      }
      caseRecord = new RawRecord(CASE, 2, null, Map.of());
    }
    return new RawCase(caseRecord, rows.get(SOURCES), rows.get(ACTORS), rows.get(TIES),
        rows.get(MESSAGES), problems);
  }

  /** The file that holds the records of a kind, e.g. {@code ties.csv}. */
  static String fileOf(RecordSchema<?> kind) {
    return kind.collection() + ".csv";
  }

  private static Map<String, Set<String>> listColumns() {
    Map<String, Set<String>> columns = new HashMap<>();
    for (RecordSchema<?> kind : CaseSchema.KINDS) {
      columns.put(fileOf(kind), kind.fields().stream()
          .filter(f -> f.type() == FieldType.SOURCE_IDS).map(Field::name)
          .collect(Collectors.toUnmodifiableSet()));
    }
    return Map.copyOf(columns);
  }

  /**
   * Undoes {@link CsvCaseWriter}'s spreadsheet text mark: a cell that starts with {@code '} followed
   * by a formula character ({@code = + - @}, tab, carriage return) or by a second {@code '} loses
   * the first {@code '}. Any other cell is read as it is ({@code 'Tis} stays {@code 'Tis}).
   */
  static String unescape(String cell) {
    if (cell.length() >= 2 && cell.charAt(0) == CsvCaseWriter.TEXT_MARK
        && CsvCaseWriter.needsMark(cell.substring(1, 2))) {
      return cell.substring(1);
    }
    return cell;
  }

  private static List<RawRecord> parse(String file, String content, List<ImportProblem> problems) {
    if (content.startsWith("\uFEFF")) {
      content = content.substring(1);
    }
    List<RawRecord> records = new ArrayList<>();
    Set<String> listColumns = LIST_COLUMNS.getOrDefault(file, Set.of());
    try (CSVParser parser = CSVParser.parse(new StringReader(content), FORMAT)) {
      List<String> columns = parser.getHeaderNames();
      long lineBefore = parser.getCurrentLineNumber();
      for (CSVRecord row : parser) {
        int line = (int) lineBefore + 1;
        lineBefore = parser.getCurrentLineNumber();
        if (row.size() == 1 && row.get(0).isEmpty()) {
          continue; // blank line
        }
        if (row.size() != columns.size()) {
          problems.add(new ImportProblem(file, line, null, null,
              "expected " + columns.size() + " cells as in the header, found " + row.size()));
          continue;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
          String cell = unescape(row.get(i));
          String column = columns.get(i);
          if (cell.isEmpty()) {
            values.put(column, null);
          } else if (listColumns.contains(column)) {
            values.put(column, Arrays.stream(cell.split(";")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList());
          } else {
            values.put(column, cell);
          }
        }
        records.add(new RawRecord(file, line, null, values));
      }
    } catch (IOException | UncheckedIOException e) {
      // the text is in memory: every I/O error is Commons CSV's CSVException, a format error
      // (e.g. a quoted cell that never ends), thrown directly or from the row iterator
      problems.add(new ImportProblem(file, null, null, null,
          "malformed CSV: " + (e instanceof UncheckedIOException u ? u.getCause() : e).getMessage()));
    } catch (IllegalArgumentException | IllegalStateException e) {
      problems.add(new ImportProblem(file, null, null, null,
          "malformed CSV: " + e.getMessage()));
    }
    return records;
  }
}
