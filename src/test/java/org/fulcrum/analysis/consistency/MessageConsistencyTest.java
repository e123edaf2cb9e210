package org.fulcrum.analysis.consistency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.fulcrum.analysis.consistency.ConsistencyReport.Finding;
import org.fulcrum.casefile.Actor;
import org.fulcrum.casefile.ActorKind;
import org.fulcrum.casefile.Channel;
import org.fulcrum.casefile.DecisionRule;
import org.fulcrum.casefile.Message;
import org.fulcrum.casefile.Polarity;
import org.fulcrum.casefile.Stance;
import org.fulcrum.casefile.Tie;
import org.fulcrum.casefile.TieType;
import org.junit.jupiter.api.Test;

/**
 * Planted contradictions, one scenario per finding kind, each on its own issue. Every scenario
 * lists exactly the findings it plants; the review of all of them together must report exactly
 * their union: every planted finding found, citing exactly the planted messages, and nothing else.
 */
class MessageConsistencyTest {

  static final LocalDate RECORD_END = LocalDate.of(2024, 12, 31);

  static final List<Actor> ACTORS = List.of(
      actor("usa", ActorKind.STATE, "USA", 0.6, 0.9),
      actor("envoy", ActorKind.INDIVIDUAL, "USA", 0.6, 0.4), // speaks with the usa's voice
      actor("gbr", ActorKind.STATE, "GBR", 0.6, 0.7),
      actor("un", ActorKind.FORUM, null, 0.5, 0.8),
      actor("public", ActorKind.COMMUNITY, "USA", 0.2, 0.1), // a community is not a government voice
      actor("regime", ActorKind.STATE, "SDN", -0.9, 0.8),
      actor("boss", ActorKind.LEADER, "SDN", -0.9, 0.9),
      actor("patron", ActorKind.STATE, "CHN", -0.3, 0.9));

  static final List<Tie> TIES = List.of(
      tie("boss", TieType.CONTROLS, "regime", 0.9, Polarity.SUPPORTIVE, null),
      // usa can deliver 0.9 x 0.5 = 0.45 against the regime from 2019
      tie("usa", TieType.SANCTIONS, "regime", 0.5, Polarity.HOSTILE, LocalDate.of(2019, 1, 1)),
      // a new usa measure on the regime's leader: follow-through for usa threats before it
      tie("usa", TieType.SANCTIONS, "boss", 0.5, Polarity.HOSTILE, LocalDate.of(2020, 2, 1)),
      // a recorded threat backs nothing
      tie("gbr", TieType.THREATENS, "regime", 0.9, Polarity.HOSTILE, LocalDate.of(2020, 1, 5)),
      tie("un", TieType.SANCTIONS, "regime", 0.3, Polarity.HOSTILE, LocalDate.of(2023, 4, 1)));

  /** A scenario: its messages and the findings it plants, as "kind: id id ..." (ids sorted). */
  record Scenario(String issue, List<Message> messages, Set<String> planted) {}

  // across-channels: a demand at the UN and an accommodation in a bilateral, 19 days apart
  static final Scenario ACROSS_CHANNELS = new Scenario("c1", List.of(
      msg("c1-usa-demand", "usa", "unsc-statement", "un", "regime", "c1", Stance.DEMAND, 0.7, "2020-01-01"),
      msg("c1-gbr-accommodates", "gbr", "bilateral", null, "regime", "c1", Stance.ACCOMMODATION, 0.4, "2020-01-20"),
      // outside the 90-day window of the demand, and the same voice and stance as the last: nothing
      msg("c1-gbr-again", "gbr", "bilateral", null, "regime", "c1", Stance.ACCOMMODATION, 0.4, "2020-06-01"),
      // an inducement goes with anything
      msg("c1-un-offer", "un", "communique", "un", "regime", "c1", Stance.INDUCEMENT, 0.4, "2020-01-10")),
      Set.of("across-channels: c1-gbr-accommodates c1-usa-demand"));

