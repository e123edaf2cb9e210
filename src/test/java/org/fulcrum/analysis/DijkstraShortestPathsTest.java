package org.fulcrum.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.fulcrum.analysis.DijkstraShortestPaths.Direction;
import org.junit.jupiter.api.Test;

/** The shared Dijkstra against Bellman-Ford, the slow and obviously correct reference. */
class DijkstraShortestPathsTest {

  /** Bellman-Ford from (or, reversed, to) the root over the allowed ties. */
  static double[] bellmanFord(LeverageGraph g, int root, boolean toRoot, boolean[] allowed) {
    double[] d = new double[g.actorCount()];
    Arrays.fill(d, Double.POSITIVE_INFINITY);
    d[root] = 0;
    for (int round = 0; round < g.actorCount(); round++) {
      for (int e = 0; e < g.tieCount(); e++) {
        int from = toRoot ? g.target(e) : g.source(e);
        int to = toRoot ? g.source(e) : g.target(e);
        if (allowed[e] && d[from] + g.cost(e) < d[to]) {
          d[to] = d[from] + g.cost(e);
        }
      }
    }
    return d;
  }

  @Test
  void distancesAndPathsMatchBellmanFordBothWaysOnSeededRandomGraphs() {
    for (long seed = 1; seed <= 30; seed++) {
      LeverageGraph g = TestGraphs.random(seed, 12, 0.25);
      SplittableRandom random = new SplittableRandom(seed);
      boolean[] allowed = new boolean[g.tieCount()];
      for (int e = 0; e < allowed.length; e++) {
        allowed[e] = random.nextDouble() < 0.8;
      }
      int root = (int) (seed % g.actorCount());
      for (Direction direction : Direction.values()) {
        boolean toRoot = direction == Direction.TO_ROOT;
        double[] expected = bellmanFord(g, root, toRoot, allowed);
        var search = DijkstraShortestPaths.search(g, root, direction, allowed, DijkstraShortestPaths.ALL);
        for (int v = 0; v < g.actorCount(); v++) {
          if (Double.isInfinite(expected[v])) {
            assertThat(search.distance(v)).as("seed %d, %s, actor %d", seed, direction, v).isInfinite();
            continue;
          }
          assertThat(search.distance(v)).as("seed %d, %s, actor %d", seed, direction, v)
              .isCloseTo(expected[v], within(1e-9));
          int[] path = search.path(v);
          double cost = Arrays.stream(path).mapToDouble(g::cost).sum();
          assertThat(cost).isCloseTo(expected[v], within(1e-9));
          assertThat(Arrays.stream(path).allMatch(e -> allowed[e])).isTrue();
          if (path.length > 0) {
            assertThat(g.source(path[0])).isEqualTo(toRoot ? v : root);
            assertThat(g.target(path[path.length - 1])).isEqualTo(toRoot ? root : v);
          }
        }
      }
    }
  }

  @Test
  void theSettleCallbackSeesActorsInDistanceOrderAndCanStopTheSearch() {
    LeverageGraph g = TestGraphs.graph().tie("a", "b", 0.9).tie("b", "c", 0.9).tie("a", "d", 0.5)
        .build();
    List<Integer> seen = new ArrayList<>();
    var search = DijkstraShortestPaths.search(g, g.require("a", "a"), Direction.FROM_ROOT, null,
        (actor, distance) -> {
          seen.add(actor);
          return seen.size() < 3; // a (0), b (-ln 0.9), c (-2 ln 0.9); d (-ln 0.5) is never settled
        });
    assertThat(seen).containsExactly(g.require("a", "a"), g.require("b", "b"), g.require("c", "c"));
    assertThat(search.distance(g.require("c", "c"))).isCloseTo(-2 * Math.log(0.9), within(1e-12));
    assertThat(search.distance(g.require("d", "d"))).as("reached, not settled")
        .isCloseTo(-Math.log(0.5), within(1e-12));
  }
}
