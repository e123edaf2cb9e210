package org.fulcrum.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.fulcrum.casefile.Actor;
import org.fulcrum.casefile.ActorKind;
import org.fulcrum.casefile.Channel;
import org.fulcrum.casefile.Polarity;
import org.fulcrum.casefile.TargetGroup;
import org.fulcrum.casefile.Tie;
import org.fulcrum.casefile.TieType;
import org.junit.jupiter.api.Test;

class EngagementPlannerTest {

  private static Actor actor(String id, ActorKind kind, TargetGroup group) {
    return new Actor(id, id.toUpperCase(), kind, null, 0, 0.5, 0.5, group, null, List.of("s"));
  }

  private static Tie tie(String from, String to, double p) {
    return new Tie(from + ">" + to, from, to, TieType.INFLUENCES, p, Polarity.SUPPORTIVE, Channel.DIPLOMATIC,
        1, null, null, null, null, List.of("s"));
  }

  /**
   * The engager reaches a broker (strength 1) and a weak contact (0.5). The broker reaches both
   * planners with certainty, the contact only one, with 0.5.
   */
  private static LeverageGraph twoRoutes() {
    return LeverageGraph.of("t", null, List.of(
        actor("us", ActorKind.STATE, null),
        actor("broker", ActorKind.BUSINESS, null),
        actor("contact", ActorKind.INDIVIDUAL, null),
        actor("p1", ActorKind.LEADER, TargetGroup.PLANNERS),
        actor("p2", ActorKind.LEADER, TargetGroup.PLANNERS)), List.of(
        tie("us", "broker", 1), tie("us", "contact", 0.5),
        tie("broker", "p1", 1), tie("broker", "p2", 1), tie("contact", "p1", 0.5)));
  }

  @Test
  void handCheckedPlanPicksTheBrokerWithItsPathCostAndReasons() {
    var plan = new EngagementPlanner(twoRoutes()).plan(new PlanQuery("us", 1, null, null, 2_000, 7));
    // default costs: broker 1 / 1 = 1; contact 1 / 0.5 = 2 (over budget); leaders 2 / 1 = 2 (over)
    assertThat(plan.picks()).extracting(EngagementPlanner.Pick::id).containsExactly("broker");
    var broker = plan.picks().get(0);
    assertThat(broker.cost()).isEqualTo(1.0);
    assertThat(broker.costReason()).contains("base 1 for a business / access 1.000");
    // every sample is rooted at p1 or p2 (weight 1 each), and the broker reaches both surely: W = 2
    assertThat(plan.totalWeight()).isEqualTo(2.0);
    assertThat(broker.gain()).isCloseTo(2.0, within(1e-9));
    assertThat(plan.expectedPressure()).isCloseTo(2.0, within(1e-9));
    assertThat(broker.access().hops()).extracting(LeveragePath.Hop::tie).containsExactly("us>broker");
    assertThat(broker.path().strength()).isEqualTo(1.0);
    assertThat(broker.tools()).extracting(ToolFamily::toString).containsExactly("diplomatic/cooperative");
    assertThat(plan.guarantee()).contains("0.316");
    assertThat(plan.nextBest()).as("the broker already reaches every planner in every sample").isEmpty();
  }

  @Test
  void withMoreBudgetAndOnlyPlannersWeightedTheWeakContactAddsNothingTheBrokerHasNot() {
    var plan = new EngagementPlanner(twoRoutes()).plan(
        new PlanQuery("us", 10, Map.of(TargetGroup.PLANNERS, 1.0), null, 2_000, 7));
    assertThat(plan.picks()).extracting(EngagementPlanner.Pick::id).first().isEqualTo("broker");
    assertThat(plan.picks()).extracting(EngagementPlanner.Pick::id).doesNotContain("contact");
  }

  @Test
  void givenCostsOverrideTheRuleAndAPricedUnreachableActorBecomesACandidate() {
    var plan = new EngagementPlanner(twoRoutes()).plan(
        new PlanQuery("us", 1, null, Map.of("broker", 5.0, "p1", 1.0), 2_000, 7));
    assertThat(plan.picks()).extracting(EngagementPlanner.Pick::id).containsExactly("p1");
    assertThat(plan.picks().get(0).costReason()).isEqualTo("given in the query");
    // p1 reaches itself only: f = 1 of W = 2, measured on half of the fresh samples or so
    assertThat(plan.totalWeight()).isEqualTo(2.0);
    assertThat(plan.low()).isLessThanOrEqualTo(1.0);
    assertThat(plan.high()).isGreaterThanOrEqualTo(1.0);
  }

