package org.fulcrum.leverage;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import org.fulcrum.analysis.PlanQuery;
import org.fulcrum.analysis.RedTeamQuery;
import org.fulcrum.error.InvalidRequestException;

/**
 * The body of {@code POST engagement-plan} and {@code POST red-team}, bound into the same query
 * records the command line and what-if bind theirs into, and checked by them.
 */
@Schema(description = "An engagement plan request; target and plan are for red-team only")
public record EngagementRequest(
    @Schema(description = "the engaging actor's id", example = "usa") String engager,
    @Schema(description = "diplomatic capital to spend, in the units of the costs", example = "10") Double budget,
    @Schema(description = "weight per target group (planners, perpetrators, victims, other-domestic,"
        + " other-foreign); default 1 each") Map<String, Double> targetGroups,
    @Schema(description = "cost per actor id, overriding the default rule") Map<String, Double> costs,
    @Schema(description = "reverse-reachable samples (default 10000)") Integer samples,
    @Schema(description = "random seed (default 42)") Long seed,
    @Schema(description = "red-team: the target (a leader: its command chain counts too)") String target,
    @Schema(description = "red-team: the engaged actors; default: the plan for this request") List<String> plan,
    @Schema(description = "neighbourhood: only actors within this many ties of those named (1-10)") Integer within,
    @Schema(description = "the engager's partners (actor ids) besides its own government: never picked,"
        + " never a patron") List<String> coalition) {

  /** The plan's query; budget is required, the rest has defaults. */
  PlanQuery planQuery() {
    return PlanQuery.of(engager, budget, Analyses.targetGroups(numbers(targetGroups)), numbers(costs), samples,
        seed, coalition);
  }

  /** Red-team's query: the plan's, with the target and the plan's actors (default: the plan made). */
  RedTeamQuery redTeamQuery() {
    return new RedTeamQuery(planQuery(), plan, target);
  }

  private static Map<String, Double> numbers(Map<String, Double> byKey) {
    if (byKey != null) {
      byKey.forEach((key, value) -> {
        if (value == null) {
          throw new InvalidRequestException(key + ": a number is required");
        }
      });
    }
    return byKey;
  }
}
