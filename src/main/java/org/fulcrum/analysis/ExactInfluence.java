package org.fulcrum.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.fulcrum.error.InvalidRequestException;

/**
 * Influence on a target under the independent cascade model, computed exactly by enumerating every
 * combination of live and dead ties that could matter (those from which the target is reachable).
 * Cost O(2^m' x (n + m')) for the m' relevant ties, so it is limited to {@link #MAX_TIES}: the
 * reference that the sampling estimate is checked against, and the answer on very small cases.
 */
public final class ExactInfluence {

  public static final int MAX_TIES = 22;

  private final LeverageGraph graph;

  public ExactInfluence(LeverageGraph graph) {
    this.graph = Objects.requireNonNull(graph, "graph");
  }

  /** Whether the ties that can carry pressure to this target are few enough to enumerate. */
  public boolean feasible(String targetId) {
    return relevantTies(graph.require(targetId, "target")).length <= MAX_TIES;
  }

  public InfluenceRanking compute(String targetId) {
    int target = graph.require(targetId, "target");
    int[] ties = relevantTies(target);
    if (ties.length > MAX_TIES) {
      throw new InvalidRequestException("exact influence enumerates 2^" + ties.length
          + " worlds; it is limited to " + MAX_TIES + " ties that can reach the target");
    }
    int n = graph.actorCount();
    double[] reach = new double[n];
    boolean[] live = new boolean[graph.tieCount()];
    boolean[] reached = new boolean[n];
    int[] queue = new int[n];
    for (long world = 0; world < (1L << ties.length); world++) {
      double chance = 1;
      for (int j = 0; j < ties.length; j++) {
        boolean on = (world & (1L << j)) != 0;
        live[ties[j]] = on;
        double p = graph.probability(ties[j]);
        chance *= on ? p : 1 - p;
      }
      if (chance == 0) {
        continue;
      }
      Arrays.fill(reached, false);
      int head = 0;
      int tail = 0;
      queue[tail++] = target;
      reached[target] = true;
      while (head < tail) {
        int v = queue[head++];
        reach[v] += chance;
        for (int i = graph.inStart(v); i < graph.inEnd(v); i++) {
          int e = graph.inEdge(i);
          int u = graph.source(e);
          if (live[e] && !reached[u]) {
            reached[u] = true;
            queue[tail++] = u;
          }
        }
      }
    }
    List<InfluenceRanking.ActorInfluence> ranked = new ArrayList<>();
    for (int v = 0; v < n; v++) {
      if (v != target && reach[v] > 0) {
        ranked.add(new InfluenceRanking.ActorInfluence(graph.actor(v).id(), graph.actor(v).name(),
            reach[v], reach[v], reach[v], 0));
      }
    }
    ranked.sort(Comparator.comparingDouble(InfluenceRanking.ActorInfluence::reach).reversed()
        .thenComparing(InfluenceRanking.ActorInfluence::id));
    return new InfluenceRanking(targetId, "exact enumeration", 0, 0, List.copyOf(ranked));
  }

  /** Ties whose source can reach the target: only they change who reaches it. */
  private int[] relevantTies(int target) {
    boolean[] reaches = new boolean[graph.actorCount()];
    int[] queue = new int[graph.actorCount()];
    int head = 0;
    int tail = 0;
    queue[tail++] = target;
    reaches[target] = true;
    List<Integer> ties = new ArrayList<>();
    while (head < tail) {
      int v = queue[head++];
      for (int i = graph.inStart(v); i < graph.inEnd(v); i++) {
        int e = graph.inEdge(i);
        ties.add(e);
        int u = graph.source(e);
        if (!reaches[u]) {
          reaches[u] = true;
          queue[tail++] = u;
        }
      }
    }
    return ties.stream().mapToInt(Integer::intValue).toArray();
  }
}
