package org.fulcrum.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.fulcrum.analysis.CascadeSimulation;
import org.fulcrum.analysis.EngagementPlanner;
import org.fulcrum.analysis.InfluenceQuery;
import org.fulcrum.analysis.InfluenceRanking;
import org.fulcrum.analysis.LeverageGraph;
import org.fulcrum.analysis.LeveragePath;
import org.fulcrum.analysis.PatronAnalysis;
import org.fulcrum.analysis.PathQuery;
import org.fulcrum.analysis.PlanQuery;
import org.fulcrum.analysis.ReverseReachableInfluence;
import org.fulcrum.analysis.YenLeveragePaths;
import org.fulcrum.casefile.Actor;
import org.fulcrum.casefile.ActorKind;
import org.fulcrum.casefile.CaseFile;
import org.fulcrum.casefile.TargetGroup;
import org.fulcrum.casefile.Tie;
import org.fulcrum.cases.CaseService;
import org.fulcrum.leverage.CaseSnapshots;
import org.fulcrum.store.EmbeddedNeo4j;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.kernel.api.procedure.GlobalProcedures;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * The leverage benchmark of docs/benchmarks.md: a generated power-law case imported through
 * Fulcrum's import path into embedded Neo4j, projected, and queried; the same path queries run
 * through the Graph Data Science library's Yen procedure when it is on the classpath (the
 * {@code bench} Maven profile), and any difference in path costs fails the run.
 *
 * <pre>./mvnw -Pbench test-compile exec:exec [-Dbench.args="--actors 100000 --ties 1000000 --pairs 50"]</pre>
 *
 * <p>{@code --in-memory} runs the algorithms on the generated case without Neo4j;
 * {@code --in-memory --only-influence} times the influence ranking alone.
 */
public final class LeverageBenchmark {

