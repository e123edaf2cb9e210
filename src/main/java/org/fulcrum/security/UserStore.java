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
import java.util.function.Consumer;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.neo4j.core.DatabaseSelectionProvider;
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
  private final Driver driver;
  private final DatabaseSelectionProvider database;
  private final long tokenCacheNanos;
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();
  /** Moves on with every change that may make a remembered token wrong; see {@link #forgetTokens}. */
  private final AtomicLong generation = new AtomicLong();

  UserStore(Neo4jClient client, Driver driver, DatabaseSelectionProvider database,
      @Value("${fulcrum.security.token-cache:5s}") Duration tokenCache) {
    this.client = client;
    this.driver = driver;
    this.database = database;
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

  /**
   * Creates a user; false when the name is taken, without regard to case ({@code ADMIN} beside
   * {@code admin} is refused). The check and the write are one transaction that first write-locks
   * every user (in name order), so of two concurrent creates of {@code Ann} and {@code ann} the
   * second waits for the first to commit, then sees it and creates nothing.
   */
  public boolean create(String username, String passwordHash, Role role) {
    try (Session session = session()) {
      return session.executeWrite(tx -> {
        tx.run("""
            MATCH (a:FulcrumUser)
            WITH a ORDER BY a.username
            SET a.createLock = true
            REMOVE a.createLock""").consume();
        boolean taken = tx.run("""
            MATCH (u:FulcrumUser) WHERE toLower(u.username) = toLower($u)
            RETURN count(u) > 0 AS taken""", Map.of("u", username)).single().get("taken").asBoolean();
        if (taken) {
          return false;
        }
        tx.run("CREATE (:FulcrumUser {username: $u, passwordHash: $h, role: $r, createdAt: datetime()})",
            Map.of("u", username, "h", passwordHash, "r", role.label())).consume();
        return true;
      });
    }
  }

  /**
   * Sets a user's password and revokes all their API tokens in the same transaction: whoever
   * changes a password because it may be known to someone else also cuts off the tokens that
   * person could have made with it.
   *
   * @return the number of tokens revoked
   */
  public long setPassword(String username, String passwordHash) {
    try {
      return client.query("""
              MATCH (u:FulcrumUser {username: $u})
              SET u.passwordHash = $v
              WITH u
              OPTIONAL MATCH (t:ApiToken {username: u.username})
              DETACH DELETE t
              RETURN count(t) AS revoked""")
          .bindAll(Map.of("u", username, "v", passwordHash)).fetchAs(Long.class).one().orElse(0L);
    } finally {
      forgetTokens();
    }
  }

  /** What a change under the last-admin rule did. */
  public enum AdminChange {
    DONE,
    NO_SUCH_USER,
    /** Refused, and nothing changed: it would have left the store without an admin. */
    LAST_ADMIN
  }

  /** Gives a user another role, unless that would leave no admin (see {@link #keepingAnAdmin}). */
  public AdminChange setRole(String username, Role role) {
    try {
      return keepingAnAdmin(username, role != Role.ADMIN, tx -> tx.run(
          "MATCH (u:FulcrumUser {username: $u}) SET u.role = $r", Map.of("u", username, "r", role.label()))
          .consume());
    } finally {
      forgetTokens();
    }
  }

  /** Deletes a user and their tokens, unless that would leave no admin (see {@link #keepingAnAdmin}). */
  public AdminChange delete(String username) {
    try {
      return keepingAnAdmin(username, true, tx -> tx.run("""
              MATCH (u:FulcrumUser {username: $u})
              OPTIONAL MATCH (t:ApiToken {username: $u})
              DETACH DELETE t, u""", Map.of("u", username)).consume());
    } finally {
      forgetTokens();
    }
  }

  /**
   * Checks the last-admin rule and makes the change in one write transaction, so that the check
   * still holds when the change commits. Neo4j reads committed data, so a count alone would not do:
   * two transactions demoting the last two admins would both count two. The transaction therefore
   * first write-locks every admin (in username order, so that two of them queue rather than
   * deadlock; a deadlock with another order is retried by the driver), and only then reads the
   * user's role and counts the admins: the second of two concurrent demotions waits for the first
   * to commit and counts one.
   *
   * @param removesAdmin whether the change takes the admin role away if the user has it
   */
  private AdminChange keepingAnAdmin(String username, boolean removesAdmin,
      Consumer<TransactionContext> change) {
    try (Session session = session()) {
      return session.executeWrite(tx -> {
        // SET then REMOVE leaves each node as it was but holds its write lock until the commit
        tx.run("""
            MATCH (a:FulcrumUser {role: 'admin'})
            WITH a ORDER BY a.username
            SET a.lastAdminLock = true
            REMOVE a.lastAdminLock""").consume();
        var now = tx.run("""
            OPTIONAL MATCH (u:FulcrumUser {username: $u})
            RETURN u.role AS role, COUNT { (a:FulcrumUser {role: 'admin'}) } AS admins""",
            Map.of("u", username)).single();
        if (now.get("role").isNull()) {
          return AdminChange.NO_SUCH_USER;
        }
        boolean isAdmin = Role.stored(now.get("role").asString()) == Role.ADMIN;
        if (removesAdmin && isAdmin && now.get("admins").asLong() <= 1) {
          return AdminChange.LAST_ADMIN;
        }
        change.accept(tx);
        return AdminChange.DONE;
      });
    }
  }

  private Session session() {
    String name = database.getDatabaseSelection().getValue();
    return name == null ? driver.session() : driver.session(SessionConfig.forDatabase(name));
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
