package org.fulcrum.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.fulcrum.casefile.ActorKind;
import org.fulcrum.casefile.Polarity;
import org.fulcrum.casefile.TieType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class YenLeveragePathsTest {

  /**
   * <pre>
   *   a --0.9--> b --0.8--> d        a-b-d   0.72
   *   a --0.5--> c --0.9--> d        a-c-d   0.45
   *   b --0.5--> c                   a-b-c-d 0.405
   *   a --0.3--> d                   a-d     0.30
   * </pre>
   */
  static LeverageGraph diamond() {
    return TestGraphs.graph().tie("a", "b", 0.9).tie("b", "d", 0.8).tie("a", "c", 0.5)
        .tie("c", "d", 0.9).tie("b", "c", 0.5).tie("a", "d", 0.3).build();
  }

  static List<String> routes(YenLeveragePaths.Result r) {
    return r.paths().stream().map(p -> {
      StringBuilder s = new StringBuilder(p.hops().get(0).source());
      p.hops().forEach(h -> s.append('-').append(h.target()));
      return s.toString();
    }).toList();
  }

  static List<Double> strengths(YenLeveragePaths.Result r) {
    return r.paths().stream().map(LeveragePath::strength).toList();
  }

  @Test
  void findsTheStrongestPathsInOrderWithTheirProducts() {
    var r = new YenLeveragePaths(diamond(), PathQuery.between("a", "d", 5)).run();
    assertThat(routes(r)).containsExactly("a-b-d", "a-c-d", "a-b-c-d", "a-d");
    assertThat(strengths(r).get(0)).isCloseTo(0.72, within(1e-12));
    assertThat(strengths(r).get(1)).isCloseTo(0.45, within(1e-12));
    assertThat(strengths(r).get(2)).isCloseTo(0.405, within(1e-12));
    assertThat(strengths(r).get(3)).isCloseTo(0.30, within(1e-12));
    assertThat(r.kAsked()).isEqualTo(5);
  }

  @Test
  void hopsCarryTheirEvidenceAndTool() {
    var path = new YenLeveragePaths(diamond(), PathQuery.between("a", "d", 1)).run().paths().get(0);
    assertThat(path.length()).isEqualTo(2);
    var hop = path.hops().get(0);
    assertThat(hop.tie()).isEqualTo("a>b");
    assertThat(hop.type()).isEqualTo("influences");
    assertThat(hop.tool()).isEqualTo(new ToolFamily("diplomatic", "cooperative"));
    assertThat(hop.sources()).containsExactly("s");
  }

  @Test
  void hopLimitKeepsOnlyShortEnoughPaths() {
    var two = new YenLeveragePaths(diamond(), query("a", "d", 5, 2, null, Set.of(), Set.of(), null)).run();
    assertThat(routes(two)).containsExactly("a-b-d", "a-c-d", "a-d");
    var one = new YenLeveragePaths(diamond(), query("a", "d", 5, 1, null, Set.of(), Set.of(), null)).run();
    assertThat(routes(one)).containsExactly("a-d");
  }

  @Test
  void viaExcludeAndPolarityRestrictThePaths() {
    var via = new YenLeveragePaths(diamond(), query("a", "d", 5, null, "c", Set.of(), Set.of(), null)).run();
    assertThat(routes(via)).containsExactly("a-c-d", "a-b-c-d");
    var without = new YenLeveragePaths(diamond(), query("a", "d", 5, null, null, Set.of("b"), Set.of(), null)).run();
    assertThat(routes(without)).containsExactly("a-c-d", "a-d");
    var g = TestGraphs.graph().tie("a", "b", 0.9).tie("b", "d", 0.9)
        .tie("a", "d", TieType.SANCTIONS, 0.2, 1, Polarity.HOSTILE).build();
    var hostile = new YenLeveragePaths(g, query("a", "d", 5, null, null, Set.of(), Set.of(), Polarity.HOSTILE)).run();
    assertThat(routes(hostile)).containsExactly("a-d");
    assertThat(hostile.paths().get(0).hops().get(0).tool()).isEqualTo(new ToolFamily("diplomatic", "coercive"));
  }

  @Test
  void excludedKindsDoNotApplyToTheEnds() {
    var g = TestGraphs.graph().actor("a", ActorKind.MEDIA).actor("m", ActorKind.MEDIA)
        .tie("a", "m", 0.9).tie("m", "d", 0.9).tie("a", "x", 0.5).tie("x", "d", 0.5).build();
    var q = new PathQuery("a", "d", 5, null, null, null, null, Set.of(ActorKind.MEDIA), null, null);
    assertThat(routes(new YenLeveragePaths(g, q).run())).containsExactly("a-x-d");
  }

  @Test
  void noPathIsAnEmptyAnswer() {
    var g = TestGraphs.graph().tie("a", "b", 0.9).tie("c", "b", 0.9).build();
    assertThat(new YenLeveragePaths(g, PathQuery.between("a", "c", 3)).run().paths()).isEmpty();
  }

  @Test
  void badQueriesAreRejectedWithTheirReason() {
    assertThatThrownBy(() -> PathQuery.between("a", "d", 0)).hasMessage("k must be between 1 and 100, got 0");
    assertThatThrownBy(() -> PathQuery.between("a", "a", 1)).hasMessageContaining("the same actor");
    assertThatThrownBy(() -> new YenLeveragePaths(diamond(), PathQuery.between("a", "zz", 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("to: no actor 'zz' in case test");
  }

  /** Every simple path, by depth-first search: slow and obviously right. */
  static List<Double> bruteForceCosts(LeverageGraph g, int s, int t, Integer maxHops) {
    List<Double> costs = new ArrayList<>();
    dfs(g, s, t, new boolean[g.actorCount()], 0, 0, maxHops, costs);
    costs.sort(Comparator.naturalOrder());
    return costs;
  }

  private static void dfs(LeverageGraph g, int v, int t, boolean[] onPath, double cost, int hops,
      Integer maxHops, List<Double> out) {
    if (v == t) {
      out.add(cost);
      return;
    }
    if (maxHops != null && hops == maxHops) {
      return;
    }
    onPath[v] = true;
    for (int e : g.outgoing(v)) {
      int w = g.target(e);
      if (!onPath[w]) {
        dfs(g, w, t, onPath, cost + g.cost(e), hops + 1, maxHops, out);
      }
    }
    onPath[v] = false;
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 2, 3, 4})
  void agreesWithBruteForceOnSeededRandomGraphs(int maxHops) {
    for (long seed = 1; seed <= 40; seed++) {
      LeverageGraph g = TestGraphs.random(seed, 8, 0.35);
      Integer limit = maxHops == 0 ? null : maxHops;
      List<Double> expected = bruteForceCosts(g, 0, 7, limit);
      int k = 12;
      var result = new YenLeveragePaths(g, query("a0", "a7", k, limit, null, Set.of(), Set.of(), null)).run();
      List<Double> costs = result.paths().stream().map(p -> -Math.log(p.strength())).toList();
      assertThat(costs).as("seed %d, maxHops %s", seed, limit).hasSize(Math.min(k, expected.size()));
      for (int i = 0; i < costs.size(); i++) {
        assertThat(costs.get(i)).as("seed %d path %d", seed, i).isCloseTo(expected.get(i), within(1e-9));
      }
      result.paths().forEach(p -> assertThat(p.length()).isLessThanOrEqualTo(limit == null ? 99 : limit));
      result.paths().forEach(p -> assertThat(p.hops().stream().map(LeveragePath.Hop::target).distinct().count())
          .as("loopless").isEqualTo(p.length()));
    }
  }

  static PathQuery query(String from, String to, int k, Integer maxHops, String via,
      Set<String> exclude, Set<ActorKind> kinds, Polarity polarity) {
    return new PathQuery(from, to, k, maxHops, null, null, exclude, kinds, via, polarity);
  }

  @org.junit.jupiter.api.Test
  void theSingleBestPathByBidirectionalSearchIsTheCheapest() {
    for (long seed = 1; seed <= 200; seed++) {
      LeverageGraph g = TestGraphs.random(seed, 12, 0.2);
      for (int t = 1; t < 12; t++) {
        List<Double> all = bruteForceCosts(g, g.require("a0", "from"), g.require("a" + t, "to"), null);
        var best = new YenLeveragePaths(g, PathQuery.between("a0", "a" + t, 1)).run().paths();
        if (all.isEmpty()) {
          assertThat(best).isEmpty();
        } else {
          assertThat(-Math.log(best.get(0).strength())).as("seed %d target %d", seed, t)
              .isCloseTo(all.get(0), within(1e-9));
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 12})
  void anExcludedActorIsAvoidedAsBruteForceWithoutItAgrees(int k) {
    for (long seed = 1; seed <= 60; seed++) {
      LeverageGraph g = TestGraphs.random(seed, 9, 0.35);
      int excluded = g.indexOf("a4").orElseThrow();
      List<Double> expected = new ArrayList<>();
      boolean[] onPath = new boolean[g.actorCount()];
      onPath[excluded] = true; // never entered, exactly like an actor on the current path
      dfs(g, 0, 8, onPath, 0, 0, null, expected);
      expected.sort(Comparator.naturalOrder());
      var paths = new YenLeveragePaths(g, query("a0", "a8", k, null, null, Set.of("a4"), Set.of(), null))
          .run().paths();
      assertThat(paths).as("seed %d", seed).hasSize(Math.min(k, expected.size()));
      for (int i = 0; i < paths.size(); i++) {
        assertThat(-Math.log(paths.get(i).strength())).as("seed %d path %d", seed, i)
            .isCloseTo(expected.get(i), within(1e-9));
        assertThat(paths.get(i).hops()).noneMatch(h -> h.target().equals("a4"));
      }
    }
  }
}
