package org.fulcrum.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Users and their personal API tokens, kept in the graph store: {@code (:FulcrumUser)} with a
 * password hash and one role, and {@code (:ApiToken)} holding only the SHA-256 of a token (the
 * token itself is shown once, when it is made).
 *
 * <p>A token found in the store is remembered, by its hash, for {@code fulcrum.security.token-cache}
 * (5 s by default; 0 turns it off), so that a client sending many requests does not cost a store
 * query each. Any change to tokens, roles or users made through this process forgets them all at
 * once; one made by another process sharing an external store takes effect here within that time.
 * Unknown tokens are never remembered.
 */
@Component
public class UserStore {

  /** Past this many remembered tokens, all are forgotten (a bound, not an eviction policy). */
  private static final int MAX_REMEMBERED = 10_000;

  private record Verified(StoredUser user, long untilNanos) {}

  /** A user as stored; {@code passwordHash} is a Spring Security encoded hash. */
  public record StoredUser(String username, String passwordHash, Role role) {}

  /** A token's public part: it can be listed and revoked, never read back. */
  public record TokenInfo(String id, String name, String createdAt) {}

  private final Neo4jClient client;
  private final long tokenCacheNanos;
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();
  /** Moves on with every change that may make a remembered token wrong; see {@link #forgetTokens}. */
  private final AtomicLong generation = new AtomicLong();

  UserStore(Neo4jClient client, @Value("${fulcrum.security.token-cache:5s}") Duration tokenCache) {
    this.client = client;
    this.tokenCacheNanos = Math.max(0, tokenCache.toNanos());
  }

  public long count() {
    return client.query("MATCH (u:FulcrumUser) RETURN count(u)").fetchAs(Long.class).one().orElse(0L);
  }

  public Optional<StoredUser> find(String username) {
    return client.query("MATCH (u:FulcrumUser {username: $u}) RETURN u.username AS u, u.passwordHash AS h, u.role AS r")
        .bind(username).to("u").fetch().one()
        .map(r -> new StoredUser((String) r.get("u"), (String) r.get("h"), Role.stored((String) r.get("r"))));
  }

  public List<StoredUser> list() {
    return client.query("MATCH (u:FulcrumUser) RETURN u.username AS u, u.role AS r ORDER BY u.username")
        .fetch().all().stream()
        .map(r -> new StoredUser((String) r.get("u"), null, Role.stored((String) r.get("r")))).toList();
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
    try {
      return updated("MATCH (u:FulcrumUser {username: $u}) SET u.role = $v RETURN count(u)", username,
          role.label());
    } finally {
      forgetTokens();
    }
  }

  public boolean delete(String username) {
    try {
      return updated("MATCH (u:FulcrumUser {username: $u}) OPTIONAL MATCH (t:ApiToken {username: $u})"
          + " DETACH DELETE t, u RETURN count(DISTINCT u)", username, "");
    } finally {
      forgetTokens();
    }
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

  /** The user a token belongs to, with the user's current role (see the class comment on caching). */
  public Optional<StoredUser> byToken(String token) {
    String hash = sha256(token);
    long now = System.nanoTime();
    Verified known = verified.get(hash);
    if (known != null && now - known.untilNanos() < 0) {
      return Optional.of(known.user());
    }
    long seen = generation.get();
    Optional<StoredUser> user = client.query("""
            MATCH (t:ApiToken {hash: $h})
            MATCH (u:FulcrumUser {username: t.username})
            RETURN u.username AS u, u.role AS r""")
        .bind(hash).to("h").fetch().one()
        .map(r -> new StoredUser((String) r.get("u"), null, Role.stored((String) r.get("r"))));
    if (user.isPresent() && tokenCacheNanos > 0) {
      if (verified.size() >= MAX_REMEMBERED) {
        verified.clear();
      }
      verified.put(hash, new Verified(user.get(), now + tokenCacheNanos));
      if (generation.get() != seen) {
        verified.remove(hash); // a change committed while the store was read
      }
    } else {
      verified.remove(hash);
    }
    return user;
  }

  public List<TokenInfo> tokens(String username) {
    return client.query("""
            MATCH (t:ApiToken {username: $u})
            RETURN t.id AS id, t.name AS name, toString(t.createdAt) AS at ORDER BY t.createdAt""")
        .bind(username).to("u").fetch().all().stream()
        .map(r -> new TokenInfo((String) r.get("id"), (String) r.get("name"), (String) r.get("at"))).toList();
  }

  public boolean revokeToken(String username, String id) {
    try {
      return updated("MATCH (t:ApiToken {username: $u, id: $v}) DELETE t RETURN count(t)", username, id);
    } finally {
      forgetTokens();
    }
  }

  /**
   * Forgets every remembered token, after a change has committed. A look-up that read the store
   * before the change and finishes after it sees the generation move and keeps nothing.
   */
  private void forgetTokens() {
    generation.incrementAndGet();
    verified.clear();
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
