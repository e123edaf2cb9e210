package org.fulcrum.casefile;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;

/**
 * Fuzzes the JSON importer (reader and validator) with arbitrary bytes: the only outcomes are a
 * clean import, which then round-trips through both formats, or a problem report. The saved inputs
 * in {@code JsonImportFuzzTestInputs/} (a valid case among them) seed the fuzzer and run as
 * regression tests with the unit tests.
 */
class JsonImportFuzzTest {

  @FuzzTest(maxDuration = "10s")
  // libFuzzer dictionary syntax: \\ is a backslash, so the last entries are JSON escapes
  @DictionaryEntries({"id", "title", "asOf", "tempo", "phase", "sources", "actors", "ties",
      "messages", "kind", "position", "capability", "salience", "strength", "confidence",
      "polarity", "channel", "type", "source", "target", "veto", "votingWeight", "member-of",
      "forum", "from", "to", "2005-01-01", "speaker", "audience", "issue", "stance", "date", "text",
      "1e999", "-0.0", "\\ud800", "\\u0000"})
  void importsCleanlyOrReportsProblems(byte[] input) {
    ImportOutcomes.cleanImportOrProblemReport(
        () -> new CaseCodec().readJson("fuzz.json", new ByteArrayInputStream(input)));
  }
}
