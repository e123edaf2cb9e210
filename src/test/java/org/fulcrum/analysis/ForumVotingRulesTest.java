package org.fulcrum.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.fulcrum.analysis.ForumShoppingTest.Case;
import org.fulcrum.casefile.Channel;
import org.fulcrum.casefile.DecisionRule;
import org.fulcrum.casefile.MemberVote;
import org.fulcrum.casefile.Polarity;
import org.fulcrum.casefile.Tie;
import org.fulcrum.casefile.TieType;
import org.junit.jupiter.api.Test;

/** The planted scenarios of votes, decision rules, suspension and shielding forums. */
class ForumVotingRulesTest {

  /** A forum F sanctioning T, with E outside it influencing F; members m0.. vote as given. */
  static Case council(DecisionRule rule, Double threshold, Double blocking) {
    return new Case().actor("t", -0.9).actor("e", 0.8).forum("f", rule, 0.5, threshold, blocking)
        .tie("f", "t", TieType.SANCTIONS, 0.5, Polarity.HOSTILE)
        .tie("e", "f", TieType.INFLUENCES, 0.5, Polarity.SUPPORTIVE);
  }

  /** Adds n members voting {@code vote} (recorded), at position {@code position}. */
  static Case voters(Case c, String prefix, int n, double position, MemberVote vote) {
    for (int i = 0; i < n; i++) {
      c.actor(prefix + i, position).member(prefix + i, "f").vote(prefix + i, "f", vote);
    }
    return c;
  }

  static ForumShopping.Forum f(Case c) {
    return ForumShoppingTest.forum(new ForumShopping(c.build()).assess("t", "e"), "f");
  }

  @Test
  void aMajorityOfVotesCastIgnoresAbstentions() {
    // 21 yes, 15 no, 11 abstaining: 21 > 15 passes, though 21 of 47 is short of half the seats
    var cast = council(DecisionRule.MAJORITY_OF_VOTES_CAST, null, null);
    voters(cast, "y", 21, 0.5, MemberVote.YES);
    voters(cast, "n", 15, -0.5, MemberVote.NO);
    voters(cast, "a", 11, 0.5, MemberVote.ABSTAIN);
    var forum = f(cast);
    assertThat(forum.yes()).isEqualTo(21);
    assertThat(forum.no()).isEqualTo(15);
    assertThat(forum.abstain()).isEqualTo(11);
    assertThat(forum.support()).isCloseTo(21.0 / 47, within(1e-12));
    assertThat(forum.canPass()).isTrue();
    assertThat(forum.votes()).extracting(ForumShopping.Vote::voteBasis).containsOnly("recorded");
    // the same votes under a simple majority of the seats: 21 / 47 is not more than 1/2
    var seats = council(DecisionRule.SIMPLE_MAJORITY, null, null);
    voters(seats, "y", 21, 0.5, MemberVote.YES);
    voters(seats, "n", 15, -0.5, MemberVote.NO);
    voters(seats, "a", 11, 0.5, MemberVote.ABSTAIN);
    assertThat(f(seats).canPass()).isFalse();
  }

  /** 15 seats, 5 with a veto (p0..p4), 10 elected (m0..m9); at least 9 yes and no veto. */
  static Case securityCouncil(int yesElected, MemberVote permanentVote) {
    var c = council(DecisionRule.AT_LEAST_N_NO_VETO, 9.0, null);
    for (int i = 0; i < 5; i++) {
      c.actor("p" + i, 0.6).member("p" + i, "f", 0.5, true, null);
    }
    c.vote("p4", "f", permanentVote);
    voters(c, "m", yesElected, 0.6, MemberVote.YES);
    voters(c, "x", 10 - yesElected, -0.3, MemberVote.ABSTAIN);
    return c;
  }

