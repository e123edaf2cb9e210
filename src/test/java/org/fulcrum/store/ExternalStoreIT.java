package org.fulcrum.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.fulcrum.FulcrumApplication;
import org.fulcrum.TestStores;
import org.fulcrum.cases.CaseService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * With {@code fulcrum.neo4j.uri} set, Fulcrum starts no store of its own and works through the
 * driver against the given server (here a separate Neo4j 5.26 process-in-JVM reached over Bolt).
 */
class ExternalStoreIT {

  @Test
  void usesTheServerAtTheUriAndStartsNoEmbeddedStore() {
    try (var server = EmbeddedNeo4j.start(TestStores.newDataDir("external"), "127.0.0.1", 0, "64m")) {
      Map<String, Object> props = Map.of("fulcrum.neo4j.uri", server.boltUri(),
          "fulcrum.data-dir", "target/should-not-exist", "spring.main.banner-mode", "off");
      try (var context = new SpringApplicationBuilder(FulcrumApplication.class)
          .web(WebApplicationType.NONE).run(org.fulcrum.TestStores.args(props))) {
        assertThat(context.getBean(GraphStore.class).embedded()).isNull();
        assertThat(context.getBean(GraphStore.class).uri()).isEqualTo(server.boltUri());
        assertThat(context.getBean(CaseService.class).exists("darfur-2003-2008")).isTrue();
      }
      assertThat(new java.io.File("target/should-not-exist")).doesNotExist();
    }
  }
}
