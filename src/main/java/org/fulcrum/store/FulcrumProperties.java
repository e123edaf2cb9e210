package org.fulcrum.store;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Fulcrum keeps its graph. With an empty {@code fulcrum.neo4j.uri} Fulcrum starts an embedded
 * Neo4j under {@code fulcrum.data-dir} with Bolt on {@code fulcrum.bolt.address:fulcrum.bolt.port};
 * with a URI it uses that server instead and starts nothing.
 *
 * @param dataDir the embedded store's home directory ({@code FULCRUM_DATA_DIR})
 * @param loadBundledCases whether the first start imports the cases shipped in the jar
 */
@ConfigurationProperties("fulcrum")
public record FulcrumProperties(
    Path dataDir, Bolt bolt, Neo4j neo4j, Boolean loadBundledCases) {

  public static final Path DATA_DIR_DEFAULT = Path.of("data");

  public FulcrumProperties {
    dataDir = dataDir == null ? DATA_DIR_DEFAULT : dataDir;
    bolt = bolt == null ? new Bolt(null, null, null, null) : bolt;
    neo4j = neo4j == null ? new Neo4j(null, null, null, null) : neo4j;
    loadBundledCases = loadBundledCases == null || loadBundledCases;
  }

  /**
   * The embedded server's Bolt connector.
   *
   * @param port the port ({@code FULCRUM_BOLT_PORT}); 0 picks a free one
   * @param address the interface to listen on; loopback unless you mean to expose the store
   * @param pageCache the embedded store's page cache, e.g. {@code 512m}
   * @param password the password of user {@code neo4j} on the embedded Bolt connector; empty: one
   *     generated on the first start, kept in {@code <data-dir>/bolt-password}
   */
  public record Bolt(Integer port, String address, String pageCache, String password) {
    public static final int PORT_DEFAULT = 7687;
    public static final String ADDRESS_DEFAULT = "127.0.0.1";
    public static final String PAGE_CACHE_DEFAULT = "512m";

    public Bolt {
      port = port == null ? PORT_DEFAULT : port;
      address = address == null || address.isBlank() ? ADDRESS_DEFAULT : address;
      pageCache = pageCache == null || pageCache.isBlank() ? PAGE_CACHE_DEFAULT : pageCache;
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("fulcrum.bolt.port must be in 0..65535, got " + port);
      }
    }
  }

  /**
   * An external Neo4j server or cluster.
   *
   * @param uri e.g. {@code neo4j://host:7687}; empty means "use the embedded store"
   * @param database the database to use, or empty for the server's default
   */
  public record Neo4j(String uri, String username, String password, String database) {
    public boolean external() {
      return uri != null && !uri.isBlank();
    }
  }
}