  // across-audiences: the usa demands of the regime while its envoy tells the public it yields
  static final Scenario ACROSS_AUDIENCES = new Scenario("a1", List.of(
      msg("a1-usa-demand", "usa", "press", null, "regime", "a1", Stance.DEMAND, 0.6, "2020-01-01"),
      msg("a1-envoy-yields", "envoy", "press", null, "public", "a1", Stance.ACCOMMODATION, 0.3, "2020-01-10")),
      Set.of("across-audiences: a1-envoy-yields a1-usa-demand"));

  // reversal: the usa voice presses (envoy, then usa), then yields for good, months later
  static final Scenario REVERSAL = new Scenario("r1", List.of(
      msg("r1-envoy-demand", "envoy", "press", null, "regime", "r1", Stance.DEMAND, 0.6, "2020-01-01"),
      msg("r1-usa-condemns", "usa", "speech", null, "regime", "r1", Stance.CONDEMNATION, 0.7, "2020-03-01"),
      msg("r1-envoy-yields", "envoy", "testimony", null, "regime", "r1", Stance.ACCOMMODATION, 0.3, "2020-09-01"),
      msg("r1-usa-yields", "usa", "press", null, "regime", "r1", Stance.ACCOMMODATION, 0.3, "2020-10-01")),
      Set.of("reversal: r1-envoy-demand r1-envoy-yields r1-usa-condemns r1-usa-yields"));

  // rigid ladder: the UN steps up by 0.1 every 30 days; gbr's last step is irregular (0.3)
  static final Scenario LADDER = new Scenario("l1", List.of(
      msg("l1-un-1", "un", "communique", "un", "regime", "l1", Stance.DEMAND, 0.4, "2020-01-01"),
      msg("l1-un-2", "un", "communique", "un", "regime", "l1", Stance.DEMAND, 0.5, "2020-01-31"),
      msg("l1-un-3", "un", "communique", "un", "regime", "l1", Stance.CONDEMNATION, 0.6, "2020-03-01"),
      msg("l1-un-4", "un", "communique", "un", "regime", "l1", Stance.DEMAND, 0.7, "2020-03-31"),
      msg("l1-gbr-1", "gbr", "press", null, "regime", "l1", Stance.DEMAND, 0.4, "2020-01-01"),
      msg("l1-gbr-2", "gbr", "press", null, "regime", "l1", Stance.DEMAND, 0.5, "2020-01-31"),
      msg("l1-gbr-3", "gbr", "press", null, "regime", "l1", Stance.DEMAND, 0.6, "2020-03-01"),
      msg("l1-gbr-4", "gbr", "press", null, "regime", "l1", Stance.DEMAND, 0.9, "2020-03-31")),
      Set.of("rigid-ladder: l1-un-1 l1-un-2 l1-un-3 l1-un-4"));

  // eroding pressure: gbr 0.8 -> 0.7 -> 0.55 (down 0.25); usa only down 0.15; envoy only two steps
  static final Scenario EROSION = new Scenario("e1", List.of(
      msg("e1-gbr-1", "gbr", "press", null, "regime", "e1", Stance.DEMAND, 0.8, "2020-01-01"),
      msg("e1-gbr-2", "gbr", "press", null, "regime", "e1", Stance.CONDEMNATION, 0.7, "2020-05-01"),
      msg("e1-gbr-3", "gbr", "press", null, "regime", "e1", Stance.DEMAND, 0.55, "2020-09-01"),
      msg("e1-usa-1", "usa", "press", null, "regime", "e1", Stance.DEMAND, 0.8, "2020-01-01"),
      msg("e1-usa-2", "usa", "press", null, "regime", "e1", Stance.DEMAND, 0.7, "2020-05-01"),
      msg("e1-usa-3", "usa", "press", null, "regime", "e1", Stance.DEMAND, 0.65, "2020-09-01"),
      msg("e1-un-1", "un", "press", "un", "boss", "e1", Stance.DEMAND, 0.9, "2020-01-01"),
      msg("e1-un-2", "un", "press", "un", "boss", "e1", Stance.DEMAND, 0.4, "2020-05-01")),
      Set.of("eroding-pressure: e1-gbr-1 e1-gbr-2 e1-gbr-3"));

