package org.fulcrum.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Users and their personal API tokens, kept in the graph store: {@code (:FulcrumUser)} with a
 * password hash and one role, and {@code (:ApiToken)} holding only the SHA-256 of a token (the
 * token itself is shown once, when it is made).
 */
@Component
public class UserStore {

  /** A user as stored; {@code passwordHash} is a Spring Security encoded hash. */
  public record StoredUser(String username, String passwordHash, Role role) {}

  /** A token's public part: it can be listed and revoked, never read back. */
  public record TokenInfo(String id, String name, String createdAt) {}

  private final Neo4jClient client;

  UserStore(Neo4jClient client) {
    this.client = client;
  }

  public long count() {
    return client.query("MATCH (u:FulcrumUser) RETURN count(u)").fetchAs(Long.class).one().orElse(0L);
  }

  public Optional<StoredUser> find(String username) {
    return client.query("MATCH (u:FulcrumUser {username: $u}) RETURN u.username AS u, u.passwordHash AS h, u.role AS r")
        .bind(username).to("u").fetch().one()
        .map(r -> new StoredUser((String) r.get("u"), (String) r.get("h"), Role.parse((String) r.get("r"))));
  }

  public List<StoredUser> list() {
    return client.query("MATCH (u:FulcrumUser) RETURN u.username AS u, u.role AS r ORDER BY u.username")
        .fetch().all().stream()
        .map(r -> new StoredUser((String) r.get("u"), null, Role.parse((String) r.get("r")))).toList();
  }

  /** Creates a user; false when the name is taken. */
  public boolean create(String username, String passwordHash, Role role) {
    return client.query("""
            OPTIONAL MATCH (existing:FulcrumUser {username: $u})
            WITH existing WHERE existing IS NULL
            CREATE (:FulcrumUser {username: $u, passwordHash: $h, role: $r, createdAt: datetime()})
            RETURN true""")
        .bindAll(Map.of("u", username, "h", passwordHash, "r", role.label()))
        .fetchAs(Boolean.class).one().orElse(false);
  }

  public boolean setPassword(String username, String passwordHash) {
    return updated("MATCH (u:FulcrumUser {username: $u}) SET u.passwordHash = $v RETURN count(u)",
        username, passwordHash);
  }

  public boolean setRole(String username, Role role) {
    return updated("MATCH (u:FulcrumUser {username: $u}) SET u.role = $v RETURN count(u)", username,
        role.label());
  }

  public boolean delete(String username) {
    return updated("MATCH (u:FulcrumUser {username: $u}) OPTIONAL MATCH (t:ApiToken {username: $u})"
        + " DETACH DELETE t, u RETURN count(DISTINCT u)", username, "");
  }

  public long admins() {
    return client.query("MATCH (u:FulcrumUser {role: 'admin'}) RETURN count(u)").fetchAs(Long.class).one()
        .orElse(0L);
  }

  // ---- tokens ------------------------------------------------------------------------------

  /** Stores a new token's hash and answers its id. */
  public String addToken(String username, String name, String token) {
    String id = UUID.randomUUID().toString();
    client.query("CREATE (:ApiToken {id: $id, username: $u, name: $n, hash: $h, createdAt: datetime()})")
        .bindAll(Map.of("id", id, "u", username, "n", name, "h", sha256(token))).run();
    return id;
  }

  /** The user a token belongs to. */
  public Optional<StoredUser> byToken(String token) {
    return client.query("""
            MATCH (t:ApiToken {hash: $h})
            MATCH (u:FulcrumUser {username: t.username})
            RETURN u.username AS u, u.role AS r""")
        .bind(sha256(token)).to("h").fetch().one()
        .map(r -> new StoredUser((String) r.get("u"), null, Role.parse((String) r.get("r"))));
  }

  public List<TokenInfo> tokens(String username) {
    return client.query("""
            MATCH (t:ApiToken {username: $u})
            RETURN t.id AS id, t.name AS name, toString(t.createdAt) AS at ORDER BY t.createdAt""")
        .bind(username).to("u").fetch().all().stream()
        .map(r -> new TokenInfo((String) r.get("id"), (String) r.get("name"), (String) r.get("at"))).toList();
  }

  public boolean revokeToken(String username, String id) {
    return updated("MATCH (t:ApiToken {username: $u, id: $v}) DELETE t RETURN count(t)", username, id);
  }

  private boolean updated(String cypher, String username, String value) {
    return client.query(cypher).bindAll(Map.of("u", username, "v", value)).fetchAs(Long.class).one()
        .orElse(0L) > 0;
  }

  static String sha256(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
