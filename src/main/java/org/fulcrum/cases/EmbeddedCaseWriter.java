package org.fulcrum.cases;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.collections.api.map.primitive.MutableIntObjectMap;
import org.eclipse.collections.api.set.primitive.IntSet;
import org.eclipse.collections.impl.factory.primitive.IntObjectMaps;
import org.eclipse.collections.impl.factory.primitive.IntSets;
import org.fulcrum.casefile.Actor;
import org.fulcrum.casefile.CaseFile;
import org.fulcrum.casefile.Tie;
import org.neo4j.exceptions.KernelException;
import org.neo4j.graphdb.ConstraintViolationException;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Transaction;
import org.neo4j.internal.kernel.api.TokenWrite;
import org.neo4j.internal.kernel.api.Write;
import org.neo4j.kernel.api.KernelTransaction;
import org.neo4j.kernel.impl.coreapi.InternalTransaction;
import org.neo4j.values.storable.Value;
import org.neo4j.values.storable.Values;

/**
 * Writes batches of a new case's actors and ties straight into the embedded store, in process,
 * with exactly the properties {@link CaseGraphRepository}'s Cypher writes ({@link
 * CaseGraphMapping#props}, {@code seq}, {@code caseId}). It uses Neo4j's kernel API, as Cypher's
 * own {@code CREATE ... SET t = row} does: an entity gets all its properties in one change, checked
 * against the schema once (property by property, the core API matched every index and constraint
 * on each of a tie's 14 properties). A tie's ends are the actor nodes this import created, found by
 * node id rather than through the (caseId, id) index, and no rows travel over Bolt. Each call is
 * one transaction, committed before it returns.
 */
final class EmbeddedCaseWriter {

  private final GraphDatabaseService database;
  /** Token ids by name: a token, once created, keeps its id for the life of the store. */
  private final Map<String, Integer> tokens = new ConcurrentHashMap<>();

  EmbeddedCaseWriter(GraphDatabaseService database) {
    this.database = database;
  }

  /** Creates actors {@code [from, to)} and records each one's node id in {@code nodes}. */
  void actors(CaseFile c, int from, int to, long[] nodes) {
    List<Actor> actors = c.actors();
    try (Transaction tx = database.beginTx()) {
      KernelTransaction ktx = ((InternalTransaction) tx).kernelTransaction();
      Write write = write(ktx);
      int[] actor = {labelActor(ktx)};
      IntSet none = IntSets.immutable.empty();
      for (int j = from; j < to; j++) {
        try {
          long node = write.nodeCreateWithLabels(actor);
          write.nodeApplyChanges(node, none, none, values(ktx, CaseGraphMapping.props(actors.get(j)), j, c.id()));
          nodes[j] = node;
        } catch (KernelException e) {
          throw refused("actor " + actors.get(j).id(), e, ktx);
        }
      }
      tx.commit();
    }
  }

  /** Creates ties {@code [from, to)} between the actor nodes of {@link #actors}. */
  void ties(CaseFile c, int from, int to, Map<String, Integer> actorIndex, long[] nodes) {
    List<Tie> ties = c.ties();
    try (Transaction tx = database.beginTx()) {
      KernelTransaction ktx = ((InternalTransaction) tx).kernelTransaction();
      Write write = write(ktx);
      for (int j = from; j < to; j++) {
        Tie t = ties.get(j);
        try {
          long rel = write.relationshipCreate(nodes[actorIndex.get(t.source())], token(ktx, Kind.TYPE, "TIE"),
              nodes[actorIndex.get(t.target())]);
          write.relationshipApplyChanges(rel, values(ktx, CaseGraphMapping.props(t), j, c.id()));
        } catch (KernelException e) {
          throw refused("tie " + t.id(), e, ktx);
        }
      }
      tx.commit();
    }
  }

  private enum Kind { LABEL, TYPE, PROPERTY }

  private int token(KernelTransaction ktx, Kind kind, String name) throws KernelException {
    Integer id = tokens.get(kind + ":" + name);
    if (id == null) {
      TokenWrite write = ktx.tokenWrite();
      id = switch (kind) {
        case LABEL -> write.labelGetOrCreateForName(name);
        case TYPE -> write.relationshipTypeGetOrCreateForName(name);
        case PROPERTY -> write.propertyKeyGetOrCreateForName(name);
      };
      tokens.put(kind + ":" + name, id);
    }
    return id;
  }

  private MutableIntObjectMap<Value> values(KernelTransaction ktx, Map<String, Object> props, int seq,
      String caseId) throws KernelException {
    MutableIntObjectMap<Value> values = IntObjectMaps.mutable.withInitialCapacity(props.size() + 2);
    for (Map.Entry<String, Object> p : props.entrySet()) {
      Object value = p.getValue();
      if (value instanceof List<?> list) {
        values.put(token(ktx, Kind.PROPERTY, p.getKey()),
            Values.stringArray(list.stream().map(String::valueOf).toArray(String[]::new)));
      } else if (value != null) {
        values.put(token(ktx, Kind.PROPERTY, p.getKey()), Values.of(value));
      }
    }
    values.put(token(ktx, Kind.PROPERTY, "seq"), Values.longValue(seq)); // a Cypher integer
    values.put(token(ktx, Kind.PROPERTY, "caseId"), Values.stringValue(caseId));
    return values;
  }

  private static Write write(KernelTransaction ktx) {
    try {
      return ktx.dataWrite();
    } catch (KernelException e) {
      throw refused("writing", e, ktx);
    }
  }

  private int labelActor(KernelTransaction ktx) {
    try {
      return token(ktx, Kind.LABEL, "Actor");
    } catch (KernelException e) {
      throw refused("label Actor", e, ktx);
    }
  }

  /** What the store refused (a uniqueness constraint, most likely), named as a person reads it. */
  private static ConstraintViolationException refused(String what, KernelException e, KernelTransaction ktx) {
    return new ConstraintViolationException(what + ": " + e.getUserMessage(ktx.tokenRead()), e);
  }
}
