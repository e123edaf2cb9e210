package org.fulcrum.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import org.fulcrum.casefile.Actor;
import org.fulcrum.casefile.ActorKind;
import org.fulcrum.error.InvalidRequestException;

/**
 * The adversary's best answer to an engagement plan, and the pick that best hedges against it.
 *
 * <p>The target (a leader, with its command chain: {@link Regime}) has two kinds of counter-move,
 * each a change to the graph:
 * <ul>
 *   <li><b>Lean on a patron</b> (one of {@link PatronAnalysis}'s patrons, from
 *       {@link PatronShields}, with all its parts; never a coalition actor): the patron stops passing pressure on, and stops exerting it if the
 *       plan engaged it; all its outgoing ties go.</li>
 *   <li><b>Shop to a forum</b>: one of {@link ForumShopping}'s escape venues (from
 *       {@link ForumVenues}: a forum the target can appeal to that is friendlier to it than the
 *       engager's lead channel and does not act against it; never one that suspended it). The matter moves there, so every other forum's outgoing ties stop
 *       counting; the chosen forum keeps its own.</li>
 * </ul>
 * Each move is scored by how much of the plan's expected pressure ({@link EngagementPlanner}'s
 * objective, same target-group weights) it removes, measured with the same random seed in both
 * worlds: the same roots and the same live ties, so a move can only remove pressure and the
 * difference is exact for the samples drawn. The
 * best move is the one that removes the most. The hedge is the actor, outside the plan and within
 * the budget left, whose addition restores the most pressure in the world after that move.
 */
public final class RedTeam {

  private final LeverageGraph graph;

  public RedTeam(LeverageGraph graph) {
    this.graph = Objects.requireNonNull(graph, "graph");
  }

  /** One counter-move with its effect. */
  public record Move(String kind, String actor, String name, double pressureAfter, double removed,
      List<String> tiesCut, String explanation) {}

  /** The actor that best restores pressure after the best move. */
  public record Hedge(String id, String name, double cost, boolean fitsBudget, double pressureWithHedge,
      double restored, String explanation) {}

  /**
   * @param pressureBefore the plan's expected pressure with no counter-move
   * @param best the move that removes the most, or {@code null} when the target has none
   * @param moves every move considered, the most damaging first
   */
  public record Answer(String target, String engager, List<String> plan, double pressureBefore,
      Move best, List<Move> moves, Hedge hedge, int samples, long seed, String model) {}

  public Answer respond(PlanQuery query, List<String> planIds, String targetId) {
    int target = graph.require(targetId, "target");
    int engager = graph.require(query.engager(), "engager");
    if (planIds == null || planIds.isEmpty()) {
      throw new InvalidRequestException("plan: name at least one engaged actor");
    }
    Set<String> plan = new HashSet<>();
    for (String id : planIds) {
      graph.require(id, "plan");
      plan.add(id);
    }
    double[] weight = new EngagementPlanner(graph).weights(query.groupWeights());
    boolean[] none = new boolean[graph.tieCount()];
    double before = pressure(none, plan, weight, query);

    BestPathTree tree = new BestPathTree(graph, engager);
    PatronShields shields = PatronShields.of(graph, target, Governments.coalition(graph, engager,
        query.coalition()));
    List<Move> moves = new ArrayList<>();
    for (int patron : shields.ranked(tree)) {
      Actor p = graph.actor(patron);
      IntPredicate itsTies = e -> shields.patronOf(graph.source(e)) == patron;
      double after = pressure(mask(itsTies), plan, weight, query);
      moves.add(new Move("lean-on-patron", p.id(), p.name(), after, before - after, cut(itsTies),
          String.format(Locale.ROOT, "%s leans on %s (%.0f%% of its shield): %s stops passing pressure on%s",
              graph.actor(target).name(), p.name(), 100 * shields.share(patron), p.name(),
              plan.contains(p.id()) ? " and stops exerting it, though the plan engaged it" : "")));
    }
    ForumVenues forums = ForumShopping.venues(graph, target, engager, shields, tree);
    ForumShoppingExplanations words = new ForumShoppingExplanations(graph);
    for (ForumVenues.AssessedForum venue : forums.escapesByStance()) {
      int forum = venue.forum();
      IntPredicate otherForums = e -> graph.actor(graph.source(e)).kind() == ActorKind.FORUM
          && graph.source(e) != forum;
      double p = pressure(mask(otherForums), plan, weight, query);
      List<String> tiesCut = cut(otherForums);
      moves.add(new Move("shop-to-forum", graph.actor(forum).id(), graph.actor(forum).name(), p,
          before - p, tiesCut, String.format(Locale.ROOT, "%s takes the matter to %s, an escape venue"
              + " (%s); the %d ties out of the other forums stop counting", graph.actor(target).name(),
              graph.actor(forum).name(), words.escapeReason(venue, forums.lead()), tiesCut.size())));
    }
    moves.sort(Comparator.comparingDouble(Move::removed).reversed().thenComparing(Move::actor));
    Move best = moves.isEmpty() ? null : moves.get(0);
    Hedge hedge = best == null ? null : hedge(best, plan, weight, query, engager, target, tree);
    return new Answer(targetId, query.engager(), List.copyOf(planIds), before, best, List.copyOf(moves),
        hedge, query.samples(), query.seed(), String.format(Locale.ROOT, "lean on a patron: its"
            + " outgoing ties go; shop to a forum: every other forum's outgoing ties go. Every move"
            + " is measured from the same baseline, the plan's expected pressure with no counter-move,"
            + " %.3g on %d sampled worlds (seed %d) that every move shares; the engagement plan's own"
            + " figure comes from the samples it was chosen on, so it can differ from this baseline"
            + " by sampling error", before, query.samples(), query.seed()));
  }

