package org.fulcrum.cases;

import java.util.List;
import java.util.Map;
import org.fulcrum.casefile.Actor;
import org.fulcrum.casefile.CaseFile;
import org.fulcrum.casefile.Tie;
import org.neo4j.graphdb.Entity;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Transaction;

/**
 * Part of {@link EmbeddedCaseGraph}, the adapter that relies on Neo4j internals: writes batches of
 * a new case's actors and ties straight into the embedded store, in process,
 * with exactly the properties {@link CaseGraphRepository}'s Cypher writes ({@link
 * CaseGraphMapping#props}, {@code seq}, {@code caseId}). A tie's ends are the actor nodes this
 * import created, found by node id rather than through the (caseId, id) index, and no rows travel
 * over Bolt or through the Cypher runtime: on the million-tie benchmark case, 60-74 s against 105 s
 * for the same batches as Cypher over Bolt (docs/benchmarks.md, "Import").
 * Each call is one transaction, committed before it returns.
 *
 * <p>A tie's ends are looked up by internal node id ({@code Node.getId}, {@code
 * Transaction.getNodeById}, both deprecated in Neo4j 5) on purpose: the import speed above was
 * measured with them, and {@code getNodeByElementId} would hold an element id string per actor for
 * the whole import and parse one per tie end (two million on the benchmark case) without a
 * measurement that this costs nothing. Node references cannot serve instead: a {@link Node} is bound
 * to the transaction that read it, and every batch is a transaction of its own. Node ids are stable
 * within the import, which is all they serve here. Should Neo4j drop the methods, the
 * {@link NoSuchMethodError} makes {@link EmbeddedCaseGraph} write through the driver instead.
 */
final class EmbeddedCaseWriter {

  private static final Label ACTOR = Label.label("Actor");
  private static final RelationshipType TIE = RelationshipType.withName("TIE");

  private final GraphDatabaseService database;

  EmbeddedCaseWriter(GraphDatabaseService database) {
    this.database = database;
  }

  /** Creates actors {@code [from, to)} and records each one's node id in {@code nodes}. */
  @SuppressWarnings("deprecation") // node ids are stable within the import, which is all they serve
  void actors(CaseFile c, int from, int to, long[] nodes) {
    List<Actor> actors = c.actors();
    try (Transaction tx = database.beginTx()) {
      for (int j = from; j < to; j++) {
        Node node = tx.createNode(ACTOR);
        set(node, CaseGraphMapping.props(actors.get(j)), j, c.id());
        nodes[j] = node.getId();
      }
      tx.commit();
    }
  }

  /** Creates ties {@code [from, to)} between the actor nodes of {@link #actors}. */
  @SuppressWarnings("deprecation")
  void ties(CaseFile c, int from, int to, Map<String, Integer> actorIndex, long[] nodes) {
    List<Tie> ties = c.ties();
    try (Transaction tx = database.beginTx()) {
      for (int j = from; j < to; j++) {
        Tie t = ties.get(j);
        Node a = tx.getNodeById(nodes[actorIndex.get(t.source())]);
        Node b = tx.getNodeById(nodes[actorIndex.get(t.target())]);
        set(a.createRelationshipTo(b, TIE), CaseGraphMapping.props(t), j, c.id());
      }
      tx.commit();
    }
  }

  private static void set(Entity entity, Map<String, Object> props, int seq, String caseId) {
    for (Map.Entry<String, Object> p : props.entrySet()) {
      Object value = p.getValue();
      if (value instanceof List<?> list) {
        entity.setProperty(p.getKey(), list.stream().map(String::valueOf).toArray(String[]::new));
      } else if (value != null) {
        entity.setProperty(p.getKey(), value);
      }
    }
    entity.setProperty("seq", (long) seq); // a Cypher integer, as the driver writes it
    entity.setProperty("caseId", caseId);
  }
}
