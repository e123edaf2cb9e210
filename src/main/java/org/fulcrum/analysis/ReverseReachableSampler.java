package org.fulcrum.analysis;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.WeakHashMap;

/**
 * Draws reverse-reachable sets: the actors whose pressure reaches a root in one random world of
 * the independent cascade, where tie e is "live" with probability {@code strength x confidence}.
 * Live ties are drawn lazily while walking backwards from the root, so only the ties into reached
 * actors are ever tried (C. Borgs, M. Brautbar, J. Chayes, B. Lucier, "Maximizing social influence
 * in nearly optimal time", SODA 2014).
 *
 * <p><b>Live in-ties by inversion.</b> An actor's in-ties p_0, p_1, ... are kept with their running
 * products {@code P_k = (1 - p_0) ... (1 - p_k)}. With one uniform draw U, the first live tie is the
 * first k with {@code P_k <= U}: that happens with probability {@code P_(k-1) - P_k =
 * P_(k-1) p_k}, exactly the chance that ties 0 .. k-1 are dead and tie k is live; and no tie is
 * live when {@code P_last > U}. After a live tie k the next one is found the same way from
 * {@code U' x P_k}. So an actor costs one draw, plus one per live in-tie, and a scan of its
 * products, never a draw per tie. (The same inversion that geometric skipping does for equal
 * probabilities, without its rejection step for unequal ones.) Ties are sorted by falling
 * probability, so that the scan ends early once only weak ties are left; the products restart
 * (a new segment) wherever they would fall below 2^-500, and after any tie with probability 1.
 *
 * <p><b>Layout.</b> The walk is bound by memory latency more than by arithmetic, so each actor's
 * in-ties sit in one contiguous run of {@link #blob}: a header with the last product, then the ties
 * two by two, their products next to their sources. The walk goes batch by batch (the actors
 * queued so far) and first loads each batch's run headers in one tight pass, so that their cache
 * misses overlap instead of stalling the walk one actor at a time.
 */
final class ReverseReachableSampler {

  /** A segment of running products ends before they fall below this. */
  private static final double SEGMENT_FLOOR = 0x1p-500;

  private final int actors;
  /** Per actor: where its run of {@link #blob} starts. */
  private final int[] head;
  /**
   * Per actor, a run: a header (in-tie count d in the low 32 bits, segment count s in the high 32);
   * the last running product of the first segment, as double bits; if s > 1, the ends of the
   * segments, two ints to a long; then the ties by falling probability in pairs, three longs per
   * pair: the two running products as double bits, then the two sources.
   */
  private final long[] blob;

  /**
   * Samplers already built, per snapshot (snapshots are immutable): building one costs a pass over
   * the ties and a sort per actor (about 0.1 s for a million ties), which every query on the same
   * snapshot would otherwise pay again. Weak keys: an entry goes with its snapshot. A sampler holds
   * no reference to its graph.
   */
  private static final Map<LeverageGraph, ReverseReachableSampler> BUILT =
      Collections.synchronizedMap(new WeakHashMap<>());

  /** The sampler of a snapshot, built on first use. */
  static ReverseReachableSampler of(LeverageGraph graph) {
    ReverseReachableSampler sampler = BUILT.get(graph);
    if (sampler == null) {
      sampler = new ReverseReachableSampler(graph); // two threads may both build it: same tables
      BUILT.put(graph, sampler);
    }
    return sampler;
  }

  ReverseReachableSampler(LeverageGraph graph) {
    int n = graph.actorCount();
    actors = n;
    head = new int[n];
    long[] out = new long[(int) Math.min(Integer.MAX_VALUE - 16, 3L * graph.tieCount() / 2 + 3L * n + 16)];
    int size = 0;
    long[] order = new long[16];
    double[] product = new double[16];
    int[] ends = new int[16];
    for (int v = 0; v < n; v++) {
      int start = graph.inStart(v);
      int end = graph.inEnd(v);
      if (order.length < end - start) {
        order = new long[Math.max(end - start, 2 * order.length)];
        product = new double[order.length];
        ends = new int[order.length];
      }
      int d = 0;
      for (int i = start; i < end; i++) {
        double q = graph.probability(graph.inEdge(i));
        if (q > 0) { // a tie that can never be live is left out
          // falling probability (to float precision), then the graph's order
          order[d++] = ((long) (Integer.MAX_VALUE - Float.floatToIntBits((float) q)) << 32) | (i - start);
        }
      }
      Arrays.sort(order, 0, d);
      int segments = 0;
      double running = 1;
      for (int k = 0; k < d; k++) {
        running *= 1 - Math.min(1, graph.probability(graph.inEdge(start + (int) order[k])));
        product[k] = running;
        if (running < SEGMENT_FLOOR || k == d - 1) {
          ends[segments++] = k + 1;
          running = 1;
        }
      }
      int endsLongs = segments > 1 ? (segments + 1) / 2 : 0;
      long need = (long) size + 2 + endsLongs + 3L * ((d + 1) / 2);
      if (need > Integer.MAX_VALUE - 16) {
        throw new IllegalArgumentException("graph too large for the sampler");
      }
      if (need > out.length) {
        out = Arrays.copyOf(out, (int) Math.min(Integer.MAX_VALUE - 16, Math.max(need, out.length + out.length / 2)));
      }
      head[v] = size;
      out[size++] = ((long) segments << 32) | d;
      out[size++] = Double.doubleToRawLongBits(d == 0 ? 0 : product[ends[0] - 1]);
      for (int s = 0; s < segments && segments > 1; s++) {
        out[size + (s >> 1)] |= (ends[s] & 0xFFFFFFFFL) << (32 * (s & 1));
      }
      size += endsLongs;
      for (int k = 0; k < d; k++) {
        int pair = size + 3 * (k >> 1);
        out[pair + (k & 1)] = Double.doubleToRawLongBits(product[k]);
        int source = graph.source(graph.inEdge(start + (int) order[k]));
        out[pair + 2] |= (source & 0xFFFFFFFFL) << (32 * (k & 1));
      }
      size += 3 * ((d + 1) / 2);
    }
    blob = Arrays.copyOf(out, size);
  }

