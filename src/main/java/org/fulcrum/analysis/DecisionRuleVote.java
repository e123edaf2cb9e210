package org.fulcrum.analysis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fulcrum.casefile.Actor;
import org.fulcrum.casefile.DecisionRule;
import org.fulcrum.casefile.MemberVote;
import org.fulcrum.casefile.Tie;
import org.fulcrum.casefile.TieType;

/**
 * A forum's vote on coercive action against a target under its decision rule, as
 * {@link ForumShopping} describes it. Every {@code member-of} tie is a vote of weight
 * {@code votingWeight} (1 when not recorded). A member votes as its tie records ({@code vote});
 * without one the vote is inferred from its position p: {@code yes} when p &ge;
 * {@link #ABSTENTION_TOLERANCE}, {@code abstain} when |p| is below it, {@code veto} (a veto holder)
 * or {@code no} when p &le; -{@link #ABSTENTION_TOLERANCE}. Regime members are parties and do not
 * vote, but their veto still blocks. Blocking: a {@code veto} vote under every rule; under
 * consensus every voting member voting no; with a {@code blockingMinority} b, a voting member with
 * more than b of the voting weight that does not vote yes. Passing, when not blocked, by the rule:
 * <ul>
 *   <li>{@code consensus}: at least one yes;
 *   <li>{@code simple-majority}: yes weight more than {@link #SIMPLE_MAJORITY} of the voting weight
 *       (abstaining is not yes, so it counts against);
 *   <li>{@code qualified-majority}: yes weight at least {@code decisionThreshold} (default
 *       {@link #QUALIFIED_MAJORITY}) of the voting weight;
 *   <li>{@code majority-of-votes-cast}: yes weight more than no weight (abstentions not counted);
 *   <li>{@code weighted-share}: yes weight at least {@code decisionThreshold} of the voting weight;
 *   <li>{@code at-least-n-no-veto}: yes weight at least {@code decisionThreshold} (a number of
 *       votes).
 * </ul>
 * The stance is the vote-weighted mean of the voters' positions (the forum's own position when no
 * voter is recorded; then action passes when that position is at least the tolerance and nothing
 * blocks). Positions may be overridden, a member overridden being won over (position +1, vote
 * yes): that is how a gap closer's effect is measured. O(members).
 */
final class DecisionRuleVote {

  static final double EPS = 1e-12;

  static final double ABSTENTION_TOLERANCE = ForumShopping.ABSTENTION_TOLERANCE;
  static final double SIMPLE_MAJORITY = ForumShopping.SIMPLE_MAJORITY;
  static final double QUALIFIED_MAJORITY = ForumShopping.QUALIFIED_MAJORITY;

  /** A member-of tie read once: member index, tie index, weight, veto, party, recorded vote. */
  record Member(int actor, int tie, double weight, boolean veto, boolean party,
      MemberVote recorded) {}

  /**
   * A member's vote and where it comes from.
   *
   * @param basis {@code recorded}, {@code inferred from position p} or {@code won over}
   */
  record Ballot(MemberVote vote, String basis) {}

  /**
   * A forum's vote under given position overrides.
   *
   * @param ballots one per member, in the members' order
   * @param yes the voting weight voting yes ({@code no} counts vetoes too)
   * @param blockerRoles {@code veto}, {@code objection} or {@code blocking-minority}, one per blocker
   */
  record Outcome(double stance, String basis, double support, double yes, double no,
      double abstain, List<Ballot> ballots, List<Member> blockers, List<String> blockerRoles,
      boolean canPass) {}

  private final LeverageGraph graph;

  DecisionRuleVote(LeverageGraph graph) {
    this.graph = graph;
  }

