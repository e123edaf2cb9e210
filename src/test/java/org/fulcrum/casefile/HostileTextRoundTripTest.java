package org.fulcrum.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.fulcrum.HostileValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Hostile text survives both dataset formats unchanged, and the CSV export never hands a
 * spreadsheet a formula: every text cell that would start one carries the leading {@code '}.
 */
class HostileTextRoundTripTest {

  private final CaseCodec codec = new CaseCodec();
  private final CaseFile hostile = HostileValues.hostileCase("hostile");

  @Test
  void jsonExportImportsBackIdentical() {
    byte[] json = codec.toJson(hostile);
    assertThat(codec.readJson("hostile.json", new ByteArrayInputStream(json))).isEqualTo(hostile);
  }

  @Test
  void csvExportImportsBackIdentical() {
    var zip = new ByteArrayOutputStream();
    codec.writeCsvZip(hostile, zip);
    assertThat(codec.readCsvZip("hostile.zip", new ByteArrayInputStream(zip.toByteArray())))
        .isEqualTo(hostile);
  }

  @Test
  void noExportedTextCellStartsAFormula() throws IOException {
    Map<String, String> files = new CsvCaseWriter().write(hostile);
    int marked = 0;
    for (var file : files.entrySet()) {
      for (Map<String, String> row : rows(file.getValue())) {
        for (var cell : row.entrySet()) {
          String v = cell.getValue();
          if (v.isEmpty() || NUMERIC.contains(cell.getKey())) {
            continue;
          }
          assertThat("=+-@\t\r".indexOf(v.charAt(0)))
              .as("%s column %s: %s", file.getKey(), cell.getKey(), v).isEqualTo(-1);
          marked += v.charAt(0) == '\'' ? 1 : 0;
        }
      }
    }
    assertThat(marked).as("cells written with the text mark").isGreaterThan(20);
  }

  private static final List<String> NUMERIC =
      List.of("position", "capability", "salience", "strength", "confidence", "votingWeight",
          "intensity");

  @Test
  void negativeNumbersStayNumbers() {
    String actors = new CsvCaseWriter().write(hostile).get(CsvCaseReader.ACTORS);
    assertThat(actors).contains(",-0.5,0.5,0.5,");
  }

  @Test
  void leadingTabAndCarriageReturnAreMarkedToo() throws IOException {
    // stored values are trimmed, so only a record built in code can start with whitespace
    var c = new CaseFile("ws", "\tcmd", "\r=1+1", LocalDate.of(2005, 1, 1), Tempo.ROLLING,
        Phase.LATENT, List.of(), List.of(), List.of(), List.of());
    Map<String, String> row = rows(new CsvCaseWriter().write(c).get(CsvCaseReader.CASE)).get(0);
    assertThat(row.get("title")).isEqualTo("'\tcmd");
    assertThat(row.get("description")).isEqualTo("'\r=1+1");
  }

  @Test
  void aHandWrittenApostropheIsKeptUnlessItMarksAFormula() {
    assertThat(CsvCaseReader.unescape("'Tis")).isEqualTo("'Tis");
    assertThat(CsvCaseReader.unescape("'=SUM(A1)")).isEqualTo("=SUM(A1)");
    assertThat(CsvCaseReader.unescape("''quoted")).isEqualTo("'quoted");
    assertThat(CsvCaseReader.unescape("'")).isEqualTo("'");
  }

  @ParameterizedTest
  @FieldSource("org.fulcrum.HostileValues#REFUSED_TEXT")
  void refusedTextNamesTheField(String value) {
    String json = """
        {"id": "refused", "title": %s, "asOf": "2005-01-01", "tempo": "rolling", "phase": "latent",
         "sources": [], "actors": []}
        """.formatted(jsonString(value));
    var e = catchThrowableOfType(CaseFormatException.class, () -> codec.readJson("bad.json",
        new ByteArrayInputStream(json.getBytes(StandardCharsets.US_ASCII))));
    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.field()).isEqualTo("title");
      assertThat(p.path()).isEqualTo("$.title");
    });
  }

  /** A JSON string literal in plain ASCII, every other character escaped (lone surrogates too). */
  static String jsonString(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  /** Found by the fuzz tests: each was an unhandled exception (an HTTP 500) before. */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"1e999", "-1e999", "1e99999999999"})
  void numbersBeyondRangeAreProblemsNotCrashes(String number) {
    String json = """
        {"id": "n", "title": "t", "asOf": "2005-01-01", "tempo": "rolling", "phase": "latent",
         "sources": [{"id": "s", "citation": "c"}],
         "actors": [{"id": "a", "name": "a", "kind": "state", "position": %s, "capability": 0.5,
                     "salience": 0.5, "sources": ["s"]}]}
        """.formatted(number);
    var e = catchThrowableOfType(CaseFormatException.class, () -> codec.readJson("n.json",
        new ByteArrayInputStream(json.getBytes(StandardCharsets.US_ASCII))));
    assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.line()).as(p.message()).isEqualTo(3));
  }

  @Test
  void csvNaNAndInfinityAndAnUnendedQuoteAreProblemsNotCrashes() {
    var files = CsvCaseReaderTest.files();
    files.put("actors.csv", files.get("actors.csv").replace("-0.3", "NaN").replace("-0.2", "Infinity"));
    var e = catchThrowableOfType(CaseFormatException.class, () -> CsvCaseReaderTest.read(files));
    assertThat(e.problems()).extracting(ImportProblem::message).containsExactly(
        "value NaN is out of range; expected [-1, 1]",
        "value too large (infinite) is out of range; expected [-1, 1]");
    files.put("sources.csv", "id,citation\ns1,\"never ends\n");
    e = catchThrowableOfType(CaseFormatException.class, () -> CsvCaseReaderTest.read(files));
    assertThat(e.problems()).extracting(ImportProblem::message)
        .anySatisfy(m -> assertThat(m).startsWith("malformed CSV:"));
  }

  private static List<Map<String, String>> rows(String csv) throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(new StringReader(csv),
        CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
      for (CSVRecord r : parser) {
        rows.add(new LinkedHashMap<>(r.toMap()));
      }
    }
    return rows;
  }
}
