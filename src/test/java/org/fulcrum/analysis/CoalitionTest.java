package org.fulcrum.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fulcrum.casefile.Actor;
import org.fulcrum.casefile.ActorKind;
import org.fulcrum.casefile.Channel;
import org.fulcrum.casefile.Polarity;
import org.fulcrum.casefile.TargetGroup;
import org.fulcrum.casefile.Tie;
import org.fulcrum.casefile.TieType;
import org.junit.jupiter.api.Test;

/**
 * The engager's coalition: its own government and the partners it names are never patrons, plan
 * picks or routes into a forum; a patron state and its army are one patron.
 */
class CoalitionTest {

  /**
   * Regime: leader L (country T) commands unit U. Supportive dependence into it, p = strength x
   * confidence, total 2.0:
   * <ul>
   *   <li>the engager US trades with L: 0.5 x 1 = 0.5 (share 0.25);
   *   <li>its agency US-AGENCY (government body, country US, position -0.1) gives L aid:
   *       0.5 x 0.8 = 0.4 (0.20);
   *   <li>partner FRA (position +0.6) finances U: 0.2 x 1 = 0.2 (0.10);
   *   <li>neighbour NB shields L: 0.3 x 1 = 0.3 (0.15), and its army NB-ARMY (NB commands it) arms
   *       U: 0.6 x 1 = 0.6 (0.30): one patron, 0.9 (0.45).
   * </ul>
   * The US reaches its envoy (1), who reaches L (0.9); it reaches NB (0.5) and FRA (0.8), FRA
   * reaches U (0.5). Forum G, where the US sits, sanctions U; L sits in forum F.
   */
  static LeverageGraph neighbour() {
    List<Actor> actors = List.of(
        actor("l", ActorKind.LEADER, "T", -0.9, TargetGroup.PLANNERS),
        actor("u", ActorKind.ARMED_GROUP, "T", -0.9, TargetGroup.PERPETRATORS),
        actor("us", ActorKind.STATE, "US", 0.8, null),
        actor("us-agency", ActorKind.GOVERNMENT_BODY, "US", -0.1, null),
        actor("us-envoy", ActorKind.INDIVIDUAL, "US", 0.9, null),
        actor("fra", ActorKind.STATE, "FR", 0.6, null),
        actor("nb", ActorKind.STATE, "N", -0.5, null),
        actor("nb-army", ActorKind.ARMED_GROUP, "N", -0.6, null),
        actor("f", ActorKind.FORUM, null, 0, null),
        actor("g", ActorKind.FORUM, null, 0.5, null));
    List<Tie> ties = new ArrayList<>(List.of(
        tie("l", "u", TieType.COMMANDS, 0.9, 1, Polarity.SUPPORTIVE),
        tie("us", "l", TieType.TRADES_WITH, 0.5, 1, Polarity.SUPPORTIVE),
        tie("us-agency", "l", TieType.PROVIDES_AID, 0.5, 0.8, Polarity.SUPPORTIVE),
        tie("fra", "u", TieType.FINANCES, 0.2, 1, Polarity.SUPPORTIVE),
        tie("nb", "l", TieType.SHIELDS, 0.3, 1, Polarity.SUPPORTIVE),
        tie("nb", "nb-army", TieType.COMMANDS, 0.9, 1, Polarity.SUPPORTIVE),
        tie("nb-army", "u", TieType.SUPPLIES_ARMS, 0.6, 1, Polarity.SUPPORTIVE),
        tie("us", "us-envoy", TieType.INFLUENCES, 1, 1, Polarity.SUPPORTIVE),
        tie("us-envoy", "l", TieType.INFLUENCES, 0.9, 1, Polarity.SUPPORTIVE),
        tie("us", "nb", TieType.INFLUENCES, 0.5, 1, Polarity.SUPPORTIVE),
        tie("us", "fra", TieType.INFLUENCES, 0.8, 1, Polarity.SUPPORTIVE),
        tie("fra", "u", TieType.INFLUENCES, 0.5, 1, Polarity.SUPPORTIVE),
        tie("us", "g", TieType.MEMBER_OF, 1, 1, Polarity.SUPPORTIVE),
        tie("g", "u", TieType.SANCTIONS, 0.5, 1, Polarity.HOSTILE),
        tie("l", "f", TieType.MEMBER_OF, 1, 1, Polarity.SUPPORTIVE)));
    return LeverageGraph.of("neighbour", null, actors, ties);
  }

