package org.fulcrum.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fulcrum.casefile.Actor;
import org.fulcrum.casefile.ActorKind;
import org.fulcrum.casefile.CaseCodec;
import org.fulcrum.casefile.CaseFile;
import org.fulcrum.casefile.Channel;
import org.fulcrum.casefile.DecisionRule;
import org.fulcrum.casefile.MemberVote;
import org.fulcrum.casefile.Polarity;
import org.fulcrum.casefile.Tie;
import org.fulcrum.casefile.TieType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ForumShoppingTest {

  static LeverageGraph darfur;
  static LeverageGraph kenya;

  @BeforeAll
  static void load() throws Exception {
    darfur = load("darfur-2003-2008.json");
    kenya = load("kenya-2007-2008.json");
  }

  static LeverageGraph load(String file) throws Exception {
    try (InputStream in = Files.newInputStream(Path.of("datasets/" + file))) {
      CaseFile c = new CaseCodec().readJson(file, in);
      return LeverageGraph.of(c.id(), c.asOf(), c.actors(), c.ties());
    }
  }

  /** Hand-built graphs with positions, forums, decision rules, vetoes and voting weights. */
  static final class Case {
    final Map<String, Actor> actors = new LinkedHashMap<>();
    final List<Tie> ties = new ArrayList<>();

    Case actor(String id, double position) {
      actors.put(id, new Actor(id, id.toUpperCase(), ActorKind.STATE, null, position, 0.5, 0.5, null,
          null, List.of("s")));
      return this;
    }

    Case forum(String id, DecisionRule rule, double position) {
      actors.put(id, new Actor(id, id.toUpperCase(), ActorKind.FORUM, null, position, 0.5, 0.5, null,
          rule, List.of("s")));
      return this;
    }

    Case member(String member, String forum, double strength, boolean veto, Double weight) {
      ties.add(new Tie(member + ">" + forum, member, forum, TieType.MEMBER_OF, strength,
          Polarity.SUPPORTIVE, Channel.DIPLOMATIC, 1, null, null, veto, weight, List.of("s")));
      return this;
    }

    Case member(String member, String forum) {
      return member(member, forum, 0.5, false, null);
    }

    Case tie(String source, String target, TieType type, double strength, Polarity polarity) {
      ties.add(new Tie(source + ">" + target, source, target, type, strength, polarity,
          Channel.DIPLOMATIC, 1, null, null, null, null, List.of("s")));
      return this;
    }

    /** Records the member's vote on its member-of tie into the forum. */
    Case vote(String member, String forum, MemberVote vote) {
      for (int i = 0; i < ties.size(); i++) {
        Tie t = ties.get(i);
        if (t.source().equals(member) && t.target().equals(forum) && t.type() == TieType.MEMBER_OF) {
          ties.set(i, new Tie(t.id(), t.source(), t.target(), t.type(), t.strength(), t.polarity(),
              t.channel(), t.confidence(), t.from(), t.to(), t.veto(), t.votingWeight(), vote,
              t.sources()));
        }
      }
      return this;
    }

    /** A forum with a decision threshold and, optionally, a blocking minority. */
    Case forum(String id, DecisionRule rule, double position, Double threshold, Double blocking) {
      actors.put(id, new Actor(id, id.toUpperCase(), ActorKind.FORUM, null, position, 0.5, 0.5, null,
          rule, threshold, blocking, List.of("s")));
      return this;
    }

    LeverageGraph build() {
      return LeverageGraph.of("test", null, actors.values(), ties);
    }
  }

  static ForumShopping.Forum forum(ForumShopping.Assessment a, String id) {
    return a.forums().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
  }

  static ForumShopping.RiskPart part(ForumShopping.Assessment a, String name) {
    return a.parts().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
  }

  /**
   * Target T commands unit U; patron P arms T. Council SC (qualified majority): E and P with
   * vetoes, A +0.6, B +0.4, C 0. Regional body REG (consensus): T (a party), A +0.6, D -0.2. Club
   * CLUB (simple majority) sanctions T: E +0.8 with weight 2, A +0.6, X -0.6, Y -0.4. E sits in SC
   * (1.0) and CLUB (0.5) and trades with P (0.5).
   */
  static LeverageGraph twoTracks() {
    return new Case()
        .actor("t", -0.9).actor("u", -0.8).actor("p", -0.5).actor("e", 0.8).actor("a", 0.6)
        .actor("b", 0.4).actor("c", 0).actor("d", -0.2).actor("x", -0.6).actor("y", -0.4)
        .forum("sc", DecisionRule.QUALIFIED_MAJORITY, 0.5)
        .forum("reg", DecisionRule.CONSENSUS, 0.5)
        .forum("club", DecisionRule.SIMPLE_MAJORITY, 0.5)
        .tie("t", "u", TieType.COMMANDS, 0.9, Polarity.SUPPORTIVE)
        .tie("p", "t", TieType.SUPPLIES_ARMS, 0.8, Polarity.SUPPORTIVE)
        .member("e", "sc", 1.0, true, 1.0).member("p", "sc", 0.5, true, 1.0)
        .member("a", "sc").member("b", "sc").member("c", "sc")
        .member("t", "reg").member("a", "reg").member("d", "reg")
        .member("e", "club", 0.5, false, 2.0).member("a", "club").member("x", "club").member("y", "club")
        .tie("club", "t", TieType.SANCTIONS, 0.4, Polarity.HOSTILE)
        .tie("e", "p", TieType.TRADES_WITH, 0.5, Polarity.SUPPORTIVE)
        .build();
  }

  @Test
  void aPatronsVetoBlocksTheCouncilAndIsNamed() {
    var a = new ForumShopping(twoTracks()).assess("t", "e");
    var sc = forum(a, "sc");
    assertThat(sc.venue()).isTrue();
    assertThat(sc.routes()).extracting(ForumShopping.Route::kind, ForumShopping.Route::via)
        .containsExactly(tuple("patron", "p"));
    assertThat(sc.stance()).isCloseTo((0.8 - 0.5 + 0.6 + 0.4 + 0) / 5, within(1e-12));
    assertThat(sc.support()).isCloseTo(0.6, within(1e-12));
    assertThat(sc.blocked()).isTrue();
    assertThat(sc.blockers()).extracting(ForumShopping.Vote::id).containsExactly("p");
    assertThat(sc.canPass()).isFalse();
    assertThat(sc.access()).isCloseTo(1.0, within(1e-12));
    assertThat(sc.explanation()).contains("blocked by P -0.50 (veto)", "P veto (inferred from position -0.50)");
    // in the order of the member-of ties, which the snapshot keeps by tie id
    assertThat(sc.votes()).extracting(ForumShopping.Vote::id, ForumShopping.Vote::vote)
        .containsExactly(tuple("a", "yes"), tuple("b", "yes"), tuple("c", "abstain"), tuple("e", "yes"),
            tuple("p", "veto"));
    assertThat(part(a, "vetoCover").value()).as("P is the only patron").isCloseTo(1.0, within(1e-12));
    assertThat(part(a, "vetoCover").basis()).containsExactly("p");
  }

  @Test
  void theTargetsOwnSeatDoesNotVoteButAConsensusObjectorBlocks() {
    var reg = forum(new ForumShopping(twoTracks()).assess("t", "e"), "reg");
    assertThat(reg.routes()).extracting(ForumShopping.Route::kind).containsExactly("member");
    // members in the snapshot's order of their membership ties' ids
    assertThat(reg.votes()).extracting(ForumShopping.Vote::id, ForumShopping.Vote::party)
        .containsExactly(tuple("a", false), tuple("d", false), tuple("t", true));
    assertThat(reg.stance()).isCloseTo(0.2, within(1e-12));
    assertThat(reg.blockers()).extracting(ForumShopping.Vote::id).containsExactly("d");
    assertThat(reg.canPass()).isFalse();
  }

  @Test
  void theLeadIsTheReachableForumWhereActionPassesNotTheBestReachedOne() {
    var a = new ForumShopping(twoTracks()).assess("t", "e");
    var club = forum(a, "club");
    assertThat(club.venue()).as("the target has no route in; the club acts on it").isFalse();
    assertThat(club.stance()).isCloseTo((2 * 0.8 + 0.6 - 0.6 - 0.4) / 5, within(1e-12));
    assertThat(club.support()).isCloseTo(0.6, within(1e-12));
    assertThat(club.canPass()).isTrue();
    assertThat(a.leadChannel().id()).as("SC is reached at 1.0 but blocked").isEqualTo("club");
    assertThat(a.leadChannel().access()).isCloseTo(0.5, within(1e-12));
    assertThat(a.leadChannel().canPass()).isTrue();
  }

  @Test
  void blockedVenuesAreEscapesEvenWithAHigherMeanStance() {
    var a = new ForumShopping(twoTracks()).assess("t", "e");
    assertThat(a.escapeVenues()).extracting(ForumShopping.EscapeVenue::id).containsExactly("reg", "sc");
    assertThat(a.escapeVenues().get(1).explanation()).contains("cannot pass", "where CLUB can");
    assertThat(part(a, "escapeShare").value()).isCloseTo(1.0, within(1e-12));
    assertThat(part(a, "spread").value()).as("(SC 0.26 - REG 0.20) / 2").isCloseTo(0.03, within(1e-12));
    // best escape: SC, no friendlier than CLUB (gap 0) but P's veto blocks it: (0 + 1) / 2
    assertThat(part(a, "bestEscape").value()).isCloseTo(0.5, within(1e-12));
    assertThat(part(a, "bestEscape").basis()).containsExactly("sc");
    assertThat(a.risk()).isCloseTo((1 + 0.03 + 1 + 0.5) / 4, within(1e-12));
    assertThat(a.explanation()).contains("0.63, the mean of", "the share of its venues that are escapes (1.00)");
  }

  @Test
  void gapClosersAreTheBlockersToWinOver() {
    var a = new ForumShopping(twoTracks()).assess("t", "e");
    assertThat(forum(a, "sc").gap().closers()).extracting(ForumShopping.Closer::id, ForumShopping.Closer::role)
        .containsExactly(tuple("p", "veto"));
    assertThat(forum(a, "reg").gap().closers()).extracting(ForumShopping.Closer::id, ForumShopping.Closer::role)
        .containsExactly(tuple("d", "objection"));
    assertThat(a.gapClosers()).extracting(ForumShopping.GapCloser::id).as("P is reachable, D is not")
        .containsExactly("p", "d");
    assertThat(a.gapClosers().get(0).access()).isCloseTo(0.5, within(1e-12));
    assertThat(a.gapClosers().get(0).forums()).containsExactly("sc");
  }

  /**
   * One council SC (qualified majority) that the patron P (veto, -0.5) sits in: E +0.8, A 0, B
   * -0.2, C +0.6. Only reachable forum, so it leads even though it cannot pass.
   */
  @Test
  void aFailingLeadNeedsItsVetoHolderThenTheLargestGain() {
    var g = new Case().actor("t", -0.9).actor("p", -0.5).actor("e", 0.8).actor("a", 0)
        .actor("b", -0.2).actor("c", 0.6)
        .forum("sc", DecisionRule.QUALIFIED_MAJORITY, 0.5)
        .tie("p", "t", TieType.SHIELDS, 0.5, Polarity.SUPPORTIVE)
        .member("e", "sc", 0.9, true, null).member("p", "sc", 0.9, true, null)
        .member("a", "sc").member("b", "sc").member("c", "sc")
        .build();
    var a = new ForumShopping(g).assess("t", "e");
    assertThat(a.leadChannel().id()).isEqualTo("sc");
    assertThat(a.leadChannel().canPass()).isFalse();
    assertThat(a.leadChannel().explanation()).contains("cannot pass there yet", "P -0.50");
    // P at +1 gives 3/5 in favour, short of 2/3; B's gain 1.2 beats A's 1.0, giving 4/5.
    assertThat(a.leadChannel().gap().closers()).extracting(ForumShopping.Closer::id, ForumShopping.Closer::role)
        .containsExactly(tuple("p", "veto"),
            tuple("b", "vote"));
    assertThat(a.gapClosers()).extracting(ForumShopping.GapCloser::id).containsExactly("p", "b");
    assertThat(a.escapeVenues()).isEmpty();
    assertThat(a.risk()).as("only the veto cover: P is the whole shield").isCloseTo(1.0 / 4, within(1e-12));
  }

  @Test
  void aVetoHeldByTheTargetsOwnRegimeCannotBeOutvoted() {
    var g = new Case().actor("t", -0.9).actor("e", 0.8).actor("a", 0.6)
        .forum("sc", DecisionRule.QUALIFIED_MAJORITY, 0.5)
        .member("t", "sc", 0.9, true, null).member("e", "sc", 0.9, false, null).member("a", "sc")
        .build();
    var a = new ForumShopping(g).assess("t", "e");
    var sc = forum(a, "sc");
    assertThat(sc.support()).as("the party does not vote").isCloseTo(1.0, within(1e-12));
    assertThat(sc.blockers()).extracting(ForumShopping.Vote::id).containsExactly("t");
    assertThat(sc.gap().closable()).isFalse();
    assertThat(sc.gap().explanation()).contains("own regime holds the blocking veto");
    assertThat(part(a, "vetoCover").value()).isEqualTo(1.0);
  }

  /** A forum F sanctioning T, E outside it influencing it, members given as (position, weight). */
  static ForumShopping.Forum rule(DecisionRule rule, double[][] members) {
    var c = new Case().actor("t", -0.9).actor("e", 0.8).forum("f", rule, 0.5)
        .tie("f", "t", TieType.SANCTIONS, 0.5, Polarity.HOSTILE)
        .tie("e", "f", TieType.INFLUENCES, 0.5, Polarity.SUPPORTIVE);
    for (int i = 0; i < members.length; i++) {
      c.actor("m" + i, members[i][0]).member("m" + i, "f", 0.5, members[i].length > 2, members[i][1]);
    }
    return forum(new ForumShopping(c.build()).assess("t", "e"), "f");
  }

  @Test
  void majorityRulesCountWeightedVotesInFavour() {
    var tied = rule(DecisionRule.SIMPLE_MAJORITY, new double[][] {{0.5, 1}, {-0.5, 1}});
    assertThat(tied.support()).isEqualTo(0.5);
    assertThat(tied.canPass()).as("a simple majority needs more than half").isFalse();
    assertThat(tied.blocked()).isFalse();
    var weighted = rule(DecisionRule.SIMPLE_MAJORITY, new double[][] {{0.5, 3}, {-0.5, 1}, {-0.5, 1}});
    assertThat(weighted.stance()).isCloseTo((1.5 - 1) / 5, within(1e-12));
    assertThat(weighted.canPass()).isTrue();
    var twoThirds = rule(DecisionRule.QUALIFIED_MAJORITY, new double[][] {{0.5, 1}, {0.2, 1}, {-0.5, 1}});
    assertThat(twoThirds.canPass()).as("exactly 2/3 is enough").isTrue();
    var vetoed = rule(DecisionRule.QUALIFIED_MAJORITY, new double[][] {{0.5, 1}, {0.2, 1}, {-0.5, 1, 1}});
    assertThat(vetoed.canPass()).isFalse();
    assertThat(vetoed.blockers()).extracting(ForumShopping.Vote::id).containsExactly("m2");
    var abstaining = rule(DecisionRule.QUALIFIED_MAJORITY, new double[][] {{0.5, 1}, {0, 1}, {0, 1}});
    assertThat(abstaining.support()).as("position 0 abstains").isCloseTo(1.0 / 3, within(1e-12));
    assertThat(abstaining.canPass()).isFalse();
  }

  @Test
  void consensusNeedsNoObjectionAndOneInFavour() {
    assertThat(rule(DecisionRule.CONSENSUS, new double[][] {{0.5, 1}, {0, 1}}).canPass()).isTrue();
    var silent = rule(DecisionRule.CONSENSUS, new double[][] {{0, 1}, {0, 1}});
    assertThat(silent.canPass()).isFalse();
    assertThat(silent.blocked()).isFalse();
    var objected = rule(DecisionRule.CONSENSUS, new double[][] {{0.9, 5}, {-0.1, 1}});
    assertThat(objected.blockers()).extracting(ForumShopping.Vote::id).containsExactly("m1");
    assertThat(objected.canPass()).isFalse();
    var empty = rule(DecisionRule.CONSENSUS, new double[][] {});
    assertThat(empty.stanceBasis()).isEqualTo("own-position");
    assertThat(empty.stance()).isEqualTo(0.5);
    assertThat(empty.canPass()).isTrue();
  }

  /**
   * Kenya-like: lead L (consensus, +0.9 and +0.9) mediates with T, E allied with it (0.6). R1
   * (T, +0.4) backs L, R2 (T, +0.3) does not, R3 (T, +0.95) is friendlier to action than L. Z,
   * reached at 1.0 by E, sanctions T but Q's veto blocks it.
   */
  static LeverageGraph oneChannel() {
    return new Case().actor("t", -0.9).actor("e", 0.8).actor("m1", 0.9).actor("m2", 0.9)
        .actor("v1", 0.4).actor("v2", 0.3).actor("v3", 0.95).actor("q", -0.3)
        .forum("l", DecisionRule.CONSENSUS, 0.9).forum("r1", DecisionRule.CONSENSUS, 0.5)
        .forum("r2", DecisionRule.CONSENSUS, 0.5).forum("r3", DecisionRule.CONSENSUS, 0.5)
        .forum("z", DecisionRule.QUALIFIED_MAJORITY, 0.5)
        .member("m1", "l").member("m2", "l")
        .tie("l", "t", TieType.MEDIATES, 0.7, Polarity.SUPPORTIVE)
        .tie("e", "l", TieType.ALLIED_WITH, 0.6, Polarity.SUPPORTIVE)
        .member("t", "r1").member("v1", "r1").tie("r1", "l", TieType.INFLUENCES, 0.8, Polarity.SUPPORTIVE)
        .member("t", "r2").member("v2", "r2").vote("v2", "r2", MemberVote.ABSTAIN)
        .member("t", "r3").member("v3", "r3")
        .member("e", "z", 1.0, true, null).member("q", "z", 0.5, true, null)
        .tie("z", "t", TieType.SANCTIONS, 0.5, Polarity.HOSTILE)
        .build();
  }

  @Test
  void oneReinforcedChannelLeavesOneEscapeVenue() {
    var a = new ForumShopping(oneChannel()).assess("t", "e");
    assertThat(a.leadChannel().id()).isEqualTo("l");
    assertThat(a.leadChannel().venue()).as("a mediation channel").isTrue();
    assertThat(forum(a, "l").routes()).extracting(ForumShopping.Route::kind).containsExactly("mediation");
    assertThat(a.leadChannel().reinforcedBy()).extracting(ForumShopping.Reinforcement::id)
        .containsExactly("e", "r1");
    assertThat(forum(a, "r1").reinforcingTie()).isEqualTo("r1>l");
    assertThat(forum(a, "z").blocked()).isTrue();
    assertThat(forum(a, "z").venue()).isFalse();
    assertThat(a.escapeVenues()).extracting(ForumShopping.EscapeVenue::id).containsExactly("r2");
    assertThat(a.escapeVenues().get(0).stanceGap()).isCloseTo(0.6, within(1e-12));
    assertThat(part(a, "escapeShare").value()).as("1 of L, R1, R2, R3").isCloseTo(0.25, within(1e-12));
    assertThat(part(a, "spread").value()).isCloseTo((0.9 - 0.3) / 2, within(1e-12));
    assertThat(part(a, "vetoCover").value()).as("Q is no patron").isZero();
    assertThat(part(a, "bestEscape").value()).as("(0.6 / 2 + 0) / 2").isCloseTo(0.15, within(1e-12));
    assertThat(a.risk()).isCloseTo((0.25 + 0.3 + 0 + 0.15) / 4, within(1e-12));
    assertThat(forum(a, "r3").canPass()).as("R3's member votes yes: closed to T").isTrue();
    assertThat(forum(a, "r2").gap().goal()).isEqualTo("match-lead");
    assertThat(a.gapClosers()).extracting(ForumShopping.GapCloser::id, ForumShopping.GapCloser::roles)
        .containsExactly(tuple("v2", List.of("vote")));
  }

  @Test
  void unknownOrMissingActorsAreTheCallersMistake() {
    var shopping = new ForumShopping(twoTracks());
    assertThatThrownBy(() -> shopping.assess("nobody", "e"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("target: no actor 'nobody'");
    assertThatThrownBy(() -> shopping.assess("t", "nobody"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("engager: no actor 'nobody'");
    assertThatThrownBy(() -> shopping.assess("t", null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("engager");
    assertThatThrownBy(() -> shopping.assess("t", "t"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same actor");
  }

  @Test
  void darfursCouncilIsBlockedByChinaAndRussiaAndTheAuAndArabLeagueAreEscapes() {
    var a = new ForumShopping(darfur).assess("bashir", "usa");
    var unsc = forum(a, "unsc");
    assertThat(unsc.blockers()).extracting(ForumShopping.Vote::id).containsExactly("chn", "rus");
    assertThat(unsc.stance()).isCloseTo(0.85 / 7, within(1e-12));
    assertThat(unsc.support()).isCloseTo(4.0 / 7, within(1e-12));
    assertThat(unsc.routes()).extracting(ForumShopping.Route::via).containsExactly("chn", "qat", "rus"); // by tie id
    assertThat(a.leadChannel().id()).isEqualTo("unsc");
    assertThat(a.leadChannel().canPass()).isFalse();
    assertThat(a.leadChannel().access()).as("the US's own seat").isCloseTo(0.9, within(1e-12));
    assertThat(forum(a, "eu").canPass()).isTrue();
    assertThat(forum(a, "eu").access()).as("no US path to the EU in the record").isZero();
    assertThat(a.escapeVenues()).extracting(ForumShopping.EscapeVenue::id).containsExactly("arab-league", "au");
    assertThat(forum(a, "au").blockers()).extracting(ForumShopping.Vote::id).containsExactly("egy");
    assertThat(forum(a, "arab-league").stance()).isCloseTo(-0.4 / 3, within(1e-12));
    assertThat(part(a, "escapeShare").value()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(part(a, "spread").value()).isCloseTo((0.85 / 7 + 0.4 / 3) / 2, within(1e-12));
    assertThat(part(a, "vetoCover").value()).isCloseTo(0.6164, within(1e-4));
    assertThat(part(a, "vetoCover").basis()).containsExactly("chn", "rus");
    // the Arab League: (0.85 / 7 + 0.4 / 3) / 2 = 0.1274 friendlier, and it can shield: (0.1274 + 1) / 2
    assertThat(part(a, "bestEscape").value()).isCloseTo((0.85 / 7 + 0.4 / 3) / 4 + 0.5, within(1e-12));
    assertThat(part(a, "bestEscape").basis()).containsExactly("arab-league");
    assertThat(a.risk()).isCloseTo(0.4935, within(1e-4));
    // the Arab League shields Khartoum: an escape whatever its members vote, so its gap is not
    // closable and Egypt and Qatar are not needed there; Egypt still blocks the AU
    assertThat(forum(a, "arab-league").shieldsTarget()).isTrue();
    assertThat(forum(a, "arab-league").gap().closable()).isFalse();
    assertThat(forum(a, "arab-league").gap().explanation()).contains("it shields the target");
    assertThat(a.gapClosers()).extracting(ForumShopping.GapCloser::id).containsExactly("egy", "chn", "rus");
    assertThat(a.gapClosers().get(0).forums()).containsExactly("au");
  }

  @Test
  void kenyasSingleReinforcedChannelLeavesOnlyTheEac() {
    var a = new ForumShopping(kenya).assess("kibaki", "usa");
    assertThat(a.leadChannel().id()).isEqualTo("panel");
    assertThat(a.leadChannel().canPass()).isTrue();
    assertThat(a.leadChannel().stance()).isCloseTo(2.75 / 3, within(1e-12));
    assertThat(a.leadChannel().access()).isCloseTo(0.54, within(1e-12));
    assertThat(a.leadChannel().reinforcedBy()).extracting(ForumShopping.Reinforcement::id)
        .contains("au", "kikwete", "usa", "uk", "eu", "unsc");
    assertThat(forum(a, "panel").routes()).extracting(ForumShopping.Route::kind).containsExactly("mediation");
    assertThat(a.forums()).filteredOn(ForumShopping.Forum::venue).extracting(ForumShopping.Forum::id)
        .containsExactlyInAnyOrder("au", "eac", "kndr", "panel", "unsc");
    assertThat(forum(a, "au").reinforcingTie()).isEqualTo("t-au-panel");
    assertThat(forum(a, "kndr").reinforcingTie()).isEqualTo("t-panel-kndr");
    // the EAC's voting members (Uganda +0.1, Tanzania +0.7) both vote yes by inference and nobody
    // objects: coercive action can pass there, so it is closed to Kibaki and no escape
    assertThat(forum(a, "eac").canPass()).isTrue();
    assertThat(a.escapeVenues()).isEmpty();
    assertThat(part(a, "escapeShare").value()).isZero();
    assertThat(part(a, "spread").value()).isZero();
    assertThat(part(a, "vetoCover").value()).isZero();
    assertThat(part(a, "bestEscape").value()).isZero();
    assertThat(a.risk()).isZero();
  }

  @Test
  void kenyaScoresLowerThanDarfur() {
    var k = new ForumShopping(kenya).assess("kibaki", "usa");
    var d = new ForumShopping(darfur).assess("bashir", "usa");
    assertThat(k.risk()).isLessThan(d.risk());
  }

  @Test
  void theAnswerSerialisesWithoutCycles() throws Exception {
    String json = JsonMapper.builder().build().writeValueAsString(
        new ForumShopping(darfur).assess("bashir", "usa"));
    assertThat(json).contains("\"risk\":", "\"leadChannel\":{\"id\":\"unsc\"", "\"escapeVenues\":[",
        "\"stance\":", "\"blocked\":true", "\"access\":", "\"explanation\":");
  }
}
