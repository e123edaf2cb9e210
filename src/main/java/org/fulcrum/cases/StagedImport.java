package org.fulcrum.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.fulcrum.casefile.CaseFile;
import org.fulcrum.cases.CaseGraphRepository.Part;
import org.fulcrum.store.GraphStore;
import org.fulcrum.store.SchemaMigrations;
import org.neo4j.driver.exceptions.TransientException;
import org.neo4j.graphdb.TransientFailureException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a <em>new</em> case in many small transactions instead of one, and still all or
 * nothing for everyone reading the store.
 *
 * <p>A transaction holds everything it writes in memory until it commits: one transaction for a
 * case of a million ties needed several gigabytes of heap and spent much of its time in garbage
 * collection. Here the records are written in batches of {@code fulcrum.import.batch-size}, each
 * committed on its own, actors and ties by {@code fulcrum.import.writers} threads, and the case becomes
 * visible only at the end:
 *
 * <ol>
 *   <li>A {@code (:PendingImport {caseId})} marker claims the id (a uniqueness constraint lets one
 *       import at a time have it). No {@code (:Case)} node exists yet, so every read and edit of
 *       the case still answers "no such case", and no other writer can add to it.
 *   <li>Sources, actors, ties and messages are written in batches.
 *   <li>One last transaction creates the {@code (:Case)} node, writes the history entry and removes
 *       the marker: the case appears whole, at once.
 * </ol>
 *
 * If a batch fails, what was written is deleted (in batches) and the marker removed before the
 * error is passed on. If the process dies, the marker stays behind: the next start removes the
 * content of every marker left by another process (on the embedded store, which one process owns,
 * all of them; on an external store, those whose heartbeat is older than {@link #STALE}), and an
 * import of the same id does the same before it begins.
 *
 * <p>Replacing an existing case ({@link #replace}) writes the new records beside the old ones in
 * the same batches, under a staging id no case can have, and swaps them in one transaction that
 * only rewrites the records' case id; the same marker, taken by {@link #claimReplacement}, keeps a
 * second import or replacement of the id out meanwhile.
 */
@Component
class StagedImport implements InitializingBean {

  private static final Logger log = LoggerFactory.getLogger(StagedImport.class);

  /** An external store's marker whose heartbeat is older than this belongs to a dead process. */
  static final String STALE = "PT2M";

  private static final int RETRIES = 3;
  private static final long BEAT_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final Neo4jClient client;
  private final CaseGraphRepository repository;
  private final TransactionTemplate writes;
  private final boolean embeddedStore;
  private final int batchSize;
  private final int writers;
  /** Where the batches go: the driver, or in process on the embedded store. */
  private final CaseGraphPort graph;
  /** This process, as the owner of the markers it writes. */
  private final String owner = UUID.randomUUID().toString();

  StagedImport(Neo4jClient client, CaseGraphRepository repository, PlatformTransactionManager transactions,
      GraphStore store, CaseGraphPort graph, SchemaMigrations schema,
      @Value("${fulcrum.import.batch-size:10000}") int batchSize,
      @Value("${fulcrum.import.writers:2}") int writers) {
    if (batchSize < 1 || writers < 1) {
      throw new IllegalArgumentException("fulcrum.import.batch-size and fulcrum.import.writers must be at least 1");
    }
    this.client = client;
    this.repository = repository;
    this.writes = new TransactionTemplate(transactions);
    this.writes.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.embeddedStore = store.embedded() != null;
    this.graph = graph;
    this.batchSize = batchSize;
    this.writers = writers;
  }

  /** Removes what imports of dead processes left behind, before the application serves anyone. */
  @Override
  public void afterPropertiesSet() {
    List<String> abandoned = client.query("""
            MATCH (p:PendingImport)
            WHERE p.owner <> $owner AND ($embedded OR p.heartbeatAt < datetime() - duration($stale))
            RETURN p.caseId""")
        .bindAll(Map.of("owner", owner, "embedded", embeddedStore, "stale", STALE))
        .fetchAs(String.class).all().stream().toList();
    for (String caseId : abandoned) {
      log.warn("Removing the unfinished import of case '{}' left by a process that stopped during it", caseId);
      removeStaged(caseId);
    }
  }

  /**
   * Claims the case id for a new case. Returns false, claiming nothing, when a case with this id
   * exists (the caller replaces it in one transaction instead).
   *
   * @throws RecordInUseException when another import of this id is running
   */
  boolean claim(String caseId) {
    Boolean dead = client.query("""
            MATCH (p:PendingImport {caseId: $caseId})
            RETURN p.owner <> $owner AND ($embedded OR p.heartbeatAt < datetime() - duration($stale))""")
        .bindAll(Map.of("caseId", caseId, "owner", owner, "embedded", embeddedStore, "stale", STALE))
        .fetchAs(Boolean.class).one().orElse(null);
    if (Boolean.FALSE.equals(dead)) {
      throw importRunning(caseId);
    }
    if (Boolean.TRUE.equals(dead)) {
      log.warn("Removing the unfinished import of case '{}' left by a process that stopped during it", caseId);
      removeStaged(caseId);
    }
    try {
      return Boolean.TRUE.equals(writes.execute(status -> {
        client.query("""
                CREATE (:PendingImport {caseId: $caseId, owner: $owner, startedAt: datetime(),
                                        heartbeatAt: datetime()})""")
            .bindAll(Map.of("caseId", caseId, "owner", owner)).run();
        // read once the marker's lock is held: an import that finished meanwhile is seen here
        if (repository.exists(caseId)) {
          status.setRollbackOnly();
          return false;
        }
        return true;
      }));
    } catch (DataIntegrityViolationException e) {
      throw importRunning(caseId);
    }
  }

  /**
   * Claims an existing case for a replacement, with the same marker a new import uses: while it
   * stands, every other import or replacement of this id is answered 409. {@link #release} removes
   * it; a process that dies before leaves it to the clean-up above, which then removes only the
   * marker (the case exists).
   *
   * @throws RecordInUseException when another import or replacement of this id is running
   */
  void claimReplacement(String caseId) {
    try {
      writes.executeWithoutResult(status -> client.query("""
              CREATE (:PendingImport {caseId: $caseId, owner: $owner, replacing: true,
                                      startedAt: datetime(), heartbeatAt: datetime()})""")
          .bindAll(Map.of("caseId", caseId, "owner", owner)).run());
    } catch (DataIntegrityViolationException e) {
      throw importRunning(caseId);
    } catch (RuntimeException e) {
      if (ConcurrentChangeException.isCollision(e)) {
        throw importRunning(caseId);
      }
      throw e;
    }
  }

  // ---- replacements -------------------------------------------------------------------------

  private static final String NEXT = "\u0000next\u0000";
  private static final String OLD = "\u0000old\u0000";

  /**
   * The case id a replacement's new records carry until the swap, and the old records' after it,
   * until they are removed: no case can have either (case ids are letters, digits, '.', '_' and
   * '-'), so no read or edit of any case sees them.
   */
  static String nextId(String caseId) {
    return NEXT + caseId;
  }

  static String oldId(String caseId) {
    return OLD + caseId;
  }

  /** The case id whose marker a batch of this (possibly staging) case id beats. */
  private static String claimedId(String id) {
    return id.startsWith(NEXT) ? id.substring(NEXT.length()) : id;
  }

  /**
   * Replaces an existing case in batches, as a new case is imported, and still all or nothing for
   * every reader:
   *
   * <ol>
   *   <li>{@link #claimReplacement} claims the id (another import or replacement of it: 409);
   *   <li>the new records are written beside the old ones in batches of their own, under {@link
   *       #nextId} (invisible);
   *   <li>one transaction swaps them: the old records move to {@link #oldId}, the new ones to the
   *       case's id, the case node takes the new header, and {@code finish} (the history entry) gets
   *       the case as it was; only property writes, no records created;
   *   <li>the old records are deleted in batches, and the marker removed.
   * </ol>
   *
   * A failure before the swap deletes what was written beside; the old case is untouched. A process
   * that dies leaves its marker, and the start-up clean-up (or the next import of the id) deletes
   * whatever carries the staging ids.
   */
  void replace(CaseFile c, java.util.function.Consumer<org.fulcrum.casefile.CaseSummary> finish) {
    claimReplacement(c.id());
    try {
      removeRecords(nextId(c.id()));
      removeRecords(oldId(c.id()));
      CaseFile beside = new CaseFile(nextId(c.id()), c.title(), c.description(), c.asOf(), c.tempo(),
          c.phase(), c.sources(), c.actors(), c.ties(), c.messages());
      AtomicLong lastBeat = new AtomicLong(System.nanoTime());
      try {
        CaseGraphPort.StagedWrite batches = graph.stage(beside);
        for (Part<?> part : CaseGraphRepository.PARTS) {
          writePart(beside, part, parallel(part) ? writers : 1, lastBeat,
              (from, to) -> batches.write(part, from, to));
        }
        ConcurrentChangeException.retried("replacing case '" + c.id() + "'", () -> writes.execute(status -> {
          if (!repository.lockCase(c.id())) {
            throw CaseNotFoundException.caseId(c.id()); // deleted meanwhile
          }
          var before = repository.summary(c.id()).orElse(null);
          repository.moveRecords(c.id(), oldId(c.id()));
          repository.moveRecords(nextId(c.id()), c.id());
          repository.updateHeader(c);
          finish.accept(before);
          return null;
        }));
      } catch (RuntimeException | Error e) {
        try {
          removeRecords(nextId(c.id()));
        } catch (RuntimeException cleanup) {
          e.addSuppressed(cleanup);
          log.error("Could not remove the unfinished replacement of case '{}'; the next start will", c.id(), cleanup);
        }
        throw e;
      }
      try {
        removeRecords(oldId(c.id()));
      } catch (RuntimeException e) {
        // the replacement stands; the old records are invisible and the next start removes them
        log.error("Could not remove the replaced records of case '{}'; the next start will", c.id(), e);
      }
    } finally {
      release(c.id());
    }
  }

  /** Deletes, in batches, every record carrying this case id (a staging id: never a case's own). */
  private void removeRecords(String stagingId) {
    for (String label : List.of("Message", "Actor", "Source")) {
      long deleted;
      do {
        deleted = writes.execute(status -> client.query("MATCH (n:" + label + " {caseId: $caseId}) "
                + "WITH n LIMIT 2000 DETACH DELETE n RETURN count(*)")
            .bind(stagingId).to("caseId").fetchAs(Long.class).one().orElse(0L));
      } while (deleted > 0);
    }
  }

  /** Removes this process's marker of {@link #claimReplacement}. */
  void release(String caseId) {
    writes.executeWithoutResult(status ->
        client.query("MATCH (p:PendingImport {caseId: $caseId, owner: $owner}) DELETE p")
            .bindAll(Map.of("caseId", caseId, "owner", owner)).run());
  }

  private static RecordInUseException importRunning(String caseId) {
    return new RecordInUseException("case '" + caseId + "' is being imported by another request"
        + " (a new import or a replacement); try again when it has finished", List.of("case " + caseId));
  }

  /**
   * Writes the claimed case in batches and makes it visible with {@code finish}, run in the last
   * transaction; on any failure removes what was written, and rethrows.
   */
  void write(CaseFile c, Runnable finish) {
    AtomicLong lastBeat = new AtomicLong(System.nanoTime());
    try {
      CaseGraphPort.StagedWrite batches = graph.stage(c);
      for (Part<?> part : CaseGraphRepository.PARTS) {
        writePart(c, part, parallel(part) ? writers : 1, lastBeat, (from, to) -> batches.write(part, from, to));
      }
      writes.executeWithoutResult(status -> {
        repository.createHeader(c);
        finish.run();
        client.query("MATCH (p:PendingImport {caseId: $caseId, owner: $owner}) DELETE p")
            .bindAll(Map.of("caseId", c.id(), "owner", owner)).run();
      });
    } catch (RuntimeException | Error e) {
      try {
        removeStaged(c.id());
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup);
        log.error("Could not remove the unfinished import of case '{}'; the next start will", c.id(), cleanup);
      }
      throw e;
    }
  }

  /**
   * Actors and ties are written by several threads: batches of actors share nothing; batches of
   * ties wait for each other's locks on shared actors, and one that Neo4j fails as a deadlock is
   * rolled back whole and tried again. Sources come first and messages last, on one thread: cases
   * hold few of them.
   */
  private static boolean parallel(Part<?> part) {
    return part.name().equals("actors") || part.name().equals("ties");
  }

  /** Writes records {@code [from, to)} of a part in one transaction of its own. */
  @FunctionalInterface
  private interface Batch {
    void write(int from, int to);
  }

  private <T> void writePart(CaseFile c, Part<T> part, int threads, AtomicLong lastBeat, Batch write) {
    int size = part.size(c);
    if (size == 0) {
      return;
    }
    int batches = (size + batchSize - 1) / batchSize;
    if (threads == 1 || batches == 1) {
      for (int b = 0; b < batches; b++) {
        writeBatch(c, part, b, lastBeat, write);
      }
      return;
    }
    AtomicInteger next = new AtomicInteger();
    AtomicBoolean failed = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "fulcrum-import-" + c.id());
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int w = 0; w < threads; w++) {
        running.add(pool.submit(() -> {
          int b;
          while (!failed.get() && (b = next.getAndIncrement()) < batches) {
            try {
              writeBatch(c, part, b, lastBeat, write);
            } catch (RuntimeException | Error e) {
              failed.set(true);
              throw e;
            }
          }
        }));
      }
      // every writer is waited for, the failed one's partners too, before anything is cleaned up;
      // none is interrupted: an interrupt inside a commit closes Neo4j's log channel, and the
      // database then refuses all work until it is restarted
      RuntimeException first = null;
      for (Future<?> f : running) {
        try {
          await(c.id(), f);
        } catch (RuntimeException e) {
          if (first == null) {
            first = e;
          } else {
            first.addSuppressed(e);
          }
        }
      }
      if (first != null) {
        throw first;
      }
    } finally {
      pool.shutdown();
    }
  }

  private static void await(String caseId, Future<?> f) {
    try {
      f.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while importing case '" + caseId + "'", e);
    }
  }

  /** Tells other processes that this import is alive, at most every {@link #BEAT_NANOS}. */
  private void heartbeat(String caseId, AtomicLong lastBeat) {
    long last = lastBeat.get();
    long now = System.nanoTime();
    if (now - last > BEAT_NANOS && lastBeat.compareAndSet(last, now)) {
      client.query("MATCH (p:PendingImport {caseId: $caseId, owner: $owner}) SET p.heartbeatAt = datetime()")
          .bindAll(Map.of("caseId", caseId, "owner", owner)).run();
    }
  }

  /** One batch in its own transaction, tried again when Neo4j reports a transient failure. */
  private <T> void writeBatch(CaseFile c, Part<T> part, int batch, AtomicLong lastBeat, Batch write) {
    int from = batch * batchSize;
    int to = Math.min(part.size(c), from + batchSize);
    for (int attempt = 1; ; attempt++) {
      try {
        write.write(from, to);
        heartbeat(claimedId(c.id()), lastBeat);
        return;
      } catch (TransientDataAccessException | TransientException | TransientFailureException e) {
        if (attempt == RETRIES) {
          throw e;
        }
        log.debug("Retrying {} {}-{} of case '{}' after: {}", part.name(), from, to, c.id(), e.getMessage());
      }
    }
  }

  /**
   * Deletes a staged case's records in batches, then its marker. A marker exists only while its
   * case has no {@code (:Case)} node (the last transaction creates the one and deletes the other),
   * so everything carrying this case id is the unfinished import's; once the case exists, only the
   * marker is.
   */
  private void removeStaged(String caseId) {
    removeRecords(nextId(caseId));
    removeRecords(oldId(caseId));
    for (String label : repository.exists(caseId) ? List.<String>of() : List.of("Message", "Actor", "Source")) {
      long deleted;
      do {
        deleted = writes.execute(status -> client.query("MATCH (n:" + label + " {caseId: $caseId}) "
                + "WITH n LIMIT 2000 DETACH DELETE n RETURN count(*)")
            .bind(caseId).to("caseId").fetchAs(Long.class).one().orElse(0L));
      } while (deleted > 0 && !repository.exists(caseId));
    }
    writes.executeWithoutResult(status ->
        client.query("MATCH (p:PendingImport {caseId: $caseId}) DELETE p").bind(caseId).to("caseId").run());
  }
}
