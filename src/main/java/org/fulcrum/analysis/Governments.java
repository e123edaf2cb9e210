package org.fulcrum.analysis;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fulcrum.casefile.Actor;
import org.fulcrum.casefile.ActorKind;

/**
 * Who stands for which state. A state stands for its government: every state, leader, government
 * body or individual ({@link #GOVERNMENT_KINDS}) of a country that has a state actor in the case
 * speaks with that state's voice (the first state of the country, in case order); any other actor
 * speaks for itself. The message review counts voices by this rule, and the patron analysis,
 * forum shopping, the plan, the red team and the playbook resolve the engager's coalition by it
 * ({@link #coalition}). O(actors) to build.
 */
public final class Governments {

  /** The kinds of actor that speak for the state of their country. */
  public static final Set<ActorKind> GOVERNMENT_KINDS = Collections.unmodifiableSet(EnumSet.of(
      ActorKind.STATE, ActorKind.LEADER, ActorKind.GOVERNMENT_BODY, ActorKind.INDIVIDUAL));

  /** Actor id to the id of the state it speaks for (itself for a state or an actor of no state). */
  private final Map<String, String> voices = new LinkedHashMap<>();

  private Governments(Collection<Actor> actors) {
    Map<String, String> stateOfCountry = new HashMap<>();
    for (Actor a : actors) {
      if (a.kind() == ActorKind.STATE && a.country() != null) {
        stateOfCountry.putIfAbsent(a.country(), a.id());
      }
    }
    for (Actor a : actors) {
      String state = a.country() == null || !GOVERNMENT_KINDS.contains(a.kind()) ? null
          : stateOfCountry.get(a.country());
      voices.put(a.id(), state != null ? state : a.id());
    }
  }

  /** The governments of a case's actors, in case order. */
  public static Governments of(Collection<Actor> actors) {
    return new Governments(actors);
  }

  /** The id of the state the actor speaks for; its own id otherwise, or for an actor not in the case. */
  public String voice(String actorId) {
    return voices.getOrDefault(actorId, actorId);
  }

  /**
   * The actors that speak with the state's voice, the state first, then in case order; a single
   * actor that is no state's voice stands for itself alone.
   */
  public List<String> government(String stateId) {
    List<String> members = new ArrayList<>();
    members.add(stateId);
    voices.forEach((id, voice) -> {
      if (voice.equals(stateId) && !id.equals(stateId)) {
        members.add(id);
      }
    });
    return List.copyOf(members);
  }

  /**
   * The engager's coalition in the snapshot, as actor indices: the engager's own government (the
   * government of the state it speaks for), each named partner, and for a partner that is a
   * state its whole government; then everything these actors command or control, transitively
   * ({@code commands}, {@code controls} ties out of them: a state's army and the militias it
   * controls act for it). With no engager and no partners the coalition is empty.
   *
   * @param engager the engager's index, or -1 for none
   * @param partners the partners' actor ids
   * @throws IllegalArgumentException naming a partner id that is not in the case
   */
  static BitSet coalition(LeverageGraph graph, int engager, List<String> partners) {
    Governments governments = of(graph.actors());
    BitSet members = new BitSet(graph.actorCount());
    if (engager >= 0) {
      add(graph, members, governments.government(governments.voice(graph.actor(engager).id())));
    }
    for (String id : partners) {
      int partner = graph.require(id, "coalition");
      members.set(partner);
      if (graph.actor(partner).kind() == ActorKind.STATE) {
        add(graph, members, governments.government(id));
      }
    }
    return Regime.commandedBy(graph, members);
  }

  private static void add(LeverageGraph graph, BitSet members, List<String> ids) {
    ids.forEach(id -> graph.indexOf(id).ifPresent(members::set));
  }
}
