package org.fulcrum.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.fulcrum.bench.GeneratedLeverageGraph;
import org.fulcrum.casefile.CaseFile;
import org.fulcrum.casefile.Tie;

/**
 * Where the influence benchmark's time goes: per reverse-reachable set on the benchmark graph
 * (same generator, seed, confidence 0.15 and targets as {@code LeverageBenchmark}), the actors
 * reached, the ties into them, and the random draws, ties landed on and live ties of the sampler's
 * walk. Instrumented copies of the walk, not the production code; for measuring only.
 *
 * <pre>java -cp ... org.fulcrum.analysis.ReverseReachableStats [samples per target, default 2000]</pre>
 */
public final class ReverseReachableStats {

  private static final int SKIP_THRESHOLD = 8;

  public static void main(String[] args) {
    int samples = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    long seed = 1;
    CaseFile generated = GeneratedLeverageGraph.generate("bench", 100_000, 1_000_000, 1.0, seed);
    List<Tie> ties = new ArrayList<>(generated.ties().size());
    for (Tie t : generated.ties()) {
      ties.add(new Tie(t.id(), t.source(), t.target(), t.type(), t.strength(), t.polarity(),
          t.channel(), 0.15, t.from(), t.to(), t.veto(), t.votingWeight(), t.sources()));
    }
    LeverageGraph graph = LeverageGraph.of("bench", null, generated.actors(), ties);
    SplittableRandom rnd = new SplittableRandom(seed + 7);
    List<Integer> targets = new ArrayList<>();
    while (targets.size() < 5) {
      int t = rnd.nextInt(graph.actorCount());
      if (!graph.incoming(t).isEmpty()) {
        targets.add(t);
      }
    }
    int n = graph.actorCount();
    double[] pmax = new double[n];
    for (int e = 0; e < graph.tieCount(); e++) {
      pmax[graph.target(e)] = Math.max(pmax[graph.target(e)], graph.probability(e));
    }
    long[] c = new long[Counter.values().length];
    int[] visited = new int[n];
    int[] queue = new int[n];
    int stamp = 0;
    for (int target : targets) {
      SplittableRandom random = new SplittableRandom(42);
      for (int s = 0; s < samples; s++) {
        walk(graph, pmax, target, random, visited, ++stamp, queue, c, false);
        walk(graph, pmax, target, random, visited, ++stamp, queue, c, true);
      }
    }
    double sets = 5.0 * samples;
    System.out.printf(Locale.ROOT, "per reverse-reachable set, %d targets x %d samples:%n", targets.size(), samples);
    for (Counter k : Counter.values()) {
      System.out.printf(Locale.ROOT, "  %-58s %12.1f%n", k.what, c[k.ordinal()] / sets);
    }
  }

  enum Counter {
    REACHED("actors reached (root included)"),
    REACHED_SKIPPING("  of which take the skipping path (>= 8 in-ties)"),
    IN_TIES("ties into reached actors (in-degree sum)"),
    EXPECTED_LIVE("sum of p(e) over those ties (expected live ties)"),
    SUM_PMAX_DEG("sum of pmax x in-degree over skipping actors"),
    SMALL_TIES("ties tested one by one (actors < 8 in-ties)"),
    SMALL_TIES_VISITED("  of which source already reached: no draw"),
    GEO_DRAWS("geometric draws (log of a uniform)"),
    LANDINGS("ties landed on by skipping"),
    LANDINGS_VISITED("  of which source already reached: no draw"),
    ACCEPT_DRAWS("acceptance draws (uniform), both paths"),
    LIVE("live ties found (every landed/tested tie drawn; 2nd pass)"),
    LIVE_WASTED("  of which source already reached (wasted)");

    final String what;

    Counter(String what) {
      this.what = what;
    }
  }

  private static void add(long[] c, Counter k, long v) {
    c[k.ordinal()] += v;
  }

  /**
   * The sampler's walk with counters. {@code drawAll}: draw every tie tested or landed on, even
   * when its source is already reached (same law), to count live ties and wasted ones; otherwise
   * exactly the production walk.
   */
  private static void walk(LeverageGraph graph, double[] maxIn, int root, SplittableRandom random,
      int[] visited, int stamp, int[] queue, long[] c, boolean drawAll) {
    int head = 0;
    int tail = 0;
    queue[tail++] = root;
    visited[root] = stamp;
    while (head < tail) {
      int v = queue[head++];
      int start = graph.inStart(v);
      int end = graph.inEnd(v);
      double pmax = maxIn[v];
      if (!drawAll) {
        add(c, Counter.IN_TIES, end - start);
      }
      if (end - start < SKIP_THRESHOLD || pmax >= 1) {
        for (int i = start; i < end; i++) {
          int e = graph.inEdge(i);
          int u = graph.source(e);
          boolean seen = visited[u] == stamp;
          if (!drawAll) {
            add(c, Counter.SMALL_TIES, 1);
            add(c, Counter.SMALL_TIES_VISITED, seen ? 1 : 0);
            add(c, Counter.ACCEPT_DRAWS, seen ? 0 : 1);
          }
          if ((drawAll || !seen) && random.nextDouble() < graph.probability(e)) {
            if (drawAll) {
              add(c, Counter.LIVE, 1);
              add(c, Counter.LIVE_WASTED, seen ? 1 : 0);
            }
            if (!seen) {
              visited[u] = stamp;
              queue[tail++] = u;
            }
          }
        }
      } else {
        if (!drawAll) {
          add(c, Counter.REACHED_SKIPPING, 1);
        }
        double logMiss = Math.log1p(-pmax);
        long i = start + (long) (Math.log(random.nextDouble()) / logMiss);
        if (!drawAll) {
          add(c, Counter.GEO_DRAWS, 1);
        }
        while (i < end) {
          int e = graph.inEdge((int) i);
          int u = graph.source(e);
          boolean seen = visited[u] == stamp;
          if (!drawAll) {
            add(c, Counter.LANDINGS, 1);
            add(c, Counter.LANDINGS_VISITED, seen ? 1 : 0);
            add(c, Counter.ACCEPT_DRAWS, seen ? 0 : 1);
            add(c, Counter.GEO_DRAWS, 1);
          }
          if ((drawAll || !seen) && random.nextDouble() * pmax < graph.probability(e)) {
            if (drawAll) {
              add(c, Counter.LIVE, 1);
              add(c, Counter.LIVE_WASTED, seen ? 1 : 0);
            }
            if (!seen) {
              visited[u] = stamp;
              queue[tail++] = u;
            }
          }
          i += 1 + (long) (Math.log(random.nextDouble()) / logMiss);
        }
      }
    }
    if (!drawAll) {
      add(c, Counter.REACHED, tail);
      double expected = 0;
      double pmaxDeg = 0;
      for (int q = 0; q < tail; q++) {
        int v = queue[q];
        for (int i = graph.inStart(v); i < graph.inEnd(v); i++) {
          expected += graph.probability(graph.inEdge(i));
        }
        int deg = graph.inEnd(v) - graph.inStart(v);
        if (deg >= SKIP_THRESHOLD && maxIn[v] < 1) {
          pmaxDeg += maxIn[v] * deg;
        }
      }
      add(c, Counter.EXPECTED_LIVE, Math.round(expected));
      add(c, Counter.SUM_PMAX_DEG, Math.round(pmaxDeg));
    }
  }

  private ReverseReachableStats() {}
}
