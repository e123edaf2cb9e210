package org.fulcrum.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.stream.IntStream;
import org.fulcrum.analysis.PlanSamples.Samples;

/**
 * How {@link EngagementPlanner} picks a plan on its samples: cost-benefit lazy greedy started from
 * nothing and from single actors, filled to the budget, the best candidate kept (the rule and its
 * guarantee: {@link EngagementPlanner#GUARANTEE}). Pure functions of the samples and the costs.
 */
final class BudgetedSelection {

  private BudgetedSelection() {}

  /**
   * Up to this many candidates (actors with a cost that reach some sample), every affordable one
   * starts a greedy of its own, each also run as if the budget were any smaller one. On larger
   * cases only Khuller et al.'s two run: plain greedy and the best single actor, filled. On the
   * 100,000-actor benchmark graph (every actor a candidate) a run costs a pass over a queue of
   * 100,000 actors, and 64 starts with up to 20 smaller budgets each took over nine minutes (on a
   * loaded two-core machine; the two runs: 13 s). The bundled cases have at most 88 actors.
   */
  static final int SEEDS = 128;

  /**
   * At most this many runs per start, and per refill of a run that left budget: as if the budget
   * were the plan's, then the largest budget below that run's cost, and so on (see
   * {@link #fills}).
   */
  static final int FILLS_PER_SEED = 64;

  /**
   * A candidate plan on the samples: its picks in the order taken, the samples each newly hit, how
   * many samples it hits in all, what it costs (summed pick by pick, as taken), and the budget it
   * was filled to.
   */
  record Selection(List<Integer> picks, List<Integer> gains, int covered, double spent,
      double budget) {
    double left() {
      return budget - spent;
    }

    /**
     * The order in which candidates are kept: more samples hit first, then the cheaper (the one
     * a smaller budget already afforded), then by picks. It does not depend on the budget.
     */
    static final Comparator<Selection> BETTER_FIRST = Comparator
        .comparingInt((Selection s) -> -s.covered()).thenComparingDouble(Selection::spent)
        .thenComparing(s -> s.picks().stream().sorted().toList(), BudgetedSelection::lexicographic);
  }

