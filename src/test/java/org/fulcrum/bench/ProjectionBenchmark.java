package org.fulcrum.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import org.fulcrum.analysis.LeverageGraph;
import org.fulcrum.cases.CaseService;
import org.fulcrum.store.EmbeddedNeo4j;

/**
 * The projection step of the leverage benchmark alone, repeated, on a store that is kept between
 * runs: the generated case is imported once (about two minutes) into {@code --store DIR} and later
 * runs only project it, so that changes to the reader can be measured in seconds. The first
 * projection after a start reads from a cold page cache (the operating system's file cache may
 * still be warm); the leverage benchmark's single figure is taken right after its import.
 *
 * <pre>./mvnw -Pbench test-compile exec:exec -Dbench.main=org.fulcrum.bench.ProjectionBenchmark \
 *     -Dbench.args="--store /tmp/fulcrum-projection-store --repeat 3 [--check]"</pre>
 *
 * {@code --check} also reads the case through the driver (Bolt) and fails if the in-process
 * reader's actors or ties differ from it.
 */
public final class ProjectionBenchmark {

  public static void main(String[] args) throws Exception {
    Map<String, String> opt = LeverageBenchmark.options(args);
    int actors = Integer.parseInt(opt.getOrDefault("actors", "100000"));
    int ties = Integer.parseInt(opt.getOrDefault("ties", "1000000"));
    int repeat = Integer.parseInt(opt.getOrDefault("repeat", "3"));
    Path home = Path.of(opt.getOrDefault("store", "/tmp/fulcrum-projection-store"));
    Files.createDirectories(home);
    System.out.printf("cores %d, max heap %d MiB, store %s%n", Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() / (1024 * 1024), home);
    try (EmbeddedNeo4j server = EmbeddedNeo4j.start(home, "127.0.0.1", 0, "4g", Map.of())) {
      try (var context = BenchApplication.start(server)) {
        CaseService cases = context.getBean(CaseService.class);
        if (!cases.exists("bench")) {
          long t0 = System.nanoTime();
          cases.importCase(GeneratedLeverageGraph.generate("bench", actors, ties, 1.0, 1));
          report("import (once per store)", t0);
        }
        CaseService.GraphContent content = null;
        for (int i = 0; i < repeat; i++) {
          content = null; // let the previous projection go before the next one is timed
          System.gc();
          long gc0 = gcMillis();
          long cpu0 = THREADS.getCurrentThreadCpuTime();
          long all0 = PROCESS.getProcessCpuTime();
          long t0 = System.nanoTime();
          content = cases.graphContent("bench");
          long t1 = System.nanoTime();
          long cpu1 = THREADS.getCurrentThreadCpuTime();
          long all1 = PROCESS.getProcessCpuTime();
          long gc1 = gcMillis();
          LeverageGraph graph = LeverageGraph.of("bench", content.asOf(), content.actors(), content.ties());
          report(String.format(Locale.ROOT, "run %d: read %,d actors and %,d ties", i + 1,
              content.actors().size(), content.ties().size()), t0, t1);
          report(String.format(Locale.ROOT, "run %d: build the snapshot (%,d ties)", i + 1, graph.tieCount()), t1);
          report(String.format(Locale.ROOT, "run %d: projection", i + 1), t0);
          System.out.printf(Locale.ROOT,
              "  reading: %.1f ms CPU on the calling thread, %.1f ms in the whole process, %d ms in GC pauses%n",
              (cpu1 - cpu0) / 1e6, (all1 - all0) / 1e6, gc1 - gc0);
        }
        if (opt.containsKey("check")) {
          long t0 = System.nanoTime();
          var bolt = cases.graphContentOverBolt("bench");
          report("read the same over Bolt (reference)", t0);
          if (!bolt.actors().equals(content.actors())) {
            throw new IllegalStateException("actors differ from the Bolt reading");
          }
          if (bolt.ties().size() != content.ties().size()
              || !new HashSet<>(bolt.ties()).equals(new HashSet<>(content.ties()))) {
            throw new IllegalStateException("ties differ from the Bolt reading");
          }
          System.out.println("in-process reading identical to the Bolt reading");
        }
      }
    }
  }

  private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final com.sun.management.OperatingSystemMXBean PROCESS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
  }

  private static void report(String what, long t0) {
    report(what, t0, System.nanoTime());
  }

  private static void report(String what, long t0, long t1) {
    System.out.printf(Locale.ROOT, "%-55s %10.1f ms%n", what, (t1 - t0) / 1e6);
  }

  private ProjectionBenchmark() {}
}
