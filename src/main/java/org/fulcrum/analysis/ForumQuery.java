package org.fulcrum.analysis;

import java.util.List;

/**
 * What a forum-shopping assessment is asked for.
 *
 * @param target the actor that may shop for a friendlier forum
 * @param engager the actor whose access to each forum is measured
 * @param coalition the engager's partners (actor ids), besides its own government ({@link
 *     Governments}); no coalition actor is a patron, nor a route by which the target reaches a forum
 */
public record ForumQuery(String target, String engager, List<String> coalition) {

  public ForumQuery {
    target = ActorIds.required(target, "target");
    engager = ActorIds.required(engager, "engager");
    coalition = ActorIds.list(coalition);
  }

  /** A query whose coalition is the engager's own government. */
  public ForumQuery(String target, String engager) {
    this(target, engager, List.of());
  }
}
