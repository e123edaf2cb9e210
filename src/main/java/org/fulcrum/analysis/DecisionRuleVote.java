package org.fulcrum.analysis;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fulcrum.casefile.DecisionRule;
import org.fulcrum.casefile.Tie;
import org.fulcrum.casefile.TieType;

/**
 * A forum's vote on coercive action against a target under its decision rule, as
 * {@link ForumShopping} describes it: every {@code member-of} tie is a vote of weight
 * {@code votingWeight} (1 when not recorded); regime members are parties and do not vote, but their
 * veto still blocks; the stance is the vote-weighted mean of the voters' positions (the forum's own
 * position when no voter is recorded); a veto holder with a negative position blocks, as does
 * every objector under consensus; action passes when not blocked and the weighted share in favour
 * meets the rule (consensus: any; simple majority: more than {@link ForumShopping#SIMPLE_MAJORITY};
 * qualified majority: at least {@link ForumShopping#QUALIFIED_MAJORITY}). Positions may be
 * overridden, which is how a gap closer's effect is measured. O(members).
 */
final class DecisionRuleVote {

  static final double EPS = 1e-12;

  /** A member-of tie read once: member index, tie index, weight, veto, party. */
  record Member(int actor, int tie, double weight, boolean veto, boolean party) {}

  /** A forum's vote under given position overrides. */
  record Outcome(double stance, String basis, double support, List<Member> blockers,
      boolean canPass) {}

  private final LeverageGraph graph;

  DecisionRuleVote(LeverageGraph graph) {
    this.graph = graph;
  }

  /** The forum's members, one per actor (first tie in order; a veto on any tie counts). */
  List<Member> members(int f, BitSet regime) {
    Map<Integer, Member> byActor = new LinkedHashMap<>();
    for (int e : graph.incoming(f)) {
      Tie t = graph.tie(e);
      if (t.type() != TieType.MEMBER_OF) {
        continue;
      }
      int s = graph.source(e);
      double weight = t.votingWeight() == null ? 1 : t.votingWeight();
      boolean veto = Boolean.TRUE.equals(t.veto());
      Member before = byActor.get(s);
      if (before == null) {
        byActor.put(s, new Member(s, e, weight, veto, regime.get(s)));
      } else if (veto && !before.veto()) {
        byActor.put(s, new Member(s, before.tie(), before.weight(), true, before.party()));
      }
    }
    return List.copyOf(byActor.values());
  }

  double position(int actor, Map<Integer, Double> overrides) {
    Double p = overrides.get(actor);
    return p != null ? p : graph.actor(actor).position();
  }

  /** The forum's decision rule; simple majority when none is recorded. */
  DecisionRule rule(int f) {
    DecisionRule r = graph.actor(f).decisionRule();
    return r == null ? DecisionRule.SIMPLE_MAJORITY : r;
  }

  Outcome vote(int f, List<Member> members, Map<Integer, Double> overrides) {
    DecisionRule rule = rule(f);
    List<Member> blockers = new ArrayList<>();
    double total = 0;
    double weighted = 0;
    double favour = 0;
    for (Member m : members) {
      double p = position(m.actor(), overrides);
      boolean blocks = p < 0 && (m.veto() || (rule == DecisionRule.CONSENSUS && !m.party()));
      if (blocks) {
        blockers.add(m);
      }
      if (!m.party()) {
        total += m.weight();
        weighted += m.weight() * p;
        favour += p > 0 ? m.weight() : 0;
      }
    }
    double stance;
    double support;
    String basis;
    if (total <= 0) {
      stance = graph.actor(f).position();
      support = stance > 0 ? 1 : 0;
      basis = "own-position";
    } else {
      stance = weighted / total;
      support = favour / total;
      basis = "members";
    }
    boolean enough = switch (rule) {
      case CONSENSUS -> support > 0;
      case SIMPLE_MAJORITY -> support > ForumShopping.SIMPLE_MAJORITY + EPS;
      case QUALIFIED_MAJORITY -> support >= ForumShopping.QUALIFIED_MAJORITY - EPS;
    };
    return new Outcome(stance, basis, support, List.copyOf(blockers), blockers.isEmpty() && enough);
  }

  static String ruleText(DecisionRule rule) {
    return switch (rule) {
      case CONSENSUS -> "consensus: no voting member against (position < 0), at least one in favour";
      case SIMPLE_MAJORITY -> "simple majority: more than 1/2 of the weighted vote in favour, no veto against";
      case QUALIFIED_MAJORITY -> "qualified majority: at least 2/3 of the weighted vote in favour, no veto against";
    };
  }

  /** Whether a venue is friendlier to the target than the lead (no lead: it cannot pass). */
  static boolean friendlier(Outcome venue, Outcome lead) {
    if (lead == null) {
      return !venue.canPass();
    }
    if (lead.canPass() != venue.canPass()) {
      return lead.canPass();
    }
    return venue.stance() < lead.stance() - EPS;
  }
}