  private Hedge hedge(Move best, Set<String> plan, double[] weight, PlanQuery query, int engager,
      int target, BestPathTree tree) {
    int mover = graph.require(best.actor(), "move");
    boolean[] after = best.kind().equals("lean-on-patron")
        ? mask(e -> graph.source(e) == mover)
        : mask(e -> graph.actor(graph.source(e)).kind() == ActorKind.FORUM && graph.source(e) != mover);
    double[] cost = new EngagementPlanner(graph).costs(query, engager, tree);
    double spent = 0;
    for (String id : plan) {
      double c = cost[graph.require(id, "plan")];
      spent += Double.isInfinite(c) ? 0 : c; // the engager, or an unreachable actor named in the plan
    }
    double left = query.budget() - spent;
    Hedge hedge = null;
    for (int v = 0; v < graph.actorCount(); v++) {
      String id = graph.actor(v).id();
      if (v == engager || v == target || plan.contains(id) || v == mover
          || Double.isInfinite(cost[v])) {
        continue;
      }
      Set<String> withIt = new HashSet<>(plan);
      withIt.add(id);
      double p = pressure(after, withIt, weight, query);
      boolean fits = cost[v] <= left;
      // an actor that fits the budget left beats one that does not; then the most restored
      if (p > best.pressureAfter() && (hedge == null || (fits && !hedge.fitsBudget())
          || (fits == hedge.fitsBudget() && p > hedge.pressureWithHedge()))) {
        hedge = new Hedge(id, graph.actor(v).name(), cost[v], fits, p, p - best.pressureAfter(),
            String.format(Locale.ROOT, "after the move, adding %s (cost %.2f; %.2f of the budget is left%s)"
                + " brings the expected pressure from %.3f to %.3f", graph.actor(v).name(), cost[v],
                left, fits ? "" : ", so a pick would have to make room", best.pressureAfter(), p));
      }
    }
    return hedge;
  }

  /**
   * The plan's expected pressure with the given ties dropped. Every world uses the same roots and
   * the same live ties (tie e is live in sample s when a hash of (seed, s, e) falls below its
   * probability), so dropping ties can only lower the figure and differences are exact for the
   * samples drawn, not noise between two sets of samples.
   */
  private double pressure(boolean[] dropped, Set<String> plan, double[] weight, PlanQuery query) {
    int n = graph.actorCount();
    boolean[] inPlan = new boolean[n];
    for (String id : plan) {
      inPlan[graph.require(id, "plan")] = true;
    }
    PlanSamples.Roots roots = new PlanSamples.Roots(weight);
    double total = roots.total();
    SplittableRandom random = new SplittableRandom(query.seed());
    int[] visited = new int[n];
    int[] queue = new int[n];
    int hits = 0;
    for (int s = 1; s <= query.samples(); s++) {
      int root = roots.pick(random);
      if (reaches(root, s, dropped, inPlan, visited, queue, query.seed())) {
        hits++;
      }
    }
    return total * hits / query.samples();
  }

  private boolean reaches(int root, int s, boolean[] dropped, boolean[] inPlan, int[] visited,
      int[] queue, long seed) {
    if (inPlan[root]) {
      return true;
    }
    int head = 0;
    int tail = 0;
    queue[tail++] = root;
    visited[root] = s;
    while (head < tail) {
      int v = queue[head++];
      for (int i = graph.inStart(v); i < graph.inEnd(v); i++) {
        int e = graph.inEdge(i);
        int u = graph.source(e);
        if (visited[u] != s && !dropped[e] && live(seed, s, e) < graph.probability(e)) {
          if (inPlan[u]) {
            return true;
          }
          visited[u] = s;
          queue[tail++] = u;
        }
      }
    }
    return false;
  }

  /** A uniform number in [0, 1) fixed by (seed, sample, tie): SplitMix64's finaliser. */
  private static double live(long seed, int sample, int tie) {
    long z = seed * 0x9E3779B97F4A7C15L + sample * 0xBF58476D1CE4E5B9L + tie * 0x94D049BB133111EBL;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z = z ^ (z >>> 31);
    return (z >>> 11) * 0x1.0p-53;
  }

  private boolean[] mask(IntPredicate drop) {
    boolean[] dropped = new boolean[graph.tieCount()];
    for (int e = 0; e < dropped.length; e++) {
      dropped[e] = drop.test(e);
    }
    return dropped;
  }

  private List<String> cut(IntPredicate drop) {
    List<String> ids = new ArrayList<>();
    for (int e = 0; e < graph.tieCount(); e++) {
      if (drop.test(e)) {
        ids.add(graph.tie(e).id());
      }
    }
    return ids;
  }
}
