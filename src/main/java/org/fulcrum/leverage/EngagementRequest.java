package org.fulcrum.leverage;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The body of {@code POST engagement-plan} and {@code POST red-team}. It is turned into the same
 * parameters the command line and what-if use, so all three are checked by one parser.
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
    @Schema(description = "neighbourhood: only actors within this many ties of those named (1-10)") Integer within) {

  Map<String, String> parameters() {
    Map<String, String> p = new LinkedHashMap<>();
    put(p, "engager", engager);
    put(p, "budget", budget);
    put(p, "targetGroups", pairs(targetGroups));
    put(p, "costs", pairs(costs));
    put(p, "samples", samples);
    put(p, "seed", seed);
    put(p, "target", target);
    put(p, "plan", plan == null ? null : String.join(",", plan));
    put(p, "within", within);
    return p;
  }

  private static void put(Map<String, String> p, String key, Object value) {
    if (value != null) {
      p.put(key, String.valueOf(value));
    }
  }

  private static String pairs(Map<String, Double> map) {
    if (map == null) {
      return null;
    }
    map.forEach((k, v) -> {
      if (v == null) {
        throw new IllegalArgumentException(k + ": a number is required");
      }
    });
    return map.entrySet().stream().map(e -> e.getKey() + ":" + String.format(Locale.ROOT, "%s", e.getValue()))
        .collect(Collectors.joining(","));
  }
}