  @Test
  void badQueriesAreRefusedNamingTheField() {
    var planner = new EngagementPlanner(twoRoutes());
    assertThatThrownBy(() -> planner.plan(new PlanQuery("nobody", 1, null, null, 10, 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("engager");
    assertThatThrownBy(() -> planner.plan(new PlanQuery("us", 1, null, Map.of("ghost", 1.0), 10, 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ghost");
    assertThatThrownBy(() -> new PlanQuery("us", 0, null, null, 10, 1)).hasMessageContaining("budget");
    assertThatThrownBy(() -> new PlanQuery("us", 1, null, Map.of("p1", -2.0), 10, 1))
        .hasMessageContaining("costs.p1");
    assertThatThrownBy(() -> new PlanQuery("us", 1, Map.of(TargetGroup.VICTIMS, 0.0), null, 10, 1))
        .hasMessageContaining("at least one weight");
  }

  /** Random graphs of 9 actors, random groups and costs: the plan against every affordable set. */
  @Test
  void neverFallsBelowTheGuaranteeAgainstExhaustiveSearchOnTheSameSamples() {
    double worst = 1;
    double sumRatio = 0;
    int runs = 0;
    for (long seed = 1; seed <= 60; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      int n = 9;
      List<Actor> actors = new ArrayList<>();
      TargetGroup[] groups = TargetGroup.values();
      for (int i = 0; i < n; i++) {
        TargetGroup g = i == 0 || random.nextDouble() < 0.4 ? null : groups[random.nextInt(groups.length)];
        actors.add(actor("a" + i, ActorKind.INDIVIDUAL, g));
      }
      List<Tie> ties = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          if (i != j && random.nextDouble() < 0.3) {
            ties.add(tie("a" + i, "a" + j, 0.1 + 0.9 * random.nextDouble()));
          }
        }
      }
      LeverageGraph g = LeverageGraph.of("r", null, actors, ties);
      Map<String, Double> costs = new HashMap<>();
      for (int i = 1; i < n; i++) {
        costs.put("a" + i, 1.0 + random.nextInt(3));
      }
      double budget = 2 + random.nextInt(4);
      PlanQuery query = new PlanQuery("a0", budget, null, costs, 500, seed);
      EngagementPlanner planner = new EngagementPlanner(g);
      if (actors.stream().allMatch(a -> a.targetGroup() == null)) {
        continue;
      }
      var plan = planner.plan(query);
      PlanSamples.Samples rr = planner.draw(planner.weights(query.groupWeights()), 500, seed);
      Set<Integer> chosen = new HashSet<>();
      plan.picks().forEach(p -> chosen.add(g.indexOf(p.id()).orElseThrow()));
      assertThat(plan.picks().stream().mapToDouble(EngagementPlanner.Pick::cost).sum())
          .isLessThanOrEqualTo(budget);
      int planCoverage = BudgetedSelection.coverage(rr, chosen);
      double scale = plan.totalWeight() / 500;
      assertThat(plan.picks().stream().mapToDouble(EngagementPlanner.Pick::gain).sum())
          .as("gains add up to the plan's coverage").isCloseTo(planCoverage * scale, within(1e-9));
      int best = 0;
      for (int mask = 0; mask < 1 << (n - 1); mask++) {
        double spend = 0;
        Set<Integer> set = new HashSet<>();
        for (int i = 1; i < n; i++) {
          if ((mask & 1 << (i - 1)) != 0) {
            spend += costs.get("a" + i);
            set.add(i);
          }
        }
        if (spend <= budget) {
          best = Math.max(best, BudgetedSelection.coverage(rr, set));
        }
      }
      if (best == 0) {
        assertThat(planCoverage).isZero();
        continue;
      }
      double ratio = (double) planCoverage / best;
      assertThat(ratio).as("seed %d", seed).isGreaterThanOrEqualTo((1 - 1 / Math.E) / 2);
      worst = Math.min(worst, ratio);
      sumRatio += ratio;
      runs++;
    }
    System.out.printf("engagement plan vs exhaustive search: %d graphs, mean ratio %.4f, worst %.4f%n",
        runs, sumRatio / runs, worst);
    assertThat(runs).isGreaterThan(40);
  }

  @Test
  void measuredPressureAgreesWithTheExactCascadeOnASmallGraph() {
    // us -> x (0.6) -> p1 (0.5); us -> y (0.9) -> p1 (0.4) -> ... ; engage x and y
    LeverageGraph g = LeverageGraph.of("t", null, List.of(
        actor("us", ActorKind.STATE, null), actor("x", ActorKind.NGO, null), actor("y", ActorKind.NGO, null),
        actor("p1", ActorKind.LEADER, TargetGroup.PLANNERS)), List.of(
        tie("us", "x", 1), tie("us", "y", 1), tie("x", "p1", 0.5), tie("y", "p1", 0.4)));
    var plan = new EngagementPlanner(g).plan(new PlanQuery("us", 2, null, null, 50_000, 3));
    assertThat(plan.picks()).extracting(EngagementPlanner.Pick::id).containsExactlyInAnyOrder("x", "y");
    double exact = 1 - (1 - 0.5) * (1 - 0.4); // p1 reached by x or by y
    assertThat(plan.low()).isLessThanOrEqualTo(exact);
    assertThat(plan.high()).isGreaterThanOrEqualTo(exact);
    assertThat(plan.expectedPressure()).isCloseTo(exact, within(0.01));
  }
}
