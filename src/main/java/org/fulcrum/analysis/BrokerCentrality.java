package org.fulcrum.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jgrapht.Graph;
import org.jgrapht.alg.scoring.BetweennessCentrality;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;

/**
 * Brokers: betweenness centrality of actors on the leverage graph (U. Brandes, "A faster algorithm
 * for betweenness centrality", J. Math. Sociology 25(2), 2001, via JGraphT), over ordered pairs,
 * normalised by (n-1)(n-2). Between two actors only the strongest tie counts. With
 * {@link Weighting#LEVERAGE} a tie's length is {@code -ln(strength x confidence)} (shortest = most
 * likely chain); with {@link Weighting#HOPS} every tie has length 1. O(n m + n^2 log n).
 */
public final class BrokerCentrality {

  /** How a tie's length is measured. */
  public enum Weighting { LEVERAGE, HOPS }

  /**
   * The smallest length a tie of strength and confidence 1 gets under leverage weighting, so
   * that shortest paths stay finite in number.
   */
  public static final double MIN_LENGTH = 1e-9;

  private final LeverageGraph graph;

  public BrokerCentrality(LeverageGraph graph) {
    this.graph = Objects.requireNonNull(graph, "graph");
  }

  public record Score(String id, String name, double score) {}

  public record Ranking(String measure, String weighting, boolean normalized, List<Score> actors) {}

  public Ranking betweenness(Weighting weighting) {
    Graph<Integer, DefaultWeightedEdge> g = new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
    for (int v = 0; v < graph.actorCount(); v++) {
      g.addVertex(v);
    }
    for (int e = 0; e < graph.tieCount(); e++) {
      int u = graph.source(e);
      int v = graph.target(e);
      double length = weighting == Weighting.HOPS ? 1 : Math.max(MIN_LENGTH, graph.cost(e));
      DefaultWeightedEdge existing = g.getEdge(u, v);
      if (existing == null) {
        g.setEdgeWeight(g.addEdge(u, v), length);
      } else if (length < g.getEdgeWeight(existing)) {
        g.setEdgeWeight(existing, length);
      }
    }
    var scores = new BetweennessCentrality<>(g, true).getScores();
    List<Score> ranked = new ArrayList<>();
    scores.forEach((v, s) -> ranked.add(new Score(graph.actor(v).id(), graph.actor(v).name(), s)));
    ranked.sort(Comparator.comparingDouble(Score::score).reversed().thenComparing(Score::id));
    return new Ranking("betweenness", weighting.name().toLowerCase(java.util.Locale.ROOT), true,
        List.copyOf(ranked));
  }
}
