package org.fulcrum.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.fulcrum.casefile.Actor;
import org.fulcrum.casefile.ActorKind;
import org.fulcrum.casefile.Channel;
import org.fulcrum.casefile.DecisionRule;
import org.fulcrum.casefile.Label;
import org.fulcrum.casefile.Polarity;
import org.fulcrum.casefile.TargetGroup;
import org.fulcrum.casefile.Tie;
import org.fulcrum.casefile.TieType;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.ResourceIterator;
import org.neo4j.internal.kernel.api.NodeCursor;
import org.neo4j.internal.kernel.api.PropertyCursor;
import org.neo4j.internal.kernel.api.RelationshipTraversalCursor;
import org.neo4j.internal.kernel.api.TokenRead;
import org.neo4j.kernel.api.KernelTransaction;
import org.neo4j.kernel.impl.coreapi.InternalTransaction;
import org.neo4j.memory.EmptyMemoryTracker;
import org.neo4j.storageengine.api.RelationshipSelection;
import org.neo4j.token.api.TokenConstants;
import org.neo4j.values.storable.ArrayValue;
import org.neo4j.values.storable.BooleanValue;
import org.neo4j.values.storable.DateValue;
import org.neo4j.values.storable.NumberValue;
import org.neo4j.values.storable.TextArray;
import org.neo4j.values.storable.TextValue;
import org.neo4j.values.storable.Value;

/**
 * Reads a case's actors and ties straight from the embedded store, in process, for the analysis
 * projection: on large cases this is several times faster than streaming them over Bolt. Part of
 * {@link EmbeddedCaseGraph}, the adapter that relies on Neo4j internals; with an external store, or
 * internals it does not recognise, {@link BoltCaseGraph} (the driver) is used.
 *
 * <p>It reads through Neo4j's kernel API (the cursors the Cypher runtime itself uses) rather than
 * the embedded core API: one node cursor, one relationship cursor and one property cursor per
 * transaction serve all the entities it reads, property keys are resolved to token ids once, and
 * each property is taken as a stored {@link Value} into a slot, without a map of names to boxed
 * copies per entity. On the 1,000,000-tie benchmark case the core API's
 * {@code Relationship.getAllProperties()} (one map per tie, each value copied, the relationship
 * record read a second time) was most of the projection. Large cases are read on several threads
 * (see {@link #inChunks}). The records it builds are the ones {@link CaseGraphMapping} builds from
 * the driver's columns; CaseApiIT holds both paths to the same answer on the curated cases and on
 * a generated case of several chunks.
 */
class EmbeddedCaseReader {

  private static final org.neo4j.graphdb.Label ACTOR = org.neo4j.graphdb.Label.label("Actor");

  private static final String[] ACTOR_KEYS = {"id", "name", "kind", "country", "position", "capability",
      "salience", "targetGroup", "decisionRule", "sources", "seq", "caseId"};
  private static final String[] TIE_KEYS = {"id", "source", "target", "type", "strength", "polarity",
      "channel", "confidence", "from", "to", "veto", "votingWeight", "sources", "caseId"};

  // slots of ACTOR_KEYS
  private static final int A_ID = 0, A_NAME = 1, A_KIND = 2, A_COUNTRY = 3, A_POSITION = 4,
      A_CAPABILITY = 5, A_SALIENCE = 6, A_TARGET_GROUP = 7, A_DECISION_RULE = 8, A_SOURCES = 9,
      A_SEQ = 10, A_CASE = 11;
  // slots of TIE_KEYS
  private static final int T_ID = 0, T_SOURCE = 1, T_TARGET = 2, T_TYPE = 3, T_STRENGTH = 4,
      T_POLARITY = 5, T_CHANNEL = 6, T_CONFIDENCE = 7, T_FROM = 8, T_TO = 9, T_VETO = 10,
      T_VOTING_WEIGHT = 11, T_SOURCES = 12, T_CASE = 13;