  @Test
  void theEngagersOwnTradeAndItsAgencysAidAreCoalitionLeversNotPatrons() {
    var r = new PatronAnalysis(neighbour()).rank(new PatronQuery("l", "us", List.of()));
    assertThat(r.coalition()).containsExactly("us", "us-agency", "us-envoy");
    assertThat(r.totalShield()).isCloseTo(2.0, within(1e-12));
    assertThat(r.patrons()).extracting(PatronAnalysis.Patron::id).containsExactly("nb", "fra");
    assertThat(r.coalitionLevers()).extracting(PatronAnalysis.CoalitionLever::id)
        .containsExactly("us", "us-agency");
    var trade = r.coalitionLevers().get(0);
    assertThat(trade.shield()).isCloseTo(0.5, within(1e-12));
    assertThat(trade.shieldShare()).isCloseTo(0.25, within(1e-12));
    assertThat(trade.ties()).singleElement().satisfies(t -> assertThat(t.type()).isEqualTo("trades-with"));
    assertThat(trade.explanation()).contains("25% of its supportive dependence", "0.500 of 2.000");
    assertThat(r.coalitionLevers().get(1).shieldShare()).isCloseTo(0.2, within(1e-12));
  }

  @Test
  void partnersNamedInTheCoalitionAreNeverPatronsAndAPartnerLeftOutIsShownAsOne() {
    var without = new PatronAnalysis(neighbour()).rank(new PatronQuery("l", "us", List.of()));
    var fra = without.patrons().get(1);
    assertThat(fra.position()).isEqualTo(0.6);
    assertThat(fra.role()).isEqualTo("partner");
    assertThat(fra.shieldShare()).isCloseTo(0.1, within(1e-12));
    assertThat(fra.explanation()).contains("a partner that wants the atrocities stopped", "not an adversary");

    var with = new PatronAnalysis(neighbour()).rank(new PatronQuery("l", "us", List.of("fra")));
    assertThat(with.patrons()).extracting(PatronAnalysis.Patron::id).containsExactly("nb");
    assertThat(with.coalitionLevers()).extracting(PatronAnalysis.CoalitionLever::id)
        .containsExactly("us", "us-agency", "fra");
  }

  @Test
  void aStateAndItsArmyInTheFieldAreOnePatronWithTwoParts() {
    var nb = new PatronAnalysis(neighbour()).rank(new PatronQuery("l", "us", List.of())).patrons().get(0);
    assertThat(nb.id()).isEqualTo("nb");
    assertThat(nb.role()).isEqualTo("adversary");
    // 0.3 + 0.6 = 0.9 of 2.0
    assertThat(nb.shield()).isCloseTo(0.9, within(1e-12));
    assertThat(nb.shieldShare()).isCloseTo(0.45, within(1e-12));
    assertThat(nb.parts()).extracting(PatronAnalysis.Part::id).containsExactly("nb", "nb-army");
    assertThat(nb.parts()).extracting(PatronAnalysis.Part::shieldShare)
        .containsExactly(0.15, 0.3);
    assertThat(nb.ties()).extracting(PatronAnalysis.ShieldTie::type).containsExactly("shields", "supplies-arms");
    // US -> NB 0.5: potential 0.45 x 0.5
    assertThat(nb.leverage()).isCloseTo(0.5, within(1e-12));
    assertThat(nb.pressurePotential()).isCloseTo(0.225, within(1e-12));
    assertThat(nb.explanation()).contains("45% of the regime's shield", "pooled over NB 15%, NB-ARMY 30%");
  }

