package org.fulcrum.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.fulcrum.casefile.Actor;
import org.fulcrum.casefile.ActorKind;
import org.fulcrum.casefile.TargetGroup;
import org.fulcrum.casefile.Tie;

/**
 * Whom to engage under a budget: the set of actors whose pressure, passed on along ties as in the
 * independent cascade of {@link ReverseReachableInfluence}, is expected to reach the most weight
 * of target-group actors.
 *
 * <p><b>Objective.</b> f(S) = sum over target-group actors t of weight(t) x P(pressure from S
 * reaches t). It is monotone and submodular (D. Kempe, J. Kleinberg, E. Tardos, "Maximizing the
 * spread of influence through a social network", KDD 2003). It is estimated on reverse-reachable
 * samples: each sample picks a root t with probability weight(t) / W (W the total weight) and
 * walks backwards; f(S) ~ W x (share of samples that S hits).
 *
 * <p><b>Selection.</b> Cost-benefit greedy: take the affordable actor that adds the most samples
 * per unit of cost, again and again, dropping an actor for good once it no longer fits, until
 * nothing affordable adds any; evaluated lazily (CELF: J. Leskovec et al., "Cost-effective
 * outbreak detection in networks", KDD 2007), so a gain is recomputed only when it reaches the top
 * of the queue. It runs from nothing, and started from each affordable actor (partial enumeration
 * of the first pick) on cases of up to {@link BudgetedSelection#SEEDS} candidates, as the bundled cases are; on
 * larger ones started from the best single actor only. Each of these runs as if the budget were
 * the plan's, and as if it were any smaller one (see {@link BudgetedSelection#fills}); whatever budget a run leaves
 * is then filled by the same rule. Of all
 * these candidates the one that reaches the most samples is the plan (then the cheaper, then by
 * ids). The candidates always include the two of S. Khuller, A. Moss, J. Naor ("The budgeted
 * maximum coverage problem", IPL 70(1), 1999), plain cost-benefit greedy and the best single
 * affordable actor (here with the rest of the budget filled, which only adds), so the plan keeps at
 * least (1 - 1/e) / 2 of the best affordable set's value on the samples. The 1 - 1/e bound of M.
 * Sviridenko ("A note on maximizing a submodular set function subject to a knapsack constraint",
 * Oper. Res. Lett. 32(1), 2004) needs every set of three actors enumerated before the greedy, which
 * this does not do, and is not claimed.
 *
 * <p><b>Budget.</b> No plan leaves budget that would still buy an actor adding pressure on the
 * samples. The candidates for a budget hold every candidate for a smaller one: each run is also
 * made as if the budget were any smaller one, and a run that leaves budget is filled again from
 * its picks in the same way ({@link BudgetedSelection#choose}). The order candidates are kept in
 * does not depend on the budget, so the plan's expected pressure never falls as the budget grows,
 * same seed (when no run list was cut at {@link BudgetedSelection#FILLS_PER_SEED} and the case has
 * at most {@link BudgetedSelection#SEEDS} candidates; the selection text says whether that held).
 * {@code PlanBudgetSweepTest} sweeps the bundled and validation cases.
 *
 * <p><b>Reported pressure.</b> The expected pressure is the plan's value on the samples it was
 * chosen on, so that it is the sum of the picks' gains and grows with the budget. The choice
 * favours sets that happen to hit more of those samples, so it can run a little high; the answer
 * also gives the picks measured on fresh samples (another seed: {@link Fresh}), which are
 * unbiased. The fresh samples do not depend on the plan (common random numbers).
 *
 * <p><b>Complexity.</b> With k the number of runs (on cases of up to SEEDS candidates, (SEEDS + 1) x
 * FILLS_PER_SEED runs and at most FILLS_PER_SEED refills of each distinct run that left budget;
 * 2 on larger ones), O(k x (n log n + R))
 * for n actors and R the total size of the samples, besides drawing them.
 *
 * <p><b>Default cost.</b> An actor the query gives no cost for costs {@link #baseCost} for its kind
 * divided by the strength of the engager's best path to it: the weaker the engager's access, the
 * more capital it takes. Actors the engager cannot reach at all are not candidates unless the query
 * prices them; nor is the engager's coalition ({@link Governments#coalition}), priced or not.
 */
