package org.fulcrum.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.fulcrum.FulcrumApplication;
import org.fulcrum.TestStores;
import org.fulcrum.casefile.CaseFile;
import org.fulcrum.store.GraphStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The contract of {@link CaseGraphPort}, held against both adapters on one embedded store and the
 * bundled Darfur case: each reads the case as the case file has it, and a copy of the case written
 * through either adapter's batches exports (sources, actors, ties, messages) exactly as the file.
 */
class CaseGraphPortContractIT {

  static final String DARFUR = "darfur-2003-2008";

  static ConfigurableApplicationContext context;
  static CaseService cases;
  static CaseGraphRepository repository;
  static TransactionTemplate transactions;
  static CaseGraphPort driver;
  static CaseGraphPort inProcess;

  @BeforeAll
  static void start() {
    Map<String, Object> props = new HashMap<>(TestStores.embedded(TestStores.newDataDir("port")));
    props.put("spring.main.banner-mode", "off");
    context = new SpringApplicationBuilder(FulcrumApplication.class).web(WebApplicationType.NONE)
        .run(TestStores.args(props));
    cases = context.getBean(CaseService.class);
    repository = context.getBean(CaseGraphRepository.class);
    var transactionManager = context.getBean(PlatformTransactionManager.class);
    transactions = new TransactionTemplate(transactionManager);
    driver = new BoltCaseGraph(repository, transactionManager);
    inProcess = EmbeddedCaseGraph.ifUsable(context.getBean(GraphStore.class).embedded().database(), driver);
  }

  @AfterAll
  static void stop() {
    if (inProcess instanceof EmbeddedCaseGraph adapter) {
      adapter.close();
    }
    context.close();
  }

  static Stream<Arguments> adapters() {
    return Stream.of(Arguments.of("driver", driver), Arguments.of("in process", inProcess));
  }

  @Test
  void theEmbeddedStoreIsServedInProcessOnTheNeo4jThisBuildUses() {
    assertThat(inProcess).isInstanceOf(EmbeddedCaseGraph.class);
    assertThat(context.getBean(CaseGraphPort.class)).isInstanceOf(EmbeddedCaseGraph.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("adapters")
  void readsTheCaseAsItsFileHasIt(String adapter, CaseGraphPort port) {
    CaseFile file = cases.export(DARFUR);
    var read = port.read(DARFUR);
    assertThat(read.actors()).as("actors, in file order").containsExactlyElementsOf(file.actors());
    assertThat(read.ties()).as("ties, in any order").containsExactlyInAnyOrderElementsOf(file.ties());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("adapters")
  void aCaseWrittenInBatchesIsTheCaseFileAndReadsTheSameThroughBothAdapters(String adapter,
      CaseGraphPort port) {
    CaseFile d = cases.export(DARFUR);
    String id = "darfur-copy-" + adapter.replace(' ', '-');
    CaseFile copy = new CaseFile(id, d.title(), d.description(), d.asOf(), d.tempo(), d.phase(),
        d.sources(), d.actors(), d.ties(), d.messages());
    int batch = 17; // several batches of every part
    CaseGraphPort.StagedWrite batches = port.stage(copy);
    for (CaseGraphRepository.Part<?> part : CaseGraphRepository.PARTS) {
      for (int from = 0; from < part.size(copy); from += batch) {
        batches.write(part, from, Math.min(part.size(copy), from + batch));
      }
    }
    transactions.executeWithoutResult(status -> repository.createHeader(copy));
    try {
      CaseFile stored = cases.export(id);
      assertThat(stored.sources()).isEqualTo(d.sources());
      assertThat(stored.actors()).isEqualTo(d.actors());
      assertThat(stored.ties()).isEqualTo(d.ties());
      assertThat(stored.messages()).isEqualTo(d.messages());
      for (CaseGraphPort reader : new CaseGraphPort[] {driver, inProcess}) {
        var read = reader.read(id);
        assertThat(read.actors()).containsExactlyElementsOf(d.actors());
        assertThat(read.ties()).containsExactlyInAnyOrderElementsOf(d.ties());
      }
    } finally {
      cases.delete(id);
    }
  }
}