  public static void main(String[] args) throws Exception {
    Map<String, String> opt = options(args);
    int actors = Integer.parseInt(opt.getOrDefault("actors", "100000"));
    int ties = Integer.parseInt(opt.getOrDefault("ties", "1000000"));
    int pairs = Integer.parseInt(opt.getOrDefault("pairs", "50"));
    long seed = Long.parseLong(opt.getOrDefault("seed", "1"));
    boolean gds = !opt.containsKey("no-gds") && onClasspath("org.neo4j.gds.paths.sourcetarget.ShortestPathYensStreamProc");
    System.out.println(machine());
    System.out.printf("graph: %,d actors, %,d ties, seed %d; %d pairs%n%n", actors, ties, seed, pairs);

    long t0 = System.nanoTime();
    CaseFile generated = GeneratedLeverageGraph.generate("bench", actors, ties, 1.0, seed);
    report("generate the case in memory", ms(t0));

    if (opt.containsKey("in-memory")) {
      // the algorithms alone, on the generated case, without Neo4j: for quick iterations
      t0 = System.nanoTime();
      LeverageGraph graph = LeverageGraph.of("bench", null, generated.actors(), generated.ties());
      report("build the snapshot from records in memory", ms(t0));
      if (opt.containsKey("only-influence")) {
        influence(graph, seed);
        return;
      }
      List<String[]> ids = pairs(graph, pairs, seed).stream()
          .map(p -> new String[] {graph.actor(p[0]).id(), graph.actor(p[1]).id()}).toList();
      for (int i = 0; i < 5; i++) {
        new YenLeveragePaths(graph, PathQuery.between(ids.get(i)[0], ids.get(i)[1], 5)).run();
      }
      int[] spurs = new int[1];
      double[] k5 = time(ids.size(), i -> spurs[0] +=
          new YenLeveragePaths(graph, PathQuery.between(ids.get(i)[0], ids.get(i)[1], 5)).run().spurSearches());
      distribution("k=5 strongest paths (in memory)", k5);
      System.out.printf("  %.1f spur searches per query%n", spurs[0] / (double) ids.size());
      List<Double> bestCosts = new ArrayList<>();
      distribution("single best path (in memory)", time(ids.size(), i -> bestCosts.add(
          new YenLeveragePaths(graph, PathQuery.between(ids.get(i)[0], ids.get(i)[1], 1)).run()
              .paths().get(0).strength())));
      jgraphtBidirectional(graph, ids, bestCosts);
      if (!opt.containsKey("no-influence")) {
        influence(graph, seed);
      }
      if (opt.containsKey("plan")) {
        planComparison(null, graph, seed);
      }
      return;
    }
    Path home = Files.createTempDirectory("fulcrum-bench");
    Map<org.neo4j.graphdb.config.Setting<?>, Object> settings = gds
        ? Map.of(org.neo4j.configuration.GraphDatabaseSettings.procedure_unrestricted, List.of("gds.*"))
        : Map.of();
    try (EmbeddedNeo4j server = EmbeddedNeo4j.start(home, "127.0.0.1", 0, "4g", settings)) {
      if (gds) {
        registerGds(server);
      }
      try (var context = BenchApplication.start(server)) { // analyses read the case in process
        CaseService cases = context.getBean(CaseService.class);
        CaseSnapshots snapshots = context.getBean(CaseSnapshots.class);

        t0 = System.nanoTime();
        long cpu0 = processCpuNanos();
        cases.importCase(generated);
        report("import (new case: batches, ties on parallel writers)", ms(t0));
        System.out.printf(Locale.ROOT, "  %.1f s of CPU in the whole process (all threads, GC included)%n",
            (processCpuNanos() - cpu0) / 1e9);
        generated = null;
        // An import leaves its transactions' state behind
        // as garbage; collected here, outside the projection's time, rather than by the
        // collections the projection's own allocations would trigger (seconds each on this heap).
        t0 = System.nanoTime();
        System.gc();
        report("collect the import's garbage (not part of the projection)", ms(t0));

        t0 = System.nanoTime();
        LeverageGraph graph = snapshots.snapshot("bench", null);
        report("projection out of Neo4j into the snapshot", ms(t0));
        if (opt.containsKey("bolt-projection")) {
          // what an application on an external store does: the same case read over the driver
          t0 = System.nanoTime();
          var overBolt = cases.graphContentOverBolt("bench");
          LeverageGraph.of("bench", overBolt.asOf(), overBolt.actors(), overBolt.ties());
          report("the same projection over Bolt (external-store path)", ms(t0));
        }

        List<int[]> chosen = pairs(graph, pairs, seed);
        List<String[]> ids = chosen.stream()
            .map(p -> new String[] {graph.actor(p[0]).id(), graph.actor(p[1]).id()}).toList();

        if (opt.containsKey("within")) {
          int hops = Integer.parseInt(opt.get("within"));
          long[] size = new long[2];
          double[] near = time(10, i -> {
            LeverageGraph g = snapshots.neighbourhood("bench", null, List.of(ids.get(i)), hops);
            size[0] += g.actorCount();
            size[1] += g.tieCount();
          });
          distribution("neighbourhood projection within " + hops + " of a pair", near);
          System.out.printf(Locale.ROOT, "  on average %,d actors and %,d ties%n", size[0] / 10, size[1] / 10);
        }

        for (int i = 0; i < 5; i++) { // warm-up
          new YenLeveragePaths(graph, PathQuery.between(ids.get(i)[0], ids.get(i)[1], 5)).run();
        }
        List<List<LeveragePath>> ours = new ArrayList<>();
        double[] k5 = time(ids.size(), i -> ours.add(
            new YenLeveragePaths(graph, PathQuery.between(ids.get(i)[0], ids.get(i)[1], 5)).run().paths()));
        int minHops = ours.stream().mapToInt(p -> p.get(0).length()).min().orElse(0);
        int maxHops = ours.stream().flatMap(List::stream).mapToInt(LeveragePath::length).max().orElse(0);
        distribution("k=5 strongest paths (Yen, A* spur searches)", k5);
        System.out.printf("  best paths run %d to %d hops; k-th paths up to %d hops%n", minHops,
            ours.stream().mapToInt(p -> p.get(0).length()).max().orElse(0), maxHops);
        double[] k1 = time(ids.size(), i ->
            new YenLeveragePaths(graph, PathQuery.between(ids.get(i)[0], ids.get(i)[1], 1)).run());
        distribution("single best path (bidirectional Dijkstra)", k1);

        if (!opt.containsKey("no-influence")) {
          influence(graph, seed);
        }

        double[] patrons = time(Math.min(10, ids.size()), i ->
            new PatronAnalysis(graph).rank(ids.get(i)[1], ids.get(i)[0]));
        distribution("patron ranking with the engager's leverage", patrons);

        if (opt.containsKey("plan")) {
          planComparison(gds ? server : null, graph, seed);
        }
        if (gds && !opt.containsKey("no-paths-gds")) {
          compareWithGds(server, graph, ids, ours, k5, k1);
        } else {
          System.out.println("\n(GDS comparison skipped: it runs with -Pbench unless --no-gds is given)");
        }
      }
    } finally {
      deleteQuietly(home);
    }
  }

