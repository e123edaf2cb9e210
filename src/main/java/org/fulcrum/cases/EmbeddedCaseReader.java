package org.fulcrum.cases;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.fulcrum.casefile.Actor;
import org.fulcrum.casefile.Tie;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.ResourceIterator;
import org.neo4j.kernel.impl.coreapi.InternalTransaction;

/**
 * Reads a case's actors and ties straight from the embedded store, in process, for the analysis
 * projection: on large cases this is several times faster than streaming them over Bolt. Part of
 * {@link EmbeddedCaseGraph}, the adapter that relies on Neo4j internals; with an external store, or
 * internals it does not recognise, {@link BoltCaseGraph} (the driver) is used.
 *
 * <p>It reads through Neo4j's kernel API (the cursors the Cypher runtime itself uses) rather than
 * the embedded core API: one node cursor, one relationship cursor and one property cursor per
 * transaction serve all the entities it reads, property keys are resolved to token ids once, and
 * each property is taken as a stored value into a slot, without a map of names to boxed copies
 * per entity ({@link EmbeddedRecordCursors}, whose slots are the fields of the records'
 * descriptors). On the 1,000,000-tie benchmark case the core API's
 * {@code Relationship.getAllProperties()} (one map per tie, each value copied, the relationship
 * record read a second time) was most of the projection. Large cases are read on several threads
 * (see {@link #inChunks}). The records it builds are the ones {@link CaseGraphMapping} builds from
 * the driver's columns (both decode each field by its descriptor); CaseApiIT holds both paths to the same answer on the curated cases and on
 * a generated case of several chunks.
 */
class EmbeddedCaseReader {

  private static final org.neo4j.graphdb.Label ACTOR = org.neo4j.graphdb.Label.label("Actor");

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
  record Found(long node, long seq, Actor actor) {}

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
  record Actors(String caseId, List<Found> found, IdsByNode idByNode) {

    Actors(String caseId, List<Found> found) {
      this(caseId, found, new IdsByNode(found));
    }
  }

  /**
   * Actor ids by node reference, in open addressing over two arrays: looked up once per tie, where
   * a {@code HashMap<Long, String>} costs a chase through boxed keys that shows in the profile.
   */
  static final class IdsByNode {

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
    List<T> read(EmbeddedRecordCursors cursors, int from, int to);
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
      try (var tx = database.beginTx(); var cursors = new EmbeddedRecordCursors(tx)) {
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

}
