package org.fulcrum.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.fulcrum.casefile.Actor;
import org.fulcrum.casefile.ActorKind;
import org.fulcrum.casefile.Channel;
import org.fulcrum.casefile.Polarity;
import org.fulcrum.casefile.Tie;
import org.fulcrum.casefile.TieType;
import org.fulcrum.error.InvalidRequestException;

/**
 * An immutable snapshot of a case's leverage graph on one day: the actors, and the ties valid on
 * that day, in compressed sparse row form (outgoing and incoming adjacency as int arrays) so that
 * path and sampling algorithms run over primitive arrays.
 *
 * <p>Each tie {@code e} carries a transmission probability {@code p(e) = strength x confidence}
 * in (0, 1] and a cost {@code -ln p(e)} >= 0, so that the strongest path (largest product of
 * probabilities) is the cheapest path (smallest sum of costs).
 */
public final class LeverageGraph {

  private final String caseId;
  private final LocalDate asOf;
  private final List<Actor> actors;
  private final List<Tie> ties;
  private final Map<String, Integer> actorIndex;
  /** Built on first use (only what-if checks look ties up by id): see {@link #tieIndexOf}. */
  private volatile Map<String, Integer> tieIndex;
  private final int[] source;
  private final int[] target;
  private final double[] probability;
  private final double[] cost;
  private final int[] outStart;
  private final int[] outEdges;
  private final int[] inStart;
  private final int[] inEdges;
  private final byte[] tieType;
  private final byte[] tieChannel;
  private final byte[] tiePolarity;
  private final byte[] actorKind;
  private final boolean[] everyTie;

  /** Ties per unit of work while the tie columns are filled. */
  private static final int CHUNK = 1 << 16;
  /** From this many ties on, the tie columns are filled on several threads. */
  static final int PARALLEL_TIES = 200_000;

