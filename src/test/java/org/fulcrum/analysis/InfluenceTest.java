package org.fulcrum.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class InfluenceTest {

  static Map<String, Double> reach(InfluenceRanking r) {
    return r.actors().stream().collect(Collectors.toMap(InfluenceRanking.ActorInfluence::id,
        InfluenceRanking.ActorInfluence::reach));
  }

  /**
   * b -0.5-> a -0.5-> t, and b -0.5-> t: a reaches t with 0.5; b directly with 0.5 or through a
   * with 0.25, so with 1 - (1 - 0.5)(1 - 0.25) = 0.625. c, which nothing connects, is absent.
   */
  @Test
  void exactInfluenceCountsEveryPathNotOnlyTheBest() {
    var g = TestGraphs.graph().tie("b", "a", 0.5).tie("a", "t", 0.5).tie("b", "t", 0.5)
        .tie("t", "c", 0.9).build();
    var r = new ExactInfluence(g).compute("t");
    assertThat(r.method()).isEqualTo("exact enumeration");
    assertThat(reach(r)).containsOnlyKeys("a", "b");
    assertThat(reach(r).get("a")).isCloseTo(0.5, within(1e-12));
    assertThat(reach(r).get("b")).isCloseTo(0.625, within(1e-12));
    assertThat(r.actors().get(0).id()).isEqualTo("b");
  }

  @Test
  void samplingIsSeededAndReportsItsInterval() {
    var g = TestGraphs.graph().tie("b", "a", 0.5).tie("a", "t", 0.5).tie("b", "t", 0.5).build();
    var query = new InfluenceQuery("t", 20_000, 7);
    var first = new ReverseReachableInfluence(g).estimate(query);
    var again = new ReverseReachableInfluence(g).estimate(query);
    assertThat(again).isEqualTo(first);
    assertThat(first.samples()).isEqualTo(20_000);
    var b = first.actors().stream().filter(x -> x.id().equals("b")).findFirst().orElseThrow();
    double se = Math.sqrt(0.625 * 0.375 / 20_000);
    assertThat(b.reach()).isCloseTo(0.625, within(4 * se));
    assertThat(b.low()).isLessThan(b.reach());
    assertThat(b.high()).isGreaterThan(b.reach());
    assertThat(b.high() - b.low()).as("95%% interval width ~ 2 x 1.96 se").isCloseTo(2 * 1.96 * se, within(0.002));
  }

  /** Over many seeded random graphs, the sampled values sit within their intervals of the exact ones. */
  @Test
  void samplingAgreesWithExactEnumerationOnRandomGraphs() {
    int checked = 0;
    int outside = 0;
    for (long seed = 1; seed <= 30; seed++) {
      LeverageGraph g = TestGraphs.random(seed, 7, 0.3);
      var exact = new ExactInfluence(g);
      if (!exact.feasible("a0")) {
        continue;
      }
      Map<String, Double> truth = reach(exact.compute("a0"));
      var sampled = new ReverseReachableInfluence(g).estimate(new InfluenceQuery("a0", 20_000, seed));
      assertThat(sampled.actors()).extracting(InfluenceRanking.ActorInfluence::id)
          .containsExactlyInAnyOrderElementsOf(truth.keySet().stream()
              .filter(id -> sampled.actors().stream().anyMatch(a -> a.id().equals(id))).toList());
      for (var a : sampled.actors()) {
        double p = truth.get(a.id());
        checked++;
        if (p < a.low() || p > a.high()) {
          outside++;
        }
        // never further than 5 standard errors: a sure sign of a wrong estimator, not bad luck
        double se = Math.sqrt(p * (1 - p) / 20_000);
        assertThat(a.reach()).as("seed %d actor %s", seed, a.id()).isCloseTo(p, within(5 * se + 1e-9));
      }
    }
    assertThat(checked).isGreaterThan(30);
    // a 95% interval misses about 1 time in 20
    assertThat((double) outside / checked).isLessThan(0.12);
  }

  /** A hub with many in-ties: its live ones are found by inversion over running products. */
  @Test
  void aHubWithManyWeakInTiesKeepsEveryTiesProbability() {
    TestGraphs g = TestGraphs.graph();
    for (int i = 0; i < 16; i++) {
      g.tie("l" + i, "hub", 0.05 + 0.05 * (i % 6));
    }
    g.tie("hub", "t", 0.9).tie("x", "l0", 0.5);
    LeverageGraph graph = g.build();
    Map<String, Double> truth = reach(new ExactInfluence(graph).compute("t"));
    var sampled = new ReverseReachableInfluence(graph).estimate(new InfluenceQuery("t", 200_000, 11));
    assertThat(sampled.actors()).hasSize(truth.size());
    for (var a : sampled.actors()) {
      double p = truth.get(a.id());
      assertThat(a.reach()).as(a.id()).isCloseTo(p, within(5 * Math.sqrt(p * (1 - p) / 200_000) + 1e-9));
    }
  }

  /**
   * 400 in-ties into the target, each from its own actor, so each actor's reach is its tie's
   * probability: certain ties (probability 1) and so many strong ones that the running products
   * restart several times (below 2^-500).
   */
  @Test
  void manyStrongAndCertainInTiesKeepEveryTiesProbability() {
    TestGraphs g = TestGraphs.graph();
    Map<String, Double> p = new java.util.HashMap<>();
    for (int i = 0; i < 400; i++) {
      double q = i % 50 == 7 ? 1.0 : 0.3 + 0.6 * ((i * 37) % 100) / 100.0;
      g.tie("s" + i, "t", q);
      p.put("s" + i, q);
    }
    LeverageGraph graph = g.build();
    int samples = 40_000;
    var sampled = new ReverseReachableInfluence(graph).estimate(new InfluenceQuery("t", samples, 5));
    assertThat(sampled.actors()).hasSize(400);
    for (var a : sampled.actors()) {
      double q = p.get(a.id());
      assertThat(a.reach()).as(a.id()).isCloseTo(q, within(5 * Math.sqrt(q * (1 - q) / samples) + 1e-9));
    }
  }

  /** Blocks of samples have their own random streams: one thread or two, the same counts. */
  @Test
  void countsAreTheSameWithOneOrTwoThreads() throws Exception {
    LeverageGraph g = TestGraphs.random(3, 60, 0.08);
    int target = g.require("a0", "target");
    int samples = 20 * ReverseReachableInfluence.BLOCK + 17;
    int[] one = new ReverseReachableInfluence(g, 1, Runnable::run, 0).sampleCounts(target, samples, 9);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(1);
    try {
      int[] two = new ReverseReachableInfluence(g, 2, pool, 0).sampleCounts(target, samples, 9);
      assertThat(two).isEqualTo(one);
    } finally {
      pool.shutdown();
    }
    // a helper that never gets a thread is not waited for
    int[] unhelped = new ReverseReachableInfluence(g, 2, task -> { }, 0).sampleCounts(target, samples, 9);
    assertThat(unhelped).isEqualTo(one);
    assertThat(java.util.Arrays.stream(one).sum()).as("the samples reach beyond the target")
        .isGreaterThan(2 * samples);
    // the public constructor (common pool, its own threshold) too
    assertThat(new ReverseReachableInfluence(g).sampleCounts(target, samples, 9)).isEqualTo(one);
  }

  /** A snapshot's sampler tables are built once and shared by later queries on it. */
  @Test
  void samplerTablesAreBuiltOncePerSnapshot() {
    LeverageGraph g = TestGraphs.random(4, 7, 0.3);
    assertThat(ReverseReachableSampler.of(g)).isSameAs(ReverseReachableSampler.of(g));
    assertThat(ReverseReachableSampler.of(TestGraphs.random(4, 7, 0.3))).isNotSameAs(ReverseReachableSampler.of(g));
  }
}
