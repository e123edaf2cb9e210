package org.fulcrum.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.TreeSet;
import org.fulcrum.casefile.Polarity;
import org.fulcrum.casefile.TieType;
import org.junit.jupiter.api.Test;

/** The one command-chain closure, over the snapshot and over ties by id. */
class RegimeTest {

  @Test
  void aRegimeFollowsCommandTiesBothWaysAndNothingElse() {
    LeverageGraph g = TestGraphs.graph()
        .tie("bashir", "saf", TieType.COMMANDS, 1, 1, Polarity.SUPPORTIVE)
        .tie("janjaweed", "saf", TieType.CONTROLS, 1, 1, Polarity.SUPPORTIVE)
        .tie("chn", "bashir", TieType.SUPPLIES_ARMS, 1, 1, Polarity.SUPPORTIVE)
        .build();
    var members = Regime.of(g, g.require("saf", "saf")).stream()
        .mapToObj(i -> g.actor(i).id()).toList();
    assertThat(members).containsExactlyInAnyOrder("bashir", "saf", "janjaweed");
    assertThat(Regime.commandChains(g.ties()).regimeOf("saf")).containsExactly("bashir", "janjaweed", "saf");
    assertThat(Regime.commandChains(g.ties()).regimeOf("chn")).containsExactly("chn");
    assertThat(Regime.commandChains(g.ties()).regimeOf("nobody")).containsExactly("nobody");
  }

  @Test
  void bothViewsAgreeOnSeededRandomCommandGraphs() {
    for (long seed = 1; seed <= 20; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      TestGraphs b = TestGraphs.graph();
      for (int i = 0; i < 15; i++) {
        b.tie("a" + i, "a" + i + "x", 0.5); // every actor exists, whatever the draw
      }
      for (int k = 0; k < 14; k++) {
        TieType type = random.nextInt(3) == 0 ? TieType.INFLUENCES
            : random.nextBoolean() ? TieType.COMMANDS : TieType.CONTROLS;
        b.tie("a" + random.nextInt(15), "a" + random.nextInt(15), type, 1, 1, Polarity.SUPPORTIVE);
      }
      LeverageGraph g = b.build();
      var chains = Regime.commandChains(g.ties());
      for (int v = 0; v < g.actorCount(); v++) {
        TreeSet<String> expected = new TreeSet<>();
        Regime.of(g, v).stream().forEach(i -> expected.add(g.actor(i).id()));
        assertThat(chains.regimeOf(g.actor(v).id())).as("seed %d, %s", seed, g.actor(v).id())
            .containsExactlyElementsOf(expected);
      }
    }
  }
}
