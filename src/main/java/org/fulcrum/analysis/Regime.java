package org.fulcrum.analysis;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.IntConsumer;
import java.util.function.IntPredicate;
import org.fulcrum.casefile.Tie;

/**
 * A target and its command chain: every actor joined to it by command ties ({@link
 * org.fulcrum.casefile.TieType#isCommand()}: {@code commands}, {@code controls}), in either
 * direction and transitively (a leader brings the units it commands; a unit brings those who
 * command it). Patrons shield the regime as a whole, and a threat to one member is a threat to
 * the regime.
 *
 * <p>One breadth-first closure serves both views of a case: the int-level snapshot
 * ({@link #of(LeverageGraph, int)}, ties valid on its day) and the case's ties by id, whatever
 * their dates ({@link #commandChains(Collection)}, for the message review). O(n + m).
 */
public final class Regime {

  private Regime() {}

  /**
   * The regime of {@code target} in the snapshot, as a set of actor indices. The chain stays within
   * the target's country: an actor of another country (both countries known) that commands or
   * controls a regime member is not of the regime but its patron, with its own chain (a foreign
   * leader who takes over the target's negotiating mandate, a neighbour's army commanding a militia).
   */
  static BitSet of(LeverageGraph g, int target) {
    String country = g.actor(target).country();
    IntPredicate sameCountry = v -> country == null || g.actor(v).country() == null
        || g.actor(v).country().equals(country);
    return closure(g.actorCount(), target, (v, visit) -> {
      for (int e : g.outgoing(v)) {
        if (g.tie(e).type().isCommand() && sameCountry.test(g.target(e))) {
          visit.accept(g.target(e));
        }
      }
      for (int e : g.incoming(v)) {
        if (g.tie(e).type().isCommand() && sameCountry.test(g.source(e))) {
          visit.accept(g.source(e));
        }
      }
    });
  }

  /**
   * The actors of {@code from} and everything they command or control, transitively: command ties
   * followed from source to target only (a state brings its army, not whoever commands it).
   */
  static BitSet commandedBy(LeverageGraph g, BitSet from) {
    return closure(g.actorCount(), from, (v, visit) -> {
      for (int e : g.outgoing(v)) {
        if (g.tie(e).type().isCommand()) {
          visit.accept(g.target(e));
        }
      }
    });
  }

  /** Whether the actor has a tie to or from a member of the regime (a forum that acts on it). */
  static boolean touches(LeverageGraph g, int actor, BitSet regime) {
    return g.outgoing(actor).stream().anyMatch(e -> regime.get(g.target(e)))
        || g.incoming(actor).stream().anyMatch(e -> regime.get(g.source(e)));
  }

  /** The command chains recorded in {@code ties}, whatever their dates. */
  public static CommandChains commandChains(Collection<Tie> ties) {
    return new CommandChains(ties);
  }

  /** The command chains of a set of ties, looked up by actor id. */
  public static final class CommandChains {

    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> ids = new ArrayList<>();
    private final List<List<Integer>> neighbours = new ArrayList<>();

    private CommandChains(Collection<Tie> ties) {
      for (Tie t : ties) {
        if (t.type().isCommand()) {
          int s = index(t.source());
          int d = index(t.target());
          neighbours.get(s).add(d);
          neighbours.get(d).add(s);
        }
      }
    }

    private int index(String id) {
      return index.computeIfAbsent(id, k -> {
        ids.add(k);
        neighbours.add(new ArrayList<>());
        return ids.size() - 1;
      });
    }

    /** The actor with its command chain, sorted by id (so the first id names the regime). */
    public SortedSet<String> regimeOf(String actor) {
      SortedSet<String> members = new TreeSet<>();
      Integer start = index.get(actor);
      if (start == null) {
        members.add(actor);
      } else {
        BitSet chain = closure(ids.size(), start, (v, visit) -> neighbours.get(v).forEach(visit::accept));
        chain.stream().forEach(i -> members.add(ids.get(i)));
      }
      return Collections.unmodifiableSortedSet(members);
    }
  }

  /** Hands each command neighbour of an actor to {@code visit}. */
  private interface Neighbours {
    void forEach(int actor, IntConsumer visit);
  }

  private static BitSet closure(int n, int start, Neighbours neighbours) {
    BitSet starts = new BitSet(n);
    starts.set(start);
    return closure(n, starts, neighbours);
  }

  private static BitSet closure(int n, BitSet starts, Neighbours neighbours) {
    BitSet members = (BitSet) starts.clone();
    List<Integer> queue = new ArrayList<>();
    starts.stream().forEach(queue::add);
    for (int head = 0; head < queue.size(); head++) {
      neighbours.forEach(queue.get(head), other -> {
        if (!members.get(other)) {
          members.set(other);
          queue.add(other);
        }
      });
    }
    return members;
  }
}
