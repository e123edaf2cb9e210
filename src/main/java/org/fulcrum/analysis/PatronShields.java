package org.fulcrum.analysis;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fulcrum.casefile.ActorKind;
import org.fulcrum.casefile.Polarity;
import org.fulcrum.casefile.Tie;

/**
 * A target's regime, its patrons and the coalition's own levers on it, at the int level of the
 * snapshot, shared by {@link PatronAnalysis}, {@link ForumShopping} and {@link RedTeam} so that
 * none of them re-derives them from another's answer.
 *
 * <ul>
 *   <li>the regime: the target and its command chain ({@link Regime});
 *   <li>the supportive dependence of the regime: every supportive shield tie
 *       ({@link org.fulcrum.casefile.TieType#isShield()}) into it from an actor outside it, and
 *       every command tie into it from outside (a foreign actor commanding or controlling a regime
 *       member, which {@link Regime} leaves out of the regime), each weighing
 *       {@code strength x confidence}; {@link #total()} is their sum;
 *   <li>a coalition lever: such a tie whose source is in the engager's coalition
 *       ({@link Governments#coalition}). The coalition is never a patron: these are ties it can
 *       withdraw;
 *   <li>a patron: the other sources, pooled with their own command chain (command ties in either
 *       direction, as {@link Regime} pools the regime) and with the government of their state
 *       ({@link Governments}): a state and its army in the field are one patron. The patron is
 *       named by the pool's state, else by its part with the largest shield (then by id); its
 *       parts are the pool's actors with shield ties;
 *   <li>shield = sum of the weights of a part's, a patron's (its parts') or a coalition actor's
 *       ties; share = shield / {@link #total()}, so patrons' and coalition levers' shares sum to 1.
 * </ul>
 * O(m α(n)).
 */
final class PatronShields {

  private final LeverageGraph graph;
  private final BitSet regime;
  private final BitSet coalition;
  /** Shield ties by source (a patron's part or a coalition actor), sources in index order. */
  private final Map<Integer, List<Integer>> shieldTies = new TreeMap<>();
  /** Each patron's parts, in index order, by the patron (its pool's name-giving actor). */
  private final Map<Integer, List<Integer>> parts = new LinkedHashMap<>();
  /** The patron each part belongs to. */
  private final Map<Integer, Integer> patronOf = new TreeMap<>();
  private final double total;

  private PatronShields(LeverageGraph graph, int target, BitSet coalition) {
    this.graph = graph;
    this.regime = Regime.of(graph, target);
    this.coalition = (BitSet) coalition.clone();
    this.coalition.andNot(regime);
    for (int member = regime.nextSetBit(0); member >= 0; member = regime.nextSetBit(member + 1)) {
      for (int e : graph.incoming(member)) {
        Tie t = graph.tie(e);
        int source = graph.source(e);
        if (!regime.get(source) && t.polarity() == Polarity.SUPPORTIVE
            && (t.type().isShield() || t.type().isCommand())) {
          shieldTies.computeIfAbsent(source, p -> new ArrayList<>()).add(e);
        }
      }
    }
    double sum = 0;
    for (List<Integer> ties : shieldTies.values()) {
      for (int e : ties) {
        sum += graph.probability(e);
      }
    }
    total = sum;
    pool();
  }

  /** Groups the non-coalition shield sources into patrons by command chain and government. */
  private void pool() {
    int n = graph.actorCount();
    BitSet outside = new BitSet(n);
    outside.set(0, n);
    outside.andNot(regime);
    outside.andNot(coalition);
    int[] root = new int[n];
    for (int v = 0; v < n; v++) {
      root[v] = v;
    }
    for (int e = 0; e < graph.tieCount(); e++) {
      if (graph.tie(e).type().isCommand() && outside.get(graph.source(e)) && outside.get(graph.target(e))) {
        union(root, graph.source(e), graph.target(e));
      }
    }
    Governments governments = Governments.of(graph.actors());
    for (int v = outside.nextSetBit(0); v >= 0; v = outside.nextSetBit(v + 1)) {
      int state = graph.indexOf(governments.voice(graph.actor(v).id())).orElse(v);
      if (outside.get(state)) {
        union(root, v, state);
      }
    }
    Map<Integer, List<Integer>> pools = new TreeMap<>();
    for (int v = outside.nextSetBit(0); v >= 0; v = outside.nextSetBit(v + 1)) {
      pools.computeIfAbsent(find(root, v), r -> new ArrayList<>()).add(v);
    }
    for (List<Integer> pool : pools.values()) {
      List<Integer> withTies = pool.stream().filter(shieldTies::containsKey).toList();
      if (withTies.isEmpty()) {
        continue;
      }
      int head = pool.stream().min(Comparator.comparing((Integer v) -> graph.actor(v).kind() != ActorKind.STATE)
          .thenComparing(Comparator.comparingDouble(this::partShield).reversed())
          .thenComparing(v -> graph.actor(v).id())).orElseThrow();
      // the patron's own actor first (its state), then its parts by shield: the order they are read in
      List<Integer> ordered = withTies.stream().sorted(Comparator.comparing((Integer v) -> v != head)
          .thenComparing(Comparator.comparingDouble(this::partShield).reversed())
          .thenComparing(v -> graph.actor(v).id())).toList();
      parts.put(head, ordered);
      ordered.forEach(p -> patronOf.put(p, head));
    }
  }

