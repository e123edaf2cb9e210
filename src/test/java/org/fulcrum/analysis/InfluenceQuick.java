package org.fulcrum.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.fulcrum.bench.GeneratedLeverageGraph;
import org.fulcrum.casefile.CaseFile;
import org.fulcrum.casefile.Tie;

/**
 * A quicker loop than {@code LeverageBenchmark} for trying sampler changes: the same graph and
 * targets, {@code sampleCounts} alone with fewer samples, several rounds, per-target times and a
 * checksum of the counts.
 *
 * <pre>java -cp ... org.fulcrum.analysis.InfluenceQuick [samples, default 2000] [rounds, default 3]</pre>
 */
public final class InfluenceQuick {

  /** -Dquick.threads=N: that many threads (package-private constructor); default: the public one. */
  static final int THREADS = Integer.getInteger("quick.threads", 0);

  public static void main(String[] args) {
    int samples = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int actors = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
    int tieCount = args.length > 3 ? Integer.parseInt(args[3]) : 1_000_000;
    LeverageGraph graph = benchGraph(actors, tieCount);
    int[] targets = benchTargets(graph);
    for (int r = 0; r < rounds; r++) {
      long checksum = 0;
      long total = 0;
      StringBuilder each = new StringBuilder();
      long t0 = System.nanoTime();
      var bean = java.lang.management.ManagementFactory.getThreadMXBean();
      long c0 = bean.getCurrentThreadCpuTime();
      for (int target : targets) {
        long t1 = System.nanoTime();
        int[] hits = (THREADS > 0 ? new ReverseReachableInfluence(graph, THREADS, Runnable::run, Long.MAX_VALUE)
            : new ReverseReachableInfluence(graph)).sampleCounts(target, samples, 42);
        each.append(String.format(Locale.ROOT, " %7.0f", (System.nanoTime() - t1) / 1e6));
        for (int v = 0; v < hits.length; v++) {
          total += hits[v];
          checksum = checksum * 31 + hits[v];
        }
      }
      double ns = System.nanoTime() - t0;
      System.out.printf(Locale.ROOT, "round %d: %8.0f ms (cpu %6.0f ms, %5.1f ns per actor reached); per target%s; mean set %.1f; checksum %016x%n", r,
          ns / 1e6, (bean.getCurrentThreadCpuTime() - c0) / 1e6, ns / total, each, total / (5.0 * samples), checksum);
    }
  }

  /** The benchmark's generated graph (seed 1) with every tie's confidence 0.15. */
  static LeverageGraph benchGraph(int actors, int tieCount) {
    CaseFile generated = GeneratedLeverageGraph.generate("bench", actors, tieCount, 1.0, 1);
    List<Tie> ties = new ArrayList<>(generated.ties().size());
    for (Tie t : generated.ties()) {
      ties.add(new Tie(t.id(), t.source(), t.target(), t.type(), t.strength(), t.polarity(),
          t.channel(), 0.15, t.from(), t.to(), t.veto(), t.votingWeight(), t.sources()));
    }
    return LeverageGraph.of("bench", null, generated.actors(), ties);
  }

  /** The benchmark's five targets: random actors with an in-tie, drawn with seed 1 + 7. */
  static int[] benchTargets(LeverageGraph graph) {
    SplittableRandom rnd = new SplittableRandom(1 + 7);
    int[] targets = new int[5];
    for (int k = 0; k < 5; ) {
      int t = rnd.nextInt(graph.actorCount());
      if (graph.inEnd(t) > graph.inStart(t)) {
        targets[k++] = t;
      }
    }
    return targets;
  }

  private InfluenceQuick() {}
}
