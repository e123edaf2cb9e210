package org.fulcrum.analysis.consistency;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.fulcrum.analysis.Governments;
import org.fulcrum.casefile.Actor;
import org.fulcrum.casefile.ActorKind;
import org.fulcrum.casefile.Message;
import org.fulcrum.error.InvalidRequestException;

/**
 * Who speaks with whose voice, and who is in the coalition. Voices are {@link Governments}'s: a
 * state speaks through its leaders, ministries and envoys, any other actor with a voice of its own.
 * The review's coalition keeps only actors that want the atrocities stopped, and does not follow
 * command ties (it counts speakers; the patron analysis's coalition, {@code Governments.coalition},
 * also brings the forces a state commands). O(actors).
 */
final class CoalitionVoices {

  private final String caseId;
  private final Map<String, Actor> actors = new LinkedHashMap<>();
  private final Governments governments;

  CoalitionVoices(String caseId, Collection<Actor> actors) {
    this.caseId = caseId;
    actors.forEach(a -> this.actors.put(a.id(), a));
    this.governments = Governments.of(this.actors.values());
  }

  /** The actor, or {@code null} when the case has none of that id. */
  Actor actor(String id) {
    return actors.get(id);
  }

  /** The voice the actor speaks with (its own id for an actor not in the case). */
  String voice(String actorId) {
    return governments.voice(actorId);
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
        governments.government(id).stream().filter(o -> actors.get(o).position() > 0)
            .forEach(members::add);
      }
    }
    return members;
  }
}