  // credibility: the usa threat is within its means and followed by the 2020-02-01 sanctions on
  // boss; gbr's is neither; the UN's 2024 threat is pending; gbr's threat on t2 is followed by a
  // condemnation that records a measure
  static final Scenario CREDIBILITY = new Scenario("t1", List.of(
      msg("t1-usa-threat", "usa", "press", null, "regime", "t1", Stance.THREAT, 0.6, "2020-01-01"),
      msg("t1-gbr-threat", "gbr", "press", null, "regime", "t1", Stance.THREAT, 0.7, "2020-01-05"),
      msg("t1-un-threat", "un", "communique", "un", "regime", "t1", Stance.THREAT, 0.2, "2024-12-01"),
      msg("t2-gbr-threat", "gbr", "press", null, "regime", "t2", Stance.THREAT, 0.2, "2020-05-01"),
      msgWithText("t2-gbr-acts", "gbr", "regime", "t2", Stance.CONDEMNATION, 0.6, "2020-06-01",
          "The United Kingdom condemned the raids and froze the assets of three officials.")),
      Set.of("capability-gap: t1-gbr-threat", "no-follow-through: t1-gbr-threat"));

  // repeated empty threats: three threats by three voices at the regime (one at its leader), no
  // measure between them; the UN's sanctions of 2023-04-01 end the run before the fourth
  static final Scenario REPEATED = new Scenario("z1", List.of(
      msg("z1-usa-threat", "usa", "press", null, "regime", "z1", Stance.THREAT, 0.2, "2023-01-01"),
      msg("z1-gbr-threat", "gbr", "press", null, "regime", "z1", Stance.THREAT, 0.2, "2023-02-01"),
      msg("z1-un-threat", "un", "communique", "un", "boss", "z1", Stance.THREAT, 0.2, "2023-03-01"),
      msg("z1-usa-again", "usa", "press", null, "regime", "z1", Stance.THREAT, 0.2, "2023-06-01")),
      Set.of("repeated-empty-threats: z1-gbr-threat z1-un-threat z1-usa-threat",
          "no-follow-through: z1-usa-threat", "no-follow-through: z1-gbr-threat",
          "no-follow-through: z1-usa-again"));

  static final List<Scenario> ALL = List.of(ACROSS_CHANNELS, ACROSS_AUDIENCES, REVERSAL, LADDER, EROSION,
      CREDIBILITY, REPEATED);

  @Test
  void acrossChannels() {
    assertThat(found(ACROSS_CHANNELS)).isEqualTo(ACROSS_CHANNELS.planted());
  }

  @Test
  void acrossAudiences() {
    assertThat(found(ACROSS_AUDIENCES)).isEqualTo(ACROSS_AUDIENCES.planted());
  }

  @Test
  void reversalCitesTheRunBeforeAndTheRunAfterTheSwitch() {
    assertThat(found(REVERSAL)).isEqualTo(REVERSAL.planted());
  }

  @Test
  void rigidLadderNeedsRegularStepsAndIntervals() {
    assertThat(found(LADDER)).isEqualTo(LADDER.planted());
  }

  @Test
  void erodingPressureIsSetLevelAndNeedsTheFullDrop() {
    assertThat(found(EROSION)).isEqualTo(EROSION.planted());
  }

  @Test
  void credibilityGapsAndFollowThrough() {
    var report = review(CREDIBILITY.messages(), ConsistencyQuery.defaults());
    assertThat(keys(report)).isEqualTo(CREDIBILITY.planted());
    assertThat(report.pendingThreats()).extracting(ConsistencyReport.PendingThreat::message)
        .containsExactly("t1-un-threat");
    Finding gap = report.issues().get(0).findings().stream()
        .filter(f -> f.kind() == FindingKind.CAPABILITY_GAP).findFirst().orElseThrow();
    assertThat(gap.explanation()).contains("gbr can deliver 0.00").contains("0.70 short");
  }

  @Test
  void repeatedEmptyThreats() {
    assertThat(found(REPEATED)).isEqualTo(REPEATED.planted());
  }

