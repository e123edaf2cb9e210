package org.fulcrum.robust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.fulcrum.FulcrumApplication;
import org.fulcrum.TestStores;
import org.fulcrum.bench.GeneratedLeverageGraph;
import org.fulcrum.cases.CaseService;
import org.fulcrum.cases.RecordInUseException;
import org.fulcrum.store.EmbeddedNeo4j;
import org.fulcrum.store.GraphStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * {@link StagedImportIT}'s tests against an external store: Fulcrum reaches a separate Neo4j server
 * over Bolt, so a new case is written as Cypher {@code UNWIND} batches on two writers (not through
 * the embedded API), and another process's marker counts as dead only once its heartbeat is stale.
 */
class StagedImportExternalIT extends StagedImportIT {

  static EmbeddedNeo4j server;

  @BeforeAll
  static void start() {
    server = EmbeddedNeo4j.start(TestStores.newDataDir("staged-external"), "127.0.0.1", 0, "128m");
    Map<String, Object> props = new HashMap<>();
    props.put("fulcrum.neo4j.uri", server.boltUri());
    props.put("fulcrum.load-bundled-cases", false);
    props.put("fulcrum.import.batch-size", 100);
    props.put("spring.main.banner-mode", "off");
    context = new SpringApplicationBuilder(FulcrumApplication.class).web(WebApplicationType.NONE)
        .run(TestStores.args(props));
    assertThat(context.getBean(GraphStore.class).embedded()).as("reached over Bolt").isNull();
    cases = context.getBean(CaseService.class);
    client = context.getBean(Neo4jClient.class);
    deadHeartbeat = "datetime() - duration('PT10M')";
  }

  @AfterAll
  static void stop() {
    context.close();
    server.close();
    deadHeartbeat = "datetime()";
  }

  @Test
  void anImportAnotherLiveProcessIsRunningIsLeftAlone() {
    client.query("""
        CREATE (:PendingImport {caseId: 'elsewhere', owner: 'another instance, alive',
                                startedAt: datetime(), heartbeatAt: datetime()})
        CREATE (:Actor {caseId: 'elsewhere', id: 'its-first-actor', seq: 0})""").run();

    assertThatThrownBy(() -> cases.importCase(GeneratedLeverageGraph.generate("elsewhere", 20, 50, 1.0, 9)))
        .isInstanceOf(RecordInUseException.class)
        .hasMessageContaining("is being imported by another request");
    assertThat(holdings("elsewhere")).as("its marker and its actor untouched").containsExactly(0L, 1L, 0L, 0L, 1L);
  }
}
