package org.fulcrum.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spreadsheets as people save them, as bytes: Excel's Windows-1252 "CSV", European semicolon files
 * with decimal commas, "Unicode text" (UTF-16 with tabs), headers in another letter case, trailing
 * empty columns, and zips made on macOS. Names arrive intact or the file is refused naming the
 * encoding; never garbled.
 */
class SpreadsheetImportTest {

  private static final String ACTORS_HEADER =
      "id,name,kind,country,position,capability,salience,targetGroup,sources";

  /** The CSV files of a small case, as text, for one separator. */
  private static Map<String, String> sheets(String actorName) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("case.csv", "id,title,asOf,tempo,phase\nsheet,Feuille,2008-01-15,volcanic,escalating\n");
    files.put("sources.csv", "id,citation\ns1,Rapport\n");
    files.put("actors.csv", ACTORS_HEADER + "\n"
        + "fra," + actorName + ",state,FRA,0.5,0.8,0.6,,s1\n"
        + "gov,Government,government-body,SDN,-0.5,0.7,1,planners,s1\n");
    files.put("ties.csv", "source,target,type,strength,polarity,channel,confidence,sources\n"
        + "fra,gov,sanctions,0.4,hostile,diplomatic,0.7,s1\n");
    return files;
  }

  private static Map<String, byte[]> bytes(Map<String, String> texts, java.nio.charset.Charset cs) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    texts.forEach((k, v) -> files.put(k, v.getBytes(cs)));
    return files;
  }

  private static CaseFile read(Map<String, byte[]> files) {
    return new CaseValidator().validate(new CsvCaseReader().readBytes(files));
  }

  private static CaseFormatException refused(Map<String, byte[]> files) {
    return catchThrowableOfType(CaseFormatException.class, () -> read(files));
  }

  @Test
  void aWindows1252FileIsDecodedNotGarbled() {
    Map<String, byte[]> files = bytes(sheets("X"), StandardCharsets.US_ASCII);
    // "République française" exactly as Excel on Windows saves it: é = 0xE9, ç = 0xE7
    byte[] name = {'R', (byte) 0xE9, 'p', 'u', 'b', 'l', 'i', 'q', 'u', 'e', ' ',
        'f', 'r', 'a', 'n', (byte) 0xE7, 'a', 'i', 's', 'e'};
    String[] around = sheets("X").get("actors.csv").split(",X,", 2);
    files.put("actors.csv", concat(around[0].getBytes(StandardCharsets.US_ASCII),
        new byte[] {','}, name, ("," + around[1]).getBytes(StandardCharsets.US_ASCII)));
    CaseFile c = read(files);
    assertThat(c.actors().get(0).name()).isEqualTo("République française");
  }

  @Test
  void windows1252PunctuationBetween0x80And0x9FIsRead() {
    // “Côte d’Ivoire” with the curly quotes Word and Excel put in: 0x93, 0x92, 0x94
    Map<String, byte[]> files = bytes(sheets("\u201CC\u00F4te d\u2019Ivoire\u201D"),
        SpreadsheetText.WINDOWS_1252);
    assertThat(files.get("actors.csv")).contains((byte) 0x93, (byte) 0x92, (byte) 0x94);
    assertThat(read(files).actors().get(0).name()).isEqualTo("\u201CC\u00F4te d\u2019Ivoire\u201D");
  }

  @Test
  void utf8WithAndWithoutAByteOrderMarkAndUtf16AreRead() {
    Map<String, byte[]> plain = bytes(sheets("République française"), StandardCharsets.UTF_8);
    assertThat(read(plain).actors().get(0).name()).isEqualTo("République française");

    Map<String, byte[]> bom = new LinkedHashMap<>(plain);
    bom.put("actors.csv", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, plain.get("actors.csv")));
    assertThat(read(bom).actors().get(0).name()).isEqualTo("République française");

    // Excel's "Unicode text": UTF-16LE with a byte-order mark, tab-separated
    Map<String, byte[]> utf16 = new LinkedHashMap<>(plain);
    utf16.put("actors.csv", concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
        sheets("Côte d’Ivoire").get("actors.csv").replace(',', '\t').getBytes(StandardCharsets.UTF_16LE)));
    assertThat(read(utf16).actors().get(0).name()).isEqualTo("Côte d’Ivoire");
  }

  @Test
  void bytesThatAreNoTextInAnyEncodingAreRefusedNamingTheEncodings() {
    Map<String, byte[]> files = bytes(sheets("X"), StandardCharsets.US_ASCII);
    // 0xE9 is not UTF-8 here, and 0x81 is no character in Windows-1252 or ISO-8859-1
    files.put("actors.csv", concat(ACTORS_HEADER.getBytes(StandardCharsets.US_ASCII),
        "\nfra,R".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xE9, (byte) 0x81},
        ",state,FRA,0.5,0.8,0.6,,s1\n".getBytes(StandardCharsets.US_ASCII)));
    assertThat(refused(files).problems()).extracting(Object::toString).containsExactly(
        "actors.csv:2: the file is not UTF-8 (byte 0xE9 on line 2 is not valid UTF-8), nor"
            + " Windows-1252 or ISO-8859-1 text (byte 0x81 is no character in either); save it as"
            + " \"CSV UTF-8\" and import it again");
  }

  @Test
  void textAlreadyGarbledWithReplacementCharactersIsRefused() {
    Map<String, byte[]> files = bytes(sheets("R\uFFFDpublique fran\uFFFDaise"), StandardCharsets.UTF_8);
    assertThat(refused(files).problems()).singleElement().asString()
        .startsWith("actors.csv:2: the UTF-8 text holds the replacement character U+FFFD");
  }

  @Test
  void aBrokenUtf8FileBehindAByteOrderMarkIsRefused() {
    Map<String, byte[]> files = bytes(sheets("X"), StandardCharsets.UTF_8);
    files.put("sources.csv", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
        "id,citation\ns1,Rapport ".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xE9, '\n'}));
    assertThat(refused(files).problems()).extracting(Object::toString).containsExactly(
        "sources.csv: the file starts with a UTF-8 byte-order mark but is not valid UTF-8; save it"
            + " as \"CSV UTF-8\" and import it again");
  }

  @Test
  void aSemicolonFileWithDecimalCommasIsRead() {
    Map<String, String> texts = new LinkedHashMap<>();
    sheets("République française").forEach((k, v) -> texts.put(k, v.replace(',', ';')));
    texts.put("actors.csv", """
        id;name;kind;country;position;capability;salience;targetGroup;sources
        fra;"Rapport; 2008";state;FRA;0,5;0,8;,6;;"s1;s2"
        gov;Government;government-body;SDN;-0,5;0,7;1;planners;s1
        """);
    texts.put("sources.csv", "id;citation\ns1;\"Rapport, 2008\"\ns2;Autre\n");
    CaseFile c = read(bytes(texts, SpreadsheetText.WINDOWS_1252));
    Actor fra = c.actors().get(0);
    assertThat(fra.name()).isEqualTo("Rapport; 2008");
    assertThat(fra.position()).isEqualTo(0.5);
    assertThat(fra.salience()).isEqualTo(0.6);
    assertThat(fra.sources()).containsExactly("s1", "s2");
    assertThat(c.actors().get(1).position()).isEqualTo(-0.5);
    assertThat(c.sources().get(0).citation()).isEqualTo("Rapport, 2008");
    assertThat(c.ties().get(0).strength()).isEqualTo(0.4);
  }

  @Test
  void aDecimalCommaInACommaSeparatedFileIsNotGuessed() {
    Map<String, String> texts = sheets("X");
    texts.put("ties.csv", "source,target,type,strength,polarity,channel,confidence,sources\n"
        + "fra,gov,sanctions,\"0,4\",hostile,diplomatic,0.7,s1\n");
    assertThat(refused(bytes(texts, StandardCharsets.UTF_8)).problems()).extracting(Object::toString)
        .containsExactly("ties.csv:2 field 'strength': expected a number, got '0,4'");
  }

  @Test
  void excelsSepLineAndTabsAreRead() {
    Map<String, String> texts = sheets("X");
    texts.put("ties.csv", "sep=;\nsource;target;type;strength;polarity;channel;confidence;sources\n"
        + "fra;gov;sanctions;0,4;hostile;diplomatic;0,7;s1\n"
        + "gov;fra;threatens;high;hostile;diplomatic;0,7;s1\n");
    texts.put("sources.csv", "id\tcitation\ns1\tRapport\n");
    var e = refused(bytes(texts, StandardCharsets.UTF_8));
    // the sep= line counts: the bad row is on line 4 of the file
    assertThat(e.problems()).extracting(Object::toString)
        .containsExactly("ties.csv:4 field 'strength': expected a number, got 'high'");
  }

  /** Found by the fuzzer: a sep= line naming the quote character was a 500, not a problem. */
  @Test
  void aSepLineNamingTheQuoteIsRefusedNamingIt() {
    Map<String, String> texts = sheets("X");
    texts.put("ties.csv", "sep=\"\nsource\"target\n");
    assertThat(refused(bytes(texts, StandardCharsets.UTF_8)).problems()).extracting(Object::toString)
        .contains("ties.csv:1: the first line names '\"' as the separator (sep=), which cannot separate"
            + " cells; expected sep=, sep=; or a tab");
  }

  @Test
  void headersMatchRegardlessOfLetterCaseAndTrailingEmptyColumnsAreIgnored() {
    Map<String, String> texts = sheets("X");
    texts.put("actors.csv", "Id,Name,KIND,Country,Position,Capability,Salience,TargetGroup,Sources,,\n"
        + "fra,France,state,FRA,0.5,0.8,0.6,,s1,,\n"
        + "gov,Government,government-body,SDN,-0.5,0.7,1,planners,s1,,\n"
        + ",,,,,,,,,,\n");
    texts.put("sources.csv", "ID,Citation,,,\ns1,Rapport\n");
    CaseFile c = read(bytes(texts, StandardCharsets.UTF_8));
    assertThat(c.actors()).extracting(Actor::name).containsExactly("France", "Government");
  }

  @Test
  void twoColumnsNamingOneFieldAndACellBeyondTheHeaderAreReported() {
    Map<String, String> texts = sheets("X");
    texts.put("sources.csv", "id,citation,ID\ns1,Rapport,s2\n");
    texts.put("ties.csv", "source,target,type,strength,polarity,channel,confidence,sources,\n"
        + "fra,gov,sanctions,0.4,hostile,diplomatic,0.7,s1,stray\n");
    assertThat(refused(bytes(texts, StandardCharsets.UTF_8)).problems()).extracting(Object::toString)
        .startsWith(
            "sources.csv:1 field 'id': columns 1 and 3 of the header both name 'id' (letter case aside)",
            "ties.csv:2: expected 8 cells as in the header, found 9 (cells are separated by ',', as in the header)");
  }

  @Test
  void aZipMadeOnMacOsIsRead() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      put(zip, "case/", new byte[0]);
      for (var f : sheets("République française").entrySet()) {
        put(zip, "case/" + f.getKey(), f.getValue().getBytes(SpreadsheetText.WINDOWS_1252));
        // the AppleDouble resource fork Finder writes beside every file: binary, not CSV
        put(zip, "__MACOSX/case/._" + f.getKey(), new byte[] {0, 5, 22, 7, 0, 2, 0, 0, (byte) 0xFF});
      }
      put(zip, "case/.DS_Store", new byte[] {0, 0, 0, 1, 'B', 'u', 'd', '1'});
      put(zip, "case/._actors.csv", new byte[] {0, 5, 22, 7});
    }
    CaseFile c = new CaseCodec().readCsvZip("case.zip", new ByteArrayInputStream(out.toByteArray()));
    assertThat(c.actors().get(0).name()).isEqualTo("République française");
  }

  @Test
  void aFolderOfWindows1252FilesIsRead(@TempDir Path dir) throws IOException {
    for (var f : sheets("République française").entrySet()) {
      Files.write(dir.resolve(f.getKey()), f.getValue().getBytes(SpreadsheetText.WINDOWS_1252));
    }
    Files.write(dir.resolve("._actors.csv"), new byte[] {0, 5, 22, 7});
    CaseFile c = new CaseCodec().readCsvFolder(dir);
    assertThat(c.actors().get(0).name()).isEqualTo("République française");
  }

  private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(bytes);
    zip.closeEntry();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
