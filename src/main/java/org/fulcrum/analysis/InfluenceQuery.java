package org.fulcrum.analysis;

import org.fulcrum.error.InvalidRequestException;

/**
 * How to estimate the influence of every actor on one target.
 *
 * @param target the actor pressure should reach
 * @param samples reverse-reachable sets to draw (more: tighter intervals)
 * @param seed the random seed, so that an answer can be reproduced
 * @param precision null for exactly {@code samples} samples; else the adaptive mode: sampling stops
 *     once every reported actor's 95% interval is at most this wide, checked at fixed sample
 *     counts (so the answer is reproducible), and at the latest at {@code samples}, which is then
 *     the cap ({@link #SAMPLES_MAX} unless given)
 */
public record InfluenceQuery(String target, int samples, long seed, Double precision) {

  public static final int SAMPLES_DEFAULT = 10_000;
  public static final int SAMPLES_MAX = 1_000_000;
  public static final long SEED_DEFAULT = 42L;
  /** The finest precision the adaptive mode takes: about what {@link #SAMPLES_MAX} samples reach. */
  public static final double PRECISION_MIN = 0.002;
  public static final double PRECISION_MAX = 0.5;

  /** A fixed number of samples. */
  public InfluenceQuery(String target, int samples, long seed) {
    this(target, samples, seed, null);
  }

  public InfluenceQuery {
    if (target == null || target.isBlank()) {
      throw new InvalidRequestException("target: an actor id is required");
    }
    if (samples < 1 || samples > SAMPLES_MAX) {
      throw new InvalidRequestException("samples must be between 1 and " + SAMPLES_MAX + ", got " + samples);
    }
    if (precision != null && !(precision >= PRECISION_MIN && precision <= PRECISION_MAX)) {
      throw new InvalidRequestException("precision: the widest 95% interval to stop at, between "
          + PRECISION_MIN + " and " + PRECISION_MAX + ", got " + precision);
    }
  }
}
