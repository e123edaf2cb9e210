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
 * One code path to the graph: Fulcrum always talks to Neo4j through the Java driver. When no URI
 * is configured it first starts the embedded server and points the driver at its Bolt port.
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
    AuthToken auth = store.embedded() != null ? store.embedded().authToken()
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
