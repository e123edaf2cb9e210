package org.fulcrum.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Betweenness reproduces published reference values (files in src/test/resources/benchmarks). */
class BrokerCentralityTest {

  static List<String[]> csv(String name) throws IOException {
    return Files.readAllLines(Path.of("src/test/resources/benchmarks", name)).stream().skip(1)
        .map(l -> l.split(",")).toList();
  }

  /** An undirected network as ties both ways, every tie of strength 1. */
  static LeverageGraph undirected(List<String[]> edges) {
    TestGraphs g = TestGraphs.graph();
    for (String[] e : edges) {
      g.tie(e[0], e[1], 1).tie(e[1], e[0], 1);
    }
    return g.build();
  }

  static Map<String, Double> scores(LeverageGraph g) {
    Map<String, Double> scores = new HashMap<>();
    new BrokerCentrality(g).betweenness(BrokerCentrality.Weighting.HOPS).actors()
        .forEach(s -> scores.put(s.id(), s.score()));
    return scores;
  }

  @Test
  void zacharysKarateClub() throws IOException {
    Map<String, Double> scores = scores(undirected(csv("karate_zachary_weighted_edges.csv")));
    List<String[]> reference = csv("karate_reference_centrality.csv");
    assertThat(reference).hasSize(34);
    for (String[] row : reference) {
      assertThat(scores.get(row[0])).as("member %s", row[0]).isCloseTo(Double.parseDouble(row[4]), within(1e-9));
    }
    assertThat(scores.get("1")).isCloseTo(0.437635, within(1e-6));
  }

  @Test
  void padgettsFlorentineFamilies() throws IOException {
    Map<String, Double> scores = scores(undirected(csv("florentine_padgett_marriage_edges.csv")));
    assertThat(scores).hasSize(15).doesNotContainKey("Pucci");
    for (String[] row : csv("florentine_reference_betweenness.csv")) {
      assertThat(scores.get(row[0])).as(row[0]).isCloseTo(Double.parseDouble(row[2]), within(5e-4));
    }
    assertThat(scores.get("Medici")).isCloseTo(47.5 / 91, within(1e-9));
  }

  @Test
  void leverageWeightingPrefersStrongChains() {
    // a reaches c either through b (0.9 x 0.9) or through d (0.3 x 0.3): b is the broker
    var g = TestGraphs.graph().tie("a", "b", 0.9).tie("b", "c", 0.9).tie("a", "d", 0.3).tie("d", "c", 0.3).build();
    var ranking = new BrokerCentrality(g).betweenness(BrokerCentrality.Weighting.LEVERAGE);
    assertThat(ranking.actors().get(0).id()).isEqualTo("b");
    assertThat(ranking.actors().get(0).score()).isCloseTo(1.0 / 6, within(1e-12));
    var hops = new BrokerCentrality(g).betweenness(BrokerCentrality.Weighting.HOPS);
    assertThat(hops.actors().stream().filter(s -> s.id().equals("d")).findFirst().orElseThrow().score())
        .as("by hops both chains count").isCloseTo(0.5 / 6, within(1e-12));
  }
}