public final class EngagementPlanner {

  /** How many unchosen actors the answer lists with what they would have added. */
  static final int NEXT_BEST = 5;


  public static final String GUARANTEE = "The picks are worth at least (1 - 1/e) / 2 = 0.316 of the best"
      + " affordable set's expected pressure on the same samples: the plans compared include"
      + " cost-benefit greedy and the best single affordable actor with the rest of the budget filled,"
      + " the pair for which Khuller, Moss and Naor (1999) proved that bound. Greedy started from"
      + " other single actors can only raise the value; the 1 - 1/e bound (Sviridenko 2004) needs every"
      + " set of three actors tried first and is not claimed. Sampling error comes on top: see low and"
      + " high.";

  private final LeverageGraph graph;
  private final PlanSamples samples;

  public EngagementPlanner(LeverageGraph graph) {
    this.graph = Objects.requireNonNull(graph, "graph");
    this.samples = new PlanSamples(graph, ReverseReachableSampler.of(graph));
  }

  /** Draws the selection samples of a query: see {@link PlanSamples#draw}. */
  PlanSamples.Samples draw(double[] weight, int count, long seed) {
    return samples.draw(weight, count, seed);
  }

  /** One engaged actor, in the order chosen. */
  public record Pick(String id, String name, String kind, double cost, String costReason,
      double gain, double cumulative, LeveragePath access, LeveragePath path, List<ToolFamily> tools,
      String why) {}

  /** An actor left out, with what it would have added to the plan as chosen. */
  public record Alternative(String id, String name, double cost, double gain, String why) {}

  /**
   * The plan.
   *
   * @param totalWeight W: the weight of all target-group actors, the most pressure could reach
   * @param expectedPressure f(picks) on the {@code samples} samples the plan was chosen on (the
   *     sum of the picks' gains), with its 95% Wilson interval {@code low} to {@code high}
   * @param selection which rule produced the picks
   * @param freshSamples the same picks measured on as many fresh samples: see {@link Fresh}
   */
  public record Plan(String engager, double budget, double spent, Map<String, Double> targetGroups,
      double totalWeight, String costRule, List<Pick> picks, double expectedPressure, double low,
      double high, int samples, long seed, String selection, String guarantee,
      List<Alternative> nextBest, Fresh freshSamples) {}

  /**
   * The plan measured on fresh samples (seed {@code seed}, as many as it was chosen on). The
   * choice favours sets that happen to hit more of the samples it is made on, so its value there
   * can run a little high; on fresh samples it cannot: the gap between the two is how much the
   * choice flatters itself.
   */
  public record Fresh(double expectedPressure, double low, double high, long seed, String note) {}

  public Plan plan(PlanQuery query) {
    int engager = graph.require(query.engager(), "engager");
    int n = graph.actorCount();
    double[] weight = weights(query.groupWeights());
    double totalWeight = Arrays.stream(weight).sum();
    Map<String, Double> groups = new TreeMap<>();
    query.groupWeights().forEach((g, w) -> groups.put(g.label(), w));
    BestPathTree access = new BestPathTree(graph, engager);
    double[] cost = costs(query, engager, access);
    for (String id : query.costs().keySet()) {
      graph.require(id, "costs");
    }
    String costRule = "an actor costs what the query gives for it; otherwise its kind's base cost "
        + "(state, forum: 3; leader, government body, armed group: 2; others: 1) divided by the "
        + "strength of the engager's best path to it";
    if (totalWeight == 0) {
      return new Plan(query.engager(), query.budget(), 0, groups, 0, costRule, List.of(), 0, 0, 0,
          query.samples(), query.seed(), "none: no actor of the weighted target groups is in the case",
          GUARANTEE, List.of(), null);
    }

    PlanSamples.Samples rr = samples.draw(weight, query.samples(), query.seed());
    BudgetedSelection.Choice choice = BudgetedSelection.choose(rr, cost, query.budget());
    List<Integer> chosen = choice.best().picks();
    List<Integer> gains = choice.best().gains();

    double scale = totalWeight / query.samples();
    boolean[] inPlan = new boolean[n];
    List<Pick> picks = new ArrayList<>();
    double cumulative = 0;
    double spent = 0;
    for (int i = 0; i < chosen.size(); i++) {
      int v = chosen.get(i);
      inPlan[v] = true;
      cumulative += gains.get(i) * scale;
      spent += cost[v];
      picks.add(pick(v, cost[v], query.costs().containsKey(graph.actor(v).id()), gains.get(i) * scale,
          cumulative, access, weight));
    }
    double[] interval = ReverseReachableInfluence.wilson(choice.best().covered(), query.samples());
    long freshSeed = query.seed() ^ 0x5DEECE66DL;
    double[] measured = samples.measure(inPlan, weight, query.samples(), freshSeed);
    Fresh fresh = new Fresh(measured[0], measured[1], measured[2], freshSeed, String.format(
        Locale.ROOT, "the same picks on %d fresh samples: %.3g (95%%: %.3g to %.3g), against %.3g on"
            + " the samples they were chosen on", query.samples(), measured[0], measured[1],
        measured[2], choice.best().covered() * scale));
    return new Plan(query.engager(), query.budget(), spent, groups, totalWeight, costRule,
        List.copyOf(picks), choice.best().covered() * scale, totalWeight * interval[0],
        totalWeight * interval[1], query.samples(), query.seed(), choice.describe(graph), GUARANTEE,
        nextBest(rr, inPlan, cost, choice.best().left(), scale), fresh);
  }

