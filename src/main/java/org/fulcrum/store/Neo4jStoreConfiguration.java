package org.fulcrum.store;

import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.neo4j.core.DatabaseSelectionProvider;

/**
 * The store and the driver. With a URI configured Fulcrum connects to that Neo4j; without one it
 * first starts the embedded server and points the driver at its Bolt port. Either way every query
 * goes through the Java driver (Spring Data Neo4j's {@code Neo4jClient}), with two exceptions on the
 * embedded store: the analyses' snapshot read and a new case's import batches may run in process,
 * through Neo4j's internal and deprecated APIs, because that is several times faster on large
 * cases. Both sit behind one port, {@code org.fulcrum.cases.CaseGraphPort}, whose adapter is chosen
 * in one place ({@code org.fulcrum.cases.CaseGraphConfiguration}) and falls back to the driver when
 * the internals are not what it expects. ({@link EmbeddedNeo4j} also asks the embedded server's
 * authentication in process at start-up, to skip a slow password change.)
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FulcrumProperties.class)
class Neo4jStoreConfiguration {

  private static final Logger log = LoggerFactory.getLogger(Neo4jStoreConfiguration.class);

  @Bean
  GraphStore graphStore(FulcrumProperties properties) {
    if (properties.neo4j().external()) {
      log.info("Using the external Neo4j at {}", properties.neo4j().uri());
      return GraphStore.external(properties.neo4j().uri());
    }
    var bolt = properties.bolt();
    String password = BoltPassword.resolve(properties.dataDir(), bolt.password());
    return GraphStore.embedded(EmbeddedNeo4j.startSecured(properties.dataDir(), bolt.address(), bolt.port(),
        bolt.pageCache(), password));
  }

  @Bean(destroyMethod = "close")
  Driver neo4jDriver(GraphStore store, FulcrumProperties properties) {
    var neo4j = properties.neo4j();
    // on the embedded store, the internal user: outside clients' wrong passwords lock neo4j, not it
    AuthToken auth = store.embedded() != null ? store.embedded().internalAuthToken()
        : neo4j.username() == null || neo4j.username().isBlank() ? AuthTokens.none()
        : AuthTokens.basic(neo4j.username(), neo4j.password() == null ? "" : neo4j.password());
    Config config = Config.builder().withMaxConnectionPoolSize(100).build();
    return GraphDatabase.driver(store.uri(), auth, config);
  }

  @Bean
  DatabaseSelectionProvider databaseSelectionProvider(FulcrumProperties properties) {
    String database = properties.neo4j().database();
    return database == null || database.isBlank()
        ? DatabaseSelectionProvider.getDefaultSelectionProvider()
        : DatabaseSelectionProvider.createStaticDatabaseSelectionProvider(database);
  }
}
