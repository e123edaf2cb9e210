package org.fulcrum.cases;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.fulcrum.casefile.Actor;
import org.fulcrum.casefile.ActorKind;
import org.fulcrum.casefile.CaseFile;
import org.fulcrum.casefile.CaseSchema;
import org.fulcrum.casefile.CaseSummary;
import org.fulcrum.casefile.CaseValidator.References;
import org.fulcrum.casefile.Label;
import org.fulcrum.casefile.Message;
import org.fulcrum.casefile.Phase;
import org.fulcrum.casefile.Source;
import org.fulcrum.casefile.Tempo;
import org.fulcrum.casefile.Tie;
import org.neo4j.cypherdsl.core.Cypher;
import org.neo4j.cypherdsl.core.Node;
import org.neo4j.cypherdsl.core.Relationship;
import org.neo4j.cypherdsl.core.SortItem;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes case graphs with {@link Neo4jClient}: fixed Cypher with parameters, bulk writes
 * as {@code UNWIND} batches. Callers own the transaction ({@link CaseService} is transactional), so
 * that an import or edit either lands whole or not at all.
 */
@Repository
class CaseGraphRepository {

  private final Neo4jClient client;

  CaseGraphRepository(Neo4jClient client) {
    this.client = client;
  }

  // ---- cases -------------------------------------------------------------------------------

  Optional<java.time.LocalDate> asOf(String caseId) {
    return client.query("MATCH (c:Case {id: $caseId}) RETURN c.asOf")
        .bind(caseId).to("caseId").fetchAs(java.time.LocalDate.class).one();
  }

  boolean exists(String caseId) {
    return client.query("MATCH (c:Case {id: $caseId}) RETURN count(c) > 0 AS found")
        .bind(caseId).to("caseId").fetchAs(Boolean.class).one().orElse(false);
  }

  List<CaseSummary> list() {
    return client.query("""
            MATCH (c:Case)
            RETURN c {.*,
              actors: COUNT { (a:Actor {caseId: c.id}) },
              ties: COUNT { ()-[t:TIE {caseId: c.id}]->() },
              messages: COUNT { (m:Message {caseId: c.id}) },
              sources: COUNT { (s:Source {caseId: c.id}) }} AS c
            ORDER BY c.id""")
        .fetch().all().stream().map(r -> summary(map(r.get("c")))).toList();
  }

  Optional<CaseSummary> summary(String caseId) {
    return client.query("""
            MATCH (c:Case {id: $caseId})
            RETURN c {.*,
              actors: COUNT { (a:Actor {caseId: c.id}) },
              ties: COUNT { ()-[t:TIE {caseId: c.id}]->() },
              messages: COUNT { (m:Message {caseId: c.id}) },
              sources: COUNT { (s:Source {caseId: c.id}) }} AS c""")
        .bind(caseId).to("caseId").fetch().one().map(r -> summary(map(r.get("c"))));
  }

  private static CaseSummary summary(Map<String, Object> c) {
    return new CaseSummary((String) c.get("id"), (String) c.get("title"),
        (String) c.get("description"), (java.time.LocalDate) c.get("asOf"),
        Label.parse(Tempo.class, (String) c.get("tempo")).orElse(null),
        Label.parse(Phase.class, (String) c.get("phase")).orElse(null),
        count(c, "actors"), count(c, "ties"), count(c, "messages"), count(c, "sources"));
  }

  /**
   * Gives every record of case id {@code from} the case id {@code to}: one statement per kind, over
   * the caseId indexes, property writes only (the swap of a replacement, {@link StagedImport#replace}).
   */
  void moveRecords(String from, String to) {
    for (String label : List.of("Source", "Actor", "Message")) {
      client.query("MATCH (n:" + label + " {caseId: $from}) SET n.caseId = $to")
          .bindAll(Map.of("from", from, "to", to)).run();
    }
    client.query("MATCH ()-[t:TIE {caseId: $from}]->() SET t.caseId = $to")
        .bindAll(Map.of("from", from, "to", to)).run();
  }