  @Test
  void everyPlantedFindingIsFoundAndNothingElse() {
    List<Message> all = new ArrayList<>();
    Set<String> planted = new TreeSet<>();
    for (Scenario s : ALL) {
      all.addAll(s.messages());
      planted.addAll(s.planted());
    }
    var report = review(all, ConsistencyQuery.defaults());
    assertThat(keys(report)).isEqualTo(planted);
    // and every finding cites only messages of its own issue
    report.issues().forEach(i -> i.findings().forEach(f -> assertThat(f.messages())
        .allSatisfy(id -> assertThat(all.stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow()
            .issue()).isEqualTo(i.issue()))));
  }

  @Test
  void scoreHandChecked() {
    // c1: 4 coalition messages; the across-channels finding (weight 1) cites 2 -> 1 - 2/4 = 0.5
    var report = review(ACROSS_CHANNELS.messages(), ConsistencyQuery.defaults());
    assertThat(report.score()).isCloseTo(0.5, within(1e-9));
    assertThat(report.issues().get(0).findings().get(0).scoreImpact()).isCloseTo(0.5, within(1e-9));
    // r1: the reversal (0.75) cites all 4 -> 0.25; with c1 -> 1 - (2 + 3) / 8 = 0.375
    var both = new ArrayList<>(ACROSS_CHANNELS.messages());
    both.addAll(REVERSAL.messages());
    assertThat(review(both, ConsistencyQuery.defaults()).score()).isCloseTo(0.375, within(1e-9));
  }

