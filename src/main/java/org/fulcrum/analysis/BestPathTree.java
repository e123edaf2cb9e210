package org.fulcrum.analysis;

import java.util.Objects;

/**
 * The strongest path from one actor to every other ({@link DijkstraShortestPaths} on costs
 * {@code -ln(strength x confidence)}), for analyses that need the engager's leverage over many actors at once.
 * O(m + n log n).
 */
public final class BestPathTree {

  private final LeverageGraph graph;
  private final int root;
  private final DijkstraShortestPaths search;

  public BestPathTree(LeverageGraph graph, int root) {
    this.graph = Objects.requireNonNull(graph, "graph");
    this.root = root;
    this.search = DijkstraShortestPaths.search(graph, root,
        DijkstraShortestPaths.Direction.FROM_ROOT, null, DijkstraShortestPaths.ALL);
  }

  /** The strength of the best path to the actor: 1 for the root, 0 when unreachable. */
  public double strength(int node) {
    return Math.exp(-search.distance(node));
  }

  public boolean reaches(int node) {
    return !Double.isInfinite(search.distance(node));
  }

  /** The best path to the actor, or {@code null} when there is none (or it is the root). */
  public LeveragePath path(int node) {
    if (node == root || !reaches(node)) {
      return null;
    }
    return LeveragePath.of(graph, search.path(node));
  }
}
