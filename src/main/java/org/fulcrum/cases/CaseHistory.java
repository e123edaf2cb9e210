package org.fulcrum.cases;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only record of every change to a case: who, when, what, and the record before and
 * after. Changes are written in the transaction of the change itself, so a change and its record
 * commit or roll back together; nothing ever updates or deletes a {@code (:Change)} node, and a
 * deleted case keeps its history.
 */
@Component
class CaseHistory {

  /** One change, newest first in {@link #list}. {@code before} and {@code after} are JSON or null. */
  record Change(long seq, String at, String author, String action, String kind, String item,
      List<String> actors, JsonNode before, JsonNode after) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Neo4jClient client;
  private final ObjectProvider<CurrentUser> currentUser;
  private final String defaultAuthor;

  CaseHistory(Neo4jClient client, ObjectProvider<CurrentUser> currentUser,
      @Value("${fulcrum.audit.default-author:anonymous}") String defaultAuthor) {
    this.client = client;
    this.currentUser = currentUser;
    this.defaultAuthor = defaultAuthor;
  }

  /** The current user, or the configured default (the command line sets its OS user). */
  String author() {
    CurrentUser user = currentUser.getIfAvailable();
    return user == null ? defaultAuthor : user.get().orElse(defaultAuthor);
  }

  /**
   * Appends a change.
   *
   * @param action import, replace, create, update, delete
   * @param kind case, actor, tie, message, source
   * @param actors the actor ids the record names (an actor itself, a tie's ends, a message's
   *     speaker, audience and forum), for filtering by actor
   */
  void record(String caseId, String action, String kind, String item, List<String> actors,
      Object before, Object after) {
    record(caseId, action, kind, item, actors, before, after, author());
  }

  /** Appends a change made by someone other than the current user ({@code bolt:<user>}). */
  void record(String caseId, String action, String kind, String item, List<String> actors,
      Object before, Object after, String author) {
    Map<String, Object> row = new HashMap<>();
    row.put("author", author);
    row.put("action", action);
    row.put("kind", kind);
    row.put("item", item);
    row.put("actors", actors.stream().filter(a -> a != null).distinct().toList());
    row.put("before", before == null ? null : JSON.writeValueAsString(before));
    row.put("after", after == null ? null : JSON.writeValueAsString(after));
    // the counter's write lock makes concurrent changes to one case take numbers one at a time
    client.query("""
            MERGE (k:ChangeCounter {caseId: $caseId})
            ON CREATE SET k.seq = 0
            SET k.seq = k.seq + 1
            WITH k.seq AS seq
            CREATE (c:Change {caseId: $caseId, seq: seq, at: datetime()})
            SET c += $row""")
        .bindAll(Map.of("caseId", caseId, "row", row)).run();
  }

  /** Whether the case ever had a change recorded. */
  boolean any(String caseId) {
    return client.query("MATCH (c:Change {caseId: $caseId}) RETURN count(c) > 0")
        .bind(caseId).to("caseId").fetchAs(Boolean.class).one().orElse(false);
  }

  /** Newest first; {@code actor} keeps changes naming that actor, {@code item} those to that id. */
  List<Change> list(String caseId, String actor, String item, int limit) {
    Map<String, Object> params = new HashMap<>();
    params.put("caseId", caseId);
    params.put("actor", actor);
    params.put("item", item);
    params.put("limit", limit);
    List<Change> out = new ArrayList<>();
    client.query("""
            MATCH (c:Change {caseId: $caseId})
            WHERE ($actor IS NULL OR $actor IN c.actors) AND ($item IS NULL OR c.item = $item)
            RETURN c.seq AS seq, toString(c.at) AS at, c.author AS author, c.action AS action,
                   c.kind AS kind, c.item AS item, c.actors AS actors, c.before AS before, c.after AS after
            ORDER BY c.seq DESC LIMIT $limit""")
        .bindAll(params).fetch().all().forEach(r -> out.add(new Change(
            ((Number) r.get("seq")).longValue(), (String) r.get("at"), (String) r.get("author"),
            (String) r.get("action"), (String) r.get("kind"), (String) r.get("item"),
            strings(r.get("actors")), json(r.get("before")), json(r.get("after")))));
    return out;
  }

  private static List<String> strings(Object value) {
    List<String> out = new ArrayList<>();
    if (value instanceof List<?> list) {
      list.forEach(v -> out.add(String.valueOf(v)));
    }
    return out;
  }

  private static JsonNode json(Object value) {
    return value == null ? null : JSON.readTree((String) value);
  }
}
