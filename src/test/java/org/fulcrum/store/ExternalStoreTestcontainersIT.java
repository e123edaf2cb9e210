package org.fulcrum.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;
import org.fulcrum.FulcrumApplication;
import org.fulcrum.casefile.CaseCodec;
import org.fulcrum.casefile.CaseFile;
import org.fulcrum.cases.CaseService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.neo4j.Neo4jContainer;

/**
 * The external-store path against a real {@code neo4j:5.26-community} server, for machines with
 * Docker. The same path runs without Docker in {@code CliIT} and {@code ExternalStoreIT}.
 */
@Testcontainers(disabledWithoutDocker = true)
class ExternalStoreTestcontainersIT {

  @Container
  static final Neo4jContainer NEO4J = new Neo4jContainer("neo4j:5.26-community").withAdminPassword("fulcrum-test");

  @Test
  void importsAndExportsThroughAnExternalServer() throws Exception {
    Map<String, Object> props = Map.of("fulcrum.neo4j.uri", NEO4J.getBoltUrl(),
        "fulcrum.neo4j.username", "neo4j", "fulcrum.neo4j.password", "fulcrum-test",
        "fulcrum.load-bundled-cases", false);
    try (var context = new SpringApplicationBuilder(FulcrumApplication.class)
        .web(WebApplicationType.NONE).run(org.fulcrum.TestStores.args(props));
        InputStream in = getClass().getResourceAsStream("/cases/mini.json")) {
      CaseFile mini = new CaseCodec().readJson("mini.json", in);
      CaseService cases = context.getBean(CaseService.class);
      cases.importCase(mini);
      assertThat(cases.export("mini")).isEqualTo(mini);
      assertThat(context.getBean(GraphStore.class).embedded()).isNull();
    }
  }
}
