package org.fulcrum.leverage;

import java.util.List;
import java.util.Map;

/**
 * Changes to a case's graph for a what-if question; nothing is written to the store.
 *
 * @param removeActors actors to take out, with their ties
 * @param removeTies ties to take out, by id
 * @param addTies ties to add, in the dataset's JSON form (sources optional here)
 * @param reweightTies ties whose strength and/or confidence change
 */
public record Scenario(List<String> removeActors, List<String> removeTies,
    List<Map<String, Object>> addTies, List<Reweight> reweightTies) {

  public Scenario {
    removeActors = removeActors == null ? List.of() : List.copyOf(removeActors);
    removeTies = removeTies == null ? List.of() : List.copyOf(removeTies);
    addTies = addTies == null ? List.of() : List.copyOf(addTies);
    reweightTies = reweightTies == null ? List.of() : List.copyOf(reweightTies);
  }

  /** A new strength and/or confidence for one tie; an absent value is kept. */
  public record Reweight(String id, Double strength, Double confidence) {}

  boolean isEmpty() {
    return removeActors.isEmpty() && removeTies.isEmpty() && addTies.isEmpty() && reweightTies.isEmpty();
  }
}
