package org.fulcrum.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.fulcrum.casefile.Actor;
import org.fulcrum.casefile.ActorKind;
import org.fulcrum.casefile.Channel;
import org.fulcrum.casefile.Polarity;
import org.fulcrum.casefile.Tie;
import org.fulcrum.casefile.TieType;
import org.junit.jupiter.api.Test;

/** The snapshot's columns and adjacency, on a case large enough to be filled on several threads. */
class LeverageGraphTest {

  /** The key-based sort orders ids exactly as String.compareTo does, small and parallel. */
  @Test
  void idOrderIsStringOrderForAnyIds() {
    String alphabet = "ab\u0000\u00e9\uffffZ0-";
    for (int n : new int[] {0, 1, 50, LeverageGraph.PARALLEL_TIES + 7}) {
      SplittableRandom random = new SplittableRandom(n);
      String[] ids = new String[n];
      for (int i = 0; i < n; i++) {
        StringBuilder id = new StringBuilder();
        for (int len = random.nextInt(12); len > 0; len--) {
          id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        ids[i] = id.toString();
      }
      String[] expected = ids.clone();
      java.util.Arrays.sort(expected);
      assertThat(LeverageGraph.byId(ids, s -> s)).containsExactly(expected);
    }
  }

  @Test
  void aLargeCaseIsFilledTieByTieAsWritten() {
    int n = 3_000;
    int m = LeverageGraph.PARALLEL_TIES + 12_345;
    List<Actor> actors = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      actors.add(new Actor("a" + i, "A" + i, ActorKind.STATE, null, 0, 0.5, 0.5, null, null, List.of("s")));
    }
    SplittableRandom random = new SplittableRandom(7);
    List<Tie> ties = new ArrayList<>(m);
    TieType[] types = TieType.values();
    Channel[] channels = Channel.values();
    Polarity[] polarities = Polarity.values();
    for (int e = 0; e < m; e++) {
      ties.add(new Tie("t" + e, "a" + random.nextInt(n), "a" + random.nextInt(n),
          types[random.nextInt(types.length)], 0.01 + 0.99 * random.nextDouble(),
          polarities[random.nextInt(polarities.length)], channels[random.nextInt(channels.length)],
          0.5 + 0.5 * random.nextDouble(), null, null, null, null, List.of("s")));
    }
    LeverageGraph g = LeverageGraph.of("big", null, actors, ties);

    assertThat(g.tieCount()).isEqualTo(m);
    int[] outDegree = new int[n];
    int[] inDegree = new int[n];
    // the snapshot indexes actors and ties in order of id ("a10" before "a2"), not as written
    for (Tie t : ties) {
      int e = g.tieIndexOf(t.id()).orElseThrow();
      assertThat(g.tie(e)).isSameAs(t);
      int s = g.require(t.source(), "source");
      int d = g.require(t.target(), "target");
      assertThat(g.source(e)).isEqualTo(s);
      assertThat(g.target(e)).isEqualTo(d);
      assertThat(g.probability(e)).isEqualTo(t.strength() * t.confidence());
      assertThat(g.cost(e)).isEqualTo(-Math.log(t.strength() * t.confidence()));
      outDegree[s]++;
      inDegree[d]++;
    }
    for (int i = 0; i < n; i++) {
      int v = i;
      List<Integer> out = g.outgoing(v);
      assertThat(out).hasSize(outDegree[v]).isSorted().allSatisfy(e -> assertThat(g.source(e)).isEqualTo(v));
      List<Integer> in = g.incoming(v);
      assertThat(in).hasSize(inDegree[v]).isSorted().allSatisfy(e -> assertThat(g.target(e)).isEqualTo(v));
    }
    // the tie filter reads the type, channel and polarity columns
    assertThat(g.allowedTies(Set.of(), Set.of(Channel.DIPLOMATIC), null, Set.of(),
        Set.of(), -1, -1)).satisfies(allowed -> {
          for (int e = 0; e < m; e += 997) {
            assertThat(allowed[e]).as("tie %d", e).isEqualTo(g.tie(e).channel() == Channel.DIPLOMATIC);
          }
        });
  }

  @Test
  void aTieNamingAnUnknownActorIsRefusedByItsId() {
    int n = 10;
    List<Actor> actors = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      actors.add(new Actor("a" + i, "A" + i, ActorKind.STATE, null, 0, 0.5, 0.5, null, null, List.of("s")));
    }
    for (int m : new int[] {5, LeverageGraph.PARALLEL_TIES + 1}) {
      List<Tie> ties = new ArrayList<>(m);
      for (int e = 0; e < m; e++) {
        String target = e == m - 3 || e == m - 1 ? "nobody" : "a" + (e % n);
        ties.add(new Tie("t" + e, "a" + ((e + 1) % n), target, TieType.INFLUENCES, 0.5, Polarity.SUPPORTIVE,
            Channel.DIPLOMATIC, 1, null, null, null, null, List.of("s")));
      }
      assertThatThrownBy(() -> LeverageGraph.of("bad", null, actors, ties))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("tie t" + (m - 3) + " names an actor not in the graph");
    }
  }
}
