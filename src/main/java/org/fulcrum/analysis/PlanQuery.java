package org.fulcrum.analysis;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fulcrum.casefile.TargetGroup;
import org.fulcrum.error.InvalidRequestException;

/**
 * What an engagement plan is asked for.
 *
 * @param engager the actor whose diplomatic capital is spent
 * @param budget how much capital there is, in the units of the costs (&gt; 0)
 * @param groupWeights how much reaching an actor of each target group is worth; an actor without a
 *     target group, or of a group not named, is worth nothing. Empty: every group weighs 1.
 * @param costs what engaging an actor costs, overriding the default rule ({@link
 *     EngagementPlanner#baseCost}) for the actors named
 * @param samples how many reverse-reachable samples the plan is chosen on (and, separately,
 *     evaluated on)
 * @param seed the random seed: the same query on the same case gives the same plan
 * @param coalition the engager's partners (actor ids), besides its own government ({@link
 *     Governments}); no coalition actor is a candidate, and none is a patron for the red team
 */
public record PlanQuery(String engager, double budget, Map<TargetGroup, Double> groupWeights,
    Map<String, Double> costs, int samples, long seed, List<String> coalition) {

  public static final int SAMPLES_DEFAULT = 10_000;
  public static final long SEED_DEFAULT = 42L;

  public PlanQuery {
    if (engager == null || engager.isBlank()) {
      throw new InvalidRequestException("engager: the engaging actor's id is required");
    }
    if (!(budget > 0) || Double.isInfinite(budget)) {
      throw new InvalidRequestException("budget must be a positive number, got " + budget);
    }
    if (samples < 1 || samples > InfluenceQuery.SAMPLES_MAX) {
      throw new InvalidRequestException("samples must be between 1 and " + InfluenceQuery.SAMPLES_MAX
          + ", got " + samples);
    }
    Map<TargetGroup, Double> weights = new EnumMap<>(TargetGroup.class);
    if (groupWeights == null || groupWeights.isEmpty()) {
      for (TargetGroup group : TargetGroup.values()) {
        weights.put(group, 1.0);
      }
    } else {
      groupWeights.forEach((group, weight) -> {
        if (weight == null || !(weight >= 0) || Double.isInfinite(weight)) {
          throw new InvalidRequestException("targetGroups." + group.label()
              + ": a weight must be a number of at least 0, got " + weight);
        }
        weights.put(group, weight);
      });
      if (weights.values().stream().allMatch(w -> w == 0)) {
        throw new InvalidRequestException("targetGroups: at least one weight must be above 0");
      }
    }
    groupWeights = Map.copyOf(weights);
    Map<String, Double> given = new LinkedHashMap<>();
    if (costs != null) {
      costs.forEach((id, cost) -> {
        if (cost == null || !(cost > 0) || Double.isInfinite(cost)) {
          throw new InvalidRequestException("costs." + id + ": a cost must be a positive number, got " + cost);
        }
        given.put(id, cost);
      });
    }
    costs = Map.copyOf(given);
    coalition = ActorIds.list(coalition);
  }

  /** A query whose coalition is the engager's own government. */
  public PlanQuery(String engager, double budget, Map<TargetGroup, Double> groupWeights,
      Map<String, Double> costs, int samples, long seed) {
    this(engager, budget, groupWeights, costs, samples, seed, List.of());
  }

  /**
   * A query with the defaults for whatever is {@code null}: every group weighs 1, costs by the
   * default rule, {@link #SAMPLES_DEFAULT} samples, seed {@link #SEED_DEFAULT}.
   */
  public static PlanQuery of(String engager, Double budget, Map<TargetGroup, Double> groupWeights,
      Map<String, Double> costs, Integer samples, Long seed) {
    return of(engager, budget, groupWeights, costs, samples, seed, List.of());
  }

  /** As {@link #of(String, Double, Map, Map, Integer, Long)}, with the engager's partners. */
  public static PlanQuery of(String engager, Double budget, Map<TargetGroup, Double> groupWeights,
      Map<String, Double> costs, Integer samples, Long seed, List<String> coalition) {
    if (budget == null) {
      throw new InvalidRequestException("budget: a positive number is required");
    }
    return new PlanQuery(ActorIds.required(engager, "engager"), budget, groupWeights, costs,
        samples == null ? SAMPLES_DEFAULT : samples, seed == null ? SEED_DEFAULT : seed, coalition);
  }
}
