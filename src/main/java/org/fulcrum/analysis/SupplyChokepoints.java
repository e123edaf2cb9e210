package org.fulcrum.analysis;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.fulcrum.casefile.Polarity;
import org.fulcrum.casefile.Tie;
import org.fulcrum.error.InvalidRequestException;
import org.jgrapht.Graph;
import org.jgrapht.alg.flow.EdmondsKarpMFImpl;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;

/**
 * The cheapest way to cut every supply line from a set of patrons to a perpetrator unit: a minimum
 * s-t cut (Edmonds-Karp maximum flow, J. Edmonds and R. M. Karp, JACM 19(2), 1972, via JGraphT).
 *
 * <p>Supply lines run along supportive {@code supplies-arms}, {@code finances},
 * {@code provides-aid}, {@code trades-with} and {@code invests-in} ties, and then along
 * {@code commands} / {@code controls} ties, in both directions (a regime pools its resources: what
 * reaches a state reaches the leader who controls it, and what reaches a commander reaches the
 * units), to the unit. In {@link Mode#TIES} mode a supply tie's
 * capacity is its {@code strength x confidence} and command ties cannot be cut: the cut is the set
 * of supply ties, of least total strength, whose removal leaves the unit with no supply line: the
 * shape of a targeted-sanctions package. In {@link Mode#ACTORS} mode every intermediate actor has
 * capacity 1 and ties cannot be cut: the cut is the fewest actors (intermediaries, suppliers of
 * suppliers) to designate. Cost O(V E^2) on the supply subgraph.
 */
public final class SupplyChokepoints {

  /** What the cut is made of. */
  public enum Mode { TIES, ACTORS }

  private static final double UNCUTTABLE = 1e9;

  private final LeverageGraph graph;

  public SupplyChokepoints(LeverageGraph graph) {
    this.graph = Objects.requireNonNull(graph, "graph");
  }

  /** One element of the cut. */
  public record CutElement(String kind, String id, String name, double capacity, String source,
      String target, String type, List<String> sources) {}

  /**
   * @param patrons the actors whose supply was cut from (by id)
   * @param capacity the cut's total capacity (= the maximum supply flow)
   * @param supplyLines whether any supply line existed at all
   */
  public record Cut(String unit, List<String> patrons, Mode mode, double capacity,
      boolean supplyLines, List<CutElement> cut, String explanation) {}

  public Cut cut(List<String> patronIds, String unitId, Mode mode) {
    int unit = graph.require(unitId, "to");
    if (patronIds.isEmpty()) {
      throw new InvalidRequestException("from: at least one patron is needed");
    }
    BitSet patrons = new BitSet();
    for (String p : patronIds) {
      int i = graph.require(p, "from");
      if (i == unit) {
        throw new InvalidRequestException("from and to are the same actor: " + graph.actor(i).name()
            + " ('" + p + "')");
      }
      patrons.set(i);
    }
    int n = graph.actorCount();
    // vertices: actor v is v (or v_in = v, v_out = v + n in actor mode); super-source is 2n
    int superSource = 2 * n;
    Graph<Integer, DefaultWeightedEdge> flow = new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
    flow.addVertex(superSource);
    List<int[]> supplyEdges = new ArrayList<>();
    for (int e = 0; e < graph.tieCount(); e++) {
      Tie t = graph.tie(e);
      if (t.polarity() != Polarity.SUPPORTIVE) {
        continue;
      }
      boolean supply = t.type().isSupply();
      boolean command = t.type().isCommand();
      if (!supply && !command) {
        continue;
      }
      int u = graph.source(e);
      int v = graph.target(e);
      double capacity = mode == Mode.TIES && supply ? graph.probability(e) : UNCUTTABLE;
      int from = mode == Mode.ACTORS ? u + n : u;
      add(flow, from, v, capacity);
      supplyEdges.add(new int[] {e, from, v});
      if (command) {
        // a regime pools its resources: what reaches a commander reaches its units, and what
        // reaches a state reaches the leader who controls it
        add(flow, mode == Mode.ACTORS ? v + n : v, u, UNCUTTABLE);
      }
    }
    for (int p = patrons.nextSetBit(0); p >= 0; p = patrons.nextSetBit(p + 1)) {
      add(flow, superSource, p, UNCUTTABLE);
    }
    if (mode == Mode.ACTORS) {
      for (int v = 0; v < n; v++) {
        boolean end = patrons.get(v) || v == unit;
        if (flow.containsVertex(v) || flow.containsVertex(v + n)) {
          add(flow, v, v + n, end ? UNCUTTABLE : 1);
        }
      }
    }
    if (!flow.containsVertex(unit)) {
      return new Cut(unitId, patronIds, mode, 0, false, List.of(), "no supply line reaches "
          + graph.actor(unit).name() + ": nothing to cut");
    }
    var algorithm = new EdmondsKarpMFImpl<>(flow);
    double capacity = algorithm.calculateMinCut(superSource, unit);
    if (capacity == 0) {
      return new Cut(unitId, patronIds, mode, 0, false, List.of(), "no supply line runs from "
          + names(patronIds) + " to " + graph.actor(unit).name() + ": nothing to cut");
    }
    if (capacity >= UNCUTTABLE) {
      return new Cut(unitId, patronIds, mode, Double.POSITIVE_INFINITY, true, List.of(),
          "a patron commands or controls the unit directly: no supply cut can separate them");
    }
    Set<DefaultWeightedEdge> cutEdges = algorithm.getCutEdges();
    List<CutElement> elements = new ArrayList<>();
    for (DefaultWeightedEdge edge : cutEdges) {
      int s = flow.getEdgeSource(edge);
      int t = flow.getEdgeTarget(edge);
      if (mode == Mode.ACTORS) {
        var a = graph.actor(s);
        elements.add(new CutElement("actor", a.id(), a.name(), 1, null, null, null, a.sources()));
      } else {
        for (int[] se : supplyEdges) {
          if (se[1] == s && se[2] == t && graph.tie(se[0]).type().isSupply()) {
            Tie tie = graph.tie(se[0]);
            elements.add(new CutElement("tie", tie.id(), graph.actor(s).name() + " -" + tie.type().label()
                + "-> " + graph.actor(t).name(), graph.probability(se[0]), tie.source(), tie.target(),
                tie.type().label(), tie.sources()));
          }
        }
      }
    }
    elements.sort(Comparator.comparingDouble(CutElement::capacity).reversed().thenComparing(CutElement::id));
    String explanation = String.format(Locale.ROOT,
        "cutting these %d %s removes every supply line from %s to %s; total capacity %.3g",
        elements.size(), mode == Mode.TIES ? "supply ties" : "actors", names(patronIds),
        graph.actor(unit).name(), capacity);
    return new Cut(unitId, patronIds, mode, capacity, true, List.copyOf(elements), explanation);
  }

  /** The actors' names, in the order given. */
  private String names(List<String> ids) {
    return ids.stream().map(id -> graph.actor(graph.require(id, "from")).name())
        .collect(java.util.stream.Collectors.joining(", "));
  }

  /** Parallel ties between two actors add up: they are separate supply lines. */
  private static void add(Graph<Integer, DefaultWeightedEdge> g, int u, int v, double capacity) {
    g.addVertex(u);
    g.addVertex(v);
    DefaultWeightedEdge existing = g.getEdge(u, v);
    if (existing != null) {
      g.setEdgeWeight(existing, Math.min(UNCUTTABLE, g.getEdgeWeight(existing) + capacity));
    } else {
      g.setEdgeWeight(g.addEdge(u, v), capacity);
    }
  }
}
