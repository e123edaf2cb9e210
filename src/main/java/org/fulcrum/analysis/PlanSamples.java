package org.fulcrum.analysis;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The reverse-reachable samples {@link EngagementPlanner} chooses a plan on, and the fresh ones it
 * measures the chosen plan on: roots drawn in proportion to the target-group weights, each walked
 * backwards by {@link ReverseReachableSampler}. O(total size of the sets) per draw.
 */
final class PlanSamples {

  private final LeverageGraph graph;
  private final ReverseReachableSampler sampler;

  PlanSamples(LeverageGraph graph, ReverseReachableSampler sampler) {
    this.graph = graph;
    this.sampler = sampler;
  }

  /** Reverse-reachable sets, and for every actor the sets it is in. */
  record Samples(int count, int[] memberStart, int[] members, int[] setStart, int[] sets) {
    int setsOfStart(int v) {
      return setStart[v];
    }

    int setsOfEnd(int v) {
      return setStart[v + 1];
    }
  }

  /** Picks sample roots in proportion to the actors' weights. */
  static final class Roots {
    private final double[] weight;
    private final double[] cumulative;
    private final double total;

    Roots(double[] weight) {
      this.weight = weight;
      cumulative = new double[weight.length];
      double sum = 0;
      for (int v = 0; v < weight.length; v++) {
        sum += weight[v];
        cumulative[v] = sum;
      }
      total = sum;
    }

    double total() {
      return total;
    }

    /** The actor owning a uniform point of [0, W): the first whose running weight sum exceeds it. */
    int pick(SplittableRandom random) {
      double x = random.nextDouble() * total;
      int lo = 0;
      int hi = cumulative.length - 1;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (cumulative[mid] > x) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      while (weight[lo] == 0 && lo > 0) { // x rounded up to W: take the last weighted actor
        lo--;
      }
      return lo;
    }
  }

  /** Draws samples with roots picked in proportion to their weight. */
  Samples draw(double[] weight, int samples, long seed) {
    int n = graph.actorCount();
    Roots roots = new Roots(weight);
    SplittableRandom random = new SplittableRandom(seed);
    ReverseReachableSampler.Walker walker = sampler.walker();
    int[] queue = walker.queue;
    int[] memberStart = new int[samples + 1];
    int[] members = new int[Math.max(16, samples * 4)];
    int[] perActor = new int[n + 1];
    int size = 0;
    for (int s = 0; s < samples; s++) {
      int root = roots.pick(random);
      int reached = walker.sample(root, random);
      if (size + reached > members.length) {
        members = Arrays.copyOf(members, Math.max(members.length * 2, size + reached));
      }
      System.arraycopy(queue, 0, members, size, reached);
      for (int i = 0; i < reached; i++) {
        perActor[queue[i] + 1]++;
      }
      size += reached;
      memberStart[s + 1] = size;
    }
    for (int v = 1; v <= n; v++) {
      perActor[v] += perActor[v - 1];
    }
    int[] sets = new int[size];
    int[] fill = Arrays.copyOf(perActor, n);
    for (int s = 0; s < samples; s++) {
      for (int i = memberStart[s]; i < memberStart[s + 1]; i++) {
        sets[fill[members[i]]++] = s;
      }
    }
    return new Samples(samples, memberStart, Arrays.copyOf(members, size), perActor, sets);
  }

  /**
   * f(S) on fresh samples: estimate, low, high (95% Wilson interval on the hit share, times W).
   * Common random numbers: the samples do not depend on S (see the loop), so plans measured with
   * the same seed are compared on the same worlds.
   */
  double[] measure(boolean[] inPlan, double[] weight, int samples, long seed) {
    int n = graph.actorCount();
    Roots roots = new Roots(weight);
    double sum = roots.total();
    SplittableRandom worlds = new SplittableRandom(seed);
    ReverseReachableSampler.Walker walker = sampler.walker();
    int hits = 0;
    for (int s = 0; s < samples; s++) {
      // one generator per sample, split off whatever the last walk used: sample s is the same
      // root and the same random world for every plan measured with this seed, so a plan that
      // holds another hits every sample that one hits
      SplittableRandom random = worlds.split();
      int root = roots.pick(random);
      if (walker.sample(root, random, inPlan) < 0) {
        hits++;
      }
    }
    double[] interval = ReverseReachableInfluence.wilson(hits, samples);
    return new double[] {sum * hits / samples, sum * interval[0], sum * interval[1]};
  }
}
