package org.fulcrum.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import org.fulcrum.analysis.PatronAnalysis;
import org.fulcrum.casefile.CaseFile;
import org.fulcrum.casefile.Polarity;
import org.fulcrum.casefile.Tie;
import org.fulcrum.casefile.TieType;
import org.junit.jupiter.api.Test;

/** Veto holders become shields of the target, citing the vetoed drafts. */
class SecurityCouncilVetoesTest {

  static String citation(CaseFile c, Tie t) {
    return c.sources().stream().filter(s -> s.id().equals(t.sources().get(0))).findFirst()
        .orElseThrow().citation();
  }

  @Test
  void chinaAndRussiaShieldSyriaWithFourVetoes2011To2014() {
    CaseFile syria = OpenDataFixtures.caseOf(
        OpenDataFixtures.build("SYR", 2011, 2014, OpenDataSource.VETOES));
    assertThat(syria.ties()).extracting(Tie::id)
        .containsExactlyInAnyOrder("od-veto-chn-syr", "od-veto-rus-syr");
    for (Tie t : syria.ties()) {
      assertThat(t.type()).isEqualTo(TieType.SHIELDS);
      assertThat(t.polarity()).isEqualTo(Polarity.SUPPORTIVE);
      assertThat(t.target()).isEqualTo("od-syr");
      assertThat(t.strength()).as("1 - 0.5^4").isEqualTo(0.9375);
      assertThat(citation(syria, t)).contains("S/2011/612", "S/2012/77", "S/2012/538", "S/2014/348",
          "S/PV.6627", "Rule 'vetoes'");
    }
    var patrons = new PatronAnalysis(OpenDataFixtures.graph(syria)).rank("od-syr", null);
    assertThat(patrons.patrons()).extracting(PatronAnalysis.Patron::id)
        .containsExactly("od-chn", "od-rus");
  }

  @Test
  void myanmar2007AndZimbabwe2008EachHaveOneDoubleVeto() {
    CaseFile myanmar = OpenDataFixtures.caseOf(
        OpenDataFixtures.build("MMR", 2007, 2008, OpenDataSource.VETOES));
    assertThat(myanmar.ties()).extracting(Tie::source).containsExactlyInAnyOrder("od-chn", "od-rus");
    assertThat(myanmar.ties()).allSatisfy(t -> {
      assertThat(t.strength()).isEqualTo(0.5);
      assertThat(citation(myanmar, t)).contains("S/2007/14").doesNotContain("S/2008/447");
    });
    CaseFile zimbabwe = OpenDataFixtures.caseOf(
        OpenDataFixtures.build("ZWE", 2007, 2008, OpenDataSource.VETOES));
    assertThat(zimbabwe.ties()).allSatisfy(t -> assertThat(citation(zimbabwe, t)).contains("S/2008/447"));
  }

  @Test
  void noVetoesNoTies() {
    CaseFile sudan = OpenDataFixtures.caseOf(
        OpenDataFixtures.build("SDN", 2003, 2007, OpenDataSource.VETOES));
    assertThat(sudan.ties()).isEmpty();
    // the target, and the default engager (USA), which every case holds
    assertThat(sudan.actors()).extracting(a -> a.id()).containsExactly("od-sdn", "od-usa");
  }
}
