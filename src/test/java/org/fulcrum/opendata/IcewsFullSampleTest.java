package org.fulcrum.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The whole 92,367-row ICEWS05-15 sample (../shared/data, not in the repository): read, resolve
 * and aggregate it in seconds. Skipped when the shared data folder is absent. The figures it
 * prints are the ones in docs/benchmarks.md.
 */
class IcewsFullSampleTest {

  static final Path SHARED = Path.of("../shared/data/events/icews05-15_tkg_sample_test_valid.tsv");

  @Test
  void importsTheFullSampleInSeconds(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    assumeTrue(Files.isRegularFile(SHARED), "skipped: " + SHARED.toAbsolutePath()
        + " is absent (the shared open-data copies are not available here)");
    for (String f : new String[] {DataFiles.CROSSWALK, DataFiles.CAMEO_CODES,
        DataFiles.PHOENIX_COUNTRIES + ".gz", DataFiles.PHOENIX_INTERNATIONAL + ".gz",
        DataFiles.PHOENIX_AGENTS + ".gz"}) {
      Files.copy(Path.of("datasets/open-data", f), dir.resolve(f));
    }
    Files.createSymbolicLink(dir.resolve("icews05-15_tkg_sample_test_valid.tsv"), SHARED.toAbsolutePath());
    DataFiles files = new DataFiles(dir);

    // Every row, every actor: the whole sample as one graph.
    long t0 = System.nanoTime();
    CountryCodes codes = CountryCodes.load(files);
    CameoCodes cameo = CameoCodes.load(files);
    PhoenixDictionary phoenix = PhoenixDictionary.load(files);
    long t1 = System.nanoTime();
    var events = EventAggregation.discover(files, codes, cameo, new EventActorResolver(codes, phoenix));
    var all = events.aggregate(LocalDate.of(2005, 1, 1), LocalDate.of(2015, 12, 31), e -> true);
    long t2 = System.nanoTime();
    var draft = new CaseDraft(BuildRequest.of("KEN", 2005, 2015, EnumSet.of(OpenDataSource.EVENTS)),
        codes.require("KEN"));
    int ties = events.addTies(draft, all);
    var world = new CaseAssembler().assemble(
        new OpenDataCaseBuilder.Build(draft.request(), draft.target(), draft, java.util.List.of()), null);
    long t3 = System.nanoTime();
    System.out.printf(Locale.ROOT, "ICEWS full sample: %d rows, %d coded, %d kept (%d neutral);"
            + " dictionaries %.2f s, read+resolve+aggregate %.2f s, case of %d actors and %d ties"
            + " built and validated %.2f s; total %.2f s%n", all.rows(), all.inWindow() - all.uncoded(),
        all.kept(), all.neutral(), (t1 - t0) / 1e9, (t2 - t1) / 1e9,
        world.caseFile().actors().size(), ties, (t3 - t2) / 1e9, (t3 - t0) / 1e9);
    assertThat(all.rows()).isEqualTo(92_367);
    assertThat(all.uncoded()).as("every ICEWS event text maps to a CAMEO code").isZero();

    // The builder's own path: Kenya over the whole sample period.
    long t4 = System.nanoTime();
    var kenya = new OpenDataCaseBuilder(files).build(
        BuildRequest.of("KEN", 2005, 2015, EnumSet.of(OpenDataSource.EVENTS)));
    var kenyaCase = new CaseAssembler().assemble(kenya, null).caseFile();
    long t5 = System.nanoTime();
    System.out.printf(Locale.ROOT, "build-case KEN 2005-2015 from the full sample: %d actors, %d"
        + " ties in %.2f s (%s)%n", kenyaCase.actors().size(), kenyaCase.ties().size(), (t5 - t4) / 1e9,
        kenya.steps().get(0).note());
    assertThat((t3 - t0) / 1e9).as("seconds, not minutes").isLessThan(30);
  }
}