  private static void union(int[] root, int a, int b) {
    int ra = find(root, a);
    int rb = find(root, b);
    if (ra != rb) {
      root[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }

  private static int find(int[] root, int v) {
    while (root[v] != v) {
      root[v] = root[root[v]];
      v = root[v];
    }
    return v;
  }

  /**
   * @param coalition the engager's coalition ({@link Governments#coalition}), by actor index
   */
  static PatronShields of(LeverageGraph graph, int target, BitSet coalition) {
    return new PatronShields(graph, target, coalition);
  }

  /** The target and its command chain. */
  BitSet regime() {
    return regime;
  }

  /** The coalition, outside the regime. */
  BitSet coalition() {
    return coalition;
  }

  /** The regime's total supportive dependence: the patrons' shields and the coalition levers'. */
  double total() {
    return total;
  }

  /** Whether the actor is a patron or a part of one. */
  boolean isPatron(int actor) {
    return patronOf.containsKey(actor) || parts.containsKey(actor);
  }

  /** The patron the actor is a part of (itself when it names its patron), or -1. */
  int patronOf(int actor) {
    return parts.containsKey(actor) ? actor : patronOf.getOrDefault(actor, -1);
  }

  /** The patron's parts: the actors of its pool that have shield ties, in index order. */
  List<Integer> parts(int patron) {
    return parts.get(patron);
  }

  /** The shield ties of a part or of a coalition actor, by tie index. */
  List<Integer> ties(int source) {
    return shieldTies.getOrDefault(source, List.of());
  }

  /** The shield of one part or coalition actor: the sum of its ties' weights. */
  double partShield(int source) {
    return ties(source).stream().mapToDouble(graph::probability).sum();
  }

  /** The pooled shield of the patron the actor belongs to. */
  double shield(int actor) {
    return parts.get(patronOf(actor)).stream().mapToDouble(this::partShield).sum();
  }

  /** The pooled shield share of the patron the actor belongs to. */
  double share(int actor) {
    return shield(actor) / total;
  }

  /** The coalition actors with shield ties into the regime (coalition levers), in index order. */
  List<Integer> coalitionLevers() {
    return shieldTies.keySet().stream().filter(coalition::get).toList();
  }

  /**
   * The patron's actor the engager reaches best (the patron itself on equal strength, then the
   * lowest index): pressing any actor of the pool presses the patron.
   */
  int reachedBest(int patron, BestPathTree engager) {
    int best = patron;
    for (int p : parts.get(patron)) {
      if (engager.strength(p) > engager.strength(best)) {
        best = p;
      }
    }
    return best;
  }

  /** The engager's leverage over the patron: its best path strength to any of the patron's actors. */
  double leverage(int patron, BestPathTree engager) {
    return engager.strength(reachedBest(patron, engager));
  }

  /**
   * The patrons, by pressure potential (shield share x {@link #leverage}) when {@code engager} is
   * given, else by shield share; then shield share, then id.
   */
  List<Integer> ranked(BestPathTree engager) {
    Comparator<Integer> byShare = Comparator.comparingDouble((Integer p) -> share(p)).reversed();
    Comparator<Integer> order = engager == null ? byShare
        : Comparator.comparingDouble((Integer p) -> share(p) * leverage(p, engager)).reversed()
            .thenComparing(byShare);
    List<Integer> patrons = new ArrayList<>(parts.keySet());
    patrons.sort(order.thenComparing(p -> graph.actor(p).id()));
    return patrons;
  }
}