  /** CPU time of this process: a figure that other work on the machine disturbs less than wall time. */
  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static void influence(LeverageGraph graph, long seed) {
        LeverageGraph cascade = withConfidence(graph, 0.15);
        SplittableRandom rnd = new SplittableRandom(seed + 7);
        List<String> targets = new ArrayList<>();
        while (targets.size() < 5) {
          int t = rnd.nextInt(graph.actorCount());
          if (!graph.incoming(t).isEmpty()) {
            targets.add(graph.actor(t).id());
          }
        }
        new ReverseReachableInfluence(cascade).estimate(new InfluenceQuery(targets.get(0), 1000, 1));
        long[] reached = new long[1];
        long[] checksum = new long[1];
        double[] influence = time(targets.size(), i -> {
          InfluenceRanking ranking = new ReverseReachableInfluence(cascade)
              .estimate(new InfluenceQuery(targets.get(i), 10_000, 42));
          for (InfluenceRanking.ActorInfluence a : ranking.actors()) {
            reached[0] += a.hits();
            checksum[0] = checksum[0] * 31 + a.id().hashCode() * 1_000_003L + a.hits();
          }
        });
        distribution("influence ranking, 10,000 samples, confidence 0.15", influence);
        System.out.printf(Locale.ROOT, "  average reverse-reachable set: %.1f actors besides the target%n",
            reached[0] / (targets.size() * 10_000.0));
        // same checksum, same rankings: tells a change of speed from a change of random stream
        System.out.printf(Locale.ROOT, "  rankings checksum %016x%n", checksum[0]);
        // the adaptive mode on the same targets: stop once every interval is 0.01 wide
        int[] drawn = new int[targets.size()];
        double[] adaptive = time(targets.size(), i -> drawn[i] = new ReverseReachableInfluence(cascade)
            .estimate(new InfluenceQuery(targets.get(i), InfluenceQuery.SAMPLES_MAX, 42, 0.01)).samples());
        distribution("influence ranking, adaptive precision=0.01 (cap 1,000,000), confidence 0.15", adaptive);
        System.out.printf(Locale.ROOT, "  samples drawn per target: %s%n", java.util.Arrays.toString(drawn));
  }

  /** The reference the issue cites: JGraphT's own bidirectional Dijkstra on the same ties. */
  private static void jgraphtBidirectional(LeverageGraph graph, List<String[]> ids, List<Double> ours) {
    long t0 = System.nanoTime();
    var g = new org.jgrapht.graph.DefaultDirectedWeightedGraph<Integer, org.jgrapht.graph.DefaultWeightedEdge>(
        org.jgrapht.graph.DefaultWeightedEdge.class);
    for (int v = 0; v < graph.actorCount(); v++) {
      g.addVertex(v);
    }
    for (int e = 0; e < graph.tieCount(); e++) {
      g.setEdgeWeight(g.addEdge(graph.source(e), graph.target(e)), graph.cost(e));
    }
    report("JGraphT: build DefaultDirectedWeightedGraph", ms(t0));
    var search = new org.jgrapht.alg.shortestpath.BidirectionalDijkstraShortestPath<>(g);
    List<Double> theirs = new ArrayList<>();
    distribution("single best path, JGraphT BidirectionalDijkstra", time(ids.size(), i -> theirs.add(
        search.getPath(graph.indexOf(ids.get(i)[0]).orElseThrow(), graph.indexOf(ids.get(i)[1]).orElseThrow())
            .getWeight())));
    for (int i = 0; i < ours.size(); i++) {
      if (Math.abs(-Math.log(ours.get(i)) - theirs.get(i)) > 1e-9) { // ours: strength, theirs: cost
        throw new IllegalStateException("best path cost differs from JGraphT for pair " + i + ": "
            + ours.get(i) + " vs " + theirs.get(i));
      }
    }
    System.out.println("  best path costs identical to JGraphT's for all pairs");
  }

  // ---- engagement plan against GDS CELF ---------------------------------------------------

