package org.fulcrum.analysis;

import java.time.LocalDate;
import java.util.List;
import org.fulcrum.casefile.Tie;

/**
 * A chain of ties from an engager to a target. Its strength is the product of its hops'
 * {@code strength x confidence}: the chance that pressure applied at the start arrives at the end
 * along this chain.
 */
public record LeveragePath(double strength, int length, List<Hop> hops) {

  /** One tie of a path, with the evidence behind it. */
  public record Hop(
      String tie,
      String source,
      String sourceName,
      String target,
      String targetName,
      String type,
      String channel,
      String polarity,
      double strength,
      double confidence,
      ToolFamily tool,
      LocalDate from,
      LocalDate to,
      List<String> sources) {}

  static LeveragePath of(LeverageGraph g, int[] edges) {
    double cost = 0;
    List<Hop> hops = new java.util.ArrayList<>(edges.length);
    for (int e : edges) {
      cost += g.cost(e);
      Tie t = g.tie(e);
      hops.add(new Hop(t.id(), t.source(), g.actor(g.source(e)).name(), t.target(),
          g.actor(g.target(e)).name(), t.type().label(), t.channel().label(), t.polarity().label(),
          t.strength(), t.confidence(), ToolFamily.of(t.channel(), t.polarity()), t.from(), t.to(),
          t.sources()));
    }
    return new LeveragePath(Math.exp(-cost), edges.length, List.copyOf(hops));
  }
}
