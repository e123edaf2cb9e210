package org.fulcrum.analysis;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A target and its command chain: every actor joined to it by {@code commands} or {@code controls}
 * ties, in either direction (a leader brings the units it commands; a unit brings those who
 * command it). Patrons shield the regime as a whole.
 */
final class Regime {

  private Regime() {}

  static BitSet of(LeverageGraph g, int target) {
    BitSet members = new BitSet(g.actorCount());
    List<Integer> queue = new ArrayList<>();
    members.set(target);
    queue.add(target);
    for (int head = 0; head < queue.size(); head++) {
      int v = queue.get(head);
      for (int e : g.outgoing(v)) {
        visit(g, e, g.target(e), members, queue);
      }
      for (int e : g.incoming(v)) {
        visit(g, e, g.source(e), members, queue);
      }
    }
    return members;
  }

  private static void visit(LeverageGraph g, int e, int other, BitSet members, List<Integer> queue) {
    if (g.tie(e).type().isCommand() && !members.get(other)) {
      members.set(other);
      queue.add(other);
    }
  }
}