  /**
   * The forum's members, one per actor (first tie in order; a veto on any tie counts, and so does
   * the first recorded vote).
   */
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
        byActor.put(s, new Member(s, e, weight, veto, regime.get(s), t.vote()));
      } else if ((veto && !before.veto()) || (t.vote() != null && before.recorded() == null)) {
        byActor.put(s, new Member(s, before.tie(), before.weight(), before.veto() || veto,
            before.party(), before.recorded() == null ? t.vote() : before.recorded()));
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

  /** The threshold the forum's rule applies: {@link DecisionRule#threshold(Double)}. */
  double threshold(int f) {
    return rule(f).threshold(graph.actor(f).decisionThreshold());
  }

  /** The member's vote: won over if overridden, else recorded, else inferred from its position. */
  Ballot ballot(Member m, Map<Integer, Double> overrides) {
    if (overrides.containsKey(m.actor())) {
      return new Ballot(MemberVote.YES, "won over");
    }
    if (m.recorded() != null) {
      return new Ballot(m.recorded() == MemberVote.VETO && !m.veto() ? MemberVote.NO : m.recorded(),
          "recorded");
    }
    return new Ballot(infer(graph.actor(m.actor()).position(), m.veto()), String.format(Locale.ROOT,
        "inferred from position %.2f", graph.actor(m.actor()).position()));
  }

  /** The vote a position implies, with {@link #ABSTENTION_TOLERANCE}. */
  static MemberVote infer(double position, boolean holdsVeto) {
    if (position >= ABSTENTION_TOLERANCE) {
      return MemberVote.YES;
    }
    if (position > -ABSTENTION_TOLERANCE) {
      return MemberVote.ABSTAIN;
    }
    return holdsVeto ? MemberVote.VETO : MemberVote.NO;
  }

  Outcome vote(int f, List<Member> members, Map<Integer, Double> overrides) {
    DecisionRule rule = rule(f);
    Actor forum = graph.actor(f);
    List<Ballot> ballots = new ArrayList<>();
    double total = 0;
    double weighted = 0;
    double yes = 0;
    double no = 0;
    double abstain = 0;
    for (Member m : members) {
      Ballot b = ballot(m, overrides);
      ballots.add(b);
      if (m.party()) {
        continue;
      }
      double p = position(m.actor(), overrides);
      total += m.weight();
      weighted += m.weight() * p;
      switch (b.vote()) {
        case YES -> yes += m.weight();
        case ABSTAIN -> abstain += m.weight();
        case NO, VETO -> no += m.weight();
      }
    }
    List<Member> blockers = new ArrayList<>();
    List<String> roles = new ArrayList<>();
    for (int i = 0; i < members.size(); i++) {
      Member m = members.get(i);
      MemberVote v = ballots.get(i).vote();
      if (v == MemberVote.VETO) {
        blockers.add(m);
        roles.add("veto");
      } else if (m.party()) {
        continue;
      } else if (rule == DecisionRule.CONSENSUS && v == MemberVote.NO) {
        blockers.add(m);
        roles.add("objection");
      } else if (forum.blockingMinority() != null && v != MemberVote.YES && total > 0
          && m.weight() / total > forum.blockingMinority() + EPS) {
        blockers.add(m);
        roles.add("blocking-minority");
      }
    }
    if (total <= 0) {
      double stance = forum.position();
      boolean passes = blockers.isEmpty() && stance >= ABSTENTION_TOLERANCE;
      return new Outcome(stance, "own-position", stance > 0 ? 1 : 0, 0, 0, 0, List.copyOf(ballots),
          List.copyOf(blockers), List.copyOf(roles), passes);
    }
    boolean enough = rule.enough(threshold(f), yes, no, total);
    return new Outcome(weighted / total, "members", yes / total, yes, no, abstain,
        List.copyOf(ballots), List.copyOf(blockers), List.copyOf(roles),
        blockers.isEmpty() && enough);
  }

  /** The passing rule of the forum, in words, with its threshold and blocking minority. */
  String ruleText(int f) {
    DecisionRule rule = rule(f);
    double t = threshold(f);
    String text = switch (rule) {
      case CONSENSUS -> "consensus: no voting member votes no, at least one yes";
      case SIMPLE_MAJORITY -> "simple majority: more than 1/2 of the voting weight votes yes (abstaining counts against)";
      case QUALIFIED_MAJORITY -> String.format(Locale.ROOT,
          "qualified majority: at least %s of the voting weight votes yes", share(t));
      case MAJORITY_OF_VOTES_CAST -> "majority of votes cast: more yes than no, abstentions not counted";
      case WEIGHTED_SHARE -> String.format(Locale.ROOT,
          "weighted share: at least %s of the voting weight votes yes", share(t));
      case AT_LEAST_N_NO_VETO -> String.format(Locale.ROOT,
          "at least %s yes votes", plain(t));
    };
    Double b = graph.actor(f).blockingMinority();
    if (b != null) {
      text += String.format(Locale.ROOT, "; a member with more than %s of the voting weight blocks by not voting yes",
          share(b));
    }
    return text + "; no veto";
  }

  private static String share(double s) {
    return Math.abs(s - QUALIFIED_MAJORITY) < 1e-9 ? "2/3"
        : String.format(Locale.ROOT, "%s%%", plain(100 * s));
  }

  /** A number as a reader writes it: 9, 0.85, 2.5. */
  private static String plain(double d) {
    return BigDecimal.valueOf(d).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros()
        .toPlainString();
  }
}