  @Test
  void nineOfFifteenWithNoVeto() {
    // 4 permanent yes (inferred from +0.6) + 5 elected yes = 9, the fifth permanent member abstains
    var nine = f(securityCouncil(5, MemberVote.ABSTAIN));
    assertThat(nine.yes()).isEqualTo(9);
    assertThat(nine.canPass()).isTrue();
    assertThat(nine.votes()).filteredOn(v -> v.id().equals("p0")).extracting(ForumShopping.Vote::vote,
        ForumShopping.Vote::voteBasis).containsExactly(tuple("yes", "inferred from position 0.60"));
    assertThat(nine.rule()).contains("at least 9 yes votes", "no veto");
    // 8 yes: one short
    var eight = f(securityCouncil(4, MemberVote.ABSTAIN));
    assertThat(eight.yes()).isEqualTo(8);
    assertThat(eight.canPass()).isFalse();
    assertThat(eight.blocked()).isFalse();
    // 4 + 6 = 10 yes, but the fifth permanent member vetoes (recorded, though its position is +0.6)
    var vetoed = f(securityCouncil(6, MemberVote.VETO));
    assertThat(vetoed.yes()).isEqualTo(10);
    assertThat(vetoed.blockers()).extracting(ForumShopping.Vote::id, ForumShopping.Vote::vote)
        .containsExactly(tuple("p4", "veto"));
    assertThat(vetoed.canPass()).isFalse();
  }

  @Test
  void aVetoHolderThatOpposesButAbstainsDoesNotBlock() {
    // p4 at -0.8 would veto by inference; its recorded abstention is what counts
    var c = securityCouncil(5, MemberVote.ABSTAIN);
    c.actor("p4", -0.8);
    var forum = f(c);
    assertThat(forum.blocked()).isFalse();
    assertThat(forum.canPass()).isTrue();
    var inferred = securityCouncil(5, null);
    inferred.actor("p4", -0.8);
    assertThat(f(inferred).blockers()).extracting(ForumShopping.Vote::id, ForumShopping.Vote::voteBasis)
        .containsExactly(tuple("p4", "inferred from position -0.80"));
  }

  @Test
  void aWeightedShareWithABlockingMinority() {
    // IMF-style: 85% of the weighted vote; a member with more than 15% blocks by not voting yes
    var abstaining = council(DecisionRule.WEIGHTED_SHARE, 0.85, 0.15);
    abstaining.actor("us", 0.6).member("us", "f", 0.5, false, 16.5).vote("us", "f", MemberVote.ABSTAIN)
        .actor("a", 0.6).member("a", "f", 0.5, false, 80.0)
        .actor("b", 0.6).member("b", "f", 0.5, false, 3.5);
    var blocked = f(abstaining);
    assertThat(blocked.support()).as("(80 + 3.5) / 100").isCloseTo(0.835, within(1e-12));
    assertThat(blocked.blockers()).extracting(ForumShopping.Vote::id).containsExactly("us");
    assertThat(blocked.explanation()).contains("US 0.60 (blocking-minority)");
    assertThat(blocked.canPass()).isFalse();
    // US yes, B (3.5%, below the blocking minority) no: 96.5% yes passes
    var small = council(DecisionRule.WEIGHTED_SHARE, 0.85, 0.15);
    small.actor("us", 0.6).member("us", "f", 0.5, false, 16.5)
        .actor("a", 0.6).member("a", "f", 0.5, false, 80.0)
        .actor("b", 0.6).member("b", "f", 0.5, false, 3.5).vote("b", "f", MemberVote.NO);
    var passes = f(small);
    assertThat(passes.support()).isCloseTo(0.965, within(1e-12));
    assertThat(passes.blocked()).isFalse();
    assertThat(passes.canPass()).isTrue();
  }

