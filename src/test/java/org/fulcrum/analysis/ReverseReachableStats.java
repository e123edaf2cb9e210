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
 * walk. Instrumented copies of the walks, not the production code; for measuring only: first the
 * geometric-skipping walk the sampler had before (log of a uniform per skip, skipping from 8
 * in-ties), then the inversion over running products it has now (same law, so the same live ties
 * per set on average, but other draws).
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
    inversion(graph, targets, samples);
  }

  /** The inversion walk over running products (restarting below 2^-500, as the sampler does), instrumented. */
  private static void inversion(LeverageGraph graph, List<Integer> targets, int samples) {
    int n = graph.actorCount();
    int[] start = new int[n + 1];
    int[] source = new int[graph.tieCount()];
    double[] product = new double[graph.tieCount()];
    int[] segmentEnd = new int[graph.tieCount()];
    long segments = 0;
    for (int v = 0; v < n; v++) {
      int d = graph.inEnd(v) - graph.inStart(v);
      Integer[] order = new Integer[d];
      for (int k = 0; k < d; k++) {
        order[k] = graph.inEdge(graph.inStart(v) + k);
      }
      java.util.Arrays.sort(order, (a, b) -> Double.compare(graph.probability(b), graph.probability(a)));
      double running = 1;
      int segmentStart = start[v];
      for (int k = 0; k < d; k++) {
        running *= 1 - graph.probability(order[k]);
        product[start[v] + k] = running;
        source[start[v] + k] = graph.source(order[k]);
        if (running < 0x1p-500 || k == d - 1) {
          for (int j = segmentStart; j <= start[v] + k; j++) {
            segmentEnd[j] = start[v] + k + 1;
          }
          segmentStart = start[v] + k + 1;
          running = 1;
          segments++;
        }
      }
      start[v + 1] = start[v] + d;
    }
    long reached = 0;
    long draws = 0;
    long noLive = 0;
    long live = 0;
    long wasted = 0;
    long scanned = 0;
    int[] visited = new int[n];
    int[] queue = new int[n];
    int stamp = 0;
    for (int target : targets) {
      SplittableRandom random = new SplittableRandom(42);
      for (int s = 0; s < samples; s++) {
        stamp++;
        int head = 0;
        int tail = 0;
        queue[tail++] = target;
        visited[target] = stamp;
        while (head < tail) {
          int v = queue[head++];
          int from = start[v];
          int to = start[v + 1];
          if (from == to) {
            continue;
          }
          boolean any = false;
          for (int first = from; first < to; first = segmentEnd[first]) {
            int end = segmentEnd[first];
            double rest = 1;
            int k = first;
            while (true) {
              double x = random.nextDouble() * rest;
              draws++;
              if (product[end - 1] > x) {
                break;
              }
              while (product[k] > x) {
                k++;
                scanned++;
              }
              any = true;
              live++;
              int u = source[k];
              if (visited[u] == stamp) {
                wasted++;
              } else {
                visited[u] = stamp;
                queue[tail++] = u;
              }
              rest = product[k];
              if (++k == end) {
                break;
              }
            }
          }
          if (!any) {
            noLive++;
          }
        }
        reached += tail;
      }
    }
    double sets = (double) targets.size() * samples;
    System.out.printf(Locale.ROOT, "inversion over running products (%d segments in %d actors' runs), per reverse-reachable set:%n",
        segments, n);
    System.out.printf(Locale.ROOT, "  %-58s %12.1f%n", "actors reached (root included)", reached / sets);
    System.out.printf(Locale.ROOT, "  %-58s %12.1f%n", "uniform draws (one per segment + one per live tie)", draws / sets);
    System.out.printf(Locale.ROOT, "  %-58s %12.1f%n", "  actors with in-ties but no live one", noLive / sets);
    System.out.printf(Locale.ROOT, "  %-58s %12.1f%n", "live ties found", live / sets);
    System.out.printf(Locale.ROOT, "  %-58s %12.1f%n", "  of which source already reached (wasted)", wasted / sets);
    System.out.printf(Locale.ROOT, "  %-58s %12.1f%n", "products scanned past (not live)", scanned / sets);
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