  @Test
  void theEngagersEnvoyAgencyAndNamedPartnersAreNeverPlanCandidates() {
    var g = neighbour();
    var planner = new EngagementPlanner(g);
    var query = new PlanQuery("us", 10, null, null, 2_000, 7, List.of("fra"));
    double[] cost = planner.costs(query, g.require("us", "engager"), new BestPathTree(g, g.require("us", "e")));
    for (String id : List.of("us", "us-agency", "us-envoy", "fra")) {
      assertThat(cost[g.require(id, "t")]).as(id).isInfinite();
    }
    // NB: base 3 for a state / access 0.5
    assertThat(cost[g.require("nb", "t")]).isCloseTo(6.0, within(1e-12));
    var plan = planner.plan(query);
    assertThat(plan.picks()).extracting(EngagementPlanner.Pick::id)
        .doesNotContain("us", "us-agency", "us-envoy", "fra").isNotEmpty();
    assertThat(plan.nextBest()).extracting(EngagementPlanner.Alternative::id)
        .doesNotContain("us", "us-agency", "us-envoy", "fra");
  }

  @Test
  void theRedTeamLeansOnThePooledPatronNeverOnTheCoalition() {
    var answer = new RedTeam(neighbour()).respond(new PlanQuery("us", 10, null, Map.of("l", 1.0), 2_000, 7,
        List.of("fra")), List.of("l"), "l");
    assertThat(answer.moves()).filteredOn(m -> m.kind().equals("lean-on-patron"))
        .extracting(RedTeam.Move::actor).containsExactly("nb");
    var nb = answer.moves().stream().filter(m -> m.actor().equals("nb")).findFirst().orElseThrow();
    assertThat(nb.tiesCut()).contains("nb>l", "nb-army>u");
  }

  @Test
  void theEngagerIsNeverARouteByWhichTheTargetReachesAForum() {
    var a = new ForumShopping(neighbour()).assess(new ForumQuery("l", "us", List.of()));
    var g = a.forums().stream().filter(f -> f.id().equals("g")).findFirst().orElseThrow();
    assertThat(g.venue()).as("only the US sits in G: the US is no patron, so no route").isFalse();
    assertThat(g.routes()).isEmpty();
    assertThat(a.forums()).filteredOn(ForumShopping.Forum::venue).extracting(ForumShopping.Forum::id)
        .containsExactly("f");
    assertThat(a.escapeVenues()).extracting(ForumShopping.EscapeVenue::id).doesNotContain("g");
  }

  @Test
  void thePlaybookListsTheCoalitionsLeversAndNeverAimsAtItsOwnGovernment() {
    var plan = new Playbook(neighbour()).plan(new PlaybookQuery("us", "l", org.fulcrum.casefile.Phase.MASS_ATROCITY,
        org.fulcrum.casefile.Tempo.ROLLING, 3, List.of("fra")));
    assertThat(plan.coalition()).containsExactly("fra", "us", "us-agency", "us-envoy");
    assertThat(plan.coalitionLevers()).extracting(Playbook.CoalitionLever::tie)
        .containsExactly("us>l", "us-agency>l", "fra>u");
    assertThat(plan.coalitionLevers()).extracting(Playbook.CoalitionLever::type)
        .containsExactly("economic", "economic", "economic");
    assertThat(plan.coalitionLevers().get(0).shieldShare()).isCloseTo(0.25, within(1e-12));
    assertThat(plan.coalitionLevers().get(0).why()).contains("0.500 x 1.000 = 0.500 of 2.000");
  }

