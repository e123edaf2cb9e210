package org.fulcrum.cases;

import org.fulcrum.store.GraphStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** Decides, in this one place, which adapter of {@link CaseGraphPort} serves. */
@Configuration(proxyBeanMethods = false)
class CaseGraphConfiguration {

  /**
   * On the embedded store, the in-process adapter, if Neo4j's internals are what it expects (else
   * the driver adapter, with a WARN line); on an external store, the driver adapter.
   */
  @Bean
  CaseGraphPort caseGraph(GraphStore store, CaseGraphRepository repository,
      PlatformTransactionManager transactions) {
    CaseGraphPort driver = new BoltCaseGraph(repository, transactions);
    return store.embedded() == null ? driver : EmbeddedCaseGraph.ifUsable(store.embedded().database(), driver);
  }
}
