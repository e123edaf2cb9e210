package org.fulcrum.casefile;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a case kept as a folder of CSV files ({@code case.csv}, {@code sources.csv}, {@code
 * actors.csv}, {@code ties.csv}, {@code messages.csv}), for people who keep their data in
 * spreadsheets. Each file has a header row; list cells (the {@code sources} column) separate their
 * items with {@code ;}; an empty cell means "absent".
 *
 * <p>Files are read as spreadsheets save them: the encoding is detected ({@link #readBytes}), the
 * separator ({@code ,}, {@code ;} or tab) is sniffed from the header ({@link #separator}), and with
 * {@code ;} or tab a number cell may have a decimal comma; header names and file names match the
 * descriptor's field names regardless of letter case; trailing empty columns and rows of empty
 * cells are ignored.
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
  private static final Map<String, Set<String>> LIST_COLUMNS = columnsOfType(FieldType.SOURCE_IDS);
  /** The columns whose cells are numbers, by file: where a decimal comma may be read. */
  private static final Map<String, Set<String>> NUMBER_COLUMNS = columnsOfType(FieldType.NUMBER);
  /** Each file's field names, as the descriptor spells them: headers are matched to these. */
  private static final Map<String, List<String>> COLUMNS = knownColumns();
  /** The separators a spreadsheet saves CSV with: comma, semicolon (European locales), tab. */
  static final List<Character> SEPARATORS = List.of(',', ';', '\t');
  private static final Pattern SEP_LINE = Pattern.compile("(?i)\"?sep=(.)\"?");
  private static final Pattern DECIMAL_COMMA = Pattern.compile("[-+]?\\d*,\\d+");

  /**
   * @param files file name (one of {@link #FILES}) to its UTF-8 content; missing optional files
   *     are treated as empty
   */
  public RawCase read(Map<String, String> files) {
    return read(files, new ArrayList<>());
  }

  /**
   * Reads the files as saved by a spreadsheet: each file's encoding is detected ({@link
   * SpreadsheetText}) and a file that is no text in a supported encoding is reported, not garbled.
   *
   * @throws CaseFormatException naming each file that is no text in a supported encoding
   * @param files file name (one of {@link #FILES}, in any letter case) to its bytes
   */
  public RawCase readBytes(Map<String, byte[]> files) {
    List<ImportProblem> problems = new ArrayList<>();
    Map<String, String> texts = new LinkedHashMap<>();
    boolean unreadable = false;
    for (var file : files.entrySet()) {
      SpreadsheetText.Decoded d = SpreadsheetText.decode(file.getKey(), file.getValue(), problems);
      if (d == null) {
        unreadable = true;
      } else {
        texts.put(file.getKey(), d.text());
      }
    }
    if (unreadable) {
      // what the other files say about records in an unreadable one would only be noise
      throw new CaseFormatException(problems);
    }
    return read(texts, problems);
  }

  private RawCase read(Map<String, String> given, List<ImportProblem> problems) {
    Map<String, String> files = new LinkedHashMap<>();
    for (var file : given.entrySet()) {
      String name = canonicalFile(file.getKey());
      if (!FILES.contains(name)) {
        problems.add(new ImportProblem(file.getKey(), null, null, null,
            "unexpected file; a case folder holds " + String.join(", ", FILES)));
      } else if (files.containsKey(name)) {
        problems.add(new ImportProblem(file.getKey(), null, null, null,
            "a second " + name + " (file names are matched regardless of letter case)"));
      } else {
        files.put(name, file.getValue());
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

  /** The case file a name stands for, letter case aside ({@code Actors.CSV} is actors.csv). */
  private static String canonicalFile(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return FILES.contains(lower) ? lower : name;
  }

  /** The file that holds the records of a kind, e.g. {@code ties.csv}. */
  static String fileOf(RecordSchema<?> kind) {
    return kind.collection() + ".csv";
  }

  private static Map<String, Set<String>> columnsOfType(FieldType type) {
    Map<String, Set<String>> columns = new HashMap<>();
    for (RecordSchema<?> kind : CaseSchema.KINDS) {
      columns.put(fileOf(kind), kind.fields().stream()
          .filter(f -> f.type() == type).map(Field::name)
          .collect(Collectors.toUnmodifiableSet()));
    }
    return Map.copyOf(columns);
  }

  private static Map<String, List<String>> knownColumns() {
    Map<String, List<String>> columns = new HashMap<>();
    columns.put(CASE, CaseValidator.CASE_FIELDS);
    for (RecordSchema<?> kind : CaseSchema.KINDS) {
      columns.put(fileOf(kind), kind.names());
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

  /**
   * The separator of a CSV text: an Excel {@code sep=} first line if there is one, else the one of
   * {@link #SEPARATORS} that splits the header line into the most known column names (then the
   * most cells; a comma when nothing tells them apart).
   */
  static char separator(String headerLine, List<String> known) {
    char best = ',';
    int bestNames = -1;
    int bestCells = -1;
    for (char sep : SEPARATORS) {
      String[] cells = headerLine.split(Pattern.quote(String.valueOf(sep)), -1);
      int names = 0;
      for (String cell : cells) {
        String name = cell.strip().replace("\"", "");
        if (known.stream().anyMatch(k -> k.equalsIgnoreCase(name))) {
          names++;
        }
      }
      if (names > bestNames || (names == bestNames && cells.length > bestCells)) {
        best = sep;
        bestNames = names;
        bestCells = cells.length;
      }
    }
    return best;
  }

  private static String describe(char sep) {
    return sep == '\t' ? "tab" : "'" + sep + "'";
  }

  private static List<RawRecord> parse(String file, String content, List<ImportProblem> problems) {
    if (content.startsWith("\uFEFF")) {
      content = content.substring(1);
    }
    List<String> known = COLUMNS.getOrDefault(file, List.of());
    int firstBreak = content.indexOf('\n');
    String firstLine = (firstBreak < 0 ? content : content.substring(0, firstBreak)).strip();
    int skipped = 0;
    char sep;
    Matcher sepLine = SEP_LINE.matcher(firstLine);
    if (sepLine.matches()) {
      sep = sepLine.group(1).charAt(0);
      if (sep == '"' || sep == '\r' || Character.isLetterOrDigit(sep)) {
        problems.add(new ImportProblem(file, 1, null, null, "the first line names " + describe(sep)
            + " as the separator (sep=), which cannot separate cells; expected sep=, sep=; or a tab"));
        return List.of();
      }
      content = firstBreak < 0 ? "" : content.substring(firstBreak + 1);
      skipped = 1;
    } else {
      sep = separator(firstLine, known);
    }
    boolean decimalComma = sep != ',';
    List<RawRecord> records = new ArrayList<>();
    Set<String> listColumns = LIST_COLUMNS.getOrDefault(file, Set.of());
    Set<String> numberColumns = NUMBER_COLUMNS.getOrDefault(file, Set.of());
    CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(sep).setTrim(true).get();
    try (CSVParser parser = CSVParser.parse(new StringReader(content), format)) {
      List<String> columns = null;
      long lineBefore = 0;
      for (CSVRecord row : parser) {
        int line = (int) lineBefore + 1 + skipped;
        lineBefore = parser.getCurrentLineNumber();
        if (columns == null) {
          columns = header(file, line, row, known, sep, problems);
          if (columns == null) {
            return records;
          }
          continue;
        }
        int width = row.size();
        while (width > 0 && row.get(width - 1).isEmpty()) {
          width--; // trailing empty cells: Excel pads rows to the widest one
        }
        if (width == 0) {
          continue; // blank line, or a row of empty cells
        }
        if (width > columns.size() || (row.size() < columns.size())) {
          problems.add(new ImportProblem(file, line, null, null,
              "expected " + columns.size() + " cells as in the header, found " + row.size()
                  + " (cells are separated by " + describe(sep) + ", as in the header)"));
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
          } else if (decimalComma && numberColumns.contains(column)
              && DECIMAL_COMMA.matcher(cell).matches()) {
            values.put(column, cell.replace(',', '.'));
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

  /**
   * The header's column names, each known name in the descriptor's spelling whatever its letter
   * case ({@code Id} is {@code id}), trailing empty columns left out; {@code null} with a problem
   * when a column has no name or two columns name one field.
   */
  private static List<String> header(String file, int line, CSVRecord row, List<String> known,
      char sep, List<ImportProblem> problems) {
    int width = row.size();
    while (width > 0 && row.get(width - 1).isEmpty()) {
      width--;
    }
    List<String> columns = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    boolean ok = true;
    for (int i = 0; i < width; i++) {
      String cell = row.get(i);
      if (cell.isEmpty()) {
        problems.add(new ImportProblem(file, line, null, null, "column " + (i + 1)
            + " of the header has no name (cells are separated by " + describe(sep) + ")"));
        ok = false;
        continue;
      }
      String name = known.stream().filter(k -> k.equalsIgnoreCase(cell)).findFirst().orElse(cell);
      Integer before = seen.putIfAbsent(name, i + 1);
      if (before != null) {
        problems.add(new ImportProblem(file, line, null, name, "columns " + before + " and "
            + (i + 1) + " of the header both name '" + name + "' (letter case aside)"));
        ok = false;
      }
      columns.add(name);
    }
    return ok ? columns : null;
  }
}
