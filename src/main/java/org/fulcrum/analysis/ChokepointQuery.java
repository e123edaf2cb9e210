package org.fulcrum.analysis;

import java.util.List;

/**
 * What a supply-chokepoint cut is asked for.
 *
 * @param from the patrons whose supply lines are cut; empty: every patron of the unit's regime
 * @param to the perpetrator unit
 * @param mode cut ties (weighted by strength x confidence) or intermediary actors
 */
public record ChokepointQuery(List<String> from, String to, SupplyChokepoints.Mode mode) {

  public static final SupplyChokepoints.Mode MODE_DEFAULT = SupplyChokepoints.Mode.TIES;

  public ChokepointQuery {
    from = ActorIds.list(from);
    to = ActorIds.required(to, "to");
    mode = mode == null ? MODE_DEFAULT : mode;
  }
}
