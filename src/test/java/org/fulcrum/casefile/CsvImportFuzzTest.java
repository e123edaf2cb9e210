package org.fulcrum.casefile;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Fuzzes the CSV importer as {@code POST /api/cases} receives it, a zip of CSV files: sometimes the
 * raw bytes as the zip, mostly a well-formed zip whose entries (names from the format's and others)
 * hold fuzzed CSV text. The only outcomes are a clean import, which then round-trips through both
 * formats, or a problem report.
 */
class CsvImportFuzzTest {

  private static final String[] NAMES = {"case.csv", "sources.csv", "actors.csv", "ties.csv",
      "messages.csv", "notes.csv", "dir/actors.csv", "case.csv"};

  @FuzzTest(maxDuration = "10s")
  // libFuzzer dictionaries hold one entry a line: no raw line breaks, quotes escaped
  @DictionaryEntries({"id,title,asOf,tempo,phase", "id,citation,url",
      "id,name,kind,country,position,capability,salience,targetGroup,decisionRule,sources",
      "id,source,target,type,strength,polarity,channel,confidence,from,to,veto,votingWeight,sources",
      "id,speaker,channel,forum,audience,issue,stance,intensity,date,text,sources",
      "rolling", "escalating", "2005-01-01", "state", "forum", "member-of", "supportive",
      "diplomatic", "demand", "\\\"", ";", "'=", "\\x0d\\x0a", "\\xef\\xbb\\xbf"})
  void importsCleanlyOrReportsProblems(FuzzedDataProvider data) {
    byte[] zip = data.consumeBoolean() ? data.consumeRemainingAsBytes() : zipOf(data);
    ImportOutcomes.cleanImportOrProblemReport(
        () -> new CaseCodec().readCsvZip("fuzz.zip", new ByteArrayInputStream(zip)));
  }

  private static byte[] zipOf(FuzzedDataProvider data) {
    var out = new ByteArrayOutputStream();
    try (var zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      int entries = data.consumeInt(0, 6);
      java.util.Set<String> used = new java.util.HashSet<>();
      for (int i = 0; i < entries; i++) {
        String name = data.pickValue(NAMES);
        if (!used.add(name)) {
          continue;
        }
        zip.putNextEntry(new ZipEntry(name));
        zip.write(data.consumeString(4000).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