  // Vocabulary by stored spelling: a map look-up instead of Label.parse's scan per value.
  private static final Vocabulary<TieType> TIE_TYPES = new Vocabulary<>(TieType.class);
  private static final Vocabulary<Polarity> POLARITIES = new Vocabulary<>(Polarity.class);
  private static final Vocabulary<Channel> CHANNELS = new Vocabulary<>(Channel.class);
  private static final Vocabulary<ActorKind> ACTOR_KINDS = new Vocabulary<>(ActorKind.class);
  private static final Vocabulary<TargetGroup> TARGET_GROUPS = new Vocabulary<>(TargetGroup.class);
  private static final Vocabulary<DecisionRule> DECISION_RULES = new Vocabulary<>(DecisionRule.class);

  /** At most this many threads read one case. */
  private static final int THREADS = 4;

  private final GraphDatabaseService database;

  /** Helper threads for reading large cases, made on demand and let go after a minute idle. */
  private final ExecutorService pool = new ThreadPoolExecutor(0, THREADS - 1, 60, TimeUnit.SECONDS,
      new SynchronousQueue<>(), runnable -> {
        Thread thread = new Thread(runnable, "fulcrum-case-reader");
        thread.setDaemon(true);
        return thread;
      });

  EmbeddedCaseReader(GraphDatabaseService database) {
    this.database = database;
  }

  void close() {
    pool.shutdownNow();
  }

  /**
   * The case's actors (in file order) and ties (actor by actor in that order; within an actor as
   * Neo4j keeps its relationships).
   */
  record Content(List<Actor> actors, List<Tie> ties) {}

  /** An actor node with its record and file position, before sorting. */
  private record Found(long node, long seq, Actor actor) {}

  /** Actors per unit of work when a case is read on several threads. */
  private static final int CHUNK = 2_000;

  Content read(String caseId) {
    long[] nodes;
    try (var tx = database.beginTx()) {
      nodes = actorNodes(tx, caseId);
    }
    List<Found> found = inChunks(nodes.length, (cursors, from, to) -> cursors.actors(nodes, from, to));
    // file order, as the driver path's ORDER BY a.seq, a.id (an actor without seq last)
    found.sort(Comparator.comparingLong(Found::seq).thenComparing(f -> f.actor().id()));
    Actors actors = new Actors(caseId, found);
    List<Tie> ties = inChunks(found.size(), (cursors, from, to) -> cursors.ties(actors, from, to));
    return new Content(found.stream().map(Found::actor).toList(), Collections.unmodifiableList(ties));
  }

  /** The case's actor nodes, found through the core API (it picks the caseId index). */
  private static long[] actorNodes(org.neo4j.graphdb.Transaction tx, String caseId) {
    var ids = ((InternalTransaction) tx).elementIdMapper();
    List<Long> nodes = new ArrayList<>();
    try (ResourceIterator<Node> found = tx.findNodes(ACTOR, "caseId", caseId)) {
      found.forEachRemaining(node -> nodes.add(ids.nodeId(node.getElementId())));
    }
    return nodes.stream().mapToLong(Long::longValue).toArray();
  }

  /** The case's actors in file order, and their ids by node, as every tie reader needs them. */
  private record Actors(String caseId, List<Found> found, IdsByNode idByNode) {

    Actors(String caseId, List<Found> found) {
      this(caseId, found, new IdsByNode(found));
    }
  }

  /**
   * Actor ids by node reference, in open addressing over two arrays: looked up once per tie, where
   * a {@code HashMap<Long, String>} costs a chase through boxed keys that shows in the profile.
   */
  private static final class IdsByNode {

    private final long[] nodes;
    private final String[] ids;
    private final int mask;

    IdsByNode(List<Found> found) {
      int capacity = Integer.highestOneBit(Math.max(4, found.size() * 2) - 1) << 1;
      nodes = new long[capacity];
      ids = new String[capacity];
      mask = capacity - 1;
      for (Found f : found) {
        int i = slot(f.node());
        while (ids[i] != null && nodes[i] != f.node()) {
          i = (i + 1) & mask;
        }
        nodes[i] = f.node();
        ids[i] = f.actor().id();
      }
    }

