package org.fulcrum.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.fulcrum.casefile.CaseCodec;
import org.fulcrum.casefile.CaseFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A larger budget never buys less: the engagement plan on the bundled cases, budget 1 to 30 in
 * steps of 0.5, 10,000 samples, seed 42, for several engagers each.
 */
class PlanBudgetSweepTest {

  static Stream<Arguments> engagers() {
    return Stream.of(
        Arguments.of("darfur-2003-2008", "usa"), Arguments.of("darfur-2003-2008", "gbr"),
        Arguments.of("darfur-2003-2008", "fra"), Arguments.of("darfur-2003-2008", "au"),
        Arguments.of("kenya-2007-2008", "usa"), Arguments.of("kenya-2007-2008", "uk"),
        Arguments.of("kenya-2007-2008", "au"), Arguments.of("rwanda-1994", "usa"),
        Arguments.of("rwanda-1994", "france"), Arguments.of("rwanda-1994", "belgium"));
  }

  static LeverageGraph load(String file) throws Exception {
    try (InputStream in = Files.newInputStream(Path.of("datasets/" + file + ".json"))) {
      CaseFile c = new CaseCodec().readJson(file + ".json", in);
      return LeverageGraph.of(c.id(), c.asOf(), c.actors(), c.ties());
    }
  }

  /**
   * On the selection samples the plan's value never falls, and every plan is filled: whatever
   * budget is left affords no actor that would add anything on the samples. The measured pressure
   * (fresh samples, the same for every plan: common random numbers) never falls when the larger
   * plan holds the smaller one; when the plan changes course to actors that reach a little more on
   * the selection samples, the fresh samples may rank the two the other way, by less than half the
   * smaller plan's 95% interval (the choice is made on one set of samples and measured on
   * another, which is what keeps the measurement unbiased).
   */
  @ParameterizedTest(name = "{0}, engager {1}")
  @MethodSource("engagers")
  void aLargerBudgetNeverBuysLessAndNoPlanLeavesAnAffordableGainOut(String file, String engager)
      throws Exception {
    LeverageGraph graph = load(file);
    EngagementPlanner planner = new EngagementPlanner(graph);
    EngagementPlanner.Plan previous = null;
    double previousValue = 0;
    for (double budget = 1; budget <= 30; budget += 0.5) {
      PlanQuery query = new PlanQuery(engager, budget, null, null, 10_000, 42);
      EngagementPlanner.Plan plan = planner.plan(query);
      List<String> picks = plan.picks().stream().map(EngagementPlanner.Pick::id).toList();
      List<List<String>> sets = new ArrayList<>();
      sets.add(picks);
      List<String> affordable = new ArrayList<>();
      double[] cost = planner.costs(query, graph.require(engager, "engager"),
          new BestPathTree(graph, graph.require(engager, "engager")));
      for (int v = 0; v < graph.actorCount(); v++) {
        String id = graph.actor(v).id();
        if (!picks.contains(id) && plan.spent() + cost[v] <= budget) {
          affordable.add(id);
          List<String> with = new ArrayList<>(picks);
          with.add(id);
          sets.add(with);
        }
      }
      double[] value = planner.sampleValues(query, sets);
      String at = file + ", " + engager + ", budget " + budget + ", picks " + picks;
      for (int k = 1; k < value.length; k++) {
        assertThat(value[k]).as(at + ": adding the affordable " + affordable.get(k - 1)).isEqualTo(value[0]);
      }
      if (previous != null) {
        assertThat(value[0]).as(at + ": value on the samples").isGreaterThanOrEqualTo(previousValue);
        Set<String> before = new HashSet<>(previous.picks().stream().map(EngagementPlanner.Pick::id).toList());
        double slack = picks.containsAll(before) ? 0 : (previous.high() - previous.low()) / 2;
        assertThat(plan.expectedPressure()).as(at + ": measured, after " + before)
            .isGreaterThanOrEqualTo(previous.expectedPressure() - slack);
      }
      previous = plan;
      previousValue = value[0];
    }
  }
}