  private static int lexicographic(List<Integer> a, List<Integer> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = Integer.compare(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  /**
   * The candidate kept; where its greedy started ({@code seed} -1: from nothing, else the actor
   * taken first); the smaller budgets its course ran to before this one, first to last (empty: it
   * ran to this budget straight away); how many distinct candidates were compared; whether every
   * affordable actor started one; and whether the candidates are known to hold every smaller
   * budget's (then the plan's value on the samples cannot fall as the budget grows).
   */
  record Choice(Selection best, int seed, List<Double> course, int candidates, boolean everyStart,
      boolean nested) {
    String describe(LeverageGraph graph) {
      if (best.picks().isEmpty()) {
        return "none: no actor the budget affords reaches any weighted target-group actor";
      }
      String start = seed < 0 ? "" : "started from " + graph.actor(seed).name() + ", then ";
      String rule = "each time the affordable actor that adds the most expected pressure per unit of"
          + " cost";
      String steps = course.isEmpty() ? rule : rule + " as if the budget were "
          + course.stream().map(b -> String.format(Locale.ROOT, "%.2f", b))
              .collect(java.util.stream.Collectors.joining(", then "))
          + ", then the same with the rest of the budget";
      String compared = candidates == 1 ? "" : String.format(Locale.ROOT,
          "; of the %d plans compared (built the same way, from nothing or started from %s, as if"
              + " the budget were this one or any smaller one), it reaches the most", candidates,
          everyStart ? "each affordable actor" : "the single actor that reaches the most");
      String growth = nested ? "; the plans compared include every plan a smaller budget would"
          + " compare, so a larger budget never reaches less on these samples"
          : everyStart ? String.format(Locale.ROOT, "; the comparison was cut (at %d greedy runs in all,"
              + " or %d from one start) before every plan a smaller budget would compare was built, so"
              + " a larger budget is not guaranteed to reach as much", MAX_RUNS, FILLS_PER_SEED)
          : "; on a case this large not every smaller budget's plan is compared, so a larger budget"
              + " is not guaranteed to reach as much";
      return start + steps + ", until nothing the budget still affords adds any" + compared + growth;
    }
  }

  /**
   * The best candidate, in {@link Selection#BETTER_FIRST} order, of the greedy runs started from
   * nothing and from each affordable actor (on a case of more than {@link #SEEDS} candidates: from
   * the best affordable single only), each run as if the budget were this one and any smaller one
   * (see {@link #fills}); a run that leaves budget is then filled again from its picks, as if the
   * budget were this one and any smaller one down to what the run spent. So the candidates for a
   * budget hold every candidate for any smaller one, and, as the order they are kept in does not
   * depend on the budget, the plan's value on the samples never falls as the budget grows. That
   * holds whenever no run list was cut at {@link #FILLS_PER_SEED} and the case has at most
   * {@link #SEEDS} candidates ({@link Choice#nested}).
   */
  static Choice choose(Samples rr, double[] cost, double budget) {
    int n = cost.length;
    int[] gain = new int[n];
    for (int v = 0; v < n; v++) {
      gain[v] = rr.setsOfEnd(v) - rr.setsOfStart(v);
    }
    Integer[] candidates = IntStream.range(0, n).filter(v -> !Double.isInfinite(cost[v]) && gain[v] > 0)
        .boxed().toArray(Integer[]::new);
    Integer[] byGain = candidates.clone();
    Arrays.sort(byGain, Comparator.comparingInt((Integer v) -> -gain[v]).thenComparingInt(v -> v));
    Integer[] byRatio = Arrays.stream(candidates).filter(v -> cost[v] <= budget)
        .sorted(Comparator.comparingDouble((Integer v) -> -gain[v] / cost[v]).thenComparingInt(v -> v))
        .toArray(Integer[]::new);
    boolean enumerate = byGain.length <= SEEDS;
    Set<Integer> seeds = new LinkedHashSet<>();
    seeds.add(-1);
    Arrays.stream(byGain).filter(v -> cost[v] <= budget).limit(enumerate ? SEEDS : 1)
        .forEach(seeds::add);
    int perSeed = enumerate ? FILLS_PER_SEED : 1;
    Map<List<Integer>, Integer> seen = new HashMap<>();
    Set<List<Integer>> refilled = new HashSet<>();
    boolean cut = false;
    int runCount = 0;
    Kept kept = new Kept();
    // runs that left budget, to be filled again from their picks, the most promising first
    PriorityQueue<Pending> pending = new PriorityQueue<>(
        Comparator.comparingInt((Pending p) -> -p.bound()).thenComparingInt(p -> p.order()));
    for (int seed : seeds) {
      List<Selection> runs = fills(rr, gain, cost, budget, byRatio, seed < 0 ? List.of() : List.of(seed),
          perSeed);
      runCount += runs.size();
      cut |= runs.size() == perSeed;
      for (Selection r : runs) {
        kept.offer(r, seed, List.of(), seen);
        if (r.budget() != budget) {
          pending.add(new Pending(r, seed, List.of(), bound(rr, cost, budget, candidates, r), pending.size()));
        }
      }
    }
    // a run for a smaller budget is filled again from its picks, as if the budget were this one and
    // every smaller one it still affords (the fills a smaller budget's plan gets), and so on; a run
    // whose bound cannot reach the best kept has no fill that could be kept, and is skipped
    while (enumerate && !pending.isEmpty() && pending.peek().bound() >= kept.best.covered()) {
      Pending p = pending.poll();
      if (!refilled.add(p.run().picks().stream().sorted().toList())) {
        continue;
      }
      if (runCount >= MAX_RUNS) {
        cut = true;
        break;
      }
      List<Selection> again = fills(rr, gain, cost, budget, byRatio, p.run().picks(), perSeed);
      runCount += again.size();
      cut |= again.size() == perSeed;
      List<Double> course = new ArrayList<>(p.course());
      course.add(p.run().budget());
      for (Selection r : again) {
        kept.offer(r, p.seed(), List.copyOf(course), seen);
        if (r.budget() != budget) {
          pending.add(new Pending(r, p.seed(), List.copyOf(course), bound(rr, cost, budget, candidates, r),
              runCount));
        }
      }
    }
    Selection best = kept.best;
    int bestSeed = kept.seed;
    List<Double> bestCourse = kept.course;
    return new Choice(best, bestSeed, bestCourse, seen.size(), enumerate, enumerate && !cut);
  }

  /**
   * At most this many greedy runs in all, on cases of up to {@link #SEEDS} candidates; past it the
   * choice stops refilling and says that a larger budget is not guaranteed to reach as much.
   */
  static final int MAX_RUNS = 2_000;

  /** A run that left budget, waiting to be filled again; {@code bound}: see {@link #bound}. */
  private record Pending(Selection run, int seed, List<Double> course, int bound, int order) {}

  /** The best candidate so far, in {@link Selection#BETTER_FIRST} order, and where it came from. */
  private static final class Kept {
    Selection best;
    int seed = -1;
    List<Double> course = List.of();

    void offer(Selection s, int from, List<Double> steps, Map<List<Integer>, Integer> seen) {
      if (seen.putIfAbsent(s.picks().stream().sorted().toList(), from) == null
          && (best == null || Selection.BETTER_FIRST.compare(s, best) < 0)) {
        best = s;
        seed = from;
        course = steps;
      }
    }
  }

  /**
   * The most samples any set holding {@code run} and costing at most {@code budget} can hit: what
   * the run hits, plus the fractional knapsack of each other candidate's new samples over the
   * budget it leaves. By submodularity a set's new samples are at most the sum of its members' own.
   */
  static int bound(Samples rr, double[] cost, double budget, Integer[] candidates, Selection run) {
    boolean[] covered = new boolean[rr.count()];
    Set<Integer> in = new HashSet<>(run.picks());
    for (int v : run.picks()) {
      for (int i = rr.setsOfStart(v); i < rr.setsOfEnd(v); i++) {
        covered[rr.sets()[i]] = true;
      }
    }
    double left = budget - run.spent();
    List<double[]> items = new ArrayList<>();
    for (int v : candidates) {
      if (!in.contains(v) && cost[v] <= left) {
        int g = 0;
        for (int i = rr.setsOfStart(v); i < rr.setsOfEnd(v); i++) {
          if (!covered[rr.sets()[i]]) {
            g++;
          }
        }
        if (g > 0) {
          items.add(new double[] {g, cost[v]});
        }
      }
    }
    items.sort(Comparator.comparingDouble((double[] x) -> -x[0] / x[1]));
    double extra = 0;
    for (double[] x : items) {
      if (x[1] <= left) {
        extra += x[0];
        left -= x[1];
      } else {
        extra += x[0] * left / x[1];
        break;
      }
    }
    return (int) Math.min(rr.count(), run.covered() + Math.floor(extra + 1e-9));
  }

  /**
   * The distinct greedy runs from {@code start} over every budget from {@code budget} down to what
   * {@code start} costs, most expensive first, at most {@code most}. A run of cost c is also the
   * run for every budget from c up to the one it was run to (a smaller budget still affords each
   * pick when it is taken, and affords nothing a larger one did not); below c the first pick that
   * no longer fits changes the course, so the next run is the one for the largest budget below c.
   */
  static List<Selection> fills(Samples rr, int[] gain, double[] cost, double budget,
      Integer[] byRatio, List<Integer> start, int most) {
    double floor = 0;
    for (int v : start) {
      floor += cost[v];
    }
    List<Selection> out = new ArrayList<>();
    double b = budget;
    while (out.size() < most && b >= floor) {
      Selection s = costBenefitGreedy(rr, gain, cost, b, byRatio, start);
      out.add(s);
      if (s.picks().size() == start.size()) {
        break; // nothing added: no smaller budget adds anything either
      }
      b = Math.nextDown(s.spent());
    }
    return out;
  }

  /**
   * Lazy cost-benefit greedy (CELF): stale gains are recomputed only when they reach the top of
   * the queue. Takes the {@code start} picks first, then, while anything affordable adds
   * samples, the actor with the most new samples per unit of cost; one that no longer fits is
   * dropped for good (the budget only shrinks), so the budget is filled. An actor fits if the cost
   * so far plus its own is at most the budget, summed in the order taken, so that filling to a
   * plan's own cost gives that plan again. {@code byRatio}: the actors by falling initial gain per
   * cost (those that cost more than the budget may be left out), so the queue is built in linear
   * time.
   */
  static Selection costBenefitGreedy(Samples rr, int[] gain, double[] cost, double budget,
      Integer[] byRatio, List<Integer> start) {
    int n = gain.length;
    int[] fresh = new int[n]; // how many picks there were when current[v] was last computed
    int[] current = Arrays.copyOf(gain, n);
    PriorityQueue<Integer> queue = new PriorityQueue<>(Math.max(1, byRatio.length), Comparator
        .comparingDouble((Integer v) -> -current[v] / cost[v]).thenComparingInt(v -> v));
    for (Integer v : byRatio) {
      if (cost[v] <= budget) {
        queue.add(v); // in heap order already: each add stops at once
      }
    }
    boolean[] covered = new boolean[rr.count()];
    List<Integer> picks = new ArrayList<>();
    List<Integer> gains = new ArrayList<>();
    double spent = 0;
    int total = 0;
    for (int v : start) {
      int g = 0;
      for (int i = rr.setsOfStart(v); i < rr.setsOfEnd(v); i++) {
        if (!covered[rr.sets()[i]]) {
          covered[rr.sets()[i]] = true;
          g++;
        }
      }
      picks.add(v);
      gains.add(g);
      total += g;
      spent += cost[v];
    }
    while (!queue.isEmpty()) {
      int v = queue.poll();
      if (spent + cost[v] > budget) {
        continue; // never affordable again: the budget only shrinks
      }
      if (fresh[v] != picks.size()) {
        int g = 0;
        for (int i = rr.setsOfStart(v); i < rr.setsOfEnd(v); i++) {
          if (!covered[rr.sets()[i]]) {
            g++;
          }
        }
        current[v] = g;
        fresh[v] = picks.size();
        if (g > 0) {
          queue.add(v);
        }
        continue;
      }
      picks.add(v);
      gains.add(current[v]);
      total += current[v];
      spent += cost[v];
      for (int i = rr.setsOfStart(v); i < rr.setsOfEnd(v); i++) {
        covered[rr.sets()[i]] = true;
      }
    }
    return new Selection(List.copyOf(picks), List.copyOf(gains), total, spent, budget);
  }

  /** How many samples the set hits: the objective on the samples, in sample units. */
  static int coverage(Samples rr, Set<Integer> set) {
    boolean[] covered = new boolean[rr.count()];
    int total = 0;
    for (int v : set) {
      for (int i = rr.setsOfStart(v); i < rr.setsOfEnd(v); i++) {
        if (!covered[rr.sets()[i]]) {
          covered[rr.sets()[i]] = true;
          total++;
        }
      }
    }
    return total;
  }
}