  private LeverageGraph(String caseId, LocalDate asOf, List<Actor> actors, List<Tie> ties) {
    this.caseId = caseId;
    this.asOf = asOf;
    this.actors = List.copyOf(actors);
    this.ties = List.copyOf(ties);
    int n = actors.size();
    int m = ties.size();
    actorIndex = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      actorIndex.put(actors.get(i).id(), i);
    }
    actorKind = new byte[n];
    for (int i = 0; i < n; i++) {
      actorKind[i] = ordinal(actors.get(i).kind());
    }
    tieType = new byte[m];
    tieChannel = new byte[m];
    tiePolarity = new byte[m];
    everyTie = new boolean[m];
    Arrays.fill(everyTie, true);
    source = new int[m];
    target = new int[m];
    probability = new double[m];
    cost = new double[m];
    // Each tie's columns depend on that tie alone: on large cases the chunks are filled on the
    // common fork-join pool (a million ties: a record and two id look-ups each, mostly cache misses)
    int chunks = (m + CHUNK - 1) / CHUNK;
    AtomicInteger firstUnknown = new AtomicInteger(m);
    IntStream work = IntStream.range(0, chunks);
    (m >= PARALLEL_TIES ? work.parallel() : work).forEach(c -> {
      for (int e = c * CHUNK, end = Math.min(m, e + CHUNK); e < end; e++) {
        Tie t = this.ties.get(e);
        Integer s = actorIndex.get(t.source());
        Integer d = actorIndex.get(t.target());
        if (s == null || d == null) {
          firstUnknown.accumulateAndGet(e, Math::min);
          continue;
        }
        source[e] = s;
        target[e] = d;
        tieType[e] = ordinal(t.type());
        tieChannel[e] = ordinal(t.channel());
        tiePolarity[e] = ordinal(t.polarity());
        probability[e] = t.strength() * t.confidence();
        cost[e] = -Math.log(probability[e]);
      }
    });
    if (firstUnknown.get() < m) {
      throw new IllegalArgumentException("tie " + this.ties.get(firstUnknown.get()).id()
          + " names an actor not in the graph");
    }
    int[] outDegree = new int[n + 1];
    int[] inDegree = new int[n + 1];
    for (int e = 0; e < m; e++) {
      outDegree[source[e] + 1]++;
      inDegree[target[e] + 1]++;
    }
    outStart = prefixSums(outDegree);
    inStart = prefixSums(inDegree);
    outEdges = new int[m];
    inEdges = new int[m];
    int[] outFill = Arrays.copyOf(outStart, n);
    int[] inFill = Arrays.copyOf(inStart, n);
    for (int e = 0; e < m; e++) {
      outEdges[outFill[source[e]]++] = e;
      inEdges[inFill[target[e]]++] = e;
    }
  }

  /**
   * A snapshot of the given actors and of the ties valid on {@code asOf} ({@code null}: all ties).
   * Actors are indexed in order of id and ties in order of id, whatever order they are given in:
   * samplers and every tie-break by index then see one canonical order, so the same seed gives the
   * same answer however the store returned the case. (Sorting is linear on input already in that
   * order; on large cases the ties are sorted in parallel.)
   *
   * @throws IllegalArgumentException if a tie names an actor that is not given
   */
  public static LeverageGraph of(String caseId, LocalDate asOf, Collection<Actor> actors,
      Collection<Tie> ties) {
    Tie[] valid = ties.stream().filter(t -> asOf == null || t.validOn(asOf)).toArray(Tie[]::new);
    Actor[] sorted = actors.toArray(Actor[]::new);
    return new LeverageGraph(caseId, asOf, Arrays.asList(byId(sorted, Actor::id)),
        Arrays.asList(byId(valid, Tie::id)));
  }

  /**
   * The items in order of id ({@link String#compareTo}). Comparing the records' ids directly is
   * mostly cache misses on large cases (a record, then its string, for every comparison): the
   * first eight characters of every id are copied into two arrays of keys first, which order the
   * items exactly as their ids do where they differ, and only ids that agree on those eight
   * characters are compared in full. Parallel from {@link #PARALLEL_TIES} items.
   */
  static <T> T[] byId(T[] items, java.util.function.Function<T, String> id) {
    int n = items.length;
    long[] first = new long[n];
    long[] second = new long[n];
    String[] ids = new String[n];
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      String s = id.apply(items[i]);
      ids[i] = s;
      first[i] = prefixKey(s, 0);
      second[i] = prefixKey(s, 4);
      order[i] = i;
    }
    Comparator<Integer> byKey = (a, b) -> {
      int c = Long.compareUnsigned(first[a], first[b]);
      if (c == 0) {
        c = Long.compareUnsigned(second[a], second[b]);
      }
      return c != 0 ? c : ids[a].compareTo(ids[b]);
    };
    if (n >= PARALLEL_TIES) {
      Arrays.parallelSort(order, byKey);
    } else {
      Arrays.sort(order, byKey);
    }
    T[] out = Arrays.copyOf(items, n);
    for (int i = 0; i < n; i++) {
      out[i] = items[order[i]];
    }
    return out;
  }

  /**
   * Characters {@code from} to {@code from + 3} of {@code s} as one unsigned number, 16 bits each,
   * a missing character as 0: unsigned order of the keys is {@link String#compareTo}'s order of
   * those characters, and a shorter string (0 after its end) sorts first, as there.
   */
  private static long prefixKey(String s, int from) {
    long key = 0;
    for (int i = from; i < from + 4; i++) {
      key = (key << 16) | (i < s.length() ? s.charAt(i) : 0);
    }
    return key;
  }

  private static byte ordinal(Enum<?> value) {
    return (byte) (value == null ? -1 : value.ordinal());
  }

  /**
   * Which ties a filter lets through, as one flag per tie. Reads only primitive arrays, so a query
   * pays a sequential pass over the ties, or nothing at all when it filters nothing (the shared
   * all-true array is returned; callers must not write to it).
   */
  boolean[] allowedTies(Set<TieType> types, Set<Channel> channels, Polarity polarity,
      Set<Integer> excludedActors, Set<ActorKind> excludedKinds, int keepA, int keepB) {
    if (types.isEmpty() && channels.isEmpty() && polarity == null && excludedActors.isEmpty()
        && excludedKinds.isEmpty()) {
      return everyTie;
    }
    boolean[] node = new boolean[actorCount()];
    for (int v = 0; v < node.length; v++) {
      node[v] = v == keepA || v == keepB
          || !(excludedActors.contains(v) || contains(excludedKinds, actorKind[v], ActorKind.values()));
    }
    boolean[] allowed = new boolean[tieCount()];
    for (int e = 0; e < allowed.length; e++) {
      allowed[e] = node[source[e]] && node[target[e]]
          && (types.isEmpty() || contains(types, tieType[e], TieType.values()))
          && (channels.isEmpty() || contains(channels, tieChannel[e], Channel.values()))
          && (polarity == null || tiePolarity[e] == polarity.ordinal());
    }
    return allowed;
  }

  private static <E extends Enum<E>> boolean contains(Set<E> set, byte ordinal, E[] values) {
    return ordinal >= 0 && !set.isEmpty() && set.contains(values[ordinal]);
  }

  private static int[] prefixSums(int[] counts) {
    for (int i = 1; i < counts.length; i++) {
      counts[i] += counts[i - 1];
    }
    return counts;
  }

  public String caseId() {
    return caseId;
  }

  /** The day the snapshot looks at, or {@code null} when it holds every tie. */
  public LocalDate asOf() {
    return asOf;
  }

  public int actorCount() {
    return actors.size();
  }

  public int tieCount() {
    return ties.size();
  }

  public Actor actor(int index) {
    return actors.get(index);
  }

  public Tie tie(int edge) {
    return ties.get(edge);
  }

  public List<Actor> actors() {
    return actors;
  }

  public List<Tie> ties() {
    return ties;
  }

  public Optional<Integer> indexOf(String actorId) {
    return Optional.ofNullable(actorIndex.get(actorId));
  }

  /** The index of an actor that must exist; an unknown id is the caller's mistake. */
  public int require(String actorId, String role) {
    Integer i = actorIndex.get(actorId);
    if (i == null) {
      throw new InvalidRequestException(role + ": no actor '" + actorId + "' in case " + caseId
          + (asOf == null ? "" : " (as of " + asOf + ")"));
    }
    return i;
  }

  public Optional<Integer> tieIndexOf(String tieId) {
    // Built lazily: a map of a million tie ids costs a projection a few hundred milliseconds and
    // tens of megabytes that most snapshots never use. Two threads may both build it; either
    // result is the same map.
    Map<String, Integer> index = tieIndex;
    if (index == null) {
      index = new HashMap<>(ties.size() * 2);
      for (int e = 0; e < ties.size(); e++) {
        index.put(ties.get(e).id(), e);
      }
      tieIndex = index;
    }
    return Optional.ofNullable(index.get(tieId));
  }

  public int source(int edge) {
    return source[edge];
  }

  public int target(int edge) {
    return target[edge];
  }

  /** {@code strength x confidence} of the tie: the chance it passes pressure on. */
  public double probability(int edge) {
    return probability[edge];
  }

  /** {@code -ln(strength x confidence)}: the tie's length for shortest-path purposes. */
  public double cost(int edge) {
    return cost[edge];
  }

  int outStart(int node) {
    return outStart[node];
  }

  int outEnd(int node) {
    return outStart[node + 1];
  }

  int outEdge(int i) {
    return outEdges[i];
  }

  int inStart(int node) {
    return inStart[node];
  }

  int inEnd(int node) {
    return inStart[node + 1];
  }

  int inEdge(int i) {
    return inEdges[i];
  }

  /** The ids of the ties leaving an actor. */
  public List<Integer> outgoing(int node) {
    List<Integer> out = new ArrayList<>(outStart[node + 1] - outStart[node]);
    for (int i = outStart[node]; i < outStart[node + 1]; i++) {
      out.add(outEdges[i]);
    }
    return out;
  }

  /** The ids of the ties entering an actor. */
  public List<Integer> incoming(int node) {
    List<Integer> in = new ArrayList<>(inStart[node + 1] - inStart[node]);
    for (int i = inStart[node]; i < inStart[node + 1]; i++) {
      in.add(inEdges[i]);
    }
    return in;
  }

  /** A changed copy: for what-if scenarios. Actors and ties are the full replacement lists. */
  public LeverageGraph withContent(List<Actor> newActors, List<Tie> newTies) {
    return of(caseId, asOf, newActors, newTies);
  }
}
