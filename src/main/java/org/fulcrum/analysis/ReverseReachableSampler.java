package org.fulcrum.analysis;

import java.util.SplittableRandom;

/**
 * Draws one reverse-reachable set: the actors whose pressure reaches a root in one random world of
 * the independent cascade, where tie e is "live" with probability {@code strength x confidence}.
 * Live ties are drawn lazily while walking backwards from the root, so only the ties into reached
 * actors are ever tried (C. Borgs, M. Brautbar, J. Chayes, B. Lucier, "Maximizing social influence
 * in nearly optimal time", SODA 2014).
 *
 * <p>Ties into an actor with many in-ties are tried by geometric skipping (Q. Guo et al.,
 * "Influence maximization revisited: efficient sampling with bounded probabilities", KDD 2020):
 * jump over a geometric number of ties at the actor's largest in-probability, then keep the tie
 * landed on with probability p(e) / pmax. An actor then costs about (in-degree x pmax) draws.
 */
final class ReverseReachableSampler {

  /** Below this many in-ties, testing each tie costs less than skipping. */
  private static final int SKIP_THRESHOLD = 8;

  private final LeverageGraph graph;
  private final double[] maxInProbability;

  ReverseReachableSampler(LeverageGraph graph) {
    this.graph = graph;
    maxInProbability = new double[graph.actorCount()];
    for (int e = 0; e < graph.tieCount(); e++) {
      int v = graph.target(e);
      maxInProbability[v] = Math.max(maxInProbability[v], graph.probability(e));
    }
  }

  /**
   * Walks backwards from {@code root} and leaves the actors reached, root first, in
   * {@code queue[0 .. size)}.
   *
   * @param visited one stamp per actor; an actor counts as reached when its stamp equals
   *     {@code stamp}, so callers pass a new stamp for every sample instead of clearing the array
   * @return how many actors were reached, the root included
   */
  int sample(int root, SplittableRandom random, int[] visited, int stamp, int[] queue) {
    return sample(root, random, visited, stamp, queue, null);
  }

  /**
   * As {@link #sample(int, SplittableRandom, int[], int, int[])}, but stops as soon as an actor
   * flagged in {@code stopAt} is reached, and then returns -1: for asking only whether a set of
   * actors reaches the root in this world.
   */
  int sample(int root, SplittableRandom random, int[] visited, int stamp, int[] queue,
      boolean[] stopAt) {
    if (stopAt != null && stopAt[root]) {
      return -1;
    }
    int head = 0;
    int tail = 0;
    queue[tail++] = root;
    visited[root] = stamp;
    while (head < tail) {
      int v = queue[head++];
      int start = graph.inStart(v);
      int end = graph.inEnd(v);
      double pmax = maxInProbability[v];
      if (end - start < SKIP_THRESHOLD || pmax >= 1) {
        for (int i = start; i < end; i++) {
          int e = graph.inEdge(i);
          int u = graph.source(e);
          if (visited[u] != stamp && random.nextDouble() < graph.probability(e)) {
            if (stopAt != null && stopAt[u]) {
              return -1;
            }
            visited[u] = stamp;
            queue[tail++] = u;
          }
        }
      } else {
        double logMiss = Math.log1p(-pmax);
        long i = start + (long) (Math.log(random.nextDouble()) / logMiss);
        while (i < end) {
          int e = graph.inEdge((int) i);
          int u = graph.source(e);
          if (visited[u] != stamp && random.nextDouble() * pmax < graph.probability(e)) {
            if (stopAt != null && stopAt[u]) {
              return -1;
            }
            visited[u] = stamp;
            queue[tail++] = u;
          }
          i += 1 + (long) (Math.log(random.nextDouble()) / logMiss);
        }
      }
    }
    return tail;
  }
}