  @Test
  void scoresStayInTheUnitIntervalAndImpactsAddUpToTheLoss() {
    SplittableRandom random = new SplittableRandom(7);
    String[] speakers = {"usa", "envoy", "gbr", "un"};
    String[] audiences = {"regime", "boss", "public"};
    for (int round = 0; round < 50; round++) {
      List<Message> messages = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        Stance stance = Stance.values()[random.nextInt(Stance.values().length)];
        messages.add(msg("m" + i, speakers[random.nextInt(speakers.length)], "press", null,
            audiences[random.nextInt(audiences.length)], "i" + random.nextInt(3), stance,
            Math.round(random.nextDouble() * 20) / 20.0,
            LocalDate.of(2020, 1, 1).plusDays(random.nextInt(700)).toString()));
      }
      var report = review(messages, ConsistencyQuery.defaults().withWindow(random.nextInt(200)));
      assertThat(report.score()).isBetween(0.0, 1.0);
      for (var issue : report.issues()) {
        assertThat(issue.score()).isBetween(0.0, 1.0);
        double impacts = issue.findings().stream().mapToDouble(Finding::scoreImpact).sum();
        assertThat(impacts).isCloseTo(1 - issue.score(), within(1e-4));
      }
    }
  }

  @Test
  void coalitionDefaultsToPositiveSpeakersAndAStateBringsItsGovernment() {
    var withPatron = new ArrayList<>(ACROSS_CHANNELS.messages());
    withPatron.add(msg("p1", "patron", "press", null, "regime", "c1", Stance.ACCOMMODATION, 0.5, "2020-01-02"));
    var report = review(withPatron, ConsistencyQuery.defaults());
    assertThat(report.coalition()).containsExactly("gbr", "un", "usa").doesNotContain("patron");
    assertThat(review(REVERSAL.messages(), ConsistencyQuery.defaults().withCoalition(List.of("usa")))
        .coalition()).containsExactly("envoy", "usa");
    assertThatThrownBy(() -> review(withPatron, ConsistencyQuery.defaults().withCoalition(List.of("patron"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("patron has position -0.30");
    assertThatThrownBy(() -> review(withPatron, ConsistencyQuery.defaults().withCoalition(List.of("ghost"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("coalition: no actor 'ghost' in case planted");
    assertThatThrownBy(() -> review(withPatron, ConsistencyQuery.defaults().withIssue("nope")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("issue: no message on issue 'nope'");
    assertThatThrownBy(() -> ConsistencyQuery.defaults().withWindow(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void derivedStancesAreMarkedAndTakePartInTheReview() {
    var messages = List.of(
        msg("d1-usa-demand", "usa", "press", null, "regime", "d1", Stance.DEMAND, 0.7, "2020-01-01"),
        msgWithText("d1-gbr-text", "gbr", "regime", "d1", null, null, "2020-01-15",
            "The United Kingdom abstained, saying more pressure would not help."));
    var report = review(messages, ConsistencyQuery.defaults());
    assertThat(report.derived()).singleElement().satisfies(d -> {
      assertThat(d.message()).isEqualTo("d1-gbr-text");
      assertThat(d.stance()).isEqualTo(Stance.ACCOMMODATION);
      assertThat(d.stanceDerived()).isTrue();
      assertThat(d.intensityDerived()).isTrue();
      assertThat(d.cues()).contains("abstain*", "would not help");
    });
    assertThat(keys(report)).containsExactly("across-channels: d1-gbr-text d1-usa-demand");
    assertThat(report.issues().get(0).findings().get(0).explanation()).contains("[stance or intensity derived from text]");
    assertThat(report.issues().get(0).timeline()).filteredOn(t -> t.speaker().equals("gbr"))
        .singleElement().satisfies(t -> assertThat(t.entries().get(0).derived()).isTrue());
  }

  // as of a day: the usa threatens on 2021-03-01 (intensity 0.2, within its 0.45; follow-through
  // due 2021-05-30) and yields on 2021-06-15, after the period; no usa measure in 2021
  static final List<Message> AS_OF = List.of(
      msg("p1-usa-threat", "usa", "press", null, "regime", "p1", Stance.THREAT, 0.2, "2021-03-01"),
      msg("p1-usa-yields", "usa", "press", null, "regime", "p1", Stance.ACCOMMODATION, 0.3, "2021-06-15"));

  @Test
  void asOfBeforeTheReversalTheThreatIsPendingAndNothingLaterIsUsed() {
    var report = review(AS_OF, ConsistencyQuery.defaults().withAsOf(LocalDate.of(2021, 4, 1)));
    // the yield of 2021-06-15 is not seen: no reversal; the period runs past 2021-04-01: pending
    assertThat(keys(report)).isEmpty();
    assertThat(report.messages()).isEqualTo(1);
    assertThat(report.pendingThreats()).containsExactly(
        new ConsistencyReport.PendingThreat("p1-usa-threat", LocalDate.of(2021, 5, 30)));
    assertThat(report.asOf()).isEqualTo(LocalDate.of(2021, 4, 1));
    assertThat(report.explanation()).startsWith("as of 2021-04-01: 1 coalition message(s)");
  }

  @Test
  void asOfAfterTheReversalItIsFoundAndTheThreatWentUnanswered() {
    Set<String> planted = Set.of("reversal: p1-usa-threat p1-usa-yields", "no-follow-through: p1-usa-threat");
    var report = review(AS_OF, ConsistencyQuery.defaults().withAsOf(LocalDate.of(2021, 7, 1)));
    assertThat(keys(report)).isEqualTo(planted);
    assertThat(report.pendingThreats()).isEmpty();
    // by default the review is as of the record's end (2024-12-31): the same answer
    var byDefault = review(AS_OF, ConsistencyQuery.defaults());
    assertThat(keys(byDefault)).isEqualTo(planted);
    assertThat(byDefault.asOf()).isEqualTo(RECORD_END);
  }

  @Test
  void aMeasureRecordedAfterTheDayReviewedIsNotYetKnown() {
    List<Tie> ties = new ArrayList<>(TIES);
    // usa aid to the regime, recorded as cut on 2021-05-01 (a measure within the period), and a
    // usa sanction on the regime from 2021-04-15
    ties.add(new Tie("usa-aid", "usa", "regime", TieType.PROVIDES_AID, 0.4, Polarity.SUPPORTIVE, Channel.ECONOMIC,
        1.0, LocalDate.of(2018, 1, 1), LocalDate.of(2021, 5, 1), null, null, List.of("s")));
    ties.add(tie("usa", TieType.SANCTIONS, "regime", 0.5, Polarity.HOSTILE, LocalDate.of(2021, 4, 15)));
    var consistency = new MessageConsistency("planted", RECORD_END, ACTORS, ties, AS_OF, StanceClassifier.bundled());
    // on 2021-04-10 neither has happened: the aid still runs, the sanction is not seen, still pending
    var early = consistency.run(ConsistencyQuery.defaults().withAsOf(LocalDate.of(2021, 4, 10)));
    assertThat(keys(early)).isEmpty();
    assertThat(early.pendingThreats()).extracting(ConsistencyReport.PendingThreat::message)
        .containsExactly("p1-usa-threat");
    // on 2021-04-20 the sanction of 2021-04-15 answers the threat
    var later = consistency.run(ConsistencyQuery.defaults().withAsOf(LocalDate.of(2021, 4, 20)));
    assertThat(keys(later)).isEmpty();
    assertThat(later.pendingThreats()).isEmpty();
  }

  // a threat made through a forum: gbr (capability 0.7, no coercive tie of its own) threatens the
  // regime at 0.7 in the council, which sanctions the regime (0.8 x 1.0); with its veto there it can
  // deliver 0.7 x 0.8 = 0.56, 0.14 short, within the 0.2 tolerance
  static final Message COUNCIL_THREAT =
      msg("f1-gbr-threat", "gbr", "unsc-statement", "council", "regime", "f1", Stance.THREAT, 0.7, "2021-02-01");
  static final Tie COUNCIL_SANCTIONS = tie("council", TieType.SANCTIONS, "regime", 0.8, Polarity.HOSTILE,
      LocalDate.of(2019, 1, 1));

  @Test
  void aThreatThroughAForumWhereTheSpeakerHoldsAVetoIsBacked() {
    var report = forumReview(COUNCIL_THREAT, COUNCIL_SANCTIONS, member("gbr", "council", true, null),
        member("usa", "council", false, null), member("patron", "council", false, null));
    assertThat(keys(report)).isEmpty();
    assertThat(report.threats()).singleElement().satisfies(b -> {
      assertThat(b.backed()).isTrue();
      assertThat(b.deliverable()).isCloseTo(0.56, within(1e-9));
      assertThat(b.forum()).isEqualTo("council");
      assertThat(b.forumVote()).isEqualTo("a veto (tie gbr:member-of:council)");
      assertThat(b.levers()).containsExactly("council:sanctions:regime 0.80 x 1.00");
    });
  }

  @Test
  void theSameThreatWithNoForumLeverIsUnbacked() {
    // gbr an ordinary member (1 of 3 votes: neither decides nor blocks a two-thirds majority)
    var ordinary = forumReview(COUNCIL_THREAT, COUNCIL_SANCTIONS, member("gbr", "council", false, null),
        member("usa", "council", false, null), member("patron", "council", false, null));
    assertThat(keys(ordinary)).containsExactly("capability-gap: f1-gbr-threat");
    assertThat(ordinary.issues().get(0).findings().get(0).explanation()).contains("gbr can deliver 0.00")
        .contains("0.70 short").contains("in forum council it holds no veto and no vote that decides or blocks");
    assertThat(ordinary.threats()).singleElement().satisfies(b -> {
      assertThat(b.backed()).isFalse();
      assertThat(b.forum()).isNull();
      assertThat(b.levers()).isEmpty();
    });
    // not a member at all
    assertThat(keys(forumReview(COUNCIL_THREAT, COUNCIL_SANCTIONS))).containsExactly("capability-gap: f1-gbr-threat");
    // a veto there that had lapsed by the day of the threat
    Tie lapsed = new Tie("gbr-council-2020", "gbr", "council", TieType.MEMBER_OF, 1.0, Polarity.SUPPORTIVE,
        Channel.DIPLOMATIC, 1.0, null, LocalDate.of(2020, 12, 31), true, null, List.of("s"));
    assertThat(keys(forumReview(COUNCIL_THREAT, COUNCIL_SANCTIONS, lapsed))).containsExactly("capability-gap: f1-gbr-threat");
  }

  @Test
  void aLoanTheSpeakerCanBlockBacksItsThreat() {
    // the bank lends to the regime (0.6 x 1.0) by a two-thirds majority of weighted votes: gbr's 0.4
    // against the regime's patron's 0.6 blocks it (0.6 < 2/3): 0.7 x 0.6 = 0.42, 0.18 short of 0.6
    Message threat = msg("f2-gbr-threat", "gbr", "press", "bank", "regime", "f2", Stance.THREAT, 0.6, "2021-02-01");
    Tie loan = tie("bank", TieType.FINANCES, "regime", 0.6, Polarity.SUPPORTIVE, LocalDate.of(2019, 1, 1));
    var blocking = forumReview(threat, loan, member("gbr", "bank", null, 0.4), member("patron", "bank", null, 0.6));
    assertThat(keys(blocking)).isEmpty();
    assertThat(blocking.threats().get(0).forumVote())
        .isEqualTo("voting weight 0.40 of 1.00 (gbr:member-of:bank), enough to block a qualified majority on its own");
    // with 0.2 of the vote the rest (0.8) passes the loan without gbr
    var outvoted = forumReview(threat, loan, member("gbr", "bank", null, 0.2), member("patron", "bank", null, 0.8));
    assertThat(keys(outvoted)).containsExactly("capability-gap: f2-gbr-threat");
  }

  // ---- helpers ----------------------------------------------------------------------------------

  static Set<String> found(Scenario s) {
    return keys(review(s.messages(), ConsistencyQuery.defaults()));
  }

  static ConsistencyReport review(List<Message> messages, ConsistencyQuery query) {
    return new MessageConsistency("planted", RECORD_END, ACTORS, TIES, messages, StanceClassifier.bundled())
        .run(query);
  }

  static Set<String> keys(ConsistencyReport report) {
    Set<String> keys = new HashSet<>();
    report.issues().forEach(i -> i.findings().forEach(f -> {
      String key = f.kind().label() + ": " + String.join(" ", new TreeSet<>(f.messages()));
      assertThat(keys.add(key)).as("reported twice: " + key).isTrue();
    }));
    return new TreeSet<>(keys);
  }

  static Actor actor(String id, ActorKind kind, String country, double position, double capability) {
    return new Actor(id, id, kind, country, position, capability, 0.5, null, null, List.of("s"));
  }

  /**
   * One threat reviewed as of ten days after it (its follow-through still pending), with two forums
   * deciding by qualified majority, the council and the bank, and the given ties added to the case.
   */
  static ConsistencyReport forumReview(Message threat, Tie... extra) {
    List<Actor> actors = new ArrayList<>(ACTORS);
    actors.add(new Actor("council", "council", ActorKind.FORUM, null, 0.3, 0.8, 0.5, null,
        DecisionRule.QUALIFIED_MAJORITY, List.of("s")));
    actors.add(new Actor("bank", "bank", ActorKind.FORUM, null, 0.1, 0.8, 0.5, null,
        DecisionRule.QUALIFIED_MAJORITY, List.of("s")));
    List<Tie> ties = new ArrayList<>(TIES);
    ties.addAll(List.of(extra));
    return new MessageConsistency("planted", RECORD_END, actors, ties, List.of(threat), StanceClassifier.bundled())
        .run(ConsistencyQuery.defaults().withAsOf(threat.date().plusDays(10)));
  }

  static Tie member(String member, String forum, Boolean veto, Double votingWeight) {
    return new Tie(member + ":member-of:" + forum, member, forum, TieType.MEMBER_OF, 1.0, Polarity.SUPPORTIVE,
        Channel.DIPLOMATIC, 1.0, null, null, veto, votingWeight, List.of("s"));
  }

  static Tie tie(String source, TieType type, String target, double strength, Polarity polarity, LocalDate from) {
    return new Tie(source + ":" + type.label() + ":" + target, source, target, type, strength, polarity,
        Channel.ECONOMIC, 1.0, from, null, null, null, List.of("s"));
  }

  static Message msg(String id, String speaker, String channel, String forum, String audience, String issue,
      Stance stance, double intensity, String date) {
    return new Message(id, speaker, channel, forum, audience, issue, stance, intensity, LocalDate.parse(date),
        null, List.of("s"));
  }

  static Message msgWithText(String id, String speaker, String audience, String issue, Stance stance,
      Double intensity, String date, String text) {
    return new Message(id, speaker, "press", null, audience, issue, stance, intensity, LocalDate.parse(date),
        text, List.of("s"));
  }
}
