package org.fulcrum.analysis;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fulcrum.casefile.Polarity;
import org.fulcrum.casefile.Tie;

/**
 * A target's regime and its patrons at the int level of the snapshot, shared by
 * {@link PatronAnalysis}, {@link ForumShopping} and {@link RedTeam} so that none of them re-derives
 * them from another's answer: the regime ({@link Regime}), each patron's supportive shield ties
 * into it ({@link org.fulcrum.casefile.TieType#isShield()}), its shield (sum of
 * {@code strength x confidence} over those ties) and its shield share (its shield / all patrons'
 * shield). O(m).
 */
final class PatronShields {

  private final LeverageGraph graph;
  private final BitSet regime;
  /** By patron index, in the order the patrons are first met (regime members by index, then ties). */
  private final Map<Integer, List<Integer>> shieldTies = new LinkedHashMap<>();
  private final Map<Integer, Double> share = new LinkedHashMap<>();
  private final double total;

  private PatronShields(LeverageGraph graph, int target) {
    this.graph = graph;
    this.regime = Regime.of(graph, target);
    for (int member = regime.nextSetBit(0); member >= 0; member = regime.nextSetBit(member + 1)) {
      for (int e : graph.incoming(member)) {
        Tie t = graph.tie(e);
        int patron = graph.source(e);
        if (!regime.get(patron) && t.polarity() == Polarity.SUPPORTIVE && t.type().isShield()) {
          shieldTies.computeIfAbsent(patron, p -> new ArrayList<>()).add(e);
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
    shieldTies.forEach((p, ties) -> share.put(p, shield(p) / total));
  }

  static PatronShields of(LeverageGraph graph, int target) {
    return new PatronShields(graph, target);
  }

  /** The target and its command chain. */
  BitSet regime() {
    return regime;
  }

  /** The sum of all patrons' shields. */
  double total() {
    return total;
  }

  boolean isPatron(int actor) {
    return shieldTies.containsKey(actor);
  }

  /** The patron's shield ties into the regime, by tie index. */
  List<Integer> ties(int patron) {
    return shieldTies.get(patron);
  }

  double shield(int patron) {
    return shieldTies.get(patron).stream().mapToDouble(graph::probability).sum();
  }

  double share(int patron) {
    return share.get(patron);
  }

  /**
   * The patrons, by pressure potential (shield share x the engager's best-path strength to the
   * patron) when {@code engager} is given, else by shield share; then shield share, then id.
   */
  List<Integer> ranked(BestPathTree engager) {
    Comparator<Integer> byShare = Comparator.comparingDouble((Integer p) -> share(p)).reversed();
    Comparator<Integer> order = engager == null ? byShare
        : Comparator.comparingDouble((Integer p) -> share(p) * engager.strength(p)).reversed()
            .thenComparing(byShare);
    List<Integer> patrons = new ArrayList<>(shieldTies.keySet());
    patrons.sort(order.thenComparing(p -> graph.actor(p).id()));
    return patrons;
  }
}
