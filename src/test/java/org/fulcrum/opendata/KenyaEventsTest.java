package org.fulcrum.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.fulcrum.casefile.Actor;
import org.fulcrum.casefile.ActorKind;
import org.fulcrum.casefile.CaseFile;
import org.fulcrum.casefile.Polarity;
import org.fulcrum.casefile.Tie;
import org.fulcrum.casefile.TieType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ICEWS rows for Kenya 2007-2008 (the bundled subset of the 92k-row ICEWS05-15 sample). The
 * sample is a 20% random draw: it holds Kibaki's camp (Kibaki, the head of government, the
 * police, Uhuru Kenyatta), the opposition side (William Ruto, opposition activists) and the
 * mediators (African Union, Benjamin Mkapa of the Panel of Eminent African Personalities,
 * Tanzania's Kikwete as AU chair, the US envoy), but no 2007-2008 row naming Raila Odinga or
 * Kofi Annan; the last test pins that gap so that nobody reads more into the sample.
 */
class KenyaEventsTest {

  static CaseFile kenya;
  static Map<String, Actor> actors;
  static Map<String, Tie> ties;

  @BeforeAll
  static void build() {
    kenya = OpenDataFixtures.caseOf(OpenDataFixtures.build("KEN", 2007, 2008, OpenDataSource.EVENTS));
    actors = kenya.actors().stream().collect(Collectors.toMap(Actor::id, Function.identity()));
    ties = kenya.ties().stream().collect(Collectors.toMap(Tie::id, Function.identity()));
  }

  static Tie tie(String id) {
    assertThat(ties).containsKey(id);
    return ties.get(id);
  }

  @Test
  void kibakisCampIsResolvedThroughThePhoenixDictionaries() {
    assertThat(actors.get("od-ev-mwai-kibaki")).satisfies(a -> {
      assertThat(a.kind()).as("MWAI_KIBAKI_ [KENGOV >021230]").isEqualTo(ActorKind.LEADER);
      assertThat(a.country()).isEqualTo("KEN");
    });
    assertThat(actors.get("od-ev-uhuru-muigai-kenyatta").country()).as("via UHURU_KENYATTA_")
        .isEqualTo("KEN");
    assertThat(actors.get("od-ev-police-kenya").kind()).as("POLICE [~COP]")
        .isEqualTo(ActorKind.ARMED_GROUP);
    assertThat(actors.get("od-ev-head-of-government-kenya").kind()).as("HEAD_OF_GOVERNMENT [~GOV]")
        .isEqualTo(ActorKind.GOVERNMENT_BODY);
    // Kenyatta rallies support for the head of government: 4 cooperative events on 3 days.
    Tie rally = tie("od-ev-uhuru-muigai-kenyatta-influences-pos-head-of-government-kenya");
    assertThat(rally.polarity()).isEqualTo(Polarity.SUPPORTIVE);
    assertThat(rally.strength()).isEqualTo(0.4109);
  }

  @Test
  void theOppositionAndThePoliceMeetWithHostileTies() {
    Tie repression = tie("od-ev-police-kenya-threatens-neg-opposition-activist-kenya");
    assertThat(repression.type()).isEqualTo(TieType.THREATENS);
    assertThat(repression.polarity()).isEqualTo(Polarity.HOSTILE);
    // One "Use tactics of violent repression" (175, Goldstein -8.5): (1 - e^-0.2) x (0.5 + 0.425)
    assertThat(repression.strength()).isEqualTo(0.1677);
    assertThat(repression.confidence()).isEqualTo(0.5);
    Tie ruto = tie("od-ev-william-ruto-influences-neg-police-kenya");
    assertThat(ruto.polarity()).isEqualTo(Polarity.HOSTILE);
    assertThat(actors.get("od-ev-william-ruto").country()).as("WILLIAM_SAMOEI_RUTO_").isEqualTo("KEN");
  }

  @Test
  void theMediatorsReachKibakiWithSupportiveTies() {
    assertThat(actors.get("od-ev-african-union").kind()).isEqualTo(ActorKind.FORUM);
    for (String mediator : new String[] {"african-union", "benjamin-william-mkapa",
        "jakaya-mrisho-kikwete", "envoy-united-states"}) {
      Tie t = tie("od-ev-" + mediator + "-influences-pos-mwai-kibaki");
      assertThat(t.polarity()).isEqualTo(Polarity.SUPPORTIVE);
      assertThat(t.channel().label()).isEqualTo("diplomatic");
    }
    assertThat(actors.get("od-ev-jakaya-mrisho-kikwete").kind()).as("TZAGOV >051221")
        .isEqualTo(ActorKind.LEADER);
    String evidence = kenya.sources().stream()
        .filter(s -> s.id().equals(tie("od-ev-african-union-influences-pos-mwai-kibaki").sources().get(0)))
        .findFirst().orElseThrow().citation();
    assertThat(evidence).contains("African Union -> Mwai Kibaki")
        .contains("2 cooperative event(s) on 2 day(s), 2008-01-31 to 2008-02-26")
        .contains("044 Meet at a \"third\" location").contains("icews05-15_tkg_sample")
        .contains("Rule 'events'");
  }

  @Test
  void theSampleHasNoOdingaOrAnnanRowsIn2007And2008() {
    assertThat(kenya.actors()).extracting(Actor::name)
        .noneMatch(n -> n.contains("Odinga") || n.contains("Annan"));
  }
}
