package org.fulcrum.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fulcrum.analysis.Playbook.GroupPlan;
import org.fulcrum.analysis.Playbook.Option;
import org.fulcrum.analysis.Playbook.Plan;
import org.fulcrum.analysis.ToolCatalogue.Mode;
import org.fulcrum.analysis.ToolCatalogue.TimeToEffect;
import org.fulcrum.analysis.ToolCatalogue.Tool;
import org.fulcrum.casefile.Actor;
import org.fulcrum.casefile.ActorKind;
import org.fulcrum.casefile.CaseCodec;
import org.fulcrum.casefile.CaseFile;
import org.fulcrum.casefile.Channel;
import org.fulcrum.casefile.Phase;
import org.fulcrum.casefile.Polarity;
import org.fulcrum.casefile.TargetGroup;
import org.fulcrum.casefile.Tempo;
import org.fulcrum.casefile.Tie;
import org.fulcrum.casefile.TieType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class PlaybookTest {

  /** Actors with a target group and a position, and ties with a channel. */
  static final class Case {
    final Map<String, Actor> actors = new LinkedHashMap<>();
    final List<Tie> ties = new ArrayList<>();

    Case actor(String id, TargetGroup group, double position) {
      actors.put(id, new Actor(id, id.toUpperCase(), ActorKind.STATE, null, position, 0.5, 0.5,
          group, null, List.of("s")));
      return this;
    }

    Case tie(String source, TieType type, Channel channel, String target, double strength) {
      Polarity polarity = type == TieType.SANCTIONS || type == TieType.THREATENS
          ? Polarity.HOSTILE : Polarity.SUPPORTIVE;
      ties.add(new Tie(source + ">" + target + "#" + ties.size(), source, target, type, strength,
          polarity, channel, 1, null, null, null, null, List.of("s")));
      return this;
    }

    LeverageGraph graph() {
      return LeverageGraph.of("test", null, actors.values(), ties);
    }
  }

  static Tool tool(String id, Channel type, Mode mode, TimeToEffect time, TargetGroup group,
      Channel... channels) {
    return new Tool(id, id, type, mode, time, List.of(group), List.of(channels), null, null, null,
        null, "test");
  }

  static final Tool SANCTIONS = tool("sanctions", Channel.ECONOMIC, Mode.COERCIVE,
      TimeToEffect.MONTHS, TargetGroup.PLANNERS, Channel.ECONOMIC);
  static final Tool TALKS = tool("talks", Channel.DIPLOMATIC, Mode.COOPERATIVE, TimeToEffect.DAYS,
      TargetGroup.PLANNERS, Channel.DIPLOMATIC);
  static final Tool OBSERVERS = new Tool("observers", "observers", Channel.DIPLOMATIC,
      Mode.COOPERATIVE, TimeToEffect.MONTHS, List.of(TargetGroup.PLANNERS),
      List.of(Channel.DIPLOMATIC), null, null, List.of(Tempo.ROLLING), "too slow", "test");
  static final ToolCatalogue TWO = ToolCatalogue.of("test", List.of(SANCTIONS, TALKS));

  /** eng -> boss (planner) -> unit (perpetrator); boss commands unit. */
  static Case regime() {
    return new Case()
        .actor("eng", TargetGroup.OTHER_FOREIGN, 0.8)
        .actor("boss", TargetGroup.PLANNERS, -0.9)
        .actor("unit", TargetGroup.PERPETRATORS, -0.8)
        .actor("town", TargetGroup.VICTIMS, 1)
        .tie("boss", TieType.COMMANDS, Channel.COMMAND, "unit", 0.9);
  }

  static Plan plan(Case c, ToolCatalogue catalogue, Tempo tempo) {
    return new Playbook(c.graph(), catalogue)
        .plan(new PlaybookQuery("eng", "boss", Phase.ESCALATING, tempo));
  }

  static GroupPlan group(Plan p, TargetGroup g) {
    return p.groups().stream().filter(x -> x.group() == g).findFirst().orElseThrow();
  }

  static String route(Option o) {
    return Playbook.route(o.path());
  }

  @Test
  void aToolIsListedOnlyWhenAPathOnItsChannelExists() {
    Case c = regime().tie("eng", TieType.TRADES_WITH, Channel.ECONOMIC, "boss", 0.5);
    GroupPlan planners = group(plan(c, TWO, Tempo.ROLLING), TargetGroup.PLANNERS);
    assertThat(planners.options()).extracting(Option::tool, Option::actor, PlaybookTest::route)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("sanctions", "boss",
            "eng -trades-with-> boss"));
    assertThat(planners.options().get(0).path().strength()).isCloseTo(0.5, within(1e-12));
    assertThat(planners.unavailable()).singleElement().satisfies(u -> {
      assertThat(u.tool()).isEqualTo("talks");
      assertThat(u.reason()).isEqualTo("no path from eng using only diplomatic ties reaches any of [boss]");
    });

    c.tie("eng", TieType.INFLUENCES, Channel.DIPLOMATIC, "boss", 0.2);
    assertThat(group(plan(c, TWO, Tempo.ROLLING), TargetGroup.PLANNERS).options())
        .extracting(Option::tool, PlaybookTest::route).containsExactly(
            org.assertj.core.groups.Tuple.tuple("sanctions", "eng -trades-with-> boss"),
            org.assertj.core.groups.Tuple.tuple("talks", "eng -influences-> boss"));
  }

  @Test
  void aPathThatChangesChannelOnTheWaySupportsOnlyAToolWithBothChannels() {
    Case c = regime().actor("mid", TargetGroup.OTHER_FOREIGN, 0)
        .tie("eng", TieType.MEMBER_OF, Channel.DIPLOMATIC, "mid", 0.9)
        .tie("mid", TieType.SANCTIONS, Channel.ECONOMIC, "boss", 0.5);
    assertThat(group(plan(c, TWO, Tempo.ROLLING), TargetGroup.PLANNERS).options()).isEmpty();
    Tool viaForum = tool("forum-sanctions", Channel.ECONOMIC, Mode.COERCIVE, TimeToEffect.WEEKS,
        TargetGroup.PLANNERS, Channel.ECONOMIC, Channel.DIPLOMATIC);
    List<Option> options = group(plan(c, ToolCatalogue.of("test", List.of(viaForum)), Tempo.ROLLING),
        TargetGroup.PLANNERS).options();
    assertThat(options).extracting(PlaybookTest::route)
        .containsExactly("eng -member-of-> mid -sanctions-> boss");
    assertThat(options.get(0).path().strength()).isCloseTo(0.9 * 0.5, within(1e-12));
  }

  @Test
  void tieTypesRestrictThePathAsWellAsChannels() {
    Case c = regime().tie("eng", TieType.INFLUENCES, Channel.DIPLOMATIC, "boss", 0.5);
    Tool suspension = new Tool("suspension", "suspension", Channel.DIPLOMATIC, Mode.COERCIVE,
        TimeToEffect.WEEKS, List.of(TargetGroup.PLANNERS), List.of(Channel.DIPLOMATIC),
        List.of(TieType.MEMBER_OF, TieType.THREATENS), null, null, null, "test");
    GroupPlan planners = group(plan(c, ToolCatalogue.of("t", List.of(suspension)), Tempo.ROLLING),
        TargetGroup.PLANNERS);
    assertThat(planners.options()).isEmpty();
    assertThat(planners.unavailable().get(0).reason())
        .contains("diplomatic ties of types member-of, threatens");
  }

  @Test
  void volcanicPutsFastToolsFirstAndLeavesOutToolsThatSuitOnlyRollingCrises() {
    Case c = regime()
        .tie("eng", TieType.TRADES_WITH, Channel.ECONOMIC, "boss", 0.8)
        .tie("eng", TieType.INFLUENCES, Channel.DIPLOMATIC, "boss", 0.2);
    ToolCatalogue three = ToolCatalogue.of("test", List.of(SANCTIONS, TALKS, OBSERVERS));

    GroupPlan rolling = group(plan(c, three, Tempo.ROLLING), TargetGroup.PLANNERS);
    assertThat(rolling.options()).extracting(Option::tool)
        .as("strongest path first; equal strength: fastest first")
        .containsExactly("sanctions", "talks", "observers");

    GroupPlan volcanic = group(plan(c, three, Tempo.VOLCANIC), TargetGroup.PLANNERS);
    assertThat(volcanic.options()).extracting(Option::tool)
        .as("days before months; observers left out").containsExactly("talks", "sanctions");
    assertThat(volcanic.unavailable()).singleElement().satisfies(u -> {
      assertThat(u.tool()).isEqualTo("observers");
      assertThat(u.reason()).startsWith("does not suit a volcanic crisis (suits rolling); seed: too slow");
    });
  }

  @Test
  void theStandardCatalogueDropsFactFindingAndObserverMissionsWhenTheCrisisIsVolcanic() {
    Case c = regime().tie("eng", TieType.INFLUENCES, Channel.DIPLOMATIC, "unit", 0.5);
    GroupPlan rolling = group(new Playbook(c.graph()).plan(
        new PlaybookQuery("eng", "boss", Phase.ESCALATING, Tempo.ROLLING)), TargetGroup.PERPETRATORS);
    GroupPlan volcanic = group(new Playbook(c.graph()).plan(
        new PlaybookQuery("eng", "boss", Phase.ESCALATING, Tempo.VOLCANIC)), TargetGroup.PERPETRATORS);
    assertThat(rolling.options()).extracting(Option::tool)
        .contains("fact-finding", "observer-missions", "condemnation");
    assertThat(volcanic.options()).extracting(Option::tool)
        .contains("condemnation").doesNotContain("fact-finding", "observer-missions");
    assertThat(volcanic.unavailable()).extracting(Playbook.Unavailable::tool)
        .contains("fact-finding", "observer-missions");
  }

  @Test
  void aGroupSaysWhenTheGraphSupportsOnlyOneMode() {
    Case c = regime().tie("eng", TieType.TRADES_WITH, Channel.ECONOMIC, "boss", 0.5);
    GroupPlan only = group(plan(c, TWO, Tempo.ROLLING), TargetGroup.PLANNERS);
    assertThat(only.coercive()).isEqualTo(1);
    assertThat(only.cooperative()).isZero();
    assertThat(only.mix()).isEqualTo(
        "only coercive options: no cooperative tool can be applied (talks; see unavailable)");

    c.tie("eng", TieType.INFLUENCES, Channel.DIPLOMATIC, "boss", 0.5);
    GroupPlan both = group(plan(c, TWO, Tempo.ROLLING), TargetGroup.PLANNERS);
    assertThat(both.mix()).isEqualTo("mixes coercive and cooperative options");
    assertThat(both.options()).extracting(Option::mode).containsExactlyInAnyOrder("coercive",
        "cooperative");

    assertThat(group(plan(regime(), TWO, Tempo.ROLLING), TargetGroup.PLANNERS).mix())
        .startsWith("no option");
  }

  @Test
  void coerciveToolsAreNotAimedAtActorsWhoWantTheAtrocitiesStopped() {
    Case c = regime().actor("ally", TargetGroup.OTHER_FOREIGN, 0.5)
        .tie("eng", TieType.TRADES_WITH, Channel.ECONOMIC, "ally", 0.5);
    Tool aid = tool("aid", Channel.ECONOMIC, Mode.COOPERATIVE, TimeToEffect.WEEKS,
        TargetGroup.OTHER_FOREIGN, Channel.ECONOMIC);
    Tool embargo = tool("embargo", Channel.ECONOMIC, Mode.COERCIVE, TimeToEffect.MONTHS,
        TargetGroup.OTHER_FOREIGN, Channel.ECONOMIC);
    GroupPlan foreign = group(plan(c, ToolCatalogue.of("t", List.of(aid, embargo)), Tempo.ROLLING),
        TargetGroup.OTHER_FOREIGN);
    assertThat(foreign.options()).extracting(Option::tool, Option::actor)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("aid", "ally"));
    assertThat(foreign.unavailable()).singleElement().extracting(Playbook.Unavailable::reason)
        .isEqualTo("coercive, and no actor of this group drives or defends the atrocities (position < 0)");
  }

  @Test
  void plannersAreSoughtInTheTargetsRegimeAndNeverInTheEngagersOwnChain() {
    Case c = regime().actor("rival", TargetGroup.PLANNERS, -0.5)
        .actor("envoy", TargetGroup.OTHER_FOREIGN, 0.5)
        .tie("eng", TieType.COMMANDS, Channel.COMMAND, "envoy", 0.9)
        .tie("eng", TieType.INFLUENCES, Channel.DIPLOMATIC, "rival", 0.9)
        .tie("eng", TieType.INFLUENCES, Channel.DIPLOMATIC, "envoy", 0.9)
        .tie("eng", TieType.INFLUENCES, Channel.DIPLOMATIC, "boss", 0.1);
    Tool engage = new Tool("engage", "engage", Channel.DIPLOMATIC, Mode.COOPERATIVE,
        TimeToEffect.DAYS, List.of(TargetGroup.PLANNERS, TargetGroup.OTHER_FOREIGN),
        List.of(Channel.DIPLOMATIC), null, null, null, null, "t");
    Plan p = plan(c, ToolCatalogue.of("t", List.of(engage)), Tempo.ROLLING);
    assertThat(p.regime()).containsExactly("boss", "unit");
    assertThat(group(p, TargetGroup.PLANNERS).candidates()).containsExactly("boss");
    assertThat(p.options(TargetGroup.PLANNERS)).extracting(Option::actor).containsExactly("boss");
    assertThat(group(p, TargetGroup.OTHER_FOREIGN).candidates()).isEmpty();
  }

  @Test
  void pathsToVictimsMayNotRunThroughTheRegime() {
    Tool guarantee = tool("guarantee", Channel.MILITARY, Mode.COOPERATIVE, TimeToEffect.WEEKS,
        TargetGroup.VICTIMS, Channel.MILITARY);
    ToolCatalogue one = ToolCatalogue.of("t", List.of(guarantee));
    Case c = regime()
        .tie("eng", TieType.SUPPLIES_ARMS, Channel.MILITARY, "unit", 0.9)
        .tie("unit", TieType.THREATENS, Channel.MILITARY, "town", 0.9);
    GroupPlan victims = group(plan(c, one, Tempo.ROLLING), TargetGroup.VICTIMS);
    assertThat(victims.options()).isEmpty();
    assertThat(victims.unavailable().get(0).reason()).endsWith("without passing through the regime");

    c.actor("peacekeepers", TargetGroup.OTHER_FOREIGN, 0.7)
        .tie("eng", TieType.PROVIDES_AID, Channel.MILITARY, "peacekeepers", 0.5)
        .tie("peacekeepers", TieType.PROVIDES_AID, Channel.MILITARY, "town", 0.4);
    assertThat(group(plan(c, one, Tempo.ROLLING), TargetGroup.VICTIMS).options())
        .extracting(PlaybookTest::route)
        .containsExactly("eng -provides-aid-> peacekeepers -provides-aid-> town");
  }

  @Test
  void badInputIsRejectedNamingTheField() {
    LeverageGraph g = regime().graph();
    Playbook playbook = new Playbook(g, TWO);
    assertThatThrownBy(() -> playbook.plan(PlaybookQuery.of("nobody", "boss", "latent", "rolling")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("engager: no actor 'nobody'");
    assertThatThrownBy(() -> playbook.plan(PlaybookQuery.of("eng", "nobody", "latent", "rolling")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("target: no actor 'nobody'");
    assertThatThrownBy(() -> PlaybookQuery.of("eng", "boss", null, "rolling"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("phase: required");
    assertThatThrownBy(() -> PlaybookQuery.of("eng", "boss", "late", "rolling"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("phase: 'late' is not one of latent, emerging, escalating, mass-atrocity, recovery");
    assertThatThrownBy(() -> PlaybookQuery.of("eng", "boss", "latent", "fast"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("tempo: 'fast'");
    assertThatThrownBy(() -> PlaybookQuery.of(null, "boss", "latent", "rolling"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("engager: ");
  }

  // --- The curated Darfur case, as of 2007-07-31, for the United States against Bashir.

  static CaseFile darfurCase;
  static LeverageGraph darfur;

  @BeforeAll
  static void load() throws Exception {
    try (InputStream in = Files.newInputStream(Path.of("datasets/darfur-2003-2008.json"))) {
      darfurCase = new CaseCodec().readJson("darfur-2003-2008.json", in);
      darfur = LeverageGraph.of(darfurCase.id(), darfurCase.asOf(), darfurCase.actors(),
          darfurCase.ties());
    }
  }

  static Plan darfur(Tempo tempo) {
    return new Playbook(darfur).plan(new PlaybookQuery("usa", "bashir", darfurCase.phase(), tempo));
  }

  static Option find(Plan p, TargetGroup g, String tool, String actor) {
    return p.options(g).stream().filter(o -> o.tool().equals(tool) && o.actor().equals(actor))
        .findFirst().orElseThrow(() -> new AssertionError(tool + " on " + actor + " not listed"));
  }

  @Test
  void darfurTheUnitedStatesCanSanctionKhartoumAndReachHarounThroughTheCouncilAndTheCourt() {
    assertThat(darfurCase.phase()).isEqualTo(Phase.MASS_ATROCITY);
    assertThat(darfurCase.tempo()).isEqualTo(Tempo.ROLLING);
    Plan p = darfur(darfurCase.tempo());
    assertThat(p.regime()).contains("bashir", "sdn-gov", "saf", "janjaweed", "haroun");

    Option sanctions = find(p, TargetGroup.PLANNERS, "targeted-sanctions", "sdn-gov");
    assertThat(route(sanctions)).isEqualTo("usa -sanctions-> sdn-gov");
    assertThat(sanctions.path().strength()).isCloseTo(0.35 * 0.95, within(1e-12));

    Option referral = find(p, TargetGroup.PLANNERS, "referral-to-international-courts", "haroun");
    assertThat(route(referral)).isEqualTo("usa -member-of-> unsc -influences-> icc -threatens-> haroun");
    assertThat(referral.why()).contains("Ahmad Muhammad Harun").contains("legal or diplomatic ties");

    Option engagement = find(p, TargetGroup.PLANNERS, "engagement", "bashir");
    assertThat(route(engagement)).isEqualTo("usa -influences-> lby -mediates-> bashir");

    GroupPlan planners = group(p, TargetGroup.PLANNERS);
    assertThat(planners.mix()).isEqualTo("mixes coercive and cooperative options");
    assertThat(planners.options().get(0).path().strength())
        .as("rolling: strongest path first").isCloseTo(0.35 * 0.95, within(1e-12));
  }

  @Test
  void darfurPerpetratorsAreReachedOnlyBySanctionsThroughTheSecurityCouncil() {
    Plan p = darfur(Tempo.ROLLING);
    Option hilal = find(p, TargetGroup.PERPETRATORS, "targeted-sanctions", "hilal");
    assertThat(route(hilal)).isEqualTo("usa -member-of-> unsc -sanctions-> hilal");
    assertThat(hilal.path().strength()).isCloseTo(0.9 * 0.3 * 0.95, within(1e-9));
    GroupPlan perpetrators = group(p, TargetGroup.PERPETRATORS);
    assertThat(perpetrators.cooperative()).isZero();
    assertThat(perpetrators.mix()).startsWith("only coercive options: no cooperative tool can be applied");
    assertThat(group(p, TargetGroup.VICTIMS).options())
        .as("no US tie reaches the victims except through the regime").isEmpty();
  }

  @Test
  void darfurEveryListedOptionRestsOnAPathOfTheToolsOwnChannelsAndTypes() {
    ToolCatalogue catalogue = ToolCatalogue.standard();
    for (Tempo tempo : Tempo.values()) {
      Plan p = darfur(tempo);
      int listed = 0;
      for (GroupPlan g : p.groups()) {
        for (Option o : g.options()) {
          listed++;
          Tool t = catalogue.tool(o.tool()).orElseThrow();
          assertThat(t.targetGroups()).contains(g.group());
          assertThat(o.path().hops()).as(o.why()).isNotEmpty();
          assertThat(o.path().hops().get(0).source()).isEqualTo("usa");
          assertThat(o.path().hops().get(o.path().hops().size() - 1).target()).isEqualTo(o.actor());
          for (var hop : o.path().hops()) {
            assertThat(t.channels()).as(o.why()).extracting(Channel::label).contains(hop.channel());
            if (!t.tieTypes().isEmpty()) {
              assertThat(t.tieTypes()).as(o.why()).extracting(TieType::label).contains(hop.type());
            }
          }
          if (t.mode() == Mode.COERCIVE) {
            assertThat(o.actorPosition()).as(o.why()).isNegative();
          }
          assertThat(t.suits(tempo)).isTrue();
        }
      }
      assertThat(listed).as(tempo.label()).isGreaterThan(20);
    }
  }

  @Test
  void darfurInAVolcanicCrisisFastToolsComeFirst() {
    Plan p = darfur(Tempo.VOLCANIC);
    for (GroupPlan g : p.groups()) {
      List<TimeToEffect> times = g.options().stream()
          .map(o -> ToolCatalogue.standard().tool(o.tool()).orElseThrow().timeToEffect()).toList();
      assertThat(times).as(g.group().label()).isSorted();
      assertThat(g.options()).extracting(Option::tool)
          .doesNotContain("fact-finding", "observer-missions");
    }
    assertThat(p.options(TargetGroup.PLANNERS).get(0).timeToEffect()).isEqualTo("days");
  }

  @Test
  void thePlanSerialisesWithItsReasons() throws Exception {
    String json = JsonMapper.builder().build().writeValueAsString(darfur(Tempo.ROLLING));
    assertThat(json).contains("\"phase\":\"mass-atrocity\"", "\"tempo\":\"rolling\"",
        "\"group\":\"planners\"", "\"why\":", "\"unavailable\":", "\"hops\":");
  }
}
