package org.fulcrum.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The strongest path from one actor to every other (Dijkstra on costs {@code -ln(strength x
 * confidence)}), for analyses that need the engager's leverage over many actors at once.
 * O(m + n log n).
 */
public final class BestPathTree {

  private final LeverageGraph graph;
  private final int root;
  private final double[] cost;
  private final int[] predEdge;

  public BestPathTree(LeverageGraph graph, int root) {
    this.graph = Objects.requireNonNull(graph, "graph");
    this.root = root;
    int n = graph.actorCount();
    cost = new double[n];
    predEdge = new int[n];
    Arrays.fill(cost, Double.POSITIVE_INFINITY);
    Arrays.fill(predEdge, -1);
    IndexedMinHeap heap = new IndexedMinHeap(n);
    cost[root] = 0;
    heap.offer(root, 0);
    while (!heap.isEmpty()) {
      int u = heap.poll();
      for (int i = graph.outStart(u); i < graph.outEnd(u); i++) {
        int e = graph.outEdge(i);
        int v = graph.target(e);
        double c = cost[u] + graph.cost(e);
        if (c < cost[v]) {
          cost[v] = c;
          predEdge[v] = e;
          heap.offer(v, c);
        }
      }
    }
  }

  /** The strength of the best path to the actor: 1 for the root, 0 when unreachable. */
  public double strength(int node) {
    return Math.exp(-cost[node]);
  }

  public boolean reaches(int node) {
    return !Double.isInfinite(cost[node]);
  }

  /** The best path to the actor, or {@code null} when there is none (or it is the root). */
  public LeveragePath path(int node) {
    if (node == root || !reaches(node)) {
      return null;
    }
    List<Integer> edges = new ArrayList<>();
    for (int v = node; v != root; v = graph.source(predEdge[v])) {
      edges.add(0, predEdge[v]);
    }
    return LeveragePath.of(graph, edges.stream().mapToInt(Integer::intValue).toArray());
  }
}