  /** Sets the case node's header fields to the file's (the node, and its lock, stay). */
  void updateHeader(CaseFile c) {
    client.query("MATCH (c:Case {id: $id}) SET c += $header, c.updatedAt = datetime()")
        .bindAll(Map.of("id", c.id(), "header", header(c))).run();
  }

  private static Map<String, Object> header(CaseFile c) {
    Map<String, Object> header = new HashMap<>();
    header.put("id", c.id());
    header.put("title", c.title());
    header.put("description", c.description());
    header.put("asOf", c.asOf());
    header.put("tempo", c.tempo().label());
    header.put("phase", c.phase().label());
    return header;
  }

  /** Creates the case's own node, which makes the case visible. */
  void createHeader(CaseFile c) {
    client.query("CREATE (c:Case) SET c = $header, c.updatedAt = datetime()")
        .bind(header(c)).to("header").run();
  }

  /**
   * One kind of record of a case and how it is written: each row becomes a node (or a tie between
   * two actors) carrying the case's id and its position in the file ({@code seq}). Written in this
   * order, since ties and messages refer to actors and everything cites sources.
   */
  record Part<T>(String name, Function<CaseFile, List<T>> items, Function<T, Map<String, Object>> props,
      String perRow) {

    int size(CaseFile c) {
      return items.apply(c).size();
    }
  }

  /** Writes the records {@code [from, to)} of one part of the case, in the caller's transaction. */
  <T> void write(CaseFile c, Part<T> part, int from, int to) {
    List<T> items = part.items().apply(c);
    List<Map<String, Object>> rows = new ArrayList<>(to - from);
    for (int j = from; j < to; j++) {
      Map<String, Object> row = part.props().apply(items.get(j));
      row.put("seq", j);
      rows.add(row);
    }
    client.query("UNWIND $rows AS row\n" + part.perRow())
        .bindAll(Map.of("rows", rows, "caseId", c.id())).run();
  }

  // The hints keep the planner on the (caseId, id) uniqueness index: without them it may scan
  // every actor of the case per row (quadratic on large cases).
  private static final String CREATE_TIE = """
      MATCH (a:Actor {caseId: $caseId, id: row.source})
      USING INDEX a:Actor(caseId, id)
      MATCH (b:Actor {caseId: $caseId, id: row.target})
      USING INDEX b:Actor(caseId, id)
      CREATE (a)-[t:TIE]->(b)
      SET t = row, t.caseId = $caseId""";

  private static final String CREATE_MESSAGE = """
      MATCH (speaker:Actor {caseId: $caseId, id: row.speaker})
      USING INDEX speaker:Actor(caseId, id)
      MATCH (audience:Actor {caseId: $caseId, id: row.audience})
      USING INDEX audience:Actor(caseId, id)
      CREATE (m:Message) SET m = row, m.caseId = $caseId
      CREATE (speaker)-[:SAID]->(m)-[:ADDRESSED_TO]->(audience)
      WITH m, row
      OPTIONAL MATCH (forum:Actor {caseId: $caseId, id: row.forum})
      FOREACH (f IN CASE WHEN forum IS NULL THEN [] ELSE [forum] END | CREATE (m)-[:IN_FORUM]->(f))""";

  static final List<Part<?>> PARTS = List.of(
      new Part<>("sources", CaseFile::sources, CaseGraphMapping::props,
          "CREATE (s:Source) SET s = row, s.caseId = $caseId"),
      new Part<>("actors", CaseFile::actors, CaseGraphMapping::props,
          "CREATE (a:Actor) SET a = row, a.caseId = $caseId"),
      new Part<>("ties", CaseFile::ties, CaseGraphMapping::props, CREATE_TIE),
      new Part<>("messages", CaseFile::messages, CaseGraphMapping::props, CREATE_MESSAGE));

