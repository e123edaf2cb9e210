package org.fulcrum.cases;

import java.util.HashMap;
import java.util.Map;
import org.fulcrum.casefile.CaseFile;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.kernel.internal.Version;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link CaseGraphPort} in process, on the embedded store only: <strong>an adapter that relies
 * on Neo4j internals</strong>, kept because it is several times faster than the driver on large
 * cases (docs/benchmarks.md, "Projection" and "Import").
 *
 * <ul>
 *   <li>{@link EmbeddedCaseReader} reads actors and ties through the kernel API (it casts to
 *       {@code InternalTransaction} and allocates cursors with {@code EmptyMemoryTracker});
 *   <li>{@link EmbeddedCaseWriter} writes actor and tie batches through the core API, finding a
 *       tie's ends by their internal node ids ({@code getNodeById}, deprecated in Neo4j 5);
 *   <li>sources and messages, a few per case, go through the driver adapter.
 * </ul>
 *
 * None of this is a public, stable Neo4j API, so the adapter checks it before it serves and
 * watches it while it does: {@link #ifUsable} reads a case through the kernel API at startup and
 * answers the driver adapter instead if that fails; a {@link LinkageError} later (a class or method
 * gone in another Neo4j version) switches every following read and batch to the driver adapter,
 * for good, with one WARN line. A batch that failed so wrote nothing (its transaction is rolled
 * back) and is written again through the driver; an import whose actors were written here and ties
 * there is the same graph, since the driver finds a tie's ends by (caseId, id).
 */
final class EmbeddedCaseGraph implements CaseGraphPort, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedCaseGraph.class);

  /** A case id no case can have: case ids are letters, digits, '.', '_' and '-'. */
  private static final String PROBE = "\u0000fulcrum-probe";

  private final EmbeddedCaseReader reader;
  private final EmbeddedCaseWriter writer;
  private final CaseGraphPort driver;
  private volatile boolean internalsUsable = true;

  EmbeddedCaseGraph(EmbeddedCaseReader reader, EmbeddedCaseWriter writer, CaseGraphPort driver) {
    this.reader = reader;
    this.writer = writer;
    this.driver = driver;
  }

  /**
   * The in-process adapter for this database if Neo4j's internals are what it was written against
   * (one read of a case that does not exist exercises every cast and cursor the reader uses), else
   * {@code driver}, with one WARN line.
   */
  static CaseGraphPort ifUsable(GraphDatabaseService database, CaseGraphPort driver) {
    EmbeddedCaseReader reader = new EmbeddedCaseReader(database);
    try {
      reader.read(PROBE);
    } catch (LinkageError | RuntimeException e) {
      reader.close();
      log.warn("Neo4j {} does not offer the internal API the in-process case reader needs ({}); reading "
          + "and importing cases through the driver instead", neo4jVersion(), e.toString());
      return driver;
    }
    log.info("Reading and importing cases in process, on Neo4j {} internals", neo4jVersion());
    return new EmbeddedCaseGraph(reader, new EmbeddedCaseWriter(database), driver);
  }

  @Override
  public Snapshot read(String caseId) {
    if (internalsUsable) {
      try {
        var content = reader.read(caseId);
        return new Snapshot(content.actors(), content.ties());
      } catch (UnreadableRecordException e) {
        throw e.inCase(caseId);
      } catch (LinkageError e) {
        fallBack(e);
      }
    }
    return driver.read(caseId);
  }

  @Override
  public StagedWrite stage(CaseFile c) {
    StagedWrite overBolt = driver.stage(c);
    if (!internalsUsable) {
      return overBolt;
    }
    // the actor nodes this import creates, by position in the file: where a tie's ends are found
    long[] nodes = new long[c.actors().size()];
    Map<String, Integer> actorIndex = new HashMap<>(c.actors().size() * 2);
    for (int i = 0; i < c.actors().size(); i++) {
      actorIndex.put(c.actors().get(i).id(), i);
    }
    return (part, from, to) -> {
      Runnable inProcess = switch (part.name()) {
        case "actors" -> () -> writer.actors(c, from, to, nodes);
        case "ties" -> () -> writer.ties(c, from, to, actorIndex, nodes);
        default -> null;
      };
      if (inProcess != null && internalsUsable) {
        try {
          inProcess.run();
          return;
        } catch (LinkageError e) {
          fallBack(e);
        }
      }
      overBolt.write(part, from, to);
    };
  }

  private synchronized void fallBack(LinkageError e) {
    if (internalsUsable) {
      internalsUsable = false;
      log.warn("Neo4j {} lacks part of the internal API the in-process case reader and writer use ({});"
          + " reading and importing cases through the driver from now on", neo4jVersion(), e.toString());
    }
  }

  private static String neo4jVersion() {
    try {
      return Version.getNeo4jVersion();
    } catch (LinkageError e) {
      return "(version unknown)";
    }
  }

  @Override
  public void close() {
    reader.close();
  }
}
