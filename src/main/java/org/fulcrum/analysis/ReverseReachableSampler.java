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

  /** In-ties of actor v are {@code [inStart[v], inStart[v + 1])}, in the graph's order. */
  private final int[] inStart;
  /** The source of each in-tie, laid out contiguously per actor: no lookup through the tie id. */
  private final int[] inSource;
  /** The probability of each in-tie, parallel to {@link #inSource}. */
  private final double[] inProbability;
  private final double[] maxInProbability;
  /** ln(1 - pmax) per actor (negative), for geometric skips; 0 where skipping is not used. */
  private final double[] logMiss;

  ReverseReachableSampler(LeverageGraph graph) {
    int n = graph.actorCount();
    int m = graph.tieCount();
    inStart = new int[n + 1];
    inSource = new int[m];
    inProbability = new double[m];
    maxInProbability = new double[n];
    logMiss = new double[n];
    for (int v = 0; v < n; v++) {
      int start = graph.inStart(v);
      int end = graph.inEnd(v);
      inStart[v + 1] = end;
      double pmax = 0;
      for (int i = start; i < end; i++) {
        int e = graph.inEdge(i);
        inSource[i] = graph.source(e);
        inProbability[i] = graph.probability(e);
        pmax = Math.max(pmax, inProbability[i]);
      }
      maxInProbability[v] = pmax;
      logMiss[v] = end - start < SKIP_THRESHOLD || pmax >= 1 ? 0 : Math.log1p(-pmax);
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
      int start = inStart[v];
      int end = inStart[v + 1];
      double miss = logMiss[v];
      if (miss == 0) {
        for (int i = start; i < end; i++) {
          int u = inSource[i];
          if (visited[u] != stamp && random.nextDouble() < inProbability[i]) {
            if (stopAt != null && stopAt[u]) {
              return -1;
            }
            visited[u] = stamp;
            queue[tail++] = u;
          }
        }
      } else {
        double pmax = maxInProbability[v];
        long i = start + (long) (Math.log(random.nextDouble()) / miss);
        while (i < end) {
          int u = inSource[(int) i];
          if (visited[u] != stamp && random.nextDouble() * pmax < inProbability[(int) i]) {
            if (stopAt != null && stopAt[u]) {
              return -1;
            }
            visited[u] = stamp;
            queue[tail++] = u;
          }
          i += 1 + (long) (Math.log(random.nextDouble()) / miss);
        }
      }
    }
    return tail;
  }
}