  Optional<CaseFile> load(String caseId) {
    var header = client.query("MATCH (c:Case {id: $caseId}) RETURN c {.*} AS c")
        .bind(caseId).to("caseId").fetch().one();
    if (header.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> c = map(header.get().get("c"));
    return Optional.of(new CaseFile((String) c.get("id"), (String) c.get("title"),
        (String) c.get("description"), (java.time.LocalDate) c.get("asOf"),
        Label.parse(Tempo.class, (String) c.get("tempo")).orElseThrow(),
        Label.parse(Phase.class, (String) c.get("phase")).orElseThrow(),
        sources(caseId), actors(caseId), ties(caseId), messages(caseId)));
  }

  /** Deletes the case and everything in it; false when there was no such case. */
  boolean delete(String caseId) {
    boolean existed = exists(caseId);
    for (String label : List.of("Message", "Actor", "Source")) {
      client.query("MATCH (n:" + label + " {caseId: $caseId}) DETACH DELETE n")
          .bind(caseId).to("caseId").run();
    }
    client.query("MATCH (c:Case {id: $caseId}) DELETE c").bind(caseId).to("caseId").run();
    return existed;
  }

  /**
   * Takes the write lock of the case's node, held until the transaction ends (every versioned
   * write to a case takes it first, so they take turns); false when there is no such case.
   */
  boolean lockCase(String caseId) {
    return client.query("MATCH (c:Case {id: $caseId}) SET c.updatedAt = datetime() RETURN count(c) > 0")
        .bind(caseId).to("caseId").fetchAs(Boolean.class).one().orElse(false);
  }

  void touch(String caseId) {
    client.query("MATCH (c:Case {id: $caseId}) SET c.updatedAt = datetime()")
        .bind(caseId).to("caseId").run();
  }

  // ---- records -----------------------------------------------------------------------------

  List<Source> sources(String caseId) {
    return rows("MATCH (s:Source {caseId: $caseId}) RETURN s {.*} AS r ORDER BY s.seq, s.id", caseId, Map.of())
        .stream().map(CaseGraphMapping::source).toList();
  }

  // Actors and ties are read column by column (no intermediate maps): this is the projection
  // every analysis starts from, and on large cases the mapping dominates its cost. The columns are
  // the descriptors' fields (CaseGraphMapping.columns), read back by name.

  private static final Node ACTOR = Cypher.node("Actor").named("a")
      .withProperties("caseId", Cypher.parameter("caseId"));
  private static final Relationship TIE = Cypher.anyNode().relationshipTo(Cypher.anyNode(), "TIE")
      .named("t").withProperties("caseId", Cypher.parameter("caseId"));
  private static final Node END = Cypher.node("Actor").named("b");
  private static final Relationship TIE_AMONG = ACTOR.relationshipTo(END, "TIE").named("t");
  private static final SortItem[] ACTOR_FILE_ORDER =
      {ACTOR.property("seq").ascending(), ACTOR.property("id").ascending()};

  private static final String ACTORS = Cypher.match(ACTOR)
      .returning(CaseGraphMapping.columns(CaseSchema.ACTOR, ACTOR))
      .orderBy(ACTOR_FILE_ORDER).build().getCypher();
  private static final String ACTORS_NAMED = Cypher.match(ACTOR)
      .where(ACTOR.property("id").in(Cypher.parameter("ids")))
      .returning(CaseGraphMapping.columns(CaseSchema.ACTOR, ACTOR))
      .orderBy(ACTOR_FILE_ORDER).build().getCypher();
  private static final String TIES = Cypher.match(TIE)
      .returning(CaseGraphMapping.columns(CaseSchema.TIE, TIE)).build().getCypher();
  private static final String TIES_IN_FILE_ORDER = Cypher.match(TIE)
      .returning(CaseGraphMapping.columns(CaseSchema.TIE, TIE))
      .orderBy(TIE.property("seq").ascending(), TIE.property("id").ascending()).build().getCypher();
  private static final String TIES_AMONG = Cypher.match(TIE_AMONG)
      .where(ACTOR.property("id").in(Cypher.parameter("ids")))
      .and(END.property("id").in(Cypher.parameter("ids")))
      .returning(CaseGraphMapping.columns(CaseSchema.TIE, TIE_AMONG)).build().getCypher();

  List<Actor> actors(String caseId) {
    return List.copyOf(client.query(ACTORS).bind(caseId).to("caseId")
        .fetchAs(Actor.class).mappedBy((types, r) -> CaseGraphMapping.fromRow(CaseSchema.ACTOR, caseId, r))
        .all());
  }

  List<Tie> ties(String caseId) {
    return ties(caseId, true);
  }

  /** The case's ties; unordered is cheaper on large cases and is what analyses need. */
  List<Tie> ties(String caseId, boolean inFileOrder) {
    return List.copyOf(client.query(inFileOrder ? TIES_IN_FILE_ORDER : TIES).bind(caseId).to("caseId")
        .fetchAs(Tie.class).mappedBy((types, r) -> CaseGraphMapping.fromRow(CaseSchema.TIE, caseId, r))
        .all());
  }

  /**
   * The ids of the actors within {@code hops} ties (in either direction) of the given ones, those
   * included; ids that name no actor are left out. One query per hop, over the (caseId, id) index.
   */
  Set<String> neighbourhood(String caseId, Collection<String> ids, int hops) {
    Set<String> seen = new LinkedHashSet<>(client.query("""
            UNWIND $ids AS id
            MATCH (a:Actor {caseId: $caseId, id: id})
            RETURN a.id AS id""")
        .bind(caseId).to("caseId").bind(List.copyOf(ids)).to("ids").fetchAs(String.class).all());
    List<String> frontier = List.copyOf(seen);
    for (int h = 0; h < hops && !frontier.isEmpty(); h++) {
      List<String> next = new ArrayList<>();
      for (String id : client.query("""
              UNWIND $frontier AS id
              MATCH (:Actor {caseId: $caseId, id: id})-[:TIE]-(b:Actor)
              RETURN DISTINCT b.id AS id""")
          .bind(caseId).to("caseId").bind(frontier).to("frontier").fetchAs(String.class).all()) {
        if (seen.add(id)) {
          next.add(id);
        }
      }
      frontier = next;
    }
    return seen;
  }

  /** The named actors, in file order. */
  List<Actor> actors(String caseId, Set<String> ids) {
    return List.copyOf(client.query(ACTORS_NAMED)
        .bind(caseId).to("caseId").bind(List.copyOf(ids)).to("ids")
        .fetchAs(Actor.class).mappedBy((types, r) -> CaseGraphMapping.fromRow(CaseSchema.ACTOR, caseId, r))
        .all());
  }

  /** The ties whose both ends are among the named actors. */
  List<Tie> tiesAmong(String caseId, Set<String> ids) {
    return List.copyOf(client.query(TIES_AMONG)
        .bind(caseId).to("caseId").bind(List.copyOf(ids)).to("ids")
        .fetchAs(Tie.class).mappedBy((types, r) -> CaseGraphMapping.fromRow(CaseSchema.TIE, caseId, r))
        .all());
  }

  List<Message> messages(String caseId) {
    return rows("MATCH (m:Message {caseId: $caseId}) RETURN m {.*} AS r ORDER BY m.seq, m.id", caseId,
        Map.of()).stream().map(CaseGraphMapping::message).toList();
  }

  Optional<Source> source(String caseId, String id) {
    return one("MATCH (s:Source {caseId: $caseId, id: $id}) RETURN s {.*} AS r", caseId, id)
        .map(CaseGraphMapping::source);
  }

  Optional<Actor> actor(String caseId, String id) {
    return one("MATCH (a:Actor {caseId: $caseId, id: $id}) RETURN a {.*} AS r", caseId, id)
        .map(CaseGraphMapping::actor);
  }

  Optional<Tie> tie(String caseId, String id) {
    return one("MATCH ()-[t:TIE {caseId: $caseId, id: $id}]->() RETURN t {.*} AS r", caseId, id)
        .map(CaseGraphMapping::tie);
  }

  Optional<Message> message(String caseId, String id) {
    return one("MATCH (m:Message {caseId: $caseId, id: $id}) RETURN m {.*} AS r", caseId, id)
        .map(CaseGraphMapping::message);
  }

  // A record keeps its place (seq) when replaced; a new one goes last, so exports keep file order.
  // Every record carries a version: 1 when imported or created, one more at each replacement.

  /** A record's version, if it exists. {@code kind} is actor, tie, message or source. */
  Optional<Long> version(String caseId, String kind, String id) {
    String match = switch (kind) {
      case "actor" -> "MATCH (x:Actor {caseId: $caseId, id: $id})";
      case "tie" -> "MATCH ()-[x:TIE {caseId: $caseId, id: $id}]->()";
      case "message" -> "MATCH (x:Message {caseId: $caseId, id: $id})";
      case "source" -> "MATCH (x:Source {caseId: $caseId, id: $id})";
      default -> throw new IllegalArgumentException(kind);
    };
    return client.query(match + " RETURN coalesce(x.version, 1) AS v")
        .bindAll(Map.of("caseId", caseId, "id", id)).fetchAs(Long.class).one();
  }

  void saveSource(String caseId, Source s, long version) {
    Map<String, Object> row = CaseGraphMapping.props(s);
    row.put("version", version);
    row.put("seq", seq(caseId, s.id(), "MATCH (x:Source {caseId: $caseId})", "x.id = $id"));
    write("MERGE (s:Source {caseId: $caseId, id: $row.id}) SET s = $row, s.caseId = $caseId",
        caseId, row);
  }

  void saveActor(String caseId, Actor a, long version) {
    Map<String, Object> row = CaseGraphMapping.props(a);
    row.put("version", version);
    row.put("seq", seq(caseId, a.id(), "MATCH (x:Actor {caseId: $caseId})", "x.id = $id"));
    write("MERGE (a:Actor {caseId: $caseId, id: $row.id}) SET a = $row, a.caseId = $caseId",
        caseId, row);
  }

  /** Creates or replaces a tie; a changed source or target moves it to the new endpoints. */
  void saveTie(String caseId, Tie t, long version) {
    Map<String, Object> row = CaseGraphMapping.props(t);
    row.put("version", version);
    row.put("seq", seq(caseId, t.id(), "MATCH ()-[x:TIE {caseId: $caseId}]->()", "x.id = $id"));
    deleteTie(caseId, t.id());
    write("WITH $row AS row\n" + CREATE_TIE, caseId, row);
  }

  void saveMessage(String caseId, Message m, long version) {
    Map<String, Object> row = CaseGraphMapping.props(m);
    row.put("version", version);
    row.put("seq", seq(caseId, m.id(), "MATCH (x:Message {caseId: $caseId})", "x.id = $id"));
    deleteMessage(caseId, m.id());
    write("WITH $row AS row\n" + CREATE_MESSAGE, caseId, row);
  }

  /** The record's current place, or one past the last place of its kind. */
  private long seq(String caseId, String id, String match, String isThis) {
    return client.query(match + "\nRETURN coalesce(max(CASE WHEN " + isThis
            + " THEN x.seq END), max(x.seq) + 1, 0) AS seq")
        .bindAll(Map.of("caseId", caseId, "id", id)).fetchAs(Long.class).one().orElse(0L);
  }

  boolean deleteSource(String caseId, String id) {
    return deleted("MATCH (s:Source {caseId: $caseId, id: $id}) DELETE s RETURN count(*) AS n", caseId, id);
  }

  boolean deleteActor(String caseId, String id) {
    return deleted("MATCH (a:Actor {caseId: $caseId, id: $id}) DETACH DELETE a RETURN count(*) AS n",
        caseId, id);
  }

  boolean deleteTie(String caseId, String id) {
    return deleted("MATCH ()-[t:TIE {caseId: $caseId, id: $id}]->() DELETE t RETURN count(*) AS n",
        caseId, id);
  }

  boolean deleteMessage(String caseId, String id) {
    return deleted("MATCH (m:Message {caseId: $caseId, id: $id}) DETACH DELETE m RETURN count(*) AS n",
        caseId, id);
  }

  /** The actor ids (with kinds) and source ids a record of this case may refer to. */
  References references(String caseId) {
    Map<String, ActorKind> actors = new HashMap<>();
    for (var r : rows("MATCH (a:Actor {caseId: $caseId}) RETURN a {.id, .kind} AS r", caseId, Map.of())) {
      actors.put((String) r.get("id"), Label.parse(ActorKind.class, (String) r.get("kind")).orElseThrow());
    }
    Set<String> sources = new HashSet<>();
    for (var r : rows("MATCH (s:Source {caseId: $caseId}) RETURN s {.id} AS r", caseId, Map.of())) {
      sources.add((String) r.get("id"));
    }
    return new References(actors, sources);
  }

  /** Ids of the ties and messages that name this actor (which keep it from being deleted). */
  List<String> usesOfActor(String caseId, String actorId) {
    return strings("""
        CALL () {
          MATCH (a:Actor {caseId: $caseId, id: $id})-[t:TIE]-() RETURN 'tie ' + t.id AS use
          UNION
          MATCH (m:Message {caseId: $caseId})
          WHERE $id IN [m.speaker, m.audience, m.forum] RETURN 'message ' + m.id AS use
        }
        RETURN use ORDER BY use""", caseId, actorId);
  }

  /** Records that cite this source (which keep it from being deleted). */
  List<String> usesOfSource(String caseId, String sourceId) {
    return strings("""
        CALL () {
          MATCH (a:Actor {caseId: $caseId}) WHERE $id IN a.sources RETURN 'actor ' + a.id AS use
          UNION
          MATCH ()-[t:TIE {caseId: $caseId}]->() WHERE $id IN t.sources RETURN 'tie ' + t.id AS use
          UNION
          MATCH (m:Message {caseId: $caseId}) WHERE $id IN m.sources RETURN 'message ' + m.id AS use
        }
        RETURN use ORDER BY use""", caseId, sourceId);
  }

  // ---- helpers -----------------------------------------------------------------------------

  private List<Map<String, Object>> rows(String cypher, String caseId, Map<String, Object> more) {
    Map<String, Object> params = new HashMap<>(more);
    params.put("caseId", caseId);
    Collection<Map<String, Object>> all = client.query(cypher).bindAll(params).fetch().all();
    List<Map<String, Object>> out = new ArrayList<>(all.size());
    all.forEach(r -> out.add(map(r.get("r"))));
    return out;
  }

  private Optional<Map<String, Object>> one(String cypher, String caseId, String id) {
    return client.query(cypher).bindAll(Map.of("caseId", caseId, "id", id)).fetch().one()
        .map(r -> map(r.get("r")));
  }

  private List<String> strings(String cypher, String caseId, String id) {
    return client.query(cypher).bindAll(Map.of("caseId", caseId, "id", id))
        .fetchAs(String.class).all().stream().toList();
  }

  private void write(String cypher, String caseId, Map<String, Object> row) {
    client.query(cypher).bindAll(Map.of("caseId", caseId, "row", row)).run();
  }

  private boolean deleted(String cypher, String caseId, String id) {
    return client.query(cypher).bindAll(Map.of("caseId", caseId, "id", id))
        .fetchAs(Long.class).one().orElse(0L) > 0;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  private static int count(Map<String, Object> c, String key) {
    return ((Number) c.get(key)).intValue();
  }
}