  /** Per-thread state for drawing samples: reuse one walker for many samples on one thread. */
  Walker walker() {
    return new Walker();
  }

  /** Draws samples on one thread, and counts for each actor how many of them reached it. */
  final class Walker {

    /** One bit per actor: reached in the current sample. */
    private final long[] seen = new long[(actors + 63) >>> 6];
    /** Per actor: how many of this walker's samples reached it. */
    private final int[] hits = new int[actors];
    /** The actors reached by the last sample, root first. */
    final int[] queue = new int[actors];
    /** {@link #head} of each queued actor, read when it is queued, long before it is needed. */
    private final int[] heads = new int[actors];
    /** How many actors the last sample left flagged in {@link #seen}. */
    private int flagged;
    /** The sources of the live ties found for the current batch of actors. */
    private int[] live = new int[1024];
    /** Sum of values loaded only to bring them into the cache; kept so they are not optimised away. */
    long sink;

    /** How many of this walker's samples reached actor v. */
    int count(int v) {
      return hits[v];
    }

    /**
     * Walks backwards from {@code root} in a new random world and leaves the actors reached, root
     * first, in {@code queue[0 .. size)}.
     *
     * @return how many actors were reached, the root included
     */
    int sample(int root, SplittableRandom random) {
      return sample(root, random, null);
    }

    /**
     * As {@link #sample(int, SplittableRandom)}, but stops as soon as an actor flagged in
     * {@code stopAt} is reached, and then returns -1: for asking only whether a set of actors
     * reaches the root in this world. Counts are then left incomplete for this sample.
     */
    int sample(int root, SplittableRandom random, boolean[] stopAt) {
      final long[] seen = this.seen;
      final int[] queue = this.queue;
      if (flagged * 4L < seen.length) {
        for (int q = 0; q < flagged; q++) {
          seen[queue[q] >>> 6] = 0;
        }
      } else {
        Arrays.fill(seen, 0);
      }
      flagged = 0;
      if (stopAt != null && stopAt[root]) {
        return -1;
      }
      final int[] hits = this.hits;
      final int[] heads = this.heads;
      final long[] blob = ReverseReachableSampler.this.blob;
      final int[] head = ReverseReachableSampler.this.head;
      int tail = 0;
      queue[0] = root;
      heads[0] = head[root];
      tail++;
      seen[root >>> 6] |= 1L << root;
      hits[root]++;
      int next = 0;
      long touched = 0;
      while (next < tail) {
        // the actors queued so far are one batch: their runs' first lines are loaded all at once,
        // so that the cache misses overlap instead of stalling the walk one actor at a time; then
        // the live ties into all of them are found; then their sources not reached yet are queued
        int batchEnd = tail;
        for (int q = next; q < batchEnd; q++) {
          touched += blob[heads[q]];
        }
        int[] live = this.live;
        int lives = 0;
        for (int q = next; q < batchEnd; q++) {
          int at = heads[q];
          long header = blob[at];
          int d = (int) header;
          if (d == 0) {
            continue;
          }
          if (lives + d > live.length) {
            this.live = live = Arrays.copyOf(live, Math.max(lives + d, 2 * live.length));
          }
          int segments = (int) (header >>> 32);
          if (segments == 1) {
            lives = segment(random, at + 2, 0, d, Double.longBitsToDouble(blob[at + 1]), live, lives);
          } else {
            int ties = at + 2 + (segments + 1) / 2;
            int from = 0;
            for (int s = 0; s < segments; s++) {
              int to = (int) (blob[at + 2 + (s >> 1)] >>> (32 * (s & 1)));
              int k = to - 1;
              double last = Double.longBitsToDouble(blob[ties + 3 * (k >> 1) + (k & 1)]);
              lives = segment(random, ties, from, to, last, live, lives);
              from = to;
            }
          }
        }
        for (int j = 0; j < lives; j++) {
          int u = live[j];
          long bit = 1L << u;
          if ((seen[u >>> 6] & bit) == 0) {
            seen[u >>> 6] |= bit;
            queue[tail] = u;
            heads[tail++] = head[u];
            if (stopAt != null && stopAt[u]) {
              flagged = tail;
              sink += touched;
              return -1;
            }
            hits[u]++;
          }
        }
        next = batchEnd;
      }
      flagged = tail;
      sink += touched;
      return tail;
    }

    /**
     * The live ties among ties {@code [from, to)} of the run whose ties start at {@code blob[ties]},
     * one segment; their sources are appended to {@code live} from {@code lives} on. {@code last}
     * is the segment's last running product.
     *
     * @return the new number of sources in {@code live}
     */
    private int segment(SplittableRandom random, int ties, int from, int to, double last, int[] live,
        int lives) {
      final long[] blob = ReverseReachableSampler.this.blob;
      double rest = 1;
      int k = from;
      while (true) {
        double x = random.nextDouble() * rest;
        if (last > x) {
          return lives; // no live tie left in this segment
        }
        // the first k whose running product is <= x: there is one, as the last one is
        double product;
        while ((product = Double.longBitsToDouble(blob[ties + 3 * (k >> 1) + (k & 1)])) > x) {
          k++;
        }
        live[lives++] = (int) (blob[ties + 3 * (k >> 1) + 2] >>> (32 * (k & 1)));
        if (++k == to) {
          return lives;
        }
        rest = product;
      }
    }
  }
}
