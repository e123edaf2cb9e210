package org.fulcrum.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.fulcrum.casefile.ActorKind;
import org.fulcrum.casefile.CaseFile;
import org.fulcrum.casefile.Polarity;
import org.fulcrum.casefile.Tie;
import org.fulcrum.casefile.TieType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GDELT 1.0 export rows (40 real rows from the Georgia Aug-Oct 2012 sample, with both actors
 * coded; src/test/resources/opendata/gdelt), built for the United States in 2012. The CSV copy
 * with a header and the raw tab-separated export without one read the same.
 */
class GdeltEventsTest {

  static final Path SAMPLE = Path.of("src/test/resources/opendata/gdelt/gdelt1_georgia_2012-08_sample.csv");

  static CaseFile build(Path dir) {
    var build = new OpenDataCaseBuilder(new DataFiles(dir)).build(
        BuildRequest.of("USA", 2012, 2012, java.util.EnumSet.of(OpenDataSource.EVENTS)));
    return new CaseAssembler().assemble(build, null).caseFile();
  }

  static Path folder(Path dir, Path events, String name) throws Exception {
    for (String f : new String[] {DataFiles.CROSSWALK, DataFiles.CAMEO_CODES}) {
      Files.copy(Path.of("datasets/open-data", f), dir.resolve(f));
    }
    Files.copy(events, dir.resolve(name));
    return dir;
  }

  @Test
  void aggregatesGdeltRowsIntoSignedTiesBetweenCodedActors(@TempDir Path dir) throws Exception {
    CaseFile usa = build(folder(dir, SAMPLE, "gdelt1_georgia_2012-08_sample.csv"));
    Map<String, Tie> ties = usa.ties().stream().collect(Collectors.toMap(Tie::id, Function.identity()));
    // USA -> RUS: three "Demand" events (100, quad class 3, Goldstein -5) on 2012-08-03.
    Tie demand = ties.get("od-ev-usa-influences-neg-rus");
    assertThat(demand.polarity()).isEqualTo(Polarity.HOSTILE);
    assertThat(demand.strength()).as("(1 - e^-0.6) x 0.75").isEqualTo(0.3384);
    assertThat(demand.confidence()).as("one day").isEqualTo(0.5);
    // JPN <-> USA: "Express intent to meet" (036, quad 1, Goldstein 4), supportive both ways.
    assertThat(ties.get("od-ev-jpn-influences-pos-usa").polarity()).isEqualTo(Polarity.SUPPORTIVE);
    // NATO (IGOWSTNAT) -> USA: fighting (190) is a hostile military threat.
    Tie nato = ties.get("od-ev-nato-igowstnat-threatens-neg-usa");
    assertThat(nato.type()).isEqualTo(TieType.THREATENS);
    assertThat(usa.actors()).filteredOn(a -> a.id().equals("od-ev-nato-igowstnat"))
        .singleElement().satisfies(a -> assertThat(a.kind()).isEqualTo(ActorKind.FORUM));
    assertThat(usa.ties()).as("Save the Children's 010 statement has Goldstein 0: neutral")
        .noneMatch(t -> t.source().contains("save-the-children"));
  }

  @Test
  void theRawTabSeparatedExportWithoutHeaderReadsTheSame(@TempDir Path csvDir, @TempDir Path tsvDir)
      throws Exception {
    Path tsv = tsvDir.resolve("raw.tsv");
    try (var in = org.apache.commons.csv.CSVParser.builder().setReader(Files.newBufferedReader(SAMPLE))
            .setFormat(DataFiles.CSV).get();
        var out = Files.newBufferedWriter(tsv)) {
      for (var r : in) {
        out.write(String.join("\t", r.stream().map(v -> "NA".equals(v) ? "" : v).toList()));
        out.newLine();
      }
    }
    Path raw = Files.createDirectory(tsvDir.resolve("data"));
    CaseFile fromCsv = build(folder(csvDir, SAMPLE, "gdelt1.csv"));
    CaseFile fromTsv = build(folder(raw, tsv, "20120801.export.CSV"));
    assertThat(fromTsv.ties()).extracting(Tie::id, Tie::strength)
        .containsExactlyInAnyOrderElementsOf(fromCsv.ties().stream()
            .map(t -> org.assertj.core.groups.Tuple.tuple(t.id(), t.strength())).toList());
  }
}
