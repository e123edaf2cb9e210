package org.fulcrum.analysis;

import java.util.Collection;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Forward Monte Carlo simulation of the independent cascade: pressure starts at a set of actors
 * and each tie passes it on once, independently, with probability {@code strength x confidence}.
 * It is the plain, slow, obviously right estimate that sampling-based answers are checked against.
 */
public final class CascadeSimulation {

  private final LeverageGraph graph;

  public CascadeSimulation(LeverageGraph graph) {
    this.graph = Objects.requireNonNull(graph, "graph");
  }

  /** How many actors the cascade reaches, seeds included: the mean over runs and its standard error. */
  public record Spread(double mean, double standardError, int runs) {}

  public Spread spread(Collection<String> seedIds, int runs, long seed) {
    if (runs < 1) {
      throw new IllegalArgumentException("runs must be at least 1, got " + runs);
    }
    int[] seeds = seedIds.stream().mapToInt(id -> graph.require(id, "seed")).toArray();
    SplittableRandom random = new SplittableRandom(seed);
    int n = graph.actorCount();
    int[] active = new int[n];
    int[] queue = new int[n];
    double sum = 0;
    double sumSq = 0;
    for (int r = 1; r <= runs; r++) {
      int tail = 0;
      for (int s : seeds) {
        if (active[s] != r) {
          active[s] = r;
          queue[tail++] = s;
        }
      }
      for (int head = 0; head < tail; head++) {
        int u = queue[head];
        for (int i = graph.outStart(u); i < graph.outEnd(u); i++) {
          int e = graph.outEdge(i);
          int v = graph.target(e);
          if (active[v] != r && random.nextDouble() < graph.probability(e)) {
            active[v] = r;
            queue[tail++] = v;
          }
        }
      }
      sum += tail;
      sumSq += (double) tail * tail;
    }
    double mean = sum / runs;
    return new Spread(mean, Math.sqrt(Math.max(0, sumSq / runs - mean * mean) / runs), runs);
  }
}