  @Test
  void aPositionWithinTheToleranceAbstains() {
    assertThat(DecisionRuleVote.infer(0.04, false)).isEqualTo(MemberVote.ABSTAIN);
    assertThat(DecisionRuleVote.infer(-0.04, true)).isEqualTo(MemberVote.ABSTAIN);
    assertThat(DecisionRuleVote.infer(0.05, false)).isEqualTo(MemberVote.YES);
    assertThat(DecisionRuleVote.infer(-0.05, true)).isEqualTo(MemberVote.VETO);
    assertThat(DecisionRuleVote.infer(-0.05, false)).isEqualTo(MemberVote.NO);
  }

  /**
   * Lead L (consensus, sanctions T): E +0.6, X -0.6 objects, stance 0. Venue V (consensus): T (a
   * party), Z1 +0.4, Z2 at the given position (objects). E reaches L only.
   */
  static ForumShopping.Assessment gap(double z2) {
    var c = new Case().actor("t", -0.9).actor("e", 0.6).actor("x", -0.6).actor("z1", 0.4)
        .actor("z2", z2).forum("l", DecisionRule.CONSENSUS, 0.5).forum("v", DecisionRule.CONSENSUS, 0.5)
        .member("e", "l").member("x", "l").tie("l", "t", TieType.SANCTIONS, 0.5, Polarity.HOSTILE)
        .member("t", "v").member("z1", "v").member("z2", "v");
    return new ForumShopping(c.build()).assess("t", "e");
  }

  @Test
  void aStanceGapWithinTheToleranceIsNoEscape() {
    var close = gap(-0.424);
    assertThat(close.leadChannel().id()).isEqualTo("l");
    assertThat(close.leadChannel().stance()).isCloseTo(0, within(1e-12));
    assertThat(ForumShoppingTest.forum(close, "v").stance()).as("(0.4 - 0.424) / 2").isCloseTo(-0.012, within(1e-12));
    assertThat(close.escapeVenues()).as("0.012 is within the tolerance 0.05").isEmpty();
    var far = gap(-0.8);
    assertThat(far.escapeVenues()).extracting(ForumShopping.EscapeVenue::id).containsExactly("v");
    assertThat(far.escapeVenues().get(0).stanceGap()).isCloseTo(0.2, within(1e-12));
    assertThat(far.escapeVenues().get(0).explanation()).contains("more than the tolerance 0.05");
  }

  /**
   * As of 2017-01-10: T's membership of the regional body R (consensus; patron P objects) ended on
   * 2016-12-31, and R sanctions T from 2017-01-01: a suspension. Lead L (consensus, E +0.8) can
   * pass. P arms T and sits in R, so without the suspension R would be an escape (it cannot pass,
   * P objecting).
   */
  static ForumShopping.Assessment suspension(boolean suspended) {
    return new ForumShopping(suspensionGraph(suspended)).assess("t", "e");
  }

  static LeverageGraph suspensionGraph(boolean suspended) {
    var c = new Case().actor("t", -0.9).actor("e", 0.8).actor("p", -0.5).actor("m", 0.7)
        .forum("l", DecisionRule.CONSENSUS, 0.5).forum("r", DecisionRule.CONSENSUS, 0.5)
        .member("e", "l").tie("l", "t", TieType.SANCTIONS, 0.5, Polarity.HOSTILE)
        .tie("p", "t", TieType.SUPPLIES_ARMS, 0.6, Polarity.SUPPORTIVE)
        .member("p", "r").member("m", "r");
    c.ties.add(new Tie("t-r", "t", "r", TieType.MEMBER_OF, 0.5, Polarity.SUPPORTIVE,
        Channel.DIPLOMATIC, 1, null, LocalDate.of(2016, 12, 31), false, null, null, List.of("s")));
    if (suspended) {
      c.ties.add(new Tie("r-suspends-t", "r", "t", TieType.SANCTIONS, 0.6, Polarity.HOSTILE,
          Channel.DIPLOMATIC, 1, LocalDate.of(2017, 1, 1), null, null, null, null, List.of("s")));
    }
    return LeverageGraph.of("test", LocalDate.of(2017, 1, 10), c.actors.values(), c.ties);
  }