  /** GDS CELF takes one probability for every tie: both sides use the generated graph's mean. */
  static final double PLAN_PROBABILITY = 0.075;
  static final int PLAN_PICKS = 20;
  static final int SPREAD_RUNS = 1_000;

  /**
   * A plan of 20 picks with unit costs and every actor weighted 1 (the standard spread objective),
   * against {@code gds.influenceMaximization.celf} with seedSetSize 20 and the same probability;
   * both seed sets are then scored by one independent forward Monte Carlo simulation.
   */
  private static void planComparison(EmbeddedNeo4j server, LeverageGraph graph, long seed) throws Exception {
    System.out.printf(Locale.ROOT, "%nengagement plan: %d picks, unit costs, every actor weighted 1, every tie p = %.3f%n",
        PLAN_PICKS, PLAN_PROBABILITY);
    List<Actor> actors = new ArrayList<>(graph.actorCount() + 1);
    Map<String, Double> costs = new HashMap<>();
    for (Actor a : graph.actors()) {
      actors.add(new Actor(a.id(), a.name(), a.kind(), a.country(), a.position(), a.capability(), a.salience(),
          TargetGroup.OTHER_FOREIGN, a.decisionRule(), a.sources()));
      costs.put(a.id(), 1.0);
    }
    // the planner never picks its engager: give it one that is no candidate anyway
    actors.add(new Actor("bench-engager", "engager", ActorKind.STATE, null, 1, 1, 1, null, null, List.of("s")));
    List<Tie> ties = new ArrayList<>(graph.tieCount());
    for (Tie t : graph.ties()) {
      ties.add(new Tie(t.id(), t.source(), t.target(), t.type(), 1.0, t.polarity(), t.channel(), PLAN_PROBABILITY,
          null, null, null, null, t.sources()));
    }
    LeverageGraph uniform = LeverageGraph.of(graph.caseId(), null, actors, ties);
    long t0 = System.nanoTime();
    var plan = new EngagementPlanner(uniform).plan(new PlanQuery("bench-engager", PLAN_PICKS,
        Map.of(TargetGroup.OTHER_FOREIGN, 1.0), costs, PlanQuery.SAMPLES_DEFAULT, seed));
    double ours = ms(t0);
    report("Fulcrum engagement plan (10,000 samples, chosen and measured)", ours);
    List<String> ourSeeds = plan.picks().stream().map(EngagementPlanner.Pick::id).toList();
    System.out.printf(Locale.ROOT, "  %d picks, own estimate %.1f actors reached [%.1f, %.1f], selection: %s%n",
        ourSeeds.size(), plan.expectedPressure(), plan.low(), plan.high(), plan.selection());
    var simulation = new CascadeSimulation(uniform);
    var ourSpread = simulation.spread(ourSeeds, SPREAD_RUNS, seed + 99);
    System.out.printf(Locale.ROOT, "  spread by %,d forward simulations: %.1f (standard error %.1f)%n", SPREAD_RUNS,
        ourSpread.mean(), ourSpread.standardError());
    if (server == null) {
      System.out.println("  (GDS CELF comparison skipped: it runs with -Pbench against the embedded store)");
      return;
    }
    try (Driver driver = GraphDatabase.driver(server.boltUri(), AuthTokens.none());
        var session = driver.session()) {
      t0 = System.nanoTime();
      session.run("CALL gds.graph.project('bench-celf', 'Actor', 'TIE')").consume();
      report("GDS: gds.graph.project (unweighted)", ms(t0));
      Map<Long, String> idOf = new HashMap<>();
      session.run("MATCH (a:Actor {caseId: 'bench'}) RETURN a.id AS id, id(a) AS node").list()
          .forEach(r -> idOf.put(r.get("node").asLong(), r.get("id").asString()));
      long minutes = Long.parseLong(System.getProperty("bench.gds.minutes", "20"));
      t0 = System.nanoTime();
      List<Long> nodes;
      try {
        nodes = session.run("""
            CALL gds.influenceMaximization.celf.stream('bench-celf', {seedSetSize: $k,
              propagationProbability: $p, monteCarloSimulations: 100, randomSeed: $seed, concurrency: 2})
            YIELD nodeId RETURN nodeId""", Map.of("k", PLAN_PICKS, "p", PLAN_PROBABILITY, "seed", seed),
            TransactionConfig.builder().withTimeout(Duration.ofMinutes(minutes)).build())
            .list(r -> r.get("nodeId").asLong());
      } catch (RuntimeException e) {
        report("GDS CELF: stopped, not finished within " + minutes + " min (" + e.getClass().getSimpleName() + ")",
            ms(t0));
        return;
      }
      double theirs = ms(t0);
      report("GDS gds.influenceMaximization.celf.stream (100 simulations per estimate)", theirs);
      List<String> gdsSeeds = nodes.stream().map(idOf::get).toList();
      var gdsSpread = simulation.spread(gdsSeeds, SPREAD_RUNS, seed + 99);
      System.out.printf(Locale.ROOT, "  spread by %,d forward simulations: %.1f (standard error %.1f)%n", SPREAD_RUNS,
          gdsSpread.mean(), gdsSpread.standardError());
      System.out.printf(Locale.ROOT, "  Fulcrum / GDS: spread %.3f, time %.3f%n", ourSpread.mean() / gdsSpread.mean(),
          ours / theirs);
    }
  }

