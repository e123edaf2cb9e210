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

  /** Samples drawn before the adaptive mode first checks the intervals. */
  static final int FIRST_CHECK = 8 * BLOCK;

  public InfluenceRanking estimate(InfluenceQuery query) {
    int target = graph.require(query.target(), "target");
    Sampling sampling = new Sampling(target, query.samples(), query.seed(), WorkBudget.current());
    int drawn;
    if (query.precision() == null) {
      sampling.drawUpTo(query.samples());
      drawn = query.samples();
    } else {
      // checkpoints at fixed counts (a multiple of BLOCK, a quarter more each time), so that one
      // query and seed always stop at the same count whichever threads drew the blocks
      drawn = Math.min(query.samples(), FIRST_CHECK);
      while (true) {
        sampling.drawUpTo(drawn);
        if (drawn == query.samples() || narrowEnough(sampling.hits(), target, drawn, query.precision())) {
          break;
        }
        long next = Math.max(drawn + BLOCK, (long) drawn * 5 / 4 / BLOCK * BLOCK);
        drawn = (int) Math.min(query.samples(), next);
      }
    }
    int[] hits = sampling.hits();
    List<InfluenceRanking.ActorInfluence> ranked = new ArrayList<>();
    for (int v = 0; v < hits.length; v++) {
      if (v != target && hits[v] > 0) {
        double[] interval = wilson(hits[v], drawn);
        ranked.add(new InfluenceRanking.ActorInfluence(graph.actor(v).id(), graph.actor(v).name(),
            (double) hits[v] / drawn, interval[0], interval[1], hits[v]));
      }
    }
    ranked.sort(Comparator.comparingDouble(InfluenceRanking.ActorInfluence::reach).reversed()
        .thenComparing(InfluenceRanking.ActorInfluence::id));
    String method = query.precision() == null ? "reverse-reachable sampling"
        : "reverse-reachable sampling, adaptive: stopped at " + drawn + " samples, "
            + (narrowEnough(hits, target, drawn, query.precision()) ? "every 95% interval at most "
                + query.precision() + " wide" : "the cap, before every interval was " + query.precision()
                + " wide");
    return new InfluenceRanking(query.target(), method, drawn, query.seed(), List.copyOf(ranked));
  }

  /** Whether every actor reached (the target aside) has a 95% interval at most {@code precision} wide. */
  static boolean narrowEnough(int[] hits, int target, int samples, double precision) {
    for (int v = 0; v < hits.length; v++) {
      if (v != target && hits[v] > 0) {
        double[] interval = wilson(hits[v], samples);
        if (interval[1] - interval[0] > precision) {
          return false;
        }
      }
    }
    return true;
  }

  /** How many of the samples each actor appears in. */
  int[] sampleCounts(int target, int samples, long seed) {
    Sampling sampling = new Sampling(target, samples, seed, WorkBudget.current());
    sampling.drawUpTo(samples);
    return sampling.hits();
  }

  /**
   * The samples of one query, drawn a range of blocks at a time: block b always with the b-th
   * stream, so the counts after n samples do not depend on how they were drawn.
   */
  private final class Sampling {
    private final int target;
    private final int cap;
    private final SplittableRandom[] streams;
    private final WorkBudget budget;
    private final Thread caller = Thread.currentThread();
    private final ReverseReachableSampler.Walker own = sampler.walker();
    private final List<Helper> helpers = new ArrayList<>();
    /** Blocks drawn so far: [0, drawnBlocks). */
    private int drawnBlocks;
    /** Samples drawn so far. */
    private int drawn;

    Sampling(int target, int cap, long seed, WorkBudget budget) {
      this.target = target;
      this.cap = cap;
      this.budget = budget;
      int blocks = (cap + BLOCK - 1) / BLOCK;
      streams = new SplittableRandom[blocks];
      SplittableRandom root = new SplittableRandom(seed);
      for (int b = 0; b < blocks; b++) {
        streams[b] = root.split();
      }
    }

    /** Draws samples until {@code samples} (a multiple of BLOCK, or the cap) have been drawn. */
    void drawUpTo(int samples) {
      int endBlock = (samples + BLOCK - 1) / BLOCK;
      int limit = samples;
      if (endBlock <= drawnBlocks) {
        return;
      }
      AtomicInteger nextBlock = new AtomicInteger(drawnBlocks);
      budget.checkOn(caller);
      int first = nextBlock.getAndIncrement();
      long firstReach = drawBlock(own, target, limit, first, streams[first]);
      int blocksLeft = endBlock - first - 1;
      int count = (int) Math.min(threads - 1, blocksLeft - 1L);
      List<Helper> started = new ArrayList<>();
      if (count > 0 && firstReach * blocksLeft >= parallelWork) {
        for (int h = 0; h < count; h++) {
          Helper helper = new Helper(target, limit, endBlock, nextBlock);
          started.add(helper);
          try {
            executor.execute(helper);
          } catch (RejectedExecutionException e) {
            helper.claim.set(-1); // no help: the caller draws the blocks itself
          }
        }
      }
      try {
        for (int b; (b = nextBlock.getAndIncrement()) < endBlock; ) {
          budget.checkOn(caller);
          drawBlock(own, target, limit, b, streams[b]);
        }
      } catch (RuntimeException e) {
        nextBlock.set(Integer.MAX_VALUE / 2); // the helpers stop after their current block
        throw e;
      }
      for (Helper helper : started) {
        if (helper.claim.get() != -1 && !helper.claim.compareAndSet(0, -1)) {
          helper.await(); // it started: wait for it
          helpers.add(helper);
        }
      }
      budget.checkOn(caller);
      drawnBlocks = endBlock;
      drawn = Math.min(cap, samples);
    }

    int[] hits() {
      int[] hits = new int[graph.actorCount()];
      for (int v = 0; v < hits.length; v++) {
        hits[v] = own.count(v);
      }
      for (Helper helper : helpers) {
        for (int v = 0; helper.walker != null && v < hits.length; v++) {
          hits[v] += helper.walker.count(v);
        }
      }
      return hits;
    }

    /** Draws blocks on another thread until none is left, unless the caller finished them first. */
    private final class Helper implements Runnable {
      /** 0: not started; 1: started; -1: given up by the caller before it started. */
      final AtomicInteger claim = new AtomicInteger();
      private final CountDownLatch done = new CountDownLatch(1);
      private final int target;
      private final int samples;
      private final int endBlock;
      private final AtomicInteger nextBlock;
      private RuntimeException failure;
      /** Null until the helper draws a block. */
      ReverseReachableSampler.Walker walker;

      Helper(int target, int samples, int endBlock, AtomicInteger nextBlock) {
        this.target = target;
        this.samples = samples;
        this.endBlock = endBlock;
        this.nextBlock = nextBlock;
      }

      @Override
      public void run() {
        if (!claim.compareAndSet(0, 1)) {
          return;
        }
        try {
          for (int b; !budget.spent() && (b = nextBlock.getAndIncrement()) < endBlock; ) {
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
            interrupted = true; // the helper stops after its current block; the check below throws
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

  static double[] wilson(int hits, int samples) {
    double p = (double) hits / samples;
    double z2 = Z95 * Z95;
    double denominator = 1 + z2 / samples;
    double centre = (p + z2 / (2.0 * samples)) / denominator;
    double half = Z95 * Math.sqrt(p * (1 - p) / samples + z2 / (4.0 * samples * samples)) / denominator;
    return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
  }
}
