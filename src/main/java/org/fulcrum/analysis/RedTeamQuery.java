package org.fulcrum.analysis;

import java.util.List;
import org.fulcrum.error.InvalidRequestException;

/**
 * What a red-team answer is asked for.
 *
 * @param plan the engagement plan's query (engager, budget, weights, costs, samples, seed)
 * @param picks the engaged actors; empty: the plan made for {@code plan} first
 * @param target the actor whose counter-move is sought (a leader: its command chain counts too)
 */
public record RedTeamQuery(PlanQuery plan, List<String> picks, String target) {

  public RedTeamQuery {
    if (plan == null) {
      throw new InvalidRequestException("plan: the engagement plan's query is required");
    }
    picks = ActorIds.list(picks);
    target = ActorIds.required(target, "target");
  }
}
