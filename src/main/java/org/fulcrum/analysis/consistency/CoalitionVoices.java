package org.fulcrum.analysis.consistency;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.fulcrum.casefile.Actor;
import org.fulcrum.casefile.ActorKind;
import org.fulcrum.casefile.Message;
import org.fulcrum.error.InvalidRequestException;

/**
 * Who speaks with whose voice, and who is in the coalition. A state speaks through its leaders,
 * ministries and envoys: every state, leader, government body or individual of a country that has
 * a state actor in the case speaks with that state's voice (the first state of the country, in
 * case order); any other actor is a voice of its own. O(actors).
 */
final class CoalitionVoices {

  private static final Set<ActorKind> GOVERNMENT_KINDS = EnumSet.of(ActorKind.STATE, ActorKind.LEADER,
      ActorKind.GOVERNMENT_BODY, ActorKind.INDIVIDUAL);

  private final String caseId;
  private final Map<String, Actor> actors = new LinkedHashMap<>();
  private final Map<String, String> voices = new HashMap<>();

  CoalitionVoices(String caseId, Collection<Actor> actors) {
    this.caseId = caseId;
    actors.forEach(a -> this.actors.put(a.id(), a));
    Map<String, String> stateOfCountry = new HashMap<>();
    for (Actor a : this.actors.values()) {
      if (a.kind() == ActorKind.STATE && a.country() != null) {
        stateOfCountry.putIfAbsent(a.country(), a.id());
      }
    }
    for (Actor a : this.actors.values()) {
      String state = a.country() == null || !GOVERNMENT_KINDS.contains(a.kind()) ? null
          : stateOfCountry.get(a.country());
      voices.put(a.id(), state != null ? state : a.id());
    }
  }

  /** The actor, or {@code null} when the case has none of that id. */
  Actor actor(String id) {
    return actors.get(id);
  }

  /** The voice the actor speaks with (its own id for an actor not in the case). */
  String voice(String actorId) {
    return voices.getOrDefault(actorId, actorId);
  }

  /**
   * The coalition: the named actors, each state with every actor speaking with its voice whose
   * position is positive; none named, every speaker of {@code messages} with a positive position.
   *
   * @throws IllegalArgumentException if a named actor is unknown or does not want the atrocities
   *     stopped (position &lt;= 0)
   */
  Set<String> coalition(List<String> named, List<Message> messages) {
    Set<String> members = new TreeSet<>();
    if (named.isEmpty()) {
      for (Message m : messages) {
        Actor a = actors.get(m.speaker());
        if (a != null && a.position() > 0) {
          members.add(a.id());
        }
      }
      return members;
    }
    for (String id : named) {
      Actor a = actors.get(id);
      if (a == null) {
        throw new InvalidRequestException("coalition: no actor '" + id + "' in case " + caseId);
      }
      if (a.position() <= 0) {
        throw new InvalidRequestException(String.format(Locale.ROOT, "coalition: %s has position %.2f;"
            + " a coalition holds only actors that want the atrocities stopped (position > 0)", id, a.position()));
      }
      members.add(id);
      if (a.kind() == ActorKind.STATE) {
        actors.values().stream().filter(o -> voice(o.id()).equals(id) && o.position() > 0)
            .forEach(o -> members.add(o.id()));
      }
    }
    return members;
  }
}
