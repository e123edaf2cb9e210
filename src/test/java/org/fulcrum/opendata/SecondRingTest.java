package org.fulcrum.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import org.fulcrum.analysis.PatronAnalysis;
import org.fulcrum.analysis.PatronQuery;
import org.fulcrum.casefile.CaseFile;
import org.fulcrum.casefile.Source;
import org.fulcrum.casefile.Tie;
import org.fulcrum.casefile.TieType;
import org.junit.jupiter.api.Test;

/** The engager's dyads with the first ring, and what they do to the patron ranking. */
class SecondRingTest {

  static CaseFile build(String iso3, int from, int to, List<String> engagers, OpenDataSource... sources) {
    return OpenDataFixtures.caseOf(new OpenDataCaseBuilder(OpenDataFixtures.FILES).build(
        new BuildRequest(iso3, from, to, EnumSet.of(sources[0], sources), null, engagers)));
  }

  static String citation(CaseFile c, Tie t) {
    return c.sources().stream().filter(s -> t.sources().contains(s.id())).map(Source::citation)
        .reduce("", (a, b) -> a + " | " + b);
  }

  @Test
  void theEngagerGetsArmsTiesToTheTargetsSuppliersOnlyWhereSipriHasRows() {
    CaseFile sudan = build("SDN", 2003, 2007, null, OpenDataSource.ARMS, OpenDataSource.CONTIGUITY);
    // first ring: Sudan's suppliers and neighbours; the USA is in the case as the default engager
    assertThat(sudan.actors()).extracting(a -> a.id()).contains("od-usa", "od-rus", "od-egy");
    List<Tie> ring = sudan.ties().stream().filter(t -> t.source().equals("od-usa")
        || t.target().equals("od-usa")).toList();
    assertThat(ring).isNotEmpty().allSatisfy(t -> {
      assertThat(t.type()).isEqualTo(TieType.SUPPLIES_ARMS);
      assertThat(t.target()).isNotEqualTo("od-sdn");
      assertThat(citation(sudan, t)).contains("sipri_tiv_dyad_year_by_order_date_1950_2018.csv")
          .contains("Rule 'second ring'");
    });
    // Egypt, Sudan's neighbour, buys from the USA: the tie's strength is its share of Egypt's orders
    Tie egypt = sudan.ties().stream().filter(t -> t.id().equals("od-arms-usa-egy")).findFirst()
        .orElseThrow();
    assertThat(egypt.strength()).isBetween(0.01, 1.0);
    assertThat(citation(sudan, egypt)).contains("supplier 'United States', recipient Egypt");
    // no tie between the engager and the target is made up by the ring
    assertThat(sudan.ties()).noneMatch(t -> t.source().equals("od-usa") && t.target().equals("od-sdn"));
  }

  @Test
  void theEngagerIsNeverItsOwnPatronAndHasLeverageOverAPatronItHasAChannelTo() {
    CaseFile syria = build("SYR", 2011, 2015, null, OpenDataSource.values());
    var graph = OpenDataFixtures.graph(syria);
    PatronAnalysis.Ranking r = new PatronAnalysis(graph).rank(new PatronQuery("od-syr", "od-usa"));
    assertThat(r.patrons()).isNotEmpty();
    assertThat(r.patrons()).extracting(PatronAnalysis.Patron::id).doesNotContain("od-usa");
    assertThat(r.coalition()).contains("od-usa");
    // a patron the USA has a tie to in the data is one it has leverage over
    assertThat(r.patrons()).anySatisfy(p -> assertThat(p.leverage()).isPositive());
    for (PatronAnalysis.Patron p : r.patrons()) {
      boolean direct = syria.ties().stream().anyMatch(t -> t.source().equals("od-usa")
          && t.target().equals(p.id()));
      if (direct) {
        assertThat(p.leverage()).as(p.id()).isPositive();
      }
    }
  }

  @Test
  void whereTheEngagerArmsTheTargetItIsACoalitionLeverNotAPatron() {
    CaseFile iraq = build("IRQ", 2011, 2015, null, OpenDataSource.ARMS);
    assertThat(iraq.ties()).anyMatch(t -> t.id().equals("od-arms-usa-irq"));
    var r = new PatronAnalysis(OpenDataFixtures.graph(iraq)).rank(new PatronQuery("od-irq", "od-usa"));
    assertThat(r.patrons()).extracting(PatronAnalysis.Patron::id).doesNotContain("od-usa");
    assertThat(r.coalitionLevers()).extracting(PatronAnalysis.CoalitionLever::id).contains("od-usa");
  }

  @Test
  void aCoalitionReadsEveryMembersDyadsAndNoneOfThemIsAPatron() {
    CaseFile syria = build("SYR", 2011, 2015, List.of("USA", "GBR", "FRA"), OpenDataSource.ARMS,
        OpenDataSource.ALLIANCES, OpenDataSource.VETOES, OpenDataSource.UNGA);
    assertThat(syria.actors()).extracting(a -> a.id()).contains("od-usa", "od-gbr", "od-fra");
    var r = new PatronAnalysis(OpenDataFixtures.graph(syria))
        .rank(new PatronQuery("od-syr", "od-usa", List.of("od-gbr", "od-fra")));
    assertThat(r.patrons()).extracting(PatronAnalysis.Patron::id)
        .doesNotContain("od-usa", "od-gbr", "od-fra").contains("od-rus");
    assertThat(syria.ties()).anyMatch(t -> t.source().equals("od-gbr") || t.target().equals("od-gbr"));
  }

  @Test
  void theEngagerMustBeAnotherKnownState() {
    assertThatThrownBy(() -> new BuildRequest("SYR", 2011, 2015, null, null, List.of("SYR")))
        .hasMessageContaining("engager: SYR is the target country");
    assertThatThrownBy(() -> new BuildRequest("SYR", 2011, 2015, null, null, List.of("U5A")))
        .hasMessageContaining("engager must be ISO 3166 alpha-3 codes");
    assertThatThrownBy(() -> new OpenDataCaseBuilder(OpenDataFixtures.FILES).build(
        new BuildRequest("SYR", 2011, 2015, null, null, List.of("XYZ"))))
        .hasMessageContaining("engager: 'XYZ' is not an ISO 3166 alpha-3 code");
    // the default engager is dropped when it is the target
    assertThat(BuildRequest.of("USA", 2011, 2015, null).engagers()).isEmpty();
  }
}
