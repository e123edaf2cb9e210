package org.fulcrum.security;

import java.util.List;
import java.util.Map;
import org.fulcrum.cases.CaseGate;
import org.fulcrum.cases.CaseNotFoundException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Cases restricted to named users. A restriction is a {@code (:CaseAccess {caseId, users})} node,
 * kept apart from the case so that it survives re-imports, and kept after a delete so that the
 * case's history stays as restricted as the case was. Admins see every case; anyone else sees a
 * restricted case only when named, and gets 404 for it otherwise, as if it did not exist.
 */
@Component
@ConditionalOnWebApplication
class CaseAccess implements CaseGate {

  private final Neo4jClient client;

  CaseAccess(Neo4jClient client) {
    this.client = client;
  }

  /** The users a case is restricted to; empty means every signed-in user may see it. */
  List<String> restriction(String caseId) {
    return List.copyOf(client.query("MATCH (a:CaseAccess {caseId: $caseId}) UNWIND a.users AS user RETURN user")
        .bind(caseId).to("caseId").fetchAs(String.class).all());
  }

  void restrict(String caseId, List<String> users) {
    client.query("""
            MERGE (a:CaseAccess {caseId: $caseId})
            SET a.users = $users, a.updatedAt = datetime()""")
        .bindAll(Map.of("caseId", caseId, "users", users)).run();
  }

  @Override
  public boolean visible(String caseId) {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null) {
      // not a request (the security chain signs every API request in before it gets here): the
      // application itself, e.g. loading the bundled cases at start-up
      return true;
    }
    if (auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Role.ADMIN.authority()))) {
      return true;
    }
    List<String> users = restriction(caseId);
    return users.isEmpty() || users.contains(auth.getName());
  }

  void requireVisible(String caseId) {
    if (!visible(caseId)) {
      throw CaseNotFoundException.caseId(caseId);
    }
  }
}