  // ---- GDS ---------------------------------------------------------------------------------

  private static void registerGds(EmbeddedNeo4j server) throws Exception {
    var procedures = ((GraphDatabaseAPI) server.database()).getDependencyResolver()
        .resolveDependency(GlobalProcedures.class);
    for (String name : List.of("org.neo4j.gds.catalog.GraphProjectProc",
        "org.neo4j.gds.catalog.GraphDropProc",
        "org.neo4j.gds.paths.sourcetarget.ShortestPathYensStreamProc",
        "org.neo4j.gds.paths.sourcetarget.ShortestPathDijkstraStreamProc",
        "org.neo4j.gds.influenceMaximization.CELFStreamProc")) {
      procedures.registerProcedure(Class.forName(name));
    }
  }

  private static void compareWithGds(EmbeddedNeo4j server, LeverageGraph graph, List<String[]> ids,
      List<List<LeveragePath>> ours, double[] k5, double[] k1) {
    try (Driver driver = GraphDatabase.driver(server.boltUri(), AuthTokens.none())) {
      long t0 = System.nanoTime();
      try (var session = driver.session()) {
        session.run("""
            MATCH ()-[t:TIE {caseId: 'bench'}]->()
            CALL (t) { SET t.cost = -log(t.strength * t.confidence) } IN TRANSACTIONS OF 50000 ROWS""").consume();
      }
      report("GDS: write tie costs for GDS", ms(t0));
      t0 = System.nanoTime();
      try (var session = driver.session()) {
        session.run("CALL gds.graph.project('bench', 'Actor', {TIE: {properties: 'cost'}})").consume();
      }
      report("GDS: gds.graph.project", ms(t0));
      Map<String, Long> nodeIds = new HashMap<>();
      try (var session = driver.session()) {
        session.run("MATCH (a:Actor {caseId: 'bench'}) RETURN a.id AS id, id(a) AS node").list()
            .forEach(r -> nodeIds.put(r.get("id").asString(), r.get("node").asLong()));
      }
      List<List<Double>> gdsCosts = new ArrayList<>();
      double[] yen;
      double[] dijkstra;
      try (var session = driver.session()) {
        yen = time(ids.size(), i -> gdsCosts.add(session.run("""
            CALL gds.shortestPath.yens.stream('bench', {sourceNode: $s, targetNode: $t, k: 5,
              relationshipWeightProperty: 'cost'}) YIELD totalCost RETURN totalCost ORDER BY totalCost""",
            Map.of("s", nodeIds.get(ids.get(i)[0]), "t", nodeIds.get(ids.get(i)[1])))
            .list(r -> r.get("totalCost").asDouble())));
        dijkstra = time(ids.size(), i -> session.run("""
            CALL gds.shortestPath.dijkstra.stream('bench', {sourceNode: $s, targetNode: $t,
              relationshipWeightProperty: 'cost'}) YIELD totalCost RETURN totalCost""",
            Map.of("s", nodeIds.get(ids.get(i)[0]), "t", nodeIds.get(ids.get(i)[1]))).consume());
      }
      distribution("GDS gds.shortestPath.yens.stream, k=5", yen);
      distribution("GDS gds.shortestPath.dijkstra.stream", dijkstra);
      int mismatches = 0;
      for (int i = 0; i < ids.size(); i++) {
        List<Double> mine = ours.get(i).stream().map(p -> -Math.log(p.strength())).toList();
        List<Double> theirs = gdsCosts.get(i);
        boolean same = mine.size() == theirs.size();
        for (int j = 0; same && j < mine.size(); j++) {
          same = Math.abs(mine.get(j) - theirs.get(j)) <= 1e-6 * Math.max(1, Math.abs(theirs.get(j)));
        }
        if (!same) {
          mismatches++;
          System.out.printf("  MISMATCH %s -> %s: Fulcrum %s, GDS %s%n", ids.get(i)[0], ids.get(i)[1], mine, theirs);
        }
      }
      System.out.printf(Locale.ROOT, "%nk=5 median: GDS Yen %.1f ms, Fulcrum %.1f ms: %.1fx faster; "
          + "best path median: GDS Dijkstra %.2f ms, Fulcrum %.2f ms%n", median(yen), median(k5),
          median(yen) / median(k5), median(dijkstra), median(k1));
      if (mismatches > 0) {
        System.out.println("FAILED: " + mismatches + " pair(s) where the path costs differ from GDS");
        System.exit(1);
      }
      System.out.println("path costs identical to GDS Yen for all " + ids.size() + " pairs");
    }
  }

