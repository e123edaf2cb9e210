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
 * @param targetGroup the Task Force report's target group the actor belongs to, or {@code null}
 * @param decisionRule how the actor decides, only for forums, or {@code null}
 * @param decisionThreshold for forums whose rule reads one: a share of voting weight or a number
 *     of votes ({@link DecisionRule}), or {@code null}
 * @param blockingMinority for voting forums: a member with more than this share of the voting
 *     weight blocks by not voting yes, or {@code null}
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
    Double decisionThreshold,
    Double blockingMinority,
    List<String> sources) {

  public Actor {
    sources = List.copyOf(sources);
  }

  /**
   * An actor without a decision threshold or blocking minority: kept because dozens of tests,
   * benchmarks and open-data assemblers build actors that never carry them.
   */
  public Actor(String id, String name, ActorKind kind, String country, double position,
      double capability, double salience, TargetGroup targetGroup, DecisionRule decisionRule,
      List<String> sources) {
    this(id, name, kind, country, position, capability, salience, targetGroup, decisionRule, null,
        null, sources);
  }
}
