package org.fulcrum.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The open data packed into the jar: read when fulcrum.open-data.dir lacks a file or is missing. */
class BundledDataTest {

  @Test
  void aMissingFolderReadsEveryFileFromTheClasspath(@TempDir Path tmp) {
    DataFiles files = new DataFiles(tmp.resolve("no-such-folder"));
    assertThat(files.find(DataFiles.CROSSWALK)).isNull();
    assertThat(files.origin(DataFiles.CROSSWALK)).isEqualTo("classpath:open-data/" + DataFiles.CROSSWALK);
    assertThat(files.origin(DataFiles.ATOP)).isEqualTo("classpath:open-data/" + DataFiles.ATOP + ".gz");
    var build = new OpenDataCaseBuilder(files).build(BuildRequest.of("SDN", 2003, 2007, null));
    var c = OpenDataFixtures.caseOf(build);
    // every source ran: Russia's arms, Chad's border, the bundled ICEWS events
    assertThat(c.ties()).anyMatch(t -> t.id().equals("od-arms-rus-sdn"));
    assertThat(c.ties()).anyMatch(t -> t.id().equals("od-border-tcd-sdn"));
    assertThat(build.steps()).anySatisfy(s -> {
      assertThat(s.source()).isEqualTo(OpenDataSource.EVENTS);
      assertThat(s.note()).contains("(bundled)");
    });
  }

  @Test
  void theFolderIsReadFirstAndTheJarFillsTheGaps(@TempDir Path tmp) throws Exception {
    // a folder holding only a smaller SIPRI file: arms come from it, the crosswalk from the jar
    Files.writeString(tmp.resolve(DataFiles.SIPRI_TIV),
        "year_of_order,supplier,recipient,tiv\n2004,China,Sudan,10\n2005,Russia,Sudan,30\n");
    DataFiles files = new DataFiles(tmp);
    var c = OpenDataFixtures.caseOf(new OpenDataCaseBuilder(files)
        .build(BuildRequest.of("SDN", 2003, 2007, java.util.EnumSet.of(OpenDataSource.ARMS))));
    assertThat(c.ties()).filteredOn(t -> t.target().equals("od-sdn")).extracting(t -> t.id())
        .containsExactlyInAnyOrder("od-arms-rus-sdn", "od-arms-chn-sdn");
    assertThat(c.ties()).filteredOn(t -> t.id().equals("od-arms-rus-sdn"))
        .allSatisfy(t -> assertThat(t.strength()).isEqualTo(0.75));
  }

  @Test
  void withoutTheJarAMissingFileIsStillAClearError(@TempDir Path tmp) {
    DataFiles files = new DataFiles(tmp, null);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new OpenDataCaseBuilder(files)
        .build(BuildRequest.of("SDN", 2003, 2007, null)))
        .hasMessageContaining("open-data file 'countrycode_crosswalk.csv'")
        .hasMessageContaining("nor bundled in the jar");
  }

  @Test
  void theCountriesOfConcernIn2015AreNamedWithTheirEpisodes() {
    var concerns = new Concerns(OpenDataFixtures.FILES, OpenDataFixtures.CODES).in(2015);
    assertThat(concerns.size()).isGreaterThanOrEqualTo(15);
    assertThat(concerns).extracting(x -> x.country().iso3())
        .contains("SYR", "SDN", "SSD", "NGA", "MMR").doesNotHaveDuplicates();
    var syria = concerns.stream().filter(x -> x.country().iso3().equals("SYR")).findFirst().orElseThrow();
    assertThat(syria.episodes()).extracting(Concerns.Episode::code).contains("syr2011s1", "syr2012ns1");
    assertThat(syria.episodes().get(0).stateLed()).isTrue();
    assertThat(syria.episodes()).anySatisfy(e -> {
      assertThat(e.kind()).isEqualTo(Concerns.Kind.ARMED_CONFLICT);
      assertThat(e.source()).contains("ucdp_prio_armed_conflict_years.csv");
    });
    // ended episodes are not listed: Sri Lanka's (2009) is over by 2015
    assertThat(concerns).extracting(x -> x.country().iso3()).doesNotContain("LKA");
  }
}