    /** The id of the actor at {@code node}, or {@code null} if it is none of the case's actors. */
    String get(long node) {
      for (int i = slot(node); ids[i] != null; i = (i + 1) & mask) {
        if (nodes[i] == node) {
          return ids[i];
        }
      }
      return null;
    }

    private int slot(long node) {
      return (int) ((node * 0x9E3779B97F4A7C15L) >>> 40) & mask;
    }
  }

  /** Reads the entities of positions {@code [from, to)} with one transaction's cursors. */
  private interface ChunkReader<T> {
    List<T> read(Cursors cursors, int from, int to);
  }

  /**
   * What {@code reader} reads for positions {@code [0, size)}, read in chunks of {@link #CHUNK}
   * consecutive positions by as many threads as there are processors (at most {@link #THREADS}),
   * each in a read transaction of its own (a kernel transaction serves one thread at a time),
   * and joined in chunk order: the result is the single-threaded one, whichever thread read what.
   * Chunks, not halves: out-degrees follow a power law and the largest hubs come first in a
   * generated case, so equal halves of the actors would leave one thread with most of the ties.
   * A case of one chunk is read on the calling thread alone. Neo4j reads are read-committed in one
   * transaction as in several, and a snapshot that raced with a change is not cached
   * (CaseSnapshots).
   */
  private <T> List<T> inChunks(int size, ChunkReader<T> reader) {
    int chunks = (size + CHUNK - 1) / CHUNK;
    List<List<T>> byChunk = new ArrayList<>(Collections.nCopies(chunks, null));
    AtomicInteger next = new AtomicInteger();
    Runnable work = () -> {
      try (var tx = database.beginTx(); var cursors = new Cursors(tx)) {
        for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
          List<T> read = reader.read(cursors, c * CHUNK, Math.min(size, (c + 1) * CHUNK));
          synchronized (byChunk) {
            byChunk.set(c, read);
          }
        }
      }
    };
    int threads = Math.min(Math.min(THREADS, Runtime.getRuntime().availableProcessors()), chunks);
    List<Future<?>> helpers = new ArrayList<>();
    for (int i = 1; i < threads; i++) {
      try {
        helpers.add(pool.submit(work));
      } catch (RejectedExecutionException busy) {
        break; // other projections hold the helpers: the threads that run take the chunks left
      }
    }
    try {
      work.run(); // the calling thread is one of the readers
    } finally {
      for (Future<?> helper : helpers) {
        join(helper);
      }
    }
    int total = 0;
    for (List<T> chunk : byChunk) {
      total += chunk.size();
    }
    List<T> all = new ArrayList<>(total);
    for (List<T> chunk : byChunk) {
      all.addAll(chunk);
    }
    return all;
  }

  private static void join(Future<?> helper) {
    try {
      helper.get();
    } catch (InterruptedException e) {
      helper.cancel(true);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the case", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("reading the case failed", e.getCause());
    }
  }

  /** One transaction's cursors, property slots and tie type, reused for every entity it reads. */
  private static final class Cursors implements AutoCloseable {

    private final org.neo4j.internal.kernel.api.Read read;
    private final NodeCursor node;
    private final RelationshipTraversalCursor rel;
    private final PropertyCursor property;
    private final Slots actorSlots;
    private final Slots tieSlots;
    private final int tieType;
    private final Value[] a = new Value[ACTOR_KEYS.length];
    private final Value[] t = new Value[TIE_KEYS.length];
    private List<String> lastSourceList;

    Cursors(org.neo4j.graphdb.Transaction tx) {
      KernelTransaction ktx = ((InternalTransaction) tx).kernelTransaction();
      read = ktx.dataRead();
      var cursors = ktx.cursors();
      // Not the transaction's memory tracker: it would account every dynamic record the cursors
      // read (each tie's list of sources is one) against a pool shared by the reading threads,
      // for buffers that live only as long as one property; the profile showed the accounting.
      node = cursors.allocateNodeCursor(ktx.cursorContext(), EmptyMemoryTracker.INSTANCE);
      rel = cursors.allocateRelationshipTraversalCursor(ktx.cursorContext(), EmptyMemoryTracker.INSTANCE);
      property = cursors.allocatePropertyCursor(ktx.cursorContext(), EmptyMemoryTracker.INSTANCE);
      actorSlots = new Slots(ktx.tokenRead(), ACTOR_KEYS);
      tieSlots = new Slots(ktx.tokenRead(), TIE_KEYS);
      tieType = ktx.tokenRead().relationshipType("TIE");
    }

    /** The actors of {@code nodes[from, to)}, in that order. */
    List<Found> actors(long[] nodes, int from, int to) {
      List<Found> found = new ArrayList<>(to - from);
      for (int i = from; i < to; i++) {
        read.singleNode(nodes[i], node);
        if (node.next()) { // else deleted since the index was read
          node.properties(property);
          actorSlots.fill(property, a);
          found.add(new Found(nodes[i], a[A_SEQ] == null ? Long.MAX_VALUE : ((NumberValue) a[A_SEQ]).longValue(),
              actor(a)));
        }
      }
      return found;
    }

    /** The case's ties out of {@code actors[from, to)}, actor by actor. */
    List<Tie> ties(Actors actors, int from, int to) {
      List<Tie> ties = new ArrayList<>();
      if (tieType == TokenConstants.NO_TOKEN) {
        return ties;
      }
      RelationshipSelection outgoingTies = RelationshipSelection.selection(tieType, Direction.OUTGOING);
      for (int i = from; i < to; i++) {
        Found actor = actors.found().get(i);
        read.singleNode(actor.node(), node);
        if (!node.next()) {
          continue; // deleted since the actors were read
        }
        node.relationships(rel, outgoingTies);
        while (rel.next()) {
          rel.properties(property);
          tieSlots.fill(property, t);
          if (t[T_CASE] instanceof TextValue c && c.stringValue().equals(actors.caseId())) {
            // A tie's ends are stored as its source and target properties; where they equal the
            // ids of the actors it joins (always, unless the store was edited by hand), the tie
            // takes the actors' own strings: a million fewer strings each, and the snapshot's
            // id look-ups then meet strings whose hashes are known and compare by identity.
            String source = same(str(t[T_SOURCE]), actor.actor().id());
            String target = same(str(t[T_TARGET]), actors.idByNode().get(rel.targetNodeReference()));
            ties.add(tie(t, source, target, sources(t[T_SOURCES])));
          }
        }
      }
      return ties;
    }

    private static String same(String read, String known) {
      return read != null && read.equals(known) ? known : read;
    }

    /**
     * A tie's sources, as the list of the tie read before it when the stored value is the same:
     * ties recorded together often cite the same sources, and on a million ties one list
     * instead of a million is less for the garbage collector to copy while the ties are read.
     */
    private List<String> sources(Value v) {
      if (v == null) {
        return List.of();
      }
      if (!sameStrings(v, lastSourceList)) {
        lastSourceList = strings(v);
      }
      return lastSourceList;
    }

    /** Whether a stored list holds these strings, compared as strings (Value.equals costs more). */
    private static boolean sameStrings(Value v, List<String> strings) {
      if (strings == null || !(v instanceof TextArray texts) || texts.intSize() != strings.size()) {
        return false;
      }
      for (int i = 0; i < strings.size(); i++) {
        if (!texts.stringValue(i).equals(strings.get(i))) {
          return false;
        }
      }
      return true;
    }

    @Override
    public void close() {
      property.close();
      rel.close();
      node.close();
    }
  }

  /**
   * Property token ids to slots: resolved once per read, so that the loop over an entity's
   * properties is an array look-up per property. A key no entity has ever carried has no token
   * and simply never fills its slot.
   */
  private static final class Slots {

    private final int[] slotOfToken;

    Slots(TokenRead tokens, String[] keys) {
      int[] ids = new int[keys.length];
      int max = -1;
      for (int i = 0; i < keys.length; i++) {
        ids[i] = tokens.propertyKey(keys[i]);
        max = Math.max(max, ids[i]);
      }
      slotOfToken = new int[max + 1];
      Arrays.fill(slotOfToken, -1);
      for (int i = 0; i < keys.length; i++) {
        if (ids[i] != TokenConstants.NO_TOKEN) {
          slotOfToken[ids[i]] = i;
        }
      }
    }

    /** Clears {@code values}, then puts each wanted property of the cursor's entity in its slot. */
    void fill(PropertyCursor cursor, Value[] values) {
      Arrays.fill(values, null);
      while (cursor.next()) {
        int key = cursor.propertyKey();
        int slot = key < slotOfToken.length ? slotOfToken[key] : -1;
        if (slot >= 0) {
          values[slot] = cursor.propertyValue();
        }
      }
    }
  }

  // The mapping below gives the records CaseGraphMapping gives for the driver's columns:
  // an absent property is null (Neo4j stores no nulls), numbers are read as doubles.

  private static Actor actor(Value[] v) {
    return new Actor(str(v[A_ID]), str(v[A_NAME]), ACTOR_KINDS.of(v[A_KIND]), str(v[A_COUNTRY]),
        num(v[A_POSITION]), num(v[A_CAPABILITY]), num(v[A_SALIENCE]),
        TARGET_GROUPS.of(v[A_TARGET_GROUP]),
        DECISION_RULES.of(v[A_DECISION_RULE]), strings(v[A_SOURCES]));
  }

  private static Tie tie(Value[] v, String source, String target, List<String> sources) {
    return new Tie(str(v[T_ID]), source, target, TIE_TYPES.of(v[T_TYPE]),
        num(v[T_STRENGTH]), POLARITIES.of(v[T_POLARITY]), CHANNELS.of(v[T_CHANNEL]),
        num(v[T_CONFIDENCE]), date(v[T_FROM]), date(v[T_TO]),
        v[T_VETO] == null ? null : ((BooleanValue) v[T_VETO]).booleanValue(),
        v[T_VOTING_WEIGHT] == null ? null : num(v[T_VOTING_WEIGHT]), sources);
  }

  private static String str(Value v) {
    return v == null ? null : ((TextValue) v).stringValue();
  }

  private static double num(Value v) {
    return ((NumberValue) v).doubleValue();
  }

  private static LocalDate date(Value v) {
    return v == null ? null : (LocalDate) ((DateValue) v).asObjectCopy();
  }

  private static List<String> strings(Value v) {
    if (v == null) {
      return List.of();
    }
    if (v instanceof TextArray texts) {
      String[] out = new String[texts.intSize()];
      for (int i = 0; i < out.length; i++) {
        out[i] = texts.stringValue(i);
      }
      return List.of(out);
    }
    if (v instanceof ArrayValue array && array.intSize() == 0) {
      return List.of(); // an empty list may be stored as an empty array of another type
    }
    throw new IllegalStateException("stored sources '" + v + "' are not a list of strings");
  }

  /** A closed vocabulary by its stored spelling. */
  private static final class Vocabulary<E extends Enum<E> & Label> {

    private final Class<E> type;
    private final Map<String, E> byLabel = new HashMap<>();

    Vocabulary(Class<E> type) {
      this.type = type;
      for (E e : type.getEnumConstants()) {
        byLabel.put(e.label(), e);
      }
    }

    /** The value of a stored property, or {@code null} when the property is absent. */
    E of(Value v) {
      if (v == null) {
        return null;
      }
      String text = ((TextValue) v).stringValue();
      E e = byLabel.get(text);
      if (e == null) {
        throw new IllegalStateException("stored value '" + text + "' is not a known " + type.getSimpleName());
      }
      return e;
    }
  }
}
