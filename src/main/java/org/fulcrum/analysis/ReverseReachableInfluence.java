package org.fulcrum.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Influence of every actor on one target under the independent cascade model, estimated all at
 * once by reverse-reachable sampling (C. Borgs, M. Brautbar, J. Chayes, B. Lucier, "Maximizing
 * social influence in nearly optimal time", SODA 2014): each sample draws which ties are "live"
 * (tie e with probability {@code strength x confidence}) lazily while walking backwards from the
 * target; the actors reached are exactly those whose pressure would have reached the target in
 * that world. So an actor's share of samples estimates its probability, for all actors in one pass.
 *
 * <p>Cost: O(samples x (reverse-reachable set size + the ties tried)); see
 * {@link ReverseReachableSampler}. Intervals are 95% Wilson score intervals.
 *
 * <p><b>Threads.</b> Samples are drawn in fixed blocks of {@value #BLOCK}, block b with the b-th
 * random stream split off {@code new SplittableRandom(seed)}, so the counts are the same whichever
 * thread draws which block and however many threads there are. When the first block shows that the
 * rest is a lot of work, other threads of the common fork-join pool help; a helper that has not
 * started by the time the caller has drawn every block is not waited for.
 */
public final class ReverseReachableInfluence {

  static final double Z95 = 1.959963984540054;

  /** Samples per block: each block has its own random stream. */
  static final int BLOCK = 128;
  /** Actors reached, summed over the samples left, above which other threads help. */
  static final long PARALLEL_WORK = 1_000_000;

  private final LeverageGraph graph;
  private final ReverseReachableSampler sampler;
  private final int threads;
  private final Executor executor;
  private final long parallelWork;

  public ReverseReachableInfluence(LeverageGraph graph) {
    this(graph, ForkJoinPool.getCommonPoolParallelism() + 1, ForkJoinPool.commonPool(), PARALLEL_WORK);
  }

  /**
   * @param threads how many threads may draw samples at once, the caller's included
   * @param executor runs the helpers
   * @param parallelWork actors reached, summed over the samples left after the first block, from
   *     which helpers are asked for
   */
  ReverseReachableInfluence(LeverageGraph graph, int threads, Executor executor, long parallelWork) {
    this.graph = Objects.requireNonNull(graph, "graph");
    this.sampler = ReverseReachableSampler.of(graph);
    this.threads = Math.max(1, threads);
    this.executor = Objects.requireNonNull(executor, "executor");
    this.parallelWork = parallelWork;
  }

  public InfluenceRanking estimate(InfluenceQuery query) {
    int target = graph.require(query.target(), "target");
    int[] hits = sampleCounts(target, query.samples(), query.seed());
    List<InfluenceRanking.ActorInfluence> ranked = new ArrayList<>();
    for (int v = 0; v < hits.length; v++) {
      if (v != target && hits[v] > 0) {
        double[] interval = wilson(hits[v], query.samples());
        ranked.add(new InfluenceRanking.ActorInfluence(graph.actor(v).id(), graph.actor(v).name(),
            (double) hits[v] / query.samples(), interval[0], interval[1], hits[v]));
      }
    }
    ranked.sort(Comparator.comparingDouble(InfluenceRanking.ActorInfluence::reach).reversed()
        .thenComparing(InfluenceRanking.ActorInfluence::id));
    return new InfluenceRanking(query.target(), "reverse-reachable sampling", query.samples(),
        query.seed(), List.copyOf(ranked));
  }

  /** How many of the samples each actor appears in. */
  int[] sampleCounts(int target, int samples, long seed) {
    int blocks = (samples + BLOCK - 1) / BLOCK;
    SplittableRandom[] streams = new SplittableRandom[blocks];
    SplittableRandom root = new SplittableRandom(seed);
    for (int b = 0; b < blocks; b++) {
      streams[b] = root.split();
    }
    AtomicInteger nextBlock = new AtomicInteger(1);
    ReverseReachableSampler.Walker own = sampler.walker();
    long firstBlock = drawBlock(own, target, samples, 0, streams[0]);
    int helpers = (int) Math.min(threads - 1, blocks - 2);
    Helper[] started = new Helper[Math.max(0, helpers)];
    if (helpers > 0 && firstBlock * (blocks - 1) >= parallelWork) {
      for (int h = 0; h < helpers; h++) {
        started[h] = new Helper(target, samples, streams, nextBlock);
        try {
          executor.execute(started[h]);
        } catch (RejectedExecutionException e) {
          started[h].claim.set(-1); // no help: the caller draws the blocks itself
        }
      }
    }
    for (int b; (b = nextBlock.getAndIncrement()) < blocks; ) {
      drawBlock(own, target, samples, b, streams[b]);
    }
    int[] hits = new int[graph.actorCount()];
    for (int v = 0; v < hits.length; v++) {
      hits[v] = own.count(v);
    }
    for (Helper helper : started) {
      if (helper != null && helper.claim.get() != -1 && !helper.claim.compareAndSet(0, -1)) {
        // it started: wait for it
        helper.await();
        for (int v = 0; helper.walker != null && v < hits.length; v++) {
          hits[v] += helper.walker.count(v);
        }
      }
    }
    return hits;
  }

  /** Draws block b: samples {@code b x BLOCK} on, at most {@link #BLOCK} of them; returns the reach. */
  private static long drawBlock(ReverseReachableSampler.Walker walker, int target, int samples, int b,
      SplittableRandom random) {
    long reached = 0;
    for (int s = b * BLOCK, end = Math.min(samples, s + BLOCK); s < end; s++) {
      reached += walker.sample(target, random);
    }
    return reached;
  }

  /** Draws blocks on another thread until none is left, unless the caller finished them first. */
  private final class Helper implements Runnable {
    /** 0: not started; 1: started; -1: given up by the caller before it started. */
    final AtomicInteger claim = new AtomicInteger();
    private final CountDownLatch done = new CountDownLatch(1);
    private final int target;
    private final int samples;
    private final SplittableRandom[] streams;
    private final AtomicInteger nextBlock;
    private RuntimeException failure;
    /** Null until the helper draws a block. */
    ReverseReachableSampler.Walker walker;

    Helper(int target, int samples, SplittableRandom[] streams, AtomicInteger nextBlock) {
      this.target = target;
      this.samples = samples;
      this.streams = streams;
      this.nextBlock = nextBlock;
    }

    @Override
    public void run() {
      if (!claim.compareAndSet(0, 1)) {
        return;
      }
      try {
        for (int b; (b = nextBlock.getAndIncrement()) < streams.length; ) {
          if (walker == null) {
            walker = sampler.walker();
          }
          drawBlock(walker, target, samples, b, streams[b]);
        }
      } catch (RuntimeException | Error e) {
        failure = e instanceof RuntimeException r ? r : new IllegalStateException(e);
        throw e;
      } finally {
        done.countDown();
      }
    }

    void await() {
      boolean interrupted = false;
      while (true) {
        try {
          done.await();
          break;
        } catch (InterruptedException e) {
          interrupted = true; // the helper finishes its blocks anyway; the answer needs them
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      if (failure != null) {
        throw failure;
      }
    }
  }

  static double[] wilson(int hits, int samples) {
    double p = (double) hits / samples;
    double z2 = Z95 * Z95;
    double denominator = 1 + z2 / samples;
    double centre = (p + z2 / (2.0 * samples)) / denominator;
    double half = Z95 * Math.sqrt(p * (1 - p) / samples + z2 / (4.0 * samples * samples)) / denominator;
    return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
  }
}
