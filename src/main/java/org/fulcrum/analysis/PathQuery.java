package org.fulcrum.analysis;

import java.util.List;
import java.util.Set;
import org.fulcrum.casefile.ActorKind;
import org.fulcrum.casefile.Channel;
import org.fulcrum.casefile.Polarity;
import org.fulcrum.casefile.TieType;
import org.fulcrum.error.InvalidRequestException;

/**
 * What a leverage-path search looks for. Empty sets mean "no restriction".
 *
 * @param from the engager
 * @param to the target
 * @param k how many paths, strongest first (at least 1)
 * @param maxHops the longest path allowed, or {@code null} for no limit
 * @param tieTypes only ties of these types
 * @param channels only ties on these channels
 * @param excludedActors paths may not pass through these actors
 * @param excludedKinds paths may not pass through actors of these kinds (the ends excepted)
 * @param via an actor every path must pass through, or {@code null}
 * @param polarity only ties of this polarity, or {@code null} for both
 */
public record PathQuery(
    String from,
    String to,
    int k,
    Integer maxHops,
    Set<TieType> tieTypes,
    Set<Channel> channels,
    Set<String> excludedActors,
    Set<ActorKind> excludedKinds,
    String via,
    Polarity polarity) {

  public static final int K_DEFAULT = 5;
  public static final int K_MAX = 100;

  public PathQuery {
    if (from == null || from.isBlank()) {
      throw new InvalidRequestException("from: the engager's actor id is required");
    }
    if (to == null || to.isBlank()) {
      throw new InvalidRequestException("to: the target's actor id is required");
    }
    if (from.equals(to)) {
      throw new InvalidRequestException("from and to are the same actor '" + from + "'");
    }
    if (k < 1 || k > K_MAX) {
      throw new InvalidRequestException("k must be between 1 and " + K_MAX + ", got " + k);
    }
    if (maxHops != null && maxHops < 1) {
      throw new InvalidRequestException("maxHops must be at least 1, got " + maxHops);
    }
    tieTypes = tieTypes == null ? Set.of() : Set.copyOf(tieTypes);
    channels = channels == null ? Set.of() : Set.copyOf(channels);
    excludedActors = excludedActors == null ? Set.of() : Set.copyOf(excludedActors);
    excludedKinds = excludedKinds == null ? Set.of() : Set.copyOf(excludedKinds);
    if (excludedActors.contains(from) || excludedActors.contains(to)) {
      throw new InvalidRequestException("the engager and the target cannot be excluded");
    }
    if (via != null && (via.equals(from) || via.equals(to) || excludedActors.contains(via))) {
      throw new InvalidRequestException("via must be an actor other than the ends, and not excluded");
    }
  }

  /** A query with the defaults for whatever is {@code null} ({@link #K_DEFAULT} paths, any length). */
  public static PathQuery of(String from, String to, Integer k, Integer maxHops, Set<TieType> tieTypes,
      Set<Channel> channels, Set<String> excludedActors, Set<ActorKind> excludedKinds, String via,
      Polarity polarity) {
    return new PathQuery(from, to, k == null ? K_DEFAULT : k, maxHops, tieTypes, channels,
        excludedActors == null ? null : Set.copyOf(ActorIds.list(List.copyOf(excludedActors))), excludedKinds,
        ActorIds.optional(via), polarity);
  }

  /** The k strongest paths from one actor to another, with no other restriction. */
  public static PathQuery between(String from, String to, int k) {
    return new PathQuery(from, to, k, null, null, null, null, null, null, null);
  }
}