  @Test
  void aForumThatSuspendedTheTargetIsClosedToIt() {
    var open = suspension(false);
    assertThat(open.escapeVenues()).extracting(ForumShopping.EscapeVenue::id).containsExactly("r");
    var closed = suspension(true);
    var r = ForumShoppingTest.forum(closed, "r");
    assertThat(r.venue()).as("P still sits in it").isTrue();
    assertThat(r.canPass()).as("P objects").isFalse();
    assertThat(r.actsAgainst()).containsExactly("r-suspends-t");
    assertThat(r.explanation()).contains("acts against the target", "closed to it");
    assertThat(closed.escapeVenues()).isEmpty();
    assertThat(ForumShoppingTest.part(closed, "escapeShare").value()).isZero();
    // the red team's shop-to-forum moves are these escape venues: R is never proposed
    var g = suspensionGraph(true);
    int t = g.require("t", "target");
    int e = g.require("e", "engager");
    var venues = ForumShopping.venues(g, t, e, PatronShields.of(g, t, Governments.coalition(g, e, List.of())), new BestPathTree(g, e));
    assertThat(venues.escapesByStance()).isEmpty();
  }

  /**
   * Lead CLUB can pass against T; H (consensus, its one member K +0.9 would vote yes) shields T
   * by a supportive shields tie. The same case without H is the baseline.
   */
  static ForumShopping.Assessment shielding(boolean withShield) {
    var c = new Case().actor("t", -0.9).actor("e", 0.8).actor("k", 0.9).actor("d", -0.2)
        .forum("club", DecisionRule.SIMPLE_MAJORITY, 0.5).forum("reg", DecisionRule.CONSENSUS, 0.5)
        .member("e", "club").tie("club", "t", TieType.SANCTIONS, 0.5, Polarity.HOSTILE)
        .member("t", "reg").member("d", "reg");
    if (withShield) {
      c.forum("h", DecisionRule.CONSENSUS, 0.5).member("k", "h")
          .tie("h", "t", TieType.SHIELDS, 0.5, Polarity.SUPPORTIVE);
    }
    return new ForumShopping(c.build()).assess("t", "e");
  }

  @Test
  void aForumThatShieldsTheTargetRaisesTheRisk() {
    var without = shielding(false);
    var with = shielding(true);
    // without H: REG (stance -0.2, D objects) is the one escape of one venue; spread (0.8 + 0.2) / 2;
    // best escape (0.5 + 0) / 2
    assertThat(without.risk()).isCloseTo((1 + 0.5 + 0 + 0.25) / 4, within(1e-12));
    var h = ForumShoppingTest.forum(with, "h");
    assertThat(h.shieldsTarget()).isTrue();
    assertThat(h.canPass()).as("K would vote yes").isTrue();
    assertThat(with.escapeVenues()).extracting(ForumShopping.EscapeVenue::id,
        ForumShopping.EscapeVenue::shieldsTarget).containsExactly(tuple("reg", false), tuple("h", true));
    // with H: 2 of 2 venues are escapes; spread (H 0.9 - REG -0.2) / 2; best escape H, no friendlier
    // than CLUB but it shields: (0 + 1) / 2 = 0.5, above REG's (0.5 + 0) / 2
    assertThat(ForumShoppingTest.part(with, "spread").value()).isCloseTo((0.9 + 0.2) / 2, within(1e-12));
    assertThat(ForumShoppingTest.part(with, "bestEscape").value()).isCloseTo(0.5, within(1e-12));
    assertThat(ForumShoppingTest.part(with, "bestEscape").basis()).containsExactly("h");
    assertThat(with.risk()).isCloseTo((1 + 0.55 + 0 + 0.5) / 4, within(1e-12));
    assertThat(with.risk()).isGreaterThan(without.risk());
  }
}
