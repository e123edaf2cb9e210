package org.fulcrum.casefile;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A person, organisation, state or forum in a case.
 *
 * @param position on halting the atrocities, in [-1, 1]: -1 drives or defends them, +1 wants them
 *     stopped
 * @param capability what the actor can bring to bear, in [0, 1]
 * @param salience how much the crisis matters to the actor, in [0, 1]
 * @param targetGroup the seed's target group the actor belongs to, or {@code null}
 * @param decisionRule how the actor decides, only for forums, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Actor(
    String id,
    String name,
    ActorKind kind,
    String country,
    double position,
    double capability,
    double salience,
    TargetGroup targetGroup,
    DecisionRule decisionRule,
    List<String> sources) {

  public Actor {
    sources = List.copyOf(sources);
  }
}