  // ---- helpers -----------------------------------------------------------------------------

  /** Random pairs whose target is reachable from the source. */
  private static List<int[]> pairs(LeverageGraph g, int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed + 1);
    List<int[]> out = new ArrayList<>();
    int tries = 0;
    while (out.size() < count && tries++ < count * 100) {
      int s = random.nextInt(g.actorCount());
      int t = random.nextInt(g.actorCount());
      if (s != t && !new YenLeveragePaths(g, PathQuery.between(g.actor(s).id(), g.actor(t).id(), 1))
          .run().paths().isEmpty()) {
        out.add(new int[] {s, t});
      }
    }
    return out;
  }

  private static LeverageGraph withConfidence(LeverageGraph g, double confidence) {
    List<Tie> ties = new ArrayList<>(g.tieCount());
    for (Tie t : g.ties()) {
      ties.add(new Tie(t.id(), t.source(), t.target(), t.type(), t.strength(), t.polarity(),
          t.channel(), confidence, t.from(), t.to(), t.veto(), t.votingWeight(), t.sources()));
    }
    return LeverageGraph.of(g.caseId(), g.asOf(), g.actors(), ties);
  }

  interface Step {
    void run(int i) throws Exception;
  }

  private static double[] time(int n, Step step) {
    double[] ms = new double[n];
    for (int i = 0; i < n; i++) {
      long t0 = System.nanoTime();
      try {
        step.run(i);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      ms[i] = ms(t0);
    }
    return ms;
  }

  private static double ms(long t0) {
    return (System.nanoTime() - t0) / 1e6;
  }

  private static double median(double[] v) {
    return percentile(v, 50);
  }

  private static double percentile(double[] v, double p) {
    double[] s = v.clone();
    Arrays.sort(s);
    int rank = (int) Math.ceil(p / 100 * s.length) - 1;
    return s[Math.max(0, Math.min(s.length - 1, rank))];
  }

  private static void report(String what, double ms) {
    System.out.printf(Locale.ROOT, "%-55s %10.1f ms%n", what, ms);
  }

  private static void distribution(String what, double[] ms) {
    System.out.printf(Locale.ROOT, "%-55s median %8.2f ms   p95 %8.2f ms   max %8.2f ms   (n=%d)%n",
        what, median(ms), percentile(ms, 95), percentile(ms, 100), ms.length);
  }

  /** {@code --key value} and bare {@code --flag} (true) arguments; shared by the benchmarks. */
  static Map<String, String> options(String[] args) {
    Map<String, String> opt = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].startsWith("--")) {
        String key = args[i].substring(2);
        String value = i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : "true";
        opt.put(key, value);
      }
    }
    return opt;
  }

  private static boolean onClasspath(String name) {
    try {
      Class.forName(name);
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  private static String machine() throws IOException {
    String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
        .filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 2))
        .orElse("unknown");
    String mem = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ");
    return String.format("machine: %d cores (%s), %s, Java %s, max heap %d MiB",
        Runtime.getRuntime().availableProcessors(), cpu, mem, System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() / (1024 * 1024));
  }

  private static void deleteQuietly(Path dir) {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temp directory left behind is not worth failing the benchmark for
    }
  }

  private LeverageBenchmark() {}

}