  /**
   * The objective the choice maximises, for sets of actor ids: W x the share of the query's
   * selection samples (its seed) that each set hits. For checking choices against each other.
   */
  double[] sampleValues(PlanQuery query, List<? extends Collection<String>> sets) {
    double[] weight = weights(query.groupWeights());
    PlanSamples.Samples rr = samples.draw(weight, query.samples(), query.seed());
    double total = Arrays.stream(weight).sum();
    double[] out = new double[sets.size()];
    for (int k = 0; k < out.length; k++) {
      Set<Integer> set = new LinkedHashSet<>();
      sets.get(k).forEach(id -> set.add(graph.require(id, "sets")));
      out[k] = total * BudgetedSelection.coverage(rr, set) / query.samples();
    }
    return out;
  }

  /**
   * What engaging each actor costs under the query: its given cost, else the default rule; the
   * engager's coalition ({@link Governments#coalition}: the engager, its own government and the
   * partners the query names), and actors the engager cannot reach that have no given cost, cost
   * infinity.
   *
   * @throws IllegalArgumentException naming a coalition id that is not in the case
   */
  double[] costs(PlanQuery query, int engager, BestPathTree access) {
    BitSet coalition = Governments.coalition(graph, engager, query.coalition());
    double[] cost = new double[graph.actorCount()];
    for (int v = 0; v < cost.length; v++) {
      Double given = query.costs().get(graph.actor(v).id());
      cost[v] = coalition.get(v) ? Double.POSITIVE_INFINITY
          : given != null ? given
          : access.reaches(v) ? baseCost(graph.actor(v).kind()) / access.strength(v)
          : Double.POSITIVE_INFINITY;
    }
    return cost;
  }

  /** Base cost of engaging an actor of this kind, before dividing by the engager's access. */
  public static double baseCost(ActorKind kind) {
    return switch (kind) {
      case STATE, FORUM -> 3;
      case LEADER, GOVERNMENT_BODY, ARMED_GROUP -> 2;
      default -> 1;
    };
  }

  double[] weights(Map<TargetGroup, Double> groupWeights) {
    double[] weight = new double[graph.actorCount()];
    for (int v = 0; v < weight.length; v++) {
      TargetGroup group = graph.actor(v).targetGroup();
      weight[v] = group == null ? 0 : groupWeights.getOrDefault(group, 0.0);
    }
    return weight;
  }

