package org.fulcrum.analysis;

import java.util.Objects;

/**
 * What an influence ranking is asked for: the estimate's query and how reach is computed.
 *
 * @param query the target, samples and seed (the samples and seed matter only when sampling)
 * @param method reverse-reachable sampling, or exact enumeration (small graphs only)
 */
public record InfluenceRankingQuery(InfluenceQuery query, Method method) {

  public static final Method METHOD_DEFAULT = Method.SAMPLING;

  /** How reach is computed: {@link ReverseReachableInfluence} or {@link ExactInfluence}. */
  public enum Method { SAMPLING, EXACT }

  public InfluenceRankingQuery {
    Objects.requireNonNull(query, "query");
    method = method == null ? METHOD_DEFAULT : method;
  }

  /** A query with the defaults for whatever is {@code null}. */
  public static InfluenceRankingQuery of(String target, Integer samples, Long seed, Method method) {
    return of(target, samples, seed, method, null);
  }

  /**
   * A query with the defaults for whatever is {@code null}; with a {@code precision}, {@code
   * samples} is the cap and defaults to {@link InfluenceQuery#SAMPLES_MAX}.
   */
  public static InfluenceRankingQuery of(String target, Integer samples, Long seed, Method method,
      Double precision) {
    int n = samples != null ? samples
        : precision != null ? InfluenceQuery.SAMPLES_MAX : InfluenceQuery.SAMPLES_DEFAULT;
    if (precision != null && method == Method.EXACT) {
      throw new org.fulcrum.error.InvalidRequestException("precision: only for method=sampling; exact"
          + " answers have no interval");
    }
    return new InfluenceRankingQuery(new InfluenceQuery(target, n,
        seed == null ? InfluenceQuery.SEED_DEFAULT : seed, precision), method);
  }
}
