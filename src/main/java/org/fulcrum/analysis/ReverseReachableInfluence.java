package org.fulcrum.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Influence of every actor on one target under the independent cascade model, estimated all at
 * once by reverse-reachable sampling (C. Borgs, M. Brautbar, J. Chayes, B. Lucier, "Maximizing
 * social influence in nearly optimal time", SODA 2014): each sample draws which ties are "live"
 * (tie e with probability {@code strength x confidence}) lazily while walking backwards from the
 * target; the actors reached are exactly those whose pressure would have reached the target in
 * that world. So an actor's share of samples estimates its probability, for all actors in one pass.
 *
 * <p>Cost: O(samples x (reverse-reachable set size + the ties tried)); see
 * {@link ReverseReachableSampler}. Intervals are 95% Wilson score intervals.
 */
public final class ReverseReachableInfluence {

  static final double Z95 = 1.959963984540054;

  private final LeverageGraph graph;
  private final ReverseReachableSampler sampler;

  public ReverseReachableInfluence(LeverageGraph graph) {
    this.graph = Objects.requireNonNull(graph, "graph");
    this.sampler = new ReverseReachableSampler(graph);
  }

  public InfluenceRanking estimate(InfluenceQuery query) {
    int target = graph.require(query.target(), "target");
    int[] hits = sampleCounts(target, query.samples(), query.seed());
    List<InfluenceRanking.ActorInfluence> ranked = new ArrayList<>();
    for (int v = 0; v < hits.length; v++) {
      if (v != target && hits[v] > 0) {
        double[] interval = wilson(hits[v], query.samples());
        ranked.add(new InfluenceRanking.ActorInfluence(graph.actor(v).id(), graph.actor(v).name(),
            (double) hits[v] / query.samples(), interval[0], interval[1], hits[v]));
      }
    }
    ranked.sort(Comparator.comparingDouble(InfluenceRanking.ActorInfluence::reach).reversed()
        .thenComparing(InfluenceRanking.ActorInfluence::id));
    return new InfluenceRanking(query.target(), "reverse-reachable sampling", query.samples(),
        query.seed(), List.copyOf(ranked));
  }

  /** How many of the samples each actor appears in. */
  int[] sampleCounts(int target, int samples, long seed) {
    ReverseReachableSampler.Walker walker = sampler.walker();
    SplittableRandom random = new SplittableRandom(seed);
    for (int s = 0; s < samples; s++) {
      walker.sample(target, random);
    }
    int[] hits = new int[graph.actorCount()];
    for (int v = 0; v < hits.length; v++) {
      hits[v] = walker.count(v);
    }
    return hits;
  }

  static double[] wilson(int hits, int samples) {
    double p = (double) hits / samples;
    double z2 = Z95 * Z95;
    double denominator = 1 + z2 / samples;
    double centre = (p + z2 / (2.0 * samples)) / denominator;
    double half = Z95 * Math.sqrt(p * (1 - p) / samples + z2 / (4.0 * samples * samples)) / denominator;
    return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
  }
}
