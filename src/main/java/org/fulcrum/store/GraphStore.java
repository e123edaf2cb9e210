package org.fulcrum.store;

/**
 * The Neo4j that Fulcrum uses: the embedded server it started (closed with the application) or an
 * external one it only connects to.
 *
 * @param uri the Bolt or Neo4j URI the driver connects to
 * @param embedded the embedded server, or {@code null} for an external store
 */
public record GraphStore(String uri, EmbeddedNeo4j embedded) implements AutoCloseable {

  static GraphStore external(String uri) {
    return new GraphStore(uri, null);
  }

  static GraphStore embedded(EmbeddedNeo4j server) {
    return new GraphStore(server.boltUri(), server);
  }

  /** A description for logs and the health endpoint, e.g. "embedded at /srv/fulcrum/data". */
  public String description() {
    return embedded == null ? "external Neo4j at " + uri : "embedded Neo4j at " + embedded.home();
  }

  @Override
  public void close() {
    if (embedded != null) {
      embedded.close();
    }
  }
}
