package org.fulcrum.analysis;

import java.util.List;

/**
 * The chance that pressure starting at each actor reaches the target, when every tie passes it on
 * independently with probability {@code strength x confidence} (the independent cascade model).
 *
 * @param method {@code reverse-reachable sampling} or {@code exact enumeration}
 * @param samples the number of samples drawn (0 for exact answers)
 * @param actors every actor with a chance above zero, strongest first
 */
public record InfluenceRanking(String target, String method, int samples, long seed,
    List<ActorInfluence> actors) {

  /**
   * @param reach the estimated probability
   * @param low lower end of its 95% interval (Wilson score; equal to reach when exact)
   * @param high upper end of its 95% interval
   * @param hits samples in which the actor reached the target
   */
  public record ActorInfluence(String id, String name, double reach, double low, double high,
      int hits) {}
}