  private List<Alternative> nextBest(PlanSamples.Samples rr, boolean[] inPlan, double[] cost, double left,
      double scale) {
    boolean[] covered = new boolean[rr.count()];
    for (int v = 0; v < inPlan.length; v++) {
      if (inPlan[v]) {
        for (int i = rr.setsOfStart(v); i < rr.setsOfEnd(v); i++) {
          covered[rr.sets()[i]] = true;
        }
      }
    }
    List<int[]> gains = new ArrayList<>();
    for (int v = 0; v < inPlan.length; v++) {
      if (!inPlan[v] && !Double.isInfinite(cost[v])) {
        int g = 0;
        for (int i = rr.setsOfStart(v); i < rr.setsOfEnd(v); i++) {
          if (!covered[rr.sets()[i]]) {
            g++;
          }
        }
        if (g > 0) {
          gains.add(new int[] {v, g});
        }
      }
    }
    gains.sort(Comparator.comparingInt((int[] a) -> -a[1]).thenComparingInt(a -> a[0]));
    List<Alternative> out = new ArrayList<>();
    for (int[] a : gains.subList(0, Math.min(NEXT_BEST, gains.size()))) {
      Actor actor = graph.actor(a[0]);
      double g = a[1] * scale;
      // the fill takes every affordable actor that still adds samples, so each one left out costs
      // more than the budget it left
      String why = String.format(Locale.ROOT, "would add %.3f but costs %.2f, more than the %.2f"
          + " left", g, cost[a[0]], left);
      out.add(new Alternative(actor.id(), actor.name(), cost[a[0]], g, why));
    }
    return List.copyOf(out);
  }

  // ---- explaining a pick --------------------------------------------------------------------

  private Pick pick(int v, double cost, boolean given, double gain, double cumulative,
      BestPathTree access, double[] weight) {
    Actor actor = graph.actor(v);
    String costReason = given ? "given in the query"
        : String.format(Locale.ROOT, "base %.0f for a %s / access %.3f (the engager's best path)",
            baseCost(actor.kind()), actor.kind().label(), access.strength(v));
    LeveragePath onward = strongestWeightedPath(v, weight);
    Set<ToolFamily> tools = new LinkedHashSet<>();
    for (int e : graph.outgoing(v)) {
      Tie t = graph.tie(e);
      tools.add(ToolFamily.of(t.channel(), t.polarity()));
    }
    StringBuilder why = new StringBuilder(String.format(Locale.ROOT,
        "adds %.3f expected weight of target-group actors reached, for %.2f", gain, cost));
    if (weight[v] > 0) {
      why.append("; is itself of target group ").append(actor.targetGroup().label());
    }
    if (onward != null) {
      var last = onward.hops().get(onward.hops().size() - 1);
      why.append(String.format(Locale.ROOT, "; its strongest weighted path reaches %s (%s) with %.3f",
          last.targetName(), graph.actor(graph.indexOf(last.target()).orElseThrow()).targetGroup().label(),
          onward.strength()));
    }
    return new Pick(actor.id(), actor.name(), actor.kind().label(), cost, costReason, gain, cumulative,
        access.path(v), onward, List.copyOf(tools), why.toString());
  }

  /**
   * The path from {@code from} to a weighted actor that maximises weight x strength: Dijkstra that
   * stops once no unsettled actor can beat the best found (max weight x e^-distance).
   */
  private LeveragePath strongestWeightedPath(int from, double[] weight) {
    WeightedReach reach = new WeightedReach(from, weight);
    DijkstraShortestPaths search = DijkstraShortestPaths.search(graph, from,
        DijkstraShortestPaths.Direction.FROM_ROOT, null, reach);
    return reach.bestNode < 0 ? null : LeveragePath.of(graph, search.path(reach.bestNode));
  }

  /** The settled actor with the largest weight x e^-distance so far, and when to stop looking. */
  private static final class WeightedReach implements DijkstraShortestPaths.Settle {
    private final int from;
    private final double[] weight;
    private final double maxWeight;
    private double best;
    private int bestNode = -1;

    WeightedReach(int from, double[] weight) {
      this.from = from;
      this.weight = weight;
      this.maxWeight = Arrays.stream(weight).max().orElse(0);
    }

    @Override
    public boolean proceed(int actor, double distance) {
      if (!(maxWeight * Math.exp(-distance) > best)) {
        return false;
      }
      if (actor != from && weight[actor] * Math.exp(-distance) > best) {
        best = weight[actor] * Math.exp(-distance);
        bestNode = actor;
      }
      return true;
    }
  }
}
