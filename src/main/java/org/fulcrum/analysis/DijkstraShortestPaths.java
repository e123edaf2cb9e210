package org.fulcrum.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Single-root Dijkstra over tie costs {@code -ln(strength x confidence)} (E. W. Dijkstra, "A note
 * on two problems in connexion with graphs", Numerische Mathematik 1, 1959): the cheapest, that is
 * strongest, path from the root to every actor ({@link Direction#FROM_ROOT}, over outgoing ties)
 * or from every actor to the root ({@link Direction#TO_ROOT}, over incoming ties), over the
 * allowed ties. A {@link Settle} callback sees each actor as it is settled and may end the search
 * there, which is how the analyses bound it: {@link BestPathTree} runs it to the end,
 * {@link YenLeveragePaths} stops at a radius around the source, {@link EngagementPlanner} once no
 * unsettled actor can beat the best weighted actor found. O(m + n log n) with
 * {@link IndexedMinHeap}.
 *
 * <p>Two searches are not this one: {@link BidirectionalDijkstra} grows two trees in turn and
 * stops when they meet, and Yen's spur searches are A* over (actor, hops used) states.
 */
final class DijkstraShortestPaths {

  /** Which way the paths run. */
  enum Direction { FROM_ROOT, TO_ROOT }

  /** Told of each actor as it is settled, before its ties are relaxed. */
  @FunctionalInterface
  interface Settle {
    /** Whether the search goes on; {@code false} ends it with this actor's ties not relaxed. */
    boolean proceed(int actor, double distance);
  }

  /** Settles every actor the root reaches. */
  static final Settle ALL = (actor, distance) -> true;

  private final LeverageGraph graph;
  private final int root;
  private final Direction direction;
  private final double[] distance;
  private final int[] treeEdge;

  private DijkstraShortestPaths(LeverageGraph graph, int root, Direction direction) {
    this.graph = graph;
    this.root = root;
    this.direction = direction;
    int n = graph.actorCount();
    distance = new double[n];
    treeEdge = new int[n];
    Arrays.fill(distance, Double.POSITIVE_INFINITY);
    Arrays.fill(treeEdge, -1);
  }

  /**
   * Runs the search.
   *
   * @param allowed the ties it may follow, by tie index; {@code null}: every tie
   */
  static DijkstraShortestPaths search(LeverageGraph graph, int root, Direction direction,
      boolean[] allowed, Settle settle) {
    DijkstraShortestPaths s = new DijkstraShortestPaths(graph, root, direction);
    s.run(allowed, settle);
    return s;
  }

  private void run(boolean[] allowed, Settle settle) {
    boolean forward = direction == Direction.FROM_ROOT;
    IndexedMinHeap heap = new IndexedMinHeap(graph.actorCount());
    distance[root] = 0;
    heap.offer(root, 0);
    while (!heap.isEmpty()) {
      int u = heap.poll();
      if (!settle.proceed(u, distance[u])) {
        return;
      }
      int end = forward ? graph.outEnd(u) : graph.inEnd(u);
      for (int i = forward ? graph.outStart(u) : graph.inStart(u); i < end; i++) {
        int e = forward ? graph.outEdge(i) : graph.inEdge(i);
        if (allowed != null && !allowed[e]) {
          continue;
        }
        int v = forward ? graph.target(e) : graph.source(e);
        double d = distance[u] + graph.cost(e);
        if (d < distance[v]) {
          distance[v] = d;
          treeEdge[v] = e;
          heap.offer(v, d);
        }
      }
    }
  }

  /** The cost of the best path between the actor and the root; infinite when there is none. */
  double distance(int actor) {
    return distance[actor];
  }

  /**
   * The distances by actor: the search's own array, handed over (the search is done), for a
   * caller that refines them in place.
   */
  double[] distances() {
    return distance;
  }

  /**
   * The tie by which the actor joined the tree: into it ({@code FROM_ROOT}) or out of it toward the
   * root ({@code TO_ROOT}); -1 for the root and for actors not reached. The array itself, handed
   * over like {@link #distances()}.
   */
  int[] treeEdges() {
    return treeEdge;
  }

  /**
   * The tie indices of the best path between the root and a reached actor, in the direction of
   * travel (root first for {@code FROM_ROOT}, the actor first for {@code TO_ROOT}).
   */
  int[] path(int actor) {
    List<Integer> edges = new ArrayList<>();
    if (direction == Direction.FROM_ROOT) {
      for (int v = actor; v != root; v = graph.source(treeEdge[v])) {
        edges.add(0, treeEdge[v]);
      }
    } else {
      for (int v = actor; v != root; v = graph.target(treeEdge[v])) {
        edges.add(treeEdge[v]);
      }
    }
    return edges.stream().mapToInt(Integer::intValue).toArray();
  }
}
