package org.fulcrum.analysis;

import java.util.List;

/**
 * What a patron ranking is asked for.
 *
 * @param target whose regime the patrons shield (an actor id)
 * @param engager whose leverage over each patron is measured, or {@code null} for shield shares only
 * @param coalition the engager's partners (actor ids), besides its own government, which is always
 *     in the coalition; a state brings its government ({@link Governments}). Coalition actors are
 *     never patrons: their ties into the regime are coalition levers.
 */
public record PatronQuery(String target, String engager, List<String> coalition) {

  public PatronQuery {
    target = ActorIds.required(target, "target");
    engager = ActorIds.optional(engager);
    coalition = ActorIds.list(coalition);
  }

  /** A query whose coalition is the engager's own government. */
  public PatronQuery(String target, String engager) {
    this(target, engager, List.of());
  }
}
