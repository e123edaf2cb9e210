package org.fulcrum.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.fulcrum.casefile.ActorKind;
import org.fulcrum.casefile.Polarity;
import org.fulcrum.casefile.TieType;
import org.junit.jupiter.api.Test;

class PatronsAndChokepointsTest {

  /**
   * The regime: leader L commands unit U. Patron P1 arms L (0.6 x 0.5 = 0.3); patron P2 finances
   * U (0.5 x 0.2 = 0.1) and holds a veto in forum F, which sanctions L. The engager E trades with
   * P1 (0.5) and influences P2 through broker B (0.8 x 0.5 = 0.4).
   */
  static LeverageGraph regime() {
    return TestGraphs.graph().actor("f", ActorKind.FORUM)
        .tie("l", "u", TieType.COMMANDS, 0.9, 1, Polarity.SUPPORTIVE)
        .tie("p1", "l", TieType.SUPPLIES_ARMS, 0.6, 0.5, Polarity.SUPPORTIVE)
        .tie("p2", "u", TieType.FINANCES, 0.5, 0.2, Polarity.SUPPORTIVE)
        .tie("x", "l", TieType.SANCTIONS, 0.9, 1, Polarity.HOSTILE)
        .veto("p2", "f")
        .tie("f", "l", TieType.SANCTIONS, 0.3, 1, Polarity.HOSTILE)
        .tie("e", "p1", TieType.TRADES_WITH, 0.5, 1, Polarity.SUPPORTIVE)
        .tie("e", "b", 0.8).tie("b", "p2", 0.5)
        .build();
  }

  @Test
  void patronsAreRankedByWhatTheEngagerCanDoWithThem() {
    var ranking = new PatronAnalysis(regime()).rank("l", "e");
    assertThat(ranking.regime()).containsExactlyInAnyOrder("l", "u");
    assertThat(ranking.totalShield()).isCloseTo(0.4, within(1e-12));
    var p1 = ranking.patrons().get(0);
    assertThat(p1.id()).isEqualTo("p1");
    assertThat(p1.shieldShare()).isCloseTo(0.75, within(1e-12));
    assertThat(p1.leverage()).isCloseTo(0.5, within(1e-12));
    assertThat(p1.pressurePotential()).isCloseTo(0.375, within(1e-12));
    assertThat(p1.veto()).isFalse();
    var p2 = ranking.patrons().get(1);
    assertThat(p2.shieldShare()).isCloseTo(0.25, within(1e-12));
    assertThat(p2.leverage()).isCloseTo(0.4, within(1e-12));
    assertThat(p2.pressurePotential()).isCloseTo(0.1, within(1e-12));
    assertThat(p2.veto()).isTrue();
    assertThat(p2.vetoForums()).containsExactly("f");
    assertThat(p2.ties()).singleElement().satisfies(t -> assertThat(t.type()).isEqualTo("finances"));
    assertThat(p2.explanation()).contains("25% of the regime's shield", "veto in F", "0.400");
    assertThat(p2.leveragePath().hops()).extracting(LeveragePath.Hop::target).containsExactly("b", "p2");
  }

  @Test
  void withoutEngagerPatronsAreRankedByShieldShare() {
    var ranking = new PatronAnalysis(regime()).rank("u", null);
    assertThat(ranking.patrons()).extracting(PatronAnalysis.Patron::id).containsExactly("p1", "p2");
    assertThat(ranking.patrons().get(0).leverage()).isNull();
  }

  /**
   * Supply lines: P1 -0.5-> B, P2 -0.4-> B, B -0.3-> C, P2 -0.2-> C, C commands U. The cheapest
   * cut is {B->C, P2->C} (0.5), not {P1->B, P2->B, P2->C} (1.1). By actors, removing C suffices.
   */
  static LeverageGraph supply() {
    return TestGraphs.graph()
        .tie("p1", "b", TieType.SUPPLIES_ARMS, 0.5, 1, Polarity.SUPPORTIVE)
        .tie("p2", "b", TieType.FINANCES, 0.4, 1, Polarity.SUPPORTIVE)
        .tie("b", "c", TieType.SUPPLIES_ARMS, 0.3, 1, Polarity.SUPPORTIVE)
        .tie("p2", "c", TieType.SUPPLIES_ARMS, 0.2, 1, Polarity.SUPPORTIVE)
        .tie("c", "u", TieType.COMMANDS, 0.9, 1, Polarity.SUPPORTIVE)
        .tie("p1", "u", TieType.SANCTIONS, 0.9, 1, Polarity.HOSTILE)
        .build();
  }

  @Test
  void theMinimumCutIsTheCheapestSanctionsPackage() {
    var cut = new SupplyChokepoints(supply()).cut(List.of("p1", "p2"), "u", SupplyChokepoints.Mode.TIES);
    assertThat(cut.capacity()).isCloseTo(0.5, within(1e-12));
    assertThat(cut.cut()).extracting(SupplyChokepoints.CutElement::id).containsExactly("b>c", "p2>c");
    assertThat(cut.explanation()).contains("cutting these 2 supply ties");
  }

  @Test
  void byActorsTheFewestIntermediariesAreCut() {
    var cut = new SupplyChokepoints(supply()).cut(List.of("p1", "p2"), "u", SupplyChokepoints.Mode.ACTORS);
    assertThat(cut.capacity()).isCloseTo(1, within(1e-12));
    assertThat(cut.cut()).extracting(SupplyChokepoints.CutElement::id).containsExactly("c");
  }

  @Test
  void noSupplyLineMeansNothingToCut() {
    var cut = new SupplyChokepoints(supply()).cut(List.of("u"), "p1", SupplyChokepoints.Mode.TIES);
    assertThat(cut.supplyLines()).isFalse();
    assertThat(cut.cut()).isEmpty();
  }
}
