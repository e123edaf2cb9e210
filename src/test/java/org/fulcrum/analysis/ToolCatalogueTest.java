package org.fulcrum.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.fulcrum.analysis.ToolCatalogue.Mode;
import org.fulcrum.analysis.ToolCatalogue.TimeToEffect;
import org.fulcrum.analysis.ToolCatalogue.Tool;
import org.fulcrum.casefile.Channel;
import org.fulcrum.casefile.Tempo;
import org.junit.jupiter.api.Test;

class ToolCatalogueTest {

  static final ToolCatalogue STANDARD = ToolCatalogue.standard();

  static ToolCatalogue read(String json) {
    return ToolCatalogue.read("test.json",
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  static String file(String tool) {
    return "{\"source\": \"seed, Table 1\", \"tools\": [" + tool + "]}";
  }

  @Test
  void theStandardCatalogueCoversAllFourTypesInBothModes() {
    assertThat(STANDARD.coverage()).containsOnlyKeys(
        "diplomatic/cooperative", "diplomatic/coercive", "economic/cooperative", "economic/coercive",
        "legal/cooperative", "legal/coercive", "military/cooperative", "military/coercive");
    assertThat(STANDARD.source()).contains("Table 1", "Preventing Genocide", "2008", "ch. 4")
        .doesNotContain("shared/seed");
  }

  @Test
  void everyToolTheSeedNamesForTable1IsThereInTheSeedsWords() {
    assertThat(STANDARD.tools()).extracting(Tool::name).contains(
        "suspension of membership in international bodies", "trade incentives", "increased aid",
        "trade sanctions", "embargoes", "seizure of assets", "targeted sanctions", "arbitration",
        "offers of amnesty", "support for domestic indictments", "referral to international courts",
        "military assistance", "training", "security guarantees", "heightened presence",
        "sabotage", "intervention", "fact finding", "observer missions");
  }

  @Test
  void factFindingAndObserverMissionsSuitOnlyRollingCrises() {
    assertThat(STANDARD.tools()).filteredOn(t -> !t.suits(Tempo.VOLCANIC))
        .extracting(Tool::id).containsExactlyInAnyOrder("fact-finding", "observer-missions");
    assertThat(STANDARD.tool("fact-finding").orElseThrow().source()).contains("rolling");
  }

  @Test
  void diplomaticToolsAreQuickerThanEconomicAndMilitaryOnes() {
    for (Tool t : STANDARD.tools()) {
      if (t.type() == Channel.DIPLOMATIC && t.suits(Tempo.VOLCANIC)) {
        assertThat(t.timeToEffect()).as(t.id()).isIn(TimeToEffect.DAYS, TimeToEffect.WEEKS);
      } else if (t.type() == Channel.ECONOMIC || t.type() == Channel.MILITARY) {
        assertThat(t.timeToEffect()).as(t.id()).isNotEqualTo(TimeToEffect.DAYS);
      }
    }
    assertThat(STANDARD.tool("targeted-sanctions").orElseThrow().timeToEffect())
        .as("the seed's exception since 2001").isEqualTo(TimeToEffect.WEEKS);
  }

  @Test
  void everyToolSaysWhatPathItNeedsAndWhomItActsOn() {
    for (Tool t : STANDARD.tools()) {
      assertThat(t.targetGroups()).as(t.id()).isNotEmpty();
      assertThat(t.channels()).as(t.id()).isNotEmpty();
      assertThat(t.note()).as(t.id()).isNotBlank();
      assertThat(t.mode()).isIn(Mode.COOPERATIVE, Mode.COERCIVE);
    }
  }

  @Test
  void aBadValueIsReportedWithTheToolIdAndTheField() {
    assertThatThrownBy(() -> read(file("""
        {"id": "x", "name": "x", "type": "diplomatic", "mode": "cooperative",
         "timeToEffect": "soon", "targetGroups": ["planners"], "channels": ["diplomatic"]}""")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("test.json")
        .hasMessageContaining("tool 'x': timeToEffect: 'soon' is not one of days, weeks, months, years");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    assertThatThrownBy(() -> read(file("""
        {"id": "y", "name": "y", "type": "informational", "mode": "nice", "timeToEffect": "days",
         "targetGroups": ["bystanders"], "channel": ["diplomatic"]},
        {"name": "no id", "type": "legal", "mode": "coercive", "timeToEffect": "days",
         "targetGroups": ["planners"], "tieTypes": ["sanctions"]}""")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tool 'y': type: 'informational' is not a functional type of Table 1")
        .hasMessageContaining("tool 'y': mode: 'nice' is not one of cooperative, coercive")
        .hasMessageContaining("tool 'y': targetGroups: 'bystanders' is not one of planners")
        .hasMessageContaining("tool 'y': channel: unknown field")
        .hasMessageContaining("tool 'y': channels: give channels, tieTypes or both")
        .hasMessageContaining("tools[1]: id: required");
  }

  @Test
  void aToolIdUsedTwiceIsRejected() {
    String tool = """
        {"id": "z", "name": "z", "type": "legal", "mode": "coercive", "timeToEffect": "months",
         "targetGroups": ["planners"], "channels": ["legal"]}""";
    assertThatThrownBy(() -> read(file(tool + "," + tool)))
        .hasMessageContaining("tool 'z': id: used twice");
  }

  @Test
  void malformedJsonAndAMissingSourceAreReported() {
    assertThatThrownBy(() -> read("{\"tools\": ["))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("test.json: malformed JSON");
    assertThatThrownBy(() -> read("{\"tools\": []}"))
        .hasMessageContaining("catalogue: source: required")
        .hasMessageContaining("tools: expected a non-empty list");
  }

  @Test
  void aGoodFileIsReadWithItsOptionalFields() {
    ToolCatalogue c = read(file("""
        {"id": "w", "name": "w", "type": "economic", "mode": "coercive", "timeToEffect": "weeks",
         "targetGroups": ["perpetrators"], "channels": ["economic"], "tieTypes": ["sanctions"],
         "phases": ["escalating"], "tempos": ["rolling"], "source": "s", "note": "n"}"""));
    Tool w = c.tool("w").orElseThrow();
    assertThat(w.pathRule()).isEqualTo("economic ties of types sanctions");
    assertThat(w.suits(Tempo.VOLCANIC)).isFalse();
    assertThat(w.suits(org.fulcrum.casefile.Phase.LATENT)).isFalse();
    assertThat(w.suits(org.fulcrum.casefile.Phase.ESCALATING)).isTrue();
  }
}
