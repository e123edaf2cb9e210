package org.fulcrum.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.fulcrum.casefile.Actor;
import org.fulcrum.casefile.ActorKind;
import org.fulcrum.casefile.CaseFile;
import org.fulcrum.casefile.CaseFormatException;
import org.fulcrum.casefile.Channel;
import org.fulcrum.casefile.Polarity;
import org.fulcrum.casefile.Source;
import org.fulcrum.casefile.TargetGroup;
import org.fulcrum.casefile.Tie;
import org.fulcrum.casefile.TieType;
import org.junit.jupiter.api.Test;

/** Curated and generated records combine; a re-build replaces exactly the generated ones. */
class CaseAssemblerTest {

  static CaseFile withHandMadeBashir(CaseFile generated) {
    List<Source> sources = new ArrayList<>(generated.sources());
    sources.add(new Source("s-icc", "ICC, Prosecutor v. Omar Hassan Ahmad Al Bashir", "https://www.icc-cpi.int/darfur/albashir"));
    List<Actor> actors = new ArrayList<>(generated.actors());
    actors.add(new Actor("bashir", "Omar al-Bashir", ActorKind.LEADER, "SDN", -0.95, 0.9, 0.95,
        TargetGroup.PLANNERS, null, List.of("s-icc")));
    List<Tie> ties = new ArrayList<>(generated.ties());
    ties.add(new Tie("t-bashir-sdn", "bashir", "od-sdn", TieType.CONTROLS, 0.95, Polarity.SUPPORTIVE,
        Channel.COMMAND, 0.95, null, null, null, null, List.of("s-icc")));
    // A hand-made tie from a generated actor, and a stale generated tie that must go.
    ties.add(new Tie("t-rus-bashir", "od-rus", "bashir", TieType.INFLUENCES, 0.3, Polarity.SUPPORTIVE,
        Channel.DIPLOMATIC, 0.6, null, null, null, null, List.of("s-icc")));
    ties.add(new Tie("od-stale", "od-chn", "od-sdn", TieType.TRADES_WITH, 0.5, Polarity.SUPPORTIVE,
        Channel.ECONOMIC, 0.5, null, null, null, null, List.of("s-icc")));
    return new CaseFile(generated.id(), "My Sudan case", generated.description(), generated.asOf(),
        generated.tempo(), generated.phase(), sources, actors, ties, generated.messages());
  }

  @Test
  void aRebuildRefreshesGeneratedTiesAndKeepsHandMadeOnes() {
    var armsOnly = OpenDataFixtures.build("SDN", 2003, 2007, OpenDataSource.ARMS);
    CaseFile edited = withHandMadeBashir(OpenDataFixtures.caseOf(armsOnly));

    var rebuild = OpenDataFixtures.build("SDN", 2003, 2007, OpenDataSource.ARMS, OpenDataSource.CONTIGUITY);
    var merged = new CaseAssembler().assemble(rebuild, edited);
    CaseFile c = merged.caseFile();

    assertThat(c.title()).as("the hand-edited header is kept").isEqualTo("My Sudan case");
    assertThat(c.actors()).extracting(Actor::id).contains("bashir", "od-sdn", "od-rus", "od-tcd");
    assertThat(c.ties()).extracting(Tie::id).contains("t-bashir-sdn", "t-rus-bashir",
        "od-arms-rus-sdn", "od-border-tcd-sdn").doesNotContain("od-stale");
    assertThat(merged.keptActors()).isEqualTo(1);
    assertThat(merged.keptTies()).isEqualTo(2);
    assertThat(c.sources()).extracting(Source::id).contains("s-icc");
  }

  @Test
  void aGeneratedActorThatAHandMadeTieNamesSurvivesARebuildWithoutIt() {
    CaseFile edited = withHandMadeBashir(OpenDataFixtures.caseOf(
        OpenDataFixtures.build("SDN", 2003, 2007, OpenDataSource.ARMS)));
    var vetoesOnly = OpenDataFixtures.build("SDN", 2003, 2007, OpenDataSource.VETOES);
    var merged = new CaseAssembler().assemble(vetoesOnly, edited);
    assertThat(merged.caseFile().actors()).extracting(Actor::id).contains("od-rus", "bashir")
        .doesNotContain("od-chn");
    assertThat(merged.carriedOver()).isEqualTo(1);
    assertThat(merged.caseFile().ties()).extracting(Tie::id).containsExactlyInAnyOrder(
        "t-bashir-sdn", "t-rus-bashir");
  }

  @Test
  void aHandEditThatBreaksARuleIsReportedByRecord() {
    CaseFile generated = OpenDataFixtures.caseOf(OpenDataFixtures.build("SDN", 2003, 2007, OpenDataSource.ARMS));
    List<Tie> ties = new ArrayList<>(generated.ties());
    ties.add(new Tie("t-bad", "nobody", "od-sdn", TieType.INFLUENCES, 0.3, Polarity.SUPPORTIVE,
        Channel.DIPLOMATIC, 0.6, null, null, null, null, List.of()));
    CaseFile broken = new CaseFile(generated.id(), generated.title(), null, generated.asOf(),
        generated.tempo(), generated.phase(), generated.sources(), generated.actors(), ties, List.of());
    assertThatThrownBy(() -> new CaseAssembler().assemble(
        OpenDataFixtures.build("SDN", 2003, 2007, OpenDataSource.ARMS), broken))
        .isInstanceOf(CaseFormatException.class).hasMessageContaining("unknown actor id 'nobody'");
  }
}
