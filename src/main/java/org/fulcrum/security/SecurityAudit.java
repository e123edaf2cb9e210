package org.fulcrum.security;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The append-only record of access changes: who opened or restricted a case, created, deleted or
 * re-roled a user, or changed a password (and so revoked that user's tokens). Kept as
 * {@code (:SecurityEvent)} nodes beside the case histories (a case's history records changes to
 * the case's content; who may see it is the security side's, and outlives the case). Nothing
 * updates or deletes an event. Each is written right after its change commits.
 *
 * <p>Read with {@code GET /api/audit} (admins: every event, optionally of one case or user) and
 * {@code GET /api/cases/{caseId}/access/history} (whoever may see the case: its access changes).
 */
@Component
@ConditionalOnWebApplication
class SecurityAudit {

  /** One access change, newest first. {@code before} and {@code after} are the values changed. */
  record Event(String at, String author, String action, String caseId, String user, String before,
      String after) {}

  private final Neo4jClient client;

  SecurityAudit(Neo4jClient client) {
    this.client = client;
  }

  /** The signed-in user, or {@code system} outside a request (start-up). */
  static String author() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth == null || auth.getName() == null ? "system" : auth.getName();
  }

  /**
   * Appends an event.
   *
   * @param action {@code case-access}, {@code user-create}, {@code user-role}, {@code user-delete}
   *     or {@code user-password}
   * @param caseId the case whose access changed, or null
   * @param user the user changed, or null
   */
  void record(String action, String caseId, String user, String before, String after) {
    Map<String, Object> row = new HashMap<>();
    row.put("author", author());
    row.put("action", action);
    row.put("caseId", caseId);
    row.put("user", user);
    row.put("before", before);
    row.put("after", after);
    client.query("CREATE (e:SecurityEvent {at: datetime()}) SET e += $row").bind(row).to("row").run();
  }

  /** Newest first, at most {@code limit}; {@code caseId} and {@code user} filter when not null. */
  List<Event> list(String caseId, String user, int limit) {
    Map<String, Object> params = new HashMap<>();
    params.put("caseId", caseId);
    params.put("user", user);
    params.put("limit", limit);
    return client.query("""
            MATCH (e:SecurityEvent)
            WHERE ($caseId IS NULL OR e.caseId = $caseId) AND ($user IS NULL OR e.user = $user)
            RETURN toString(e.at) AS at, e.author AS author, e.action AS action, e.caseId AS caseId,
                   e.user AS user, e.before AS before, e.after AS after
            ORDER BY e.at DESC LIMIT $limit""")
        .bindAll(params).fetch().all().stream()
        .map(r -> new Event((String) r.get("at"), (String) r.get("author"), (String) r.get("action"),
            (String) r.get("caseId"), (String) r.get("user"), (String) r.get("before"),
            (String) r.get("after")))
        .toList();
  }
}
