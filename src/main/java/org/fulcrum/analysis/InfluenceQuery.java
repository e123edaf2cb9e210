package org.fulcrum.analysis;

import org.fulcrum.error.InvalidRequestException;

/**
 * How to estimate the influence of every actor on one target.
 *
 * @param target the actor pressure should reach
 * @param samples reverse-reachable sets to draw (more: tighter intervals)
 * @param seed the random seed, so that an answer can be reproduced
 */
public record InfluenceQuery(String target, int samples, long seed) {

  public static final int SAMPLES_DEFAULT = 10_000;
  public static final int SAMPLES_MAX = 1_000_000;
  public static final long SEED_DEFAULT = 42L;

  public InfluenceQuery {
    if (target == null || target.isBlank()) {
      throw new InvalidRequestException("target: an actor id is required");
    }
    if (samples < 1 || samples > SAMPLES_MAX) {
      throw new InvalidRequestException("samples must be between 1 and " + SAMPLES_MAX + ", got " + samples);
    }
  }
}
