package org.fulcrum.analysis;

/**
 * What a forum-shopping assessment is asked for.
 *
 * @param target the actor that may shop for a friendlier forum
 * @param engager the actor whose access to each forum is measured
 */
public record ForumQuery(String target, String engager) {

  public ForumQuery {
    target = ActorIds.required(target, "target");
    engager = ActorIds.required(engager, "engager");
  }
}
