package org.fulcrum.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.internal.kernel.api.connectioninfo.ClientConnectionInfo;
import org.neo4j.internal.kernel.api.security.AuthenticationResult;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.api.security.AuthManager;
import org.neo4j.kernel.api.security.AuthToken;
import org.neo4j.kernel.api.security.exception.InvalidAuthTokenException;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Neo4j 5 server running inside Fulcrum's JVM, its store under a directory of the user's choice,
 * reachable over Bolt on loopback so that Neo4j Browser, cypher-shell and Fulcrum itself (through
 * the Java driver) all see the same graph.
 */
public final class EmbeddedNeo4j implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4j.class);

  /** The Bolt user whose password the embedded server requires. */
  public static final String BOLT_USER = "neo4j";

  private final DatabaseManagementService service;
  private final Path home;
  private final String boltUri;
  private final String password;
  /** The user Fulcrum's own driver signs in as, or {@code null} (authentication off). */
  private volatile BoltPassword.Credentials internal;

  private EmbeddedNeo4j(DatabaseManagementService service, Path home, String boltUri, String password) {
    this.service = service;
    this.home = home;
    this.boltUri = boltUri;
    this.password = password;
  }

  /**
   * Starts the server without authentication on Bolt, or fails with a message that says what to
   * do. For tests and the benchmark, which stand it in for an external server; Fulcrum itself
   * starts its store with {@link #startSecured}.
   */
  public static EmbeddedNeo4j start(Path home, String address, int port, String pageCache) {
    return start(home, address, port, pageCache, java.util.Map.of());
  }

  /**
   * Starts the server with Bolt authentication: user {@value #BOLT_USER} with the given password,
   * set on every start where it differs (so changing the configured password takes effect on the
   * next start).
   */
  public static EmbeddedNeo4j startSecured(Path home, String address, int port, String pageCache,
      String password) {
    EmbeddedNeo4j server = start(home, address, port, pageCache,
        java.util.Map.of(GraphDatabaseSettings.auth_enabled, true), password);
    try {
      server.setPassword(password);
      server.ensureInternalUser(BoltPassword.internal(home));
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  private void setPassword(String password) {
    if (acceptsPassword(BOLT_USER, password)) {
      return; // the usual case from the second start on
    }
    try {
      service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
          "ALTER USER " + BOLT_USER + " SET PASSWORD $password CHANGE NOT REQUIRED",
          java.util.Map.of("password", password));
    } catch (RuntimeException e) {
      if (!causes(e).contains("Old password and new password cannot be the same")) {
        throw new StoreUnavailableException("cannot set the embedded Bolt password: " + causes(e), e);
      }
      // already this password
    }
  }

  /**
   * Makes sure the internal user exists with its password (created on the store's first start, and
   * again if its file was removed; internal users of earlier files are dropped), asked in process
   * first so that later starts cost nothing. Fulcrum's own driver signs in as this user, outside
   * clients as {@value #BOLT_USER}: Neo4j locks a user after repeated wrong passwords
   * ({@code dbms.security.auth_max_failed_attempts}, {@code dbms.security.auth_lock_time}), and
   * a lock on {@value #BOLT_USER} must not stop Fulcrum (docs/security.md).
   */
  private void ensureInternalUser(BoltPassword.Credentials user) {
    if (!acceptsPassword(user.user(), user.password())) {
      var system = service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
      try {
        List<String> stale = new java.util.ArrayList<>();
        system.executeTransactionally("SHOW USERS YIELD user WHERE user STARTS WITH 'fulcrum_' RETURN user",
            java.util.Map.of(), result -> {
              result.forEachRemaining(row -> stale.add((String) row.get("user")));
              return null;
            });
        for (String old : stale) {
          if (!old.equals(user.user())) {
            system.executeTransactionally("DROP USER `" + old + "` IF EXISTS");
          }
        }
        system.executeTransactionally("CREATE OR REPLACE USER `" + user.user()
            + "` SET PASSWORD $password CHANGE NOT REQUIRED", java.util.Map.of("password", user.password()));
      } catch (RuntimeException e) {
        throw new StoreUnavailableException("cannot set up the embedded store's internal Bolt user: "
            + causes(e), e);
      }
    }
    this.internal = user;
  }

  /**
   * Whether the user signs in with this password, asked in-process: a fraction of a millisecond,
   * where ALTER USER costs a second or more (several on a cold JVM) on every start.
   */
  private boolean acceptsPassword(String user, String password) {
    var system = (GraphDatabaseAPI) service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
    var auth = system.getDependencyResolver().resolveDependency(AuthManager.class);
    try {
      return auth.login(AuthToken.newBasicAuthToken(user, password),
          ClientConnectionInfo.EMBEDDED_CONNECTION).subject().getAuthenticationResult()
          == AuthenticationResult.SUCCESS;
    } catch (InvalidAuthTokenException e) {
      return false;
    }
  }

  /**
   * Starts the server with extra Neo4j settings (the benchmark uses this to allow the Graph Data
   * Science procedures).
   */
  public static EmbeddedNeo4j start(Path home, String address, int port, String pageCache,
      java.util.Map<org.neo4j.graphdb.config.Setting<?>, Object> extraSettings) {
    return start(home, address, port, pageCache, extraSettings, null);
  }

  private static EmbeddedNeo4j start(Path home, String address, int port, String pageCache,
      java.util.Map<org.neo4j.graphdb.config.Setting<?>, Object> extraSettings, String password) {
    Path absolute = home.toAbsolutePath().normalize();
    DatabaseManagementService service;
    try {
      service = new DatabaseManagementServiceBuilder(absolute)
          .setConfig(GraphDatabaseSettings.auth_enabled, false)
          .setConfig(extraSettings)
          .setConfig(BoltConnector.enabled, true)
          .setConfig(BoltConnector.listen_address, new SocketAddress(address, port))
          .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
          .setConfig(GraphDatabaseSettings.pagecache_memory, parseBytes(pageCache))
          .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(10))
          // Netty's default quiet period keeps each of Bolt's two event loop groups idle for 5 s on
          // shutdown, so every stop (each command-line run) took 10 s longer. Our driver is closed
          // before the store stops; the shutdown timeout still bounds work in flight.
          .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
          .build();
    } catch (RuntimeException e) {
      throw new StoreUnavailableException(describe(absolute, address, port, e), e);
    }
    var db = (GraphDatabaseAPI) service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    var ports = db.getDependencyResolver().resolveDependency(ConnectorPortRegister.class);
    var bound = ports.getLocalAddress(ConnectorType.BOLT);
    if (bound == null) {
      service.shutdown();
      throw new StoreUnavailableException("the embedded Neo4j started but its Bolt connector did not bind "
          + address + ":" + port + "; is another program using the port? Set fulcrum.bolt.port");
    }
    String uri = "bolt://" + address + ":" + bound.getPort();
    log.info("Embedded Neo4j store at {}, Bolt at {}", absolute, uri);
    try {
      // for the hint another process gets when it finds this store locked (see describe)
      java.nio.file.Files.writeString(absolute.resolve(BOLT_URI_FILE), uri + "\n");
    } catch (java.io.IOException e) {
      log.debug("Cannot record the Bolt address in {}: {}", absolute, e.getMessage());
    }
    return new EmbeddedNeo4j(service, absolute, uri, password);
  }

  /** Where a running embedded store records its Bolt address, inside its folder. */
  static final String BOLT_URI_FILE = "bolt-uri";

  static String describe(Path home, String address, int port, RuntimeException e) {
    String chain = causes(e);
    // checked first: Neo4j reports a store it cannot write as a lock it cannot take
    boolean denied = false;
    for (Throwable t = e; t != null; t = t.getCause()) {
      denied |= t instanceof java.nio.file.AccessDeniedException;
    }
    if (denied || readOnly(home) || chain.contains("Read-only file system")
        || chain.contains("Permission denied")) {
      return "the store at " + home + " is read-only (or not writable by this user); Neo4j must write"
          + " to it: make it writable, or choose another fulcrum.data-dir";
    }
    if (chain.contains("lock") || chain.contains("Lock")) {
      return "the store at " + home + " is in use by another process (is Fulcrum already running?);"
          + " stop it, choose another fulcrum.data-dir, or connect to the running server with"
          + " --uri " + runningBoltUri(home, address, port);
    }
    if (chain.contains("Address already in use") || chain.contains("bind")) {
      return "port " + port + " on " + address + " is taken; set fulcrum.bolt.port (FULCRUM_BOLT_PORT)";
    }
    return "cannot start the embedded Neo4j store at " + home + ": " + chain;
  }

  /** Whether the store folder, or the folders Neo4j writes in it, exist and cannot be written. */
  static boolean readOnly(Path home) {
    for (Path p : new Path[] {home, home.resolve("data"), home.resolve("data").resolve("databases")}) {
      if (java.nio.file.Files.exists(p) && !java.nio.file.Files.isWritable(p)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The Bolt address of the process holding the store: the one it recorded when it started, or
   * else this start's own address (its configured port, the default when that is 0).
   */
  static String runningBoltUri(Path home, String address, int port) {
    try {
      String recorded = java.nio.file.Files.readString(home.resolve(BOLT_URI_FILE)).strip();
      if (recorded.startsWith("bolt://")) {
        return recorded;
      }
    } catch (java.io.IOException | RuntimeException e) {
      // not recorded (an older version, or the file is gone): fall back to the configuration
    }
    return "bolt://" + address + ":" + (port == 0 ? FulcrumProperties.Bolt.PORT_DEFAULT : port);
  }

  private static String causes(Throwable e) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      all.append(t.getMessage()).append(" / ");
    }
    return all.toString();
  }

  private static long parseBytes(String size) {
    try {
      return ByteUnit.parse(size);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("fulcrum.bolt.page-cache: expected a size such as 512m, got '"
          + size + "'", e);
    }
  }

  /** The embedded database itself, for in-process tools such as the benchmark. */
  public org.neo4j.graphdb.GraphDatabaseService database() {
    return service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
  }

  public String boltUri() {
    return boltUri;
  }

  /** What a Bolt client must send: user and password, or none when authentication is off. */
  public org.neo4j.driver.AuthToken authToken() {
    return password == null ? org.neo4j.driver.AuthTokens.none()
        : org.neo4j.driver.AuthTokens.basic(BOLT_USER, password);
  }

  /**
   * What Fulcrum's own driver sends: the internal user ({@link BoltPassword#internal}) on a store
   * started with {@link #startSecured}, else the same as {@link #authToken}.
   */
  public org.neo4j.driver.AuthToken internalAuthToken() {
    BoltPassword.Credentials user = internal;
    return user == null ? authToken() : org.neo4j.driver.AuthTokens.basic(user.user(), user.password());
  }

  /** The internal user's name, or {@code null} when there is none (authentication off). */
  public String internalUser() {
    BoltPassword.Credentials user = internal;
    return user == null ? null : user.user();
  }

  /**
   * Registers a listener on every commit to the default database, Bolt clients' included (see
   * {@code org.fulcrum.cases.OutOfBandWrites}).
   */
  public void listen(org.neo4j.graphdb.event.TransactionEventListener<?> listener) {
    service.registerTransactionEventListener(GraphDatabaseSettings.DEFAULT_DATABASE_NAME, listener);
  }

  public void stopListening(org.neo4j.graphdb.event.TransactionEventListener<?> listener) {
    service.unregisterTransactionEventListener(GraphDatabaseSettings.DEFAULT_DATABASE_NAME, listener);
  }

  public Path home() {
    return home;
  }

  @Override
  public void close() {
    log.info("Stopping embedded Neo4j at {}", home);
    service.shutdown();
  }
}
