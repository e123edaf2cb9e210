package org.fulcrum.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
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
 * <p><b>Selection.</b> Lazy greedy (CELF: J. Leskovec et al., "Cost-effective outbreak detection
 * in networks", KDD 2007) by marginal gain per unit of cost, adding an actor whenever it still
 * fits the budget; then the best single affordable actor; the better of the two is the plan. That
 * rule keeps at least half of (1 - 1/e) of the best affordable set's value on the samples
 * (S. Khuller, A. Moss, J. Naor, "The budgeted maximum coverage problem", IPL 70(1), 1999). The
 * plan's expected pressure is then measured on fresh samples, so its interval is not biased by the
 * choice.
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
      + " affordable set's expected pressure on the same samples: cost-benefit lazy greedy compared"
      + " with the best single affordable actor (Khuller, Moss and Naor 1999; Leskovec et al. 2007)."
      + " Sampling error comes on top: see low and high.";

  private final LeverageGraph graph;
  private final ReverseReachableSampler sampler;

  public EngagementPlanner(LeverageGraph graph) {
    this.graph = Objects.requireNonNull(graph, "graph");
    this.sampler = ReverseReachableSampler.of(graph);
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
   * @param expectedPressure f(picks) measured on {@code samples} fresh samples, with its 95% Wilson
   *     interval {@code low} to {@code high}
   * @param selection which rule produced the picks
   */
  public record Plan(String engager, double budget, double spent, Map<String, Double> targetGroups,
      double totalWeight, String costRule, List<Pick> picks, double expectedPressure, double low,
      double high, int samples, long seed, String selection, String guarantee,
      List<Alternative> nextBest) {}

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
          GUARANTEE, List.of());
    }

    Samples rr = draw(weight, query.samples(), query.seed());
    int[] gain = new int[n];
    for (int v = 0; v < n; v++) {
      gain[v] = rr.setsOfEnd(v) - rr.setsOfStart(v);
    }
    Selection greedy = costBenefitGreedy(rr, gain, cost, query.budget());
    int single = -1;
    for (int v = 0; v < n; v++) {
      if (cost[v] <= query.budget() && gain[v] > 0 && (single < 0 || gain[v] > gain[single])) {
        single = v;
      }
    }
    boolean singleWins = single >= 0 && gain[single] > greedy.covered;
    List<Integer> chosen = singleWins ? List.of(single) : greedy.picks;
    List<Integer> gains = singleWins ? List.of(gain[single]) : greedy.gains;
    String selection = singleWins
        ? "the best single affordable actor, which alone reaches more than the cost-benefit greedy set"
        : "cost-benefit lazy greedy (CELF)";

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
    double[] measured = measure(inPlan, weight, query.samples(), query.seed() ^ 0x5DEECE66DL);
    return new Plan(query.engager(), query.budget(), spent, groups, totalWeight, costRule,
        List.copyOf(picks), measured[0], measured[1], measured[2], query.samples(), query.seed(),
        selection, GUARANTEE, nextBest(rr, inPlan, cost, query.budget() - spent, scale));
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

  // ---- samples ------------------------------------------------------------------------------

  /** Reverse-reachable sets, and for every actor the sets it is in. */
  record Samples(int count, int[] memberStart, int[] members, int[] setStart, int[] sets) {
    int setsOfStart(int v) {
      return setStart[v];
    }

    int setsOfEnd(int v) {
      return setStart[v + 1];
    }
  }

  /** Picks sample roots in proportion to the actors' weights. */
  static final class Roots {
    private final double[] weight;
    private final double[] cumulative;
    private final double total;

    Roots(double[] weight) {
      this.weight = weight;
      cumulative = new double[weight.length];
      double sum = 0;
      for (int v = 0; v < weight.length; v++) {
        sum += weight[v];
        cumulative[v] = sum;
      }
      total = sum;
    }

    double total() {
      return total;
    }

    /** The actor owning a uniform point of [0, W): the first whose running weight sum exceeds it. */
    int pick(SplittableRandom random) {
      double x = random.nextDouble() * total;
      int lo = 0;
      int hi = cumulative.length - 1;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (cumulative[mid] > x) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      while (weight[lo] == 0 && lo > 0) { // x rounded up to W: take the last weighted actor
        lo--;
      }
      return lo;
    }
  }

  /** Draws samples with roots picked in proportion to their weight. */
  Samples draw(double[] weight, int samples, long seed) {
    int n = graph.actorCount();
    Roots roots = new Roots(weight);
    SplittableRandom random = new SplittableRandom(seed);
    ReverseReachableSampler.Walker walker = sampler.walker();
    int[] queue = walker.queue;
    int[] memberStart = new int[samples + 1];
    int[] members = new int[Math.max(16, samples * 4)];
    int[] perActor = new int[n + 1];
    int size = 0;
    for (int s = 0; s < samples; s++) {
      int root = roots.pick(random);
      int reached = walker.sample(root, random);
      if (size + reached > members.length) {
        members = Arrays.copyOf(members, Math.max(members.length * 2, size + reached));
      }
      System.arraycopy(queue, 0, members, size, reached);
      for (int i = 0; i < reached; i++) {
        perActor[queue[i] + 1]++;
      }
      size += reached;
      memberStart[s + 1] = size;
    }
    for (int v = 1; v <= n; v++) {
      perActor[v] += perActor[v - 1];
    }
    int[] sets = new int[size];
    int[] fill = Arrays.copyOf(perActor, n);
    for (int s = 0; s < samples; s++) {
      for (int i = memberStart[s]; i < memberStart[s + 1]; i++) {
        sets[fill[members[i]]++] = s;
      }
    }
    return new Samples(samples, memberStart, Arrays.copyOf(members, size), perActor, sets);
  }

  /** f(S) on fresh samples: estimate, low, high (95% Wilson interval on the hit share, times W). */
  double[] measure(boolean[] inPlan, double[] weight, int samples, long seed) {
    int n = graph.actorCount();
    Roots roots = new Roots(weight);
    double sum = roots.total();
    SplittableRandom random = new SplittableRandom(seed);
    ReverseReachableSampler.Walker walker = sampler.walker();
    int hits = 0;
    for (int s = 0; s < samples; s++) {
      int root = roots.pick(random);
      if (walker.sample(root, random, inPlan) < 0) {
        hits++;
      }
    }
    double[] interval = ReverseReachableInfluence.wilson(hits, samples);
    return new double[] {sum * hits / samples, sum * interval[0], sum * interval[1]};
  }

  // ---- selection ----------------------------------------------------------------------------

  record Selection(List<Integer> picks, List<Integer> gains, int covered) {}

  /** CELF by gain per cost: stale gains are recomputed only when they reach the top of the queue. */
  static Selection costBenefitGreedy(Samples rr, int[] gain, double[] cost, double budget) {
    int n = gain.length;
    int[] fresh = new int[n]; // how many picks there were when gain[v] was last computed
    int[] current = Arrays.copyOf(gain, n);
    PriorityQueue<Integer> queue = new PriorityQueue<>(Comparator
        .comparingDouble((Integer v) -> -current[v] / cost[v]).thenComparingInt(v -> v));
    for (int v = 0; v < n; v++) {
      if (cost[v] <= budget && gain[v] > 0) {
        queue.add(v);
      }
    }
    boolean[] covered = new boolean[rr.count()];
    List<Integer> picks = new ArrayList<>();
    List<Integer> gains = new ArrayList<>();
    double left = budget;
    int total = 0;
    while (!queue.isEmpty()) {
      int v = queue.poll();
      if (cost[v] > left) {
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
      left -= cost[v];
      for (int i = rr.setsOfStart(v); i < rr.setsOfEnd(v); i++) {
        covered[rr.sets()[i]] = true;
      }
    }
    return new Selection(picks, gains, total);
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

  private List<Alternative> nextBest(Samples rr, boolean[] inPlan, double[] cost, double left,
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
      String why = cost[a[0]] > left
          ? String.format(Locale.ROOT, "would add %.3f but costs %.2f, more than the %.2f left", g,
              cost[a[0]], left)
          : String.format(Locale.ROOT, "would add %.3f for %.2f; the plan kept the single actor that"
              + " reaches more than any affordable greedy set", g, cost[a[0]]);
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
