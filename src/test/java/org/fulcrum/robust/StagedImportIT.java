package org.fulcrum.robust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.fulcrum.FulcrumApplication;
import org.fulcrum.TestStores;
import org.fulcrum.bench.GeneratedLeverageGraph;
import org.fulcrum.casefile.CaseFile;
import org.fulcrum.cases.CaseService;
import org.fulcrum.cases.RecordInUseException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * A new case is written in many small transactions (batches of 100 here, so that even small cases
 * take several) and appears only in the last one. These tests break it in the middle and check
 * that nothing of it remains, that leftovers of a dead process are removed, and that two imports of
 * one new id end with one whole case.
 */
class StagedImportIT {

  static ConfigurableApplicationContext context;
  static CaseService cases;
  static Neo4jClient client;
  /**
   * The heartbeat a dead process's marker is left with: any on the embedded store (no other
   * process can use it); on an external store, one older than the staleness limit.
   */
  static String deadHeartbeat = "datetime()";

  @BeforeAll
  static void start() {
    Path dataDir = TestStores.newDataDir("staged");
    Map<String, Object> props = new HashMap<>(TestStores.embedded(dataDir));
    props.put("fulcrum.load-bundled-cases", false);
    props.put("fulcrum.import.batch-size", 100);
    props.put("spring.main.banner-mode", "off");
    context = new SpringApplicationBuilder(FulcrumApplication.class).web(WebApplicationType.NONE)
        .run(TestStores.args(props));
    cases = context.getBean(CaseService.class);
    client = context.getBean(Neo4jClient.class);
  }

  @AfterAll
  static void stop() {
    context.close();
  }

  static long count(String cypher, String caseId) {
    return client.query(cypher).bind(caseId).to("caseId").fetchAs(Long.class).one().orElseThrow();
  }

  /** Everything the store holds under this case id: case, actors, ties, sources, markers. */
  static List<Long> holdings(String caseId) {
    return List.of(count("MATCH (c:Case {id: $caseId}) RETURN count(c)", caseId),
        count("MATCH (a:Actor {caseId: $caseId}) RETURN count(a)", caseId),
        count("MATCH ()-[t:TIE {caseId: $caseId}]->() RETURN count(t)", caseId),
        count("MATCH (s:Source {caseId: $caseId}) RETURN count(s)", caseId),
        count("MATCH (p:PendingImport {caseId: $caseId}) RETURN count(p)", caseId));
  }

  @Test
  void aBatchThatFailsHalfwayLeavesNothingOfTheCase() {
    CaseFile c = GeneratedLeverageGraph.generate("halfway", 300, 2_000, 1.0, 5);
    String clash = c.ties().get(1_500).id(); // in the 16th of 20 tie batches
    // a tie outside the case's actors that already holds one of its tie ids: the uniqueness
    // constraint fails that batch, after 15 batches of ties (and all actors) were committed
    client.query("CREATE (:Stray)-[:TIE {caseId: 'halfway', id: $id}]->(:Stray)").bind(clash).to("id").run();

    assertThatThrownBy(() -> cases.importCase(c)).hasMessageContaining(clash);

    assertThat(count("MATCH (c:Case {id: $caseId}) RETURN count(c)", "halfway")).isZero();
    assertThat(count("MATCH (a:Actor {caseId: $caseId}) RETURN count(a)", "halfway")).isZero();
    assertThat(count("MATCH (s:Source {caseId: $caseId}) RETURN count(s)", "halfway")).isZero();
    assertThat(count("MATCH ()-[t:TIE {caseId: $caseId}]->() RETURN count(t)", "halfway"))
        .as("only the stray tie").isEqualTo(1);
    assertThat(count("MATCH (p:PendingImport {caseId: $caseId}) RETURN count(p)", "halfway")).isZero();
    assertThat(cases.exists("halfway")).isFalse();

    client.query("MATCH (s:Stray) DETACH DELETE s").run();
    cases.importCase(c);
    assertThat(holdings("halfway")).containsExactly(1L, 300L, 2_000L, 1L, 0L);
  }

  @Test
  void leftoversOfAProcessThatDiedMidImportAreRemovedBeforeTheIdIsUsedAgain() {
    // what a killed process leaves: its marker and some of the case's records, no (:Case) node
    client.query("""
            CREATE (:PendingImport {caseId: 'orphan', owner: 'a process that died',
                                    startedAt: datetime(), heartbeatAt: %s})
            CREATE (a:Actor {caseId: 'orphan', id: 'ghost-a', seq: 0})-[:TIE {caseId: 'orphan', id: 'ghost-t'}]->
                   (:Actor {caseId: 'orphan', id: 'ghost-b', seq: 1})
            CREATE (:Source {caseId: 'orphan', id: 'ghost-s'})""".formatted(deadHeartbeat)).run();
    assertThat(cases.exists("orphan")).as("invisible: no case node").isFalse();

    CaseFile c = GeneratedLeverageGraph.generate("orphan", 50, 200, 1.0, 6);
    cases.importCase(c);

    assertThat(holdings("orphan")).containsExactly(1L, 50L, 200L, 1L, 0L);
    assertThat(count("MATCH (a:Actor {caseId: $caseId}) WHERE a.id STARTS WITH 'ghost' RETURN count(a)", "orphan"))
        .isZero();
    assertThat(cases.export("orphan").ties()).isEqualTo(c.ties());
  }

  @Test
  void twoImportsOfOneNewIdEndWithOneWholeCase() throws Exception {
    CaseFile first = GeneratedLeverageGraph.generate("race", 200, 1_500, 1.0, 7);
    CaseFile second = GeneratedLeverageGraph.generate("race", 200, 1_500, 1.0, 8);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<String>> outcomes = new ArrayList<>();
      for (CaseFile c : List.of(first, second)) {
        Callable<String> run = () -> {
          try {
            return cases.importCase(c).replaced() ? "replaced" : "imported";
          } catch (RecordInUseException e) {
            return "refused: " + e.getMessage();
          }
        };
        outcomes.add(pool.submit(run));
      }
      List<String> results = List.of(outcomes.get(0).get(), outcomes.get(1).get());
      assertThat(results).as("one import created the case").contains("imported");
      assertThat(results).allSatisfy(r -> assertThat(r).satisfiesAnyOf(
          x -> assertThat(x).isIn("imported", "replaced"),
          x -> assertThat(x).contains("is being imported by another request")));
    } finally {
      pool.shutdown();
    }
    assertThat(holdings("race")).containsExactly(1L, 200L, 1_500L, 1L, 0L);
    CaseFile stored = cases.export("race");
    assertThat(stored.ties()).isIn(first.ties(), second.ties());
    assertThat(stored.sources()).isIn(first.sources(), second.sources());
  }
}
