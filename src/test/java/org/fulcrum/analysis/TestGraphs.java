package org.fulcrum.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.fulcrum.casefile.Actor;
import org.fulcrum.casefile.ActorKind;
import org.fulcrum.casefile.Channel;
import org.fulcrum.casefile.Polarity;
import org.fulcrum.casefile.Tie;
import org.fulcrum.casefile.TieType;

/** Small graphs written out by hand, and seeded random ones. */
final class TestGraphs {

  private final Map<String, Actor> actors = new LinkedHashMap<>();
  private final List<Tie> ties = new ArrayList<>();

  static TestGraphs graph() {
    return new TestGraphs();
  }

  TestGraphs actor(String id, ActorKind kind) {
    actors.put(id, new Actor(id, id.toUpperCase(), kind, null, 0, 0.5, 0.5, null, null, List.of("s")));
    return this;
  }

  private void ensure(String id) {
    actors.putIfAbsent(id, new Actor(id, id.toUpperCase(), ActorKind.STATE, null, 0, 0.5, 0.5, null, null,
        List.of("s")));
  }

  /** A supportive diplomatic tie with the given strength and confidence 1. */
  TestGraphs tie(String source, String target, double strength) {
    return tie(source, target, TieType.INFLUENCES, strength, 1, Polarity.SUPPORTIVE);
  }

  TestGraphs tie(String source, String target, TieType type, double strength, double confidence,
      Polarity polarity) {
    ensure(source);
    ensure(target);
    String id = source + ">" + target + (ties.stream().anyMatch(t -> t.source().equals(source)
        && t.target().equals(target)) ? "#" + ties.size() : "");
    ties.add(new Tie(id, source, target, type, strength, polarity, Channel.DIPLOMATIC, confidence,
        null, null, type == TieType.MEMBER_OF ? Boolean.FALSE : null, null, List.of("s")));
    return this;
  }

  TestGraphs veto(String member, String forum) {
    actors.putIfAbsent(forum, new Actor(forum, forum.toUpperCase(), ActorKind.FORUM, null, 0, 0.5, 0.5,
        null, null, List.of("s")));
    ensure(member);
    ties.add(new Tie(member + ">" + forum, member, forum, TieType.MEMBER_OF, 1, Polarity.SUPPORTIVE,
        Channel.DIPLOMATIC, 1, null, null, true, 1.0, List.of("s")));
    return this;
  }

  LeverageGraph build() {
    return LeverageGraph.of("test", null, actors.values(), ties);
  }

  /** n actors a0..a(n-1), each ordered pair tied with the given chance, strengths in (0, 1]. */
  static LeverageGraph random(long seed, int n, double density) {
    SplittableRandom random = new SplittableRandom(seed);
    TestGraphs g = graph();
    for (int i = 0; i < n; i++) {
      g.ensure("a" + i);
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (i != j && random.nextDouble() < density) {
          double strength = 1 - random.nextDouble();
          double confidence = 0.2 + 0.8 * random.nextDouble();
          g.tie("a" + i, "a" + j, TieType.INFLUENCES, strength, confidence,
              random.nextBoolean() ? Polarity.SUPPORTIVE : Polarity.HOSTILE);
        }
      }
    }
    return g.build();
  }
}
