package org.fulcrum.cases;

import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.fulcrum.store.EmbeddedNeo4j;
import org.fulcrum.store.GraphStore;
import org.neo4j.graphdb.Entity;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.event.LabelEntry;
import org.neo4j.graphdb.event.PropertyEntry;
import org.neo4j.graphdb.event.TransactionData;
import org.neo4j.graphdb.event.TransactionEventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes to case records that did not come through Fulcrum (cypher-shell, Neo4j Browser, any Bolt
 * client), seen on the embedded store by a Neo4j {@link TransactionEventListener} on every commit.
 * For each commit not made by Fulcrum ({@link #thisProcess}, {@link #otherFulcrum}) that touched
 * actors, ties, messages, sources or a case's own node:
 *
 * <ol>
 *   <li>before the commit, what changed is collected (each record's properties before and after);
 *   <li>right after it, on the committing thread, the affected cases' cached snapshots and
 *       analyses are dropped ({@link CaseChangedEvent}), so the next analysis reads the change;
 *   <li>then, in a transaction of Fulcrum's own on one background thread, each changed record's
 *       version is bumped (so an edit through the API that read it before must read it again) and
 *       the change is appended to the case's history with author {@code bolt:<user>}; a commit that
 *       touched more than {@value #ONE_BY_ONE} records of a case gets one history entry for the
 *       case, counting them.
 * </ol>
 *
 * An external store has no such listener (Neo4j offers none to its clients): see docs/robustness.md.
 */
@Component
class OutOfBandWrites implements TransactionEventListener<OutOfBandWrites.Commit>,
    InitializingBean, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(OutOfBandWrites.class);

  /** Above this many records of one case in one commit, the history gets one entry for them all. */
  static final int ONE_BY_ONE = 100;

  /** The properties Fulcrum keeps for itself on records: not part of the change shown. */
  private static final Set<String> BOOKKEEPING = Set.of("caseId", "seq", "version", "updatedAt");

  /** One record a foreign commit created, changed or deleted; before/after are its properties. */
  record Touched(String caseId, String kind, String id, String elementId, boolean relationship,
      Map<String, Object> before, Map<String, Object> after) {

    String action() {
      return before == null ? "create" : after == null ? "delete" : "update";
    }
  }

  /**
   * What one commit not made by this process changed; {@code outside} when no Fulcrum made it (then
   * its changes are recorded here; another Fulcrum process records its own).
   */
  record Commit(List<Touched> touched, boolean outside) {}

  private final EmbeddedNeo4j embedded;
  private final ApplicationEventPublisher events;
  private final CaseHistory history;
  private final Neo4jClient client;
  private final TransactionTemplate writes;
  private final ExecutorService bookkeeping = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "fulcrum-out-of-band-writes");
    t.setDaemon(true);
    return t;
  });

  OutOfBandWrites(GraphStore store, ApplicationEventPublisher events, CaseHistory history,
      Neo4jClient client, PlatformTransactionManager transactions) {
    this.embedded = store.embedded();
    this.events = events;
    this.history = history;
    this.client = client;
    this.writes = new TransactionTemplate(transactions);
    this.writes.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @Override
  public void afterPropertiesSet() {
    if (embedded != null) {
      embedded.listen(this);
    }
  }

  @Override
  public void destroy() throws InterruptedException {
    if (embedded != null) {
      embedded.stopListening(this);
    }
    bookkeeping.shutdown();
    bookkeeping.awaitTermination(10, TimeUnit.SECONDS);
  }

  /**
   * Whether this process made the commit: in process (the in-process import batches, whose
   * transactions carry no user) or through its driver, signed in as the internal Bolt user.
   */
  boolean thisProcess(TransactionData data) {
    String user = data.username();
    return user == null || user.isEmpty() || user.equals(embedded.internalUser());
  }

  /**
   * Whether another Fulcrum process made it (its command line signed in as {@code neo4j}, say):
   * the transaction metadata Spring Data Neo4j puts on every transaction it opens ({@code app: ...
   * spring-data-neo4j/...}). Its caches here are dropped; its history it writes itself.
   */
  static boolean otherFulcrum(TransactionData data) {
    Object app = data.metaData().get("app");
    return app instanceof String s && s.contains("spring-data-neo4j/");
  }

  @Override
  public Commit beforeCommit(TransactionData data, Transaction transaction, GraphDatabaseService database) {
    if (thisProcess(data)) {
      return null;
    }
    boolean outside = !otherFulcrum(data);
    try {
      List<Touched> touched = touched(data);
      return touched.isEmpty() ? null : new Commit(touched, outside);
    } catch (RuntimeException e) {
      // never fail someone else's commit over Fulcrum's bookkeeping
      log.warn("Could not read what a Bolt commit by '{}' changed; the caches of every case are dropped",
          data.username(), e);
      return new Commit(List.of(new Touched(null, "case", null, null, false, Map.of(), Map.of())), false);
    }
  }

  @Override
  public void afterCommit(TransactionData data, Commit commit, GraphDatabaseService database) {
    if (commit == null) {
      return;
    }
    List<Touched> touched = commit.touched();
    Set<String> cases = new LinkedHashSet<>();
    touched.forEach(t -> cases.add(t.caseId()));
    boolean unknown = cases.remove(null);
    cases.forEach(caseId -> events.publishEvent(new CaseChangedEvent(caseId)));
    String author = "bolt:" + data.username();
    bookkeeping.submit(() -> {
      if (unknown) {
        client.query("MATCH (c:Case) RETURN c.id").fetchAs(String.class).all()
            .forEach(caseId -> events.publishEvent(new CaseChangedEvent(caseId)));
      }
      if (commit.outside()) {
        record(author, touched, cases);
      }
    });
  }

  @Override
  public void afterRollback(TransactionData data, Commit commit, GraphDatabaseService database) {}

  /** Bumps the changed records' versions and writes the history, in Fulcrum's own transaction. */
  private void record(String author, List<Touched> touched, Set<String> cases) {
    try {
      writes.executeWithoutResult(status -> {
        List<String> nodes = new ArrayList<>();
        List<String> relationships = new ArrayList<>();
        Map<String, List<Touched>> byCase = new LinkedHashMap<>();
        for (Touched t : touched) {
          if (t.caseId() == null) {
            continue;
          }
          byCase.computeIfAbsent(t.caseId(), k -> new ArrayList<>()).add(t);
          if (t.before() != null && t.after() != null && !t.kind().equals("case")) {
            (t.relationship() ? relationships : nodes).add(t.elementId());
          }
        }
        client.query("UNWIND $ids AS id MATCH (x) WHERE elementId(x) = id"
                + " SET x.version = coalesce(x.version, 1) + 1")
            .bind(nodes).to("ids").run();
        client.query("UNWIND $ids AS id MATCH ()-[x]->() WHERE elementId(x) = id"
                + " SET x.version = coalesce(x.version, 1) + 1")
            .bind(relationships).to("ids").run();
        byCase.forEach((caseId, changes) -> {
          if (changes.size() > ONE_BY_ONE) {
            Map<String, Long> counts = new TreeMap<>();
            changes.forEach(t -> counts.merge(t.kind() + "s " + t.action() + "d", 1L, Long::sum));
            history.record(caseId, "update", "case", caseId, List.of(), null,
                Map.of("changedOverBolt", counts), author);
          } else {
            for (Touched t : changes) {
              history.record(caseId, t.action(), t.kind(), t.id(), actorsNamed(t), t.before(), t.after(),
                  author);
            }
          }
        });
        cases.forEach(caseId -> client.query("MATCH (c:Case {id: $caseId}) SET c.updatedAt = datetime()")
            .bind(caseId).to("caseId").run());
      });
    } catch (RuntimeException e) {
      log.warn("Could not record the Bolt change by '{}' in the history of case(s) {}", author, cases, e);
    }
    // again, now that the versions moved: a snapshot read meanwhile is not kept
    cases.forEach(caseId -> events.publishEvent(new CaseChangedEvent(caseId)));
  }

  private static List<String> actorsNamed(Touched t) {
    Map<String, Object> p = t.after() != null ? t.after() : t.before();
    List<String> names = switch (t.kind()) {
      case "actor" -> Arrays.asList(t.id());
      case "tie" -> Arrays.asList(str(p.get("source")), str(p.get("target")));
      case "message" -> Arrays.asList(str(p.get("speaker")), str(p.get("audience")), str(p.get("forum")));
      default -> List.of();
    };
    return names.stream().filter(Objects::nonNull).toList();
  }

  private static String str(Object o) {
    return o == null ? null : String.valueOf(o);
  }

  // ---- what a commit changed -----------------------------------------------------------------

  private static final Map<String, String> KINDS = Map.of("Actor", "actor", "Source", "source",
      "Message", "message", "Case", "case");

  /** Per entity: its labels if deleted, and the property entries seen. */
  private static final class Seen {
    final Entity entity;
    final boolean relationship;
    final Set<String> removedLabels = new LinkedHashSet<>();
    final List<PropertyEntry<?>> assigned = new ArrayList<>();
    final List<PropertyEntry<?>> removed = new ArrayList<>();
    boolean created;
    boolean deleted;

    Seen(Entity entity, boolean relationship) {
      this.entity = entity;
      this.relationship = relationship;
    }
  }

  private static List<Touched> touched(TransactionData data) {
    Map<String, Seen> seen = new LinkedHashMap<>();
    for (Node n : data.createdNodes()) {
      seen(seen, n, false).created = true;
    }
    for (Node n : data.deletedNodes()) {
      seen(seen, n, false).deleted = true;
    }
    for (Relationship r : data.createdRelationships()) {
      seen(seen, r, true).created = true;
    }
    for (Relationship r : data.deletedRelationships()) {
      seen(seen, r, true).deleted = true;
    }
    for (PropertyEntry<Node> e : data.assignedNodeProperties()) {
      seen(seen, e.entity(), false).assigned.add(e);
    }
    for (PropertyEntry<Node> e : data.removedNodeProperties()) {
      seen(seen, e.entity(), false).removed.add(e);
    }
    for (PropertyEntry<Relationship> e : data.assignedRelationshipProperties()) {
      seen(seen, e.entity(), true).assigned.add(e);
    }
    for (PropertyEntry<Relationship> e : data.removedRelationshipProperties()) {
      seen(seen, e.entity(), true).removed.add(e);
    }
    for (LabelEntry e : data.removedLabels()) {
      seen(seen, e.node(), false).removedLabels.add(e.label().name());
    }
    List<Touched> out = new ArrayList<>();
    for (Map.Entry<String, Seen> entry : seen.entrySet()) {
      Touched t = touched(entry.getKey(), entry.getValue());
      if (t != null) {
        out.add(t);
      }
    }
    return out;
  }

  private static Seen seen(Map<String, Seen> seen, Entity entity, boolean relationship) {
    return seen.computeIfAbsent(entity.getElementId(), id -> new Seen(entity, relationship));
  }

  private static Touched touched(String elementId, Seen s) {
    Map<String, Object> after = s.deleted ? null : plain(s.entity.getAllProperties());
    Map<String, Object> before = null;
    if (!s.created) {
      before = after == null ? new HashMap<>() : new HashMap<>(after);
      for (PropertyEntry<?> e : s.assigned) {
        if (e.previouslyCommittedValue() == null) {
          before.remove(e.key());
        } else {
          before.put(e.key(), plain(e.previouslyCommittedValue()));
        }
      }
      for (PropertyEntry<?> e : s.removed) {
        if (e.previouslyCommittedValue() != null) {
          before.put(e.key(), plain(e.previouslyCommittedValue()));
        }
      }
    }
    Map<String, Object> any = after != null ? after : before;
    if (any == null) {
      return null;
    }
    String kind = kind(s, any);
    if (kind == null) {
      return null;
    }
    String caseId = str(kind.equals("case") ? any.get("id") : any.get("caseId"));
    if (caseId == null) {
      return null;
    }
    Map<String, Object> shownBefore = shown(before);
    Map<String, Object> shownAfter = shown(after);
    if (shownBefore != null && shownBefore.equals(shownAfter)) {
      return null; // only Fulcrum's bookkeeping moved
    }
    return new Touched(caseId, kind, str(any.get("id")), elementId, s.relationship, shownBefore, shownAfter);
  }

  private static String kind(Seen s, Map<String, Object> props) {
    if (s.relationship) {
      // a deleted relationship's type can no longer be read; only TIEs carry a caseId
      if (!s.deleted) {
        return ((Relationship) s.entity).getType().name().equals("TIE") ? "tie" : null;
      }
      return props.containsKey("caseId") ? "tie" : null;
    }
    Iterable<String> labels;
    if (s.deleted) {
      labels = s.removedLabels;
    } else {
      List<String> names = new ArrayList<>();
      for (Label l : ((Node) s.entity).getLabels()) {
        names.add(l.name());
      }
      labels = names;
    }
    for (String label : labels) {
      String kind = KINDS.get(label);
      if (kind != null) {
        return kind;
      }
    }
    return null;
  }

  private static Map<String, Object> shown(Map<String, Object> props) {
    if (props == null) {
      return null;
    }
    Map<String, Object> shown = new TreeMap<>(props);
    shown.keySet().removeAll(BOOKKEEPING);
    return shown;
  }

  private static Map<String, Object> plain(Map<String, Object> props) {
    Map<String, Object> out = new HashMap<>();
    props.forEach((k, v) -> out.put(k, plain(v)));
    return out;
  }

  /** A stored value as JSON can hold it: arrays as lists, dates and times as ISO text. */
  private static Object plain(Object v) {
    if (v instanceof String[] a) {
      return List.of(a);
    }
    if (v instanceof Object[] a) {
      return Arrays.stream(a).map(OutOfBandWrites::plain).toList();
    }
    if (v != null && v.getClass().isArray()) {
      List<Object> list = new ArrayList<>();
      for (int i = 0; i < java.lang.reflect.Array.getLength(v); i++) {
        list.add(java.lang.reflect.Array.get(v, i));
      }
      return list;
    }
    if (v instanceof TemporalAccessor) {
      return v.toString();
    }
    return v;
  }
}
