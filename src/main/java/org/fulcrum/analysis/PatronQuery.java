package org.fulcrum.analysis;

/**
 * What a patron ranking is asked for.
 *
 * @param target whose regime the patrons shield (an actor id)
 * @param engager whose leverage over each patron is measured, or {@code null} for shield shares only
 */
public record PatronQuery(String target, String engager) {

  public PatronQuery {
    target = ActorIds.required(target, "target");
    engager = ActorIds.optional(engager);
  }
}
