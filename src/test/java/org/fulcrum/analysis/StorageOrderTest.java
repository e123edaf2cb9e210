package org.fulcrum.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.fulcrum.casefile.Actor;
import org.fulcrum.casefile.Tie;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same case, its actors and ties handed over in another order (as another store may return
 * them), gives the same answers for the same seed: the snapshot indexes both in order of id.
 */
class StorageOrderTest {

  static LeverageGraph darfur;

  @BeforeAll
  static void load() throws Exception {
    darfur = PlanBudgetSweepTest.load("darfur-2003-2008");
  }

  static LeverageGraph shuffled(LeverageGraph g, long seed) {
    List<Actor> actors = new ArrayList<>(g.actors());
    List<Tie> ties = new ArrayList<>(g.ties());
    Random random = new Random(seed);
    Collections.shuffle(actors, random);
    Collections.shuffle(ties, random);
    return LeverageGraph.of(g.caseId(), g.asOf(), actors, ties);
  }

  @Test
  void shuffledActorsAndTiesGiveTheSamePlanInfluencePathsPatronsAndRedTeam() {
    PlanQuery budget10 = DarfurEngagementTest.US_BUDGET_10;
    PlanQuery budget20 = new PlanQuery("usa", 20, null, null, 10_000, 42);
    var plan10 = new EngagementPlanner(darfur).plan(budget10);
    var plan20 = new EngagementPlanner(darfur).plan(budget20);
    var influence = new ReverseReachableInfluence(darfur).estimate(new InfluenceQuery("bashir", 20_000, 42));
    var paths = new YenLeveragePaths(darfur, PathQuery.between("usa", "bashir", 5)).run();
    var patrons = new PatronAnalysis(darfur).rank("bashir", "usa");
    var forums = new ForumShopping(darfur).assess("bashir", "usa");
    List<String> picks = plan10.picks().stream().map(EngagementPlanner.Pick::id).toList();
    var redTeam = new RedTeam(darfur).respond(budget10, picks, "bashir");
    for (long seed = 1; seed <= 5; seed++) {
      LeverageGraph other = shuffled(darfur, seed);
      assertThat(other.actors()).as("seed %d", seed).isEqualTo(darfur.actors());
      assertThat(new EngagementPlanner(other).plan(budget10)).as("plan, seed %d", seed).isEqualTo(plan10);
      assertThat(new EngagementPlanner(other).plan(budget20)).as("plan, seed %d", seed).isEqualTo(plan20);
      assertThat(new ReverseReachableInfluence(other).estimate(new InfluenceQuery("bashir", 20_000, 42)))
          .as("influence, seed %d", seed).isEqualTo(influence);
      assertThat(new YenLeveragePaths(other, PathQuery.between("usa", "bashir", 5)).run())
          .as("paths, seed %d", seed).isEqualTo(paths);
      assertThat(new PatronAnalysis(other).rank("bashir", "usa")).as("patrons, seed %d", seed).isEqualTo(patrons);
      assertThat(new ForumShopping(other).assess("bashir", "usa")).as("forums, seed %d", seed).isEqualTo(forums);
      assertThat(new RedTeam(other).respond(budget10, picks, "bashir")).as("red team, seed %d", seed)
          .isEqualTo(redTeam);
    }
  }
}