  @Test
  void anUnknownCoalitionIdIsRefusedByName() {
    assertThatThrownBy(() -> new PatronAnalysis(neighbour()).rank(new PatronQuery("l", "us", List.of("nobody"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("coalition").hasMessageContaining("'nobody'");
    assertThatThrownBy(() -> new ForumShopping(neighbour()).assess(new ForumQuery("l", "us", List.of("nobody"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'nobody'");
    assertThatThrownBy(() -> new EngagementPlanner(neighbour()).plan(
        new PlanQuery("us", 10, null, null, 100, 7, List.of("nobody"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'nobody'");
  }

  @Test
  void aStateStandsForItsGovernmentAsTheMessageReviewCountsVoices() {
    var governments = Governments.of(neighbour().actors());
    assertThat(governments.voice("us-envoy")).isEqualTo("us");
    assertThat(governments.voice("us-agency")).isEqualTo("us");
    assertThat(governments.voice("nb-army")).as("an armed group speaks for itself").isEqualTo("nb-army");
    assertThat(governments.government("us")).containsExactly("us", "us-agency", "us-envoy");
    // the coalition of an envoy engager is its state's government; a state brings what it commands
    var g = neighbour();
    var coalition = Governments.coalition(g, g.require("us-envoy", "e"), List.of("nb"));
    assertThat(coalition.stream().mapToObj(i -> g.actor(i).id()).sorted().toList())
        .containsExactly("nb", "nb-army", "us", "us-agency", "us-envoy");
  }

  /**
   * A foreign leader M (country S) who controls the target's leadership R (country B) is its
   * patron, not of its regime: R's regime is R and its unit V; M's control (0.7 x 0.5 = 0.35) and
   * M's army's arms to V (0.65 x 1 = 0.65) are one patron, named by M's state S, with share 1.
   */
  @Test
  void aForeignLeaderWhoControlsTheTargetIsItsPatronNotPartOfItsRegime() {
    var g = LeverageGraph.of("foreign", null, List.of(
        actor("r", ActorKind.GOVERNMENT_BODY, "B", -0.9, TargetGroup.PLANNERS),
        actor("v", ActorKind.ARMED_GROUP, "B", -0.9, TargetGroup.PERPETRATORS),
        actor("m", ActorKind.LEADER, "S", -0.3, null),
        actor("s", ActorKind.STATE, "S", -0.4, null),
        actor("s-army", ActorKind.ARMED_GROUP, "S", -0.5, null)), List.of(
        tie("r", "v", TieType.CONTROLS, 0.8, 1, Polarity.SUPPORTIVE),
        tie("m", "r", TieType.CONTROLS, 0.7, 0.5, Polarity.SUPPORTIVE),
        tie("m", "s", TieType.COMMANDS, 0.9, 1, Polarity.SUPPORTIVE),
        tie("s", "s-army", TieType.COMMANDS, 0.9, 1, Polarity.SUPPORTIVE),
        tie("s-army", "v", TieType.SUPPLIES_ARMS, 0.65, 1, Polarity.SUPPORTIVE)));
    var r = new PatronAnalysis(g).rank(new PatronQuery("r", null));
    assertThat(r.regime()).containsExactlyInAnyOrder("r", "v");
    assertThat(r.totalShield()).isCloseTo(1.0, within(1e-12));
    assertThat(r.patrons()).singleElement().satisfies(p -> {
      assertThat(p.id()).isEqualTo("s");
      // the parts by shield, largest first
      assertThat(p.parts()).extracting(PatronAnalysis.Part::id).containsExactly("s-army", "m");
      assertThat(p.parts()).extracting(PatronAnalysis.Part::shieldShare).containsExactly(0.65, 0.35);
    });
  }

  private static Actor actor(String id, ActorKind kind, String country, double position, TargetGroup group) {
    return new Actor(id, id.toUpperCase(), kind, country, position, 0.5, 0.5, group, null, List.of("s"));
  }

  private static Tie tie(String from, String to, TieType type, double strength, double confidence,
      Polarity polarity) {
    return new Tie(from + ">" + to + (type == TieType.INFLUENCES && from.equals("fra") ? "#i" : ""), from, to,
        type, strength, polarity, Channel.DIPLOMATIC, confidence, null, null,
        type == TieType.MEMBER_OF ? Boolean.FALSE : null, null, List.of("s"));
  }
}
