package org.fulcrum.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The k strongest loopless leverage paths between two actors: Yen's algorithm (J. Y. Yen, "Finding
 * the k shortest loopless paths in a network", Management Science 17(11), 1971) on tie costs
 * {@code -ln(strength x confidence)}, so the cheapest path is the one with the largest product.
 *
 * <p>One reverse Dijkstra from the target gives actors their distance to the target on the
 * unrestricted (filtered) graph, exactly up to twice the best path's cost and as that radius
 * beyond. Spur searches are A* searches with that distance as the heuristic: it stays admissible
 * and consistent when Yen blocks nodes and ties, and it leads the search straight to the target
 * unless a block forces a detour. Spur nodes are tried only from each path's deviation point on
 * (Lawler's rule), and a spur search is abandoned once its frontier costs more than the k-th
 * candidate already held. With a hop limit the searches run over (actor, hops used) states and
 * prune by the fewest hops left to the target. Cost: one Dijkstra, O(m + n log n), plus at most
 * k x (path length) A* searches that are, in the worst case, Dijkstra-sized each.
 *
 * <p>A single best path (k = 1, no hop limit, no via) skips all that: a bidirectional Dijkstra
 * meets in the middle and touches only the actors near the two balls' surfaces.
 *
 * <p>Paths through a {@code via} actor are found by enumerating paths in order and keeping those
 * that pass through it, up to {@link #VIA_SEARCH_LIMIT} paths examined.
 */
public final class YenLeveragePaths {

  /** How far, as a multiple of the best path's cost, the exact distances to the target reach. */
  static final double HEURISTIC_RADIUS = 2.0;

  /** How many paths, in strength order, a via-constrained search examines before giving up. */
  public static final int VIA_SEARCH_LIMIT = 2_000;

  private final LeverageGraph graph;
  private final PathQuery query;
  private final boolean[] allowedEdge;
  private final int source;
  private final int target;
  private final int via;
  private final int hopLimit;
  private DijkstraShortestPaths toTargetTree;
  private double[] toTarget;
  private int[] minHops;
  private int spurSearches;

  /** The answer, with what it cost to find. */
  public record Result(List<LeveragePath> paths, int kAsked, int spurSearches, int pathsExamined,
      boolean viaLimitReached) {}

  public YenLeveragePaths(LeverageGraph graph, PathQuery query) {
    this.graph = Objects.requireNonNull(graph, "graph");
    this.query = Objects.requireNonNull(query, "query");
    this.source = graph.require(query.from(), "from");
    this.target = graph.require(query.to(), "to");
    this.via = query.via() == null ? -1 : graph.require(query.via(), "via");
    Set<Integer> excluded = new HashSet<>();
    for (String id : query.excludedActors()) {
      excluded.add(graph.require(id, "excluded actor"));
    }
    allowedEdge = graph.allowedTies(query.tieTypes(), query.channels(), query.polarity(), excluded,
        query.excludedKinds(), source, target);
    hopLimit = query.maxHops() == null ? Integer.MAX_VALUE : query.maxHops();
  }

  public Result run() {
    if (query.k() == 1 && via < 0 && query.maxHops() == null) {
      int[] best = BidirectionalDijkstra.shortest(graph, source, target, allowedEdge);
      return new Result(best == null ? List.of() : List.of(LeveragePath.of(graph, best)), 1, 0,
          best == null ? 0 : 1, false);
    }
    reverseDijkstra();
    if (query.maxHops() != null) {
      minHops = reverseHops();
    }
    List<int[]> accepted = new ArrayList<>();
    List<LeveragePath> answer = new ArrayList<>();
    int examined = 0;
    boolean limitReached = false;
    if (Double.isInfinite(toTarget[source])) {
      return new Result(List.of(), query.k(), 0, 0, false);
    }
    int[] first = query.maxHops() == null ? followTree(source)
        : spur(source, new int[0], Set.of(), Double.POSITIVE_INFINITY);
    if (first == null) {
      return new Result(List.of(), query.k(), spurSearches, 0, false);
    }
    PriorityQueue<Candidate> candidates = new PriorityQueue<>();
    Set<List<Integer>> seen = new HashSet<>();
    seen.add(asList(first));
    int[] current = first;
    int deviation = 0;
    while (current != null) {
      accepted.add(current);
      examined++;
      if (via < 0 || passesThrough(current, via)) {
        answer.add(LeveragePath.of(graph, current));
        if (answer.size() == query.k()) {
          break;
        }
      }
      if (via >= 0 && examined >= VIA_SEARCH_LIMIT) {
        limitReached = true;
        break;
      }
      int stillNeeded = via >= 0 ? Integer.MAX_VALUE : query.k() - answer.size();
      addSpurCandidates(current, deviation, accepted, candidates, seen, stillNeeded);
      Candidate next = candidates.poll();
      current = next == null ? null : next.edges;
      deviation = next == null ? 0 : next.deviation;
    }
    return new Result(List.copyOf(answer), query.k(), spurSearches, examined, limitReached);
  }

  private boolean passesThrough(int[] edges, int node) {
    for (int e : edges) {
      if (graph.target(e) == node) {
        return true;
      }
    }
    return false;
  }

  /**
   * Spur paths of the path just accepted. Following Lawler (E. L. Lawler, "A procedure for
   * computing the K best solutions to discrete optimization problems", Management Science 18(7),
   * 1972), only spur nodes from the path's own deviation point on are tried: the earlier ones were
   * tried when its parent path was accepted, with the same root.
   */
  private void addSpurCandidates(int[] previous, int fromIndex, List<int[]> accepted,
      PriorityQueue<Candidate> candidates, Set<List<Integer>> seen, int stillNeeded) {
    double rootCost = 0;
    for (int i = 0; i < fromIndex; i++) {
      rootCost += graph.cost(previous[i]);
    }
    for (int i = fromIndex; i < previous.length; i++) {
      if (i > fromIndex) {
        rootCost += graph.cost(previous[i - 1]);
      }
      int spurNode = i == 0 ? source : graph.target(previous[i - 1]);
      int[] root = Arrays.copyOf(previous, i);
      Set<Integer> blockedEdges = new HashSet<>();
      for (int[] p : accepted) {
        if (p.length > i && Arrays.equals(p, 0, i, root, 0, i)) {
          blockedEdges.add(p[i]);
        }
      }
      // A path costlier than the stillNeeded-th cheapest candidate can never be returned.
      double bound = bound(candidates, stillNeeded);
      int[] spurPath = spur(spurNode, root, blockedEdges, bound - rootCost);
      if (spurPath == null) {
        continue;
      }
      int[] candidate = Arrays.copyOf(root, root.length + spurPath.length);
      System.arraycopy(spurPath, 0, candidate, root.length, spurPath.length);
      if (seen.add(asList(candidate))) {
        candidates.add(new Candidate(candidate, cost(candidate), i));
      }
    }
  }

  /** The cost of the n-th cheapest candidate, or infinity when there are fewer. */
  private static double bound(PriorityQueue<Candidate> candidates, int n) {
    if (candidates.size() < n) {
      return Double.POSITIVE_INFINITY;
    }
    double[] costs = new double[candidates.size()];
    int i = 0;
    for (Candidate c : candidates) {
      costs[i++] = c.cost();
    }
    Arrays.sort(costs);
    return costs[n - 1];
  }

  // ---- searches ----------------------------------------------------------------------------

  /**
   * Distances to the target over allowed ties, and the first tie of a shortest path, for every
   * actor within {@link #HEURISTIC_RADIUS} times the source's distance; every actor beyond gets
   * that radius instead. {@code h = min(distance, radius)} is still a consistent lower bound (for
   * a tie u->v: if u lies beyond the radius, radius <= d(u) <= c(u,v) + d(v)), so the A* searches
   * stay exact while this search stops early on large graphs.
   */
  private void reverseDijkstra() {
    boolean[] settled = new boolean[graph.actorCount()];
    double[] stopAt = {Double.POSITIVE_INFINITY};
    double[] radius = {Double.NaN};
    toTargetTree = DijkstraShortestPaths.search(graph, target,
        DijkstraShortestPaths.Direction.TO_ROOT, allowedEdge, (v, distance) -> {
          if (distance > stopAt[0]) {
            radius[0] = distance;
            return false;
          }
          settled[v] = true;
          if (v == source) {
            stopAt[0] = distance * HEURISTIC_RADIUS;
          }
          return true;
        });
    toTarget = toTargetTree.distances();
    if (!Double.isNaN(radius[0])) {
      for (int v = 0; v < settled.length; v++) {
        if (!settled[v]) {
          toTarget[v] = radius[0]; // a lower bound whether or not v can reach the target at all
        }
      }
    }
  }

  /** Fewest hops from each actor to the target over allowed ties (breadth-first, reversed). */
  private int[] reverseHops() {
    int[] hops = new int[graph.actorCount()];
    Arrays.fill(hops, Integer.MAX_VALUE);
    int[] queue = new int[graph.actorCount()];
    int head = 0;
    int tail = 0;
    hops[target] = 0;
    queue[tail++] = target;
    while (head < tail) {
      int v = queue[head++];
      for (int i = graph.inStart(v); i < graph.inEnd(v); i++) {
        int e = graph.inEdge(i);
        int u = graph.source(e);
        if (allowedEdge[e] && hops[u] == Integer.MAX_VALUE) {
          hops[u] = hops[v] + 1;
          queue[tail++] = u;
        }
      }
    }
    return hops;
  }

  /** The best path when nothing is blocked: the reverse Dijkstra's tree, read forwards. */
  private int[] followTree(int from) {
    return toTargetTree.path(from);
  }

  // Search state, reused across spur searches (sized lazily for the state space in use).
  private IndexedMinHeap heap;
  private double[] best;
  private int[] bestStamp;
  private int[] predEdge;
  private int[] predState;
  private int stampNow;
  private boolean[] blockedNode;

  /**
   * The cheapest path from the spur node to the target that avoids the root's nodes and the
   * blocked ties, within the hops the root leaves and costing at most {@code budget}; {@code null}
   * if there is none. An A* search over (actor, hops used) states with the reverse distances as
   * its heuristic, keeping its state across spurs, so it is not {@link DijkstraShortestPaths}.
   */
  private int[] spur(int spurNode, int[] root, Set<Integer> blockedEdges, double budget) {
    spurSearches++;
    int hopsLeft = hopLimit == Integer.MAX_VALUE ? Integer.MAX_VALUE : hopLimit - root.length;
    if (hopsLeft <= 0 || Double.isInfinite(toTarget[spurNode])) {
      return null;
    }
    int n = graph.actorCount();
    int layers = hopLimit == Integer.MAX_VALUE ? 1 : hopsLeft + 1;
    int states = n * layers;
    if (heap == null || best.length < states) {
      int capacity = hopLimit == Integer.MAX_VALUE ? n : n * (hopLimit + 1);
      heap = new IndexedMinHeap(capacity);
      best = new double[capacity];
      bestStamp = new int[capacity];
      predEdge = new int[capacity];
      predState = new int[capacity];
      blockedNode = new boolean[n];
    }
    heap.clear();
    stampNow++;
    for (int e : root) {
      blockedNode[graph.source(e)] = true;
    }
    try {
      int start = spurNode * layers;
      best[start] = 0;
      bestStamp[start] = stampNow;
      predEdge[start] = -1;
      heap.offer(start, toTarget[spurNode]);
      while (!heap.isEmpty()) {
        if (heap.peekKey() > budget) {
          return null; // every path from here costs more than a candidate we already hold
        }
        int state = heap.poll();
        int u = state / layers;
        int used = state % layers;
        if (u == target) {
          return reconstruct(state);
        }
        double gu = best[state];
        for (int i = graph.outStart(u); i < graph.outEnd(u); i++) {
          int e = graph.outEdge(i);
          if (!allowedEdge[e] || blockedEdges.contains(e)) {
            continue;
          }
          int v = graph.target(e);
          if (blockedNode[v] || Double.isInfinite(toTarget[v])) {
            continue;
          }
          int nextUsed = layers == 1 ? 0 : used + 1;
          if (layers > 1 && (minHops[v] == Integer.MAX_VALUE || nextUsed + minHops[v] > hopsLeft)) {
            continue; // cannot reach the target, or not within the hops left
          }
          int next = v * layers + nextUsed;
          double g = gu + graph.cost(e);
          if (bestStamp[next] != stampNow || g < best[next]) {
            bestStamp[next] = stampNow;
            best[next] = g;
            predEdge[next] = e;
            predState[next] = state;
            heap.offer(next, g + toTarget[v]);
          }
        }
      }
      return null;
    } finally {
      for (int e : root) {
        blockedNode[graph.source(e)] = false;
      }
    }
  }

  private int[] reconstruct(int state) {
    List<Integer> edges = new ArrayList<>();
    for (int s = state; predEdge[s] >= 0; s = predState[s]) {
      edges.add(predEdge[s]);
    }
    int[] out = new int[edges.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = edges.get(out.length - 1 - i);
    }
    return withoutLoops(out);
  }

  /**
   * Over (actor, hops) states a search may return a walk that visits an actor twice along ties of
   * cost 0 (strength and confidence 1). Cutting the loop out gives a path that costs no more and
   * uses fewer hops, so it is just as good and still within the limit.
   */
  private int[] withoutLoops(int[] walk) {
    List<Integer> path = new ArrayList<>();
    List<Integer> nodes = new ArrayList<>();
    nodes.add(walk.length == 0 ? target : graph.source(walk[0]));
    for (int e : walk) {
      int v = graph.target(e);
      int seenAt = nodes.indexOf(v);
      if (seenAt >= 0) {
        while (nodes.size() > seenAt + 1) {
          nodes.remove(nodes.size() - 1);
          path.remove(path.size() - 1);
        }
      } else {
        path.add(e);
        nodes.add(v);
      }
    }
    return path.stream().mapToInt(Integer::intValue).toArray();
  }

  private double cost(int[] edges) {
    double c = 0;
    for (int e : edges) {
      c += graph.cost(e);
    }
    return c;
  }

  private static List<Integer> asList(int[] edges) {
    return Arrays.stream(edges).boxed().toList();
  }

  /** A path waiting in Yen's candidate list: cheapest first, then fewest hops, then tie ids. */
  private record Candidate(int[] edges, double cost, int deviation) implements Comparable<Candidate> {
    @Override
    public int compareTo(Candidate o) {
      int c = Double.compare(cost, o.cost);
      if (c != 0) {
        return c;
      }
      c = Integer.compare(edges.length, o.edges.length);
      return c != 0 ? c : Arrays.compare(edges, o.edges);
    }
  }
}
