package org.fulcrum.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.fulcrum.analysis.PatronAnalysis;
import org.fulcrum.casefile.CaseFile;
import org.fulcrum.casefile.TieType;
import org.junit.jupiter.api.Test;

/**
 * Sudan 2003-2007 from SIPRI alone. Orders by year of order, in TIV (checked by hand against the
 * file): Russia 235.73, China 92.71, Belarus 78.576, Ukraine 62.2, Iran 18.8, Slovakia 5.5,
 * Armenia 4.4; 497.916 in all.
 */
class ArmsDependenceTest {

  @Test
  void measuresEachSuppliersShareOfSudansImports() {
    var d = new ArmsDependence(OpenDataFixtures.FILES, OpenDataFixtures.CODES)
        .measure(OpenDataFixtures.CODES.require("SDN"), 2003, 2007);
    assertThat(d.totalTiv()).isCloseTo(497.916, within(1e-9));
    assertThat(d.suppliers()).extracting(s -> s.country().iso3())
        .containsExactly("RUS", "CHN", "BLR", "UKR", "IRN", "SVK", "ARM");
    assertThat(d.suppliers().get(0).share()).isCloseTo(235.73 / 497.916, within(1e-12));
    assertThat(d.suppliers().get(0).tivByYear()).containsExactlyEntriesOf(
        new java.util.TreeMap<>(java.util.Map.of(2004, 155.25, 2005, 72.98, 2007, 7.5)));
  }

  @Test
  void thePatronsRankingNamesTheSuppliersWithTheirShares() {
    CaseFile sudan = OpenDataFixtures.caseOf(
        OpenDataFixtures.build("SDN", 2003, 2007, OpenDataSource.ARMS));
    assertThat(sudan.id()).isEqualTo("od-sdn-2003-2007");
    assertThat(sudan.ties()).allMatch(t -> t.type() == TieType.SUPPLIES_ARMS);
    var ranking = new PatronAnalysis(OpenDataFixtures.graph(sudan)).rank("od-sdn", null);
    ranking.patrons().forEach(p -> System.out.printf("%-10s %-10s share %.4f  %s%n", p.id(),
        p.name(), p.shieldShare(), p.ties().get(0).sources()));
    assertThat(ranking.patrons()).extracting(PatronAnalysis.Patron::id).containsExactly(
        "od-rus", "od-chn", "od-blr", "od-ukr", "od-irn", "od-svk", "od-arm");
    assertThat(ranking.patrons()).extracting(PatronAnalysis.Patron::shieldShare).satisfiesExactly(
        s -> assertThat(s).isCloseTo(0.4734, within(1e-4)),
        s -> assertThat(s).isCloseTo(0.1862, within(1e-4)),
        s -> assertThat(s).isCloseTo(0.1578, within(1e-4)),
        s -> assertThat(s).isCloseTo(0.1249, within(1e-4)),
        s -> assertThat(s).isCloseTo(0.0378, within(1e-4)),
        s -> assertThat(s).isCloseTo(0.0110, within(1e-4)),
        s -> assertThat(s).isCloseTo(0.0088, within(1e-4)));
    var russia = sudan.ties().stream().filter(t -> t.source().equals("od-rus")).findFirst().orElseThrow();
    assertThat(russia.strength()).isEqualTo(0.4734);
    var evidence = sudan.sources().stream().filter(s -> s.id().equals(russia.sources().get(0)))
        .findFirst().orElseThrow().citation();
    assertThat(evidence).contains(DataFiles.SIPRI_TIV).contains("supplier 'Russia'")
        .contains("orders 2003-2007").contains("235.73 TIV of the target's 497.92 TIV")
        .contains("Rule 'arms'");
  }
}
