package org.fulcrum.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.fulcrum.analysis.ForumShoppingTest.Case;
import org.fulcrum.casefile.DecisionRule;
import org.fulcrum.casefile.Polarity;
import org.fulcrum.casefile.TieType;
import org.junit.jupiter.api.Test;

/**
 * A veto-holding arms supplier against an economic partner without a veto. SDN is armed by CHN
 * (0.2, shield share 1/3) and trades with ECO (0.4, share 2/3). The Council SC (qualified
 * majority, 2/3): USA (veto, +0.8, the engager, seat 0.9), CHN (veto, -0.5), A and B (+0.6); with
 * {@code russia}, RUS (veto, -0.5) too. USA influences CHN and ECO at 0.5 each.
 */
class PatronVetoCoverTest {

  static PatronAnalysis.Ranking rank(boolean russia) {
    var c = new Case().actor("sdn", -0.9).actor("usa", 0.8).actor("chn", -0.5).actor("eco", 0.2)
        .actor("a", 0.6).actor("b", 0.6).actor("rus", -0.5)
        .forum("sc", DecisionRule.QUALIFIED_MAJORITY, 0.5)
        .tie("chn", "sdn", TieType.SUPPLIES_ARMS, 0.2, Polarity.SUPPORTIVE)
        .tie("eco", "sdn", TieType.TRADES_WITH, 0.4, Polarity.SUPPORTIVE)
        .tie("usa", "chn", TieType.INFLUENCES, 0.5, Polarity.SUPPORTIVE)
        .tie("usa", "eco", TieType.INFLUENCES, 0.5, Polarity.SUPPORTIVE)
        .member("usa", "sc", 0.9, true, null).member("chn", "sc", 0.5, true, null)
        .member("a", "sc").member("b", "sc");
    if (russia) {
      c.member("rus", "sc", 0.5, true, null).tie("rus", "sdn", TieType.SHIELDS, 0.05, Polarity.SUPPORTIVE);
    }
    return new PatronAnalysis(c.build()).rank("sdn", "usa");
  }

  @Test
  void aVetoThatAloneBlocksTheLeadForumRanksItsHolderFirst() {
    var ranking = rank(false);
    var chn = ranking.patrons().get(0);
    assertThat(chn.id()).isEqualTo("chn");
    assertThat(chn.shieldShare()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(chn.vetoCover().forum()).isEqualTo("sc");
    assertThat(chn.vetoCover().role()).isEqualTo("veto");
    assertThat(chn.vetoCover().unlock()).isEqualTo(1.0);
    // 0.5 x (1/3 + 1) = 0.667, above ECO's 0.5 x 2/3 = 0.333
    assertThat(chn.pressurePotential()).isCloseTo(0.5 * (1.0 / 3 + 1), within(1e-12));
    assertThat(chn.explanation()).contains(
        "CHN holds a veto in SC, where action against SDN fails only because of its vote: pressing it would unlock SC");
    var eco = ranking.patrons().get(1);
    assertThat(eco.id()).isEqualTo("eco");
    assertThat(eco.vetoCover()).isNull();
    assertThat(eco.pressurePotential()).isCloseTo(0.5 * 2 / 3, within(1e-12));
  }

  @Test
  void twoVetoesShareTheUnlock() {
    var ranking = rank(true);
    var chn = ranking.patrons().stream().filter(p -> p.id().equals("chn")).findFirst().orElseThrow();
    assertThat(chn.vetoCover().unlock()).as("both CHN and RUS must be won over").isEqualTo(0.5);
    assertThat(chn.explanation()).contains("pressing both would unlock SC");
    var rus = ranking.patrons().stream().filter(p -> p.id().equals("rus")).findFirst().orElseThrow();
    assertThat(rus.leverage()).as("the engager has no path to RUS").isZero();
    assertThat(rus.vetoCover().value()).isZero();
    // CHN: 0.5 x (0.2 / 0.65 + 0.5) = 0.404 ranks above ECO: 0.5 x 0.4 / 0.65 = 0.308
    assertThat(ranking.patrons()).extracting(PatronAnalysis.Patron::id).startsWith("chn", "eco");
  }

  @Test
  void inDarfurChinaAndRussiaMustBothBeWonOverAtTheCouncil() throws Exception {
    var ranking = new PatronAnalysis(ForumShoppingTest.load("darfur-2003-2008.json")).rank("bashir", "usa");
    var china = ranking.patrons().get(0);
    assertThat(china.id()).isEqualTo("chn");
    assertThat(china.vetoCover().forum()).isEqualTo("unsc");
    assertThat(china.vetoCover().unlock()).isEqualTo(0.5);
    assertThat(china.pressurePotential()).isCloseTo(
        china.leverage() * (china.shieldShare() + 0.5), within(1e-12));
    assertThat(china.explanation()).contains("holds a veto in UN Security Council",
        "pressing both would unlock UN Security Council");
    var russia = ranking.patrons().stream().filter(p -> p.id().equals("rus")).findFirst().orElseThrow();
    assertThat(russia.vetoCover().unlock()).isEqualTo(0.5);
    assertThat(russia.vetoCover().value()).as("no US path to Russia").isZero();
  }
}
