package org.fulcrum.cases;

import org.fulcrum.casefile.CaseFile;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@link CaseGraphPort} over the Neo4j driver: Cypher with parameters through {@link
 * CaseGraphRepository}, on an external store or the embedded one alike. The reference the
 * in-process adapter is held to, and where it falls back.
 */
final class BoltCaseGraph implements CaseGraphPort {

  private final CaseGraphRepository repository;
  private final TransactionTemplate reads;
  private final TransactionTemplate writes;

  BoltCaseGraph(CaseGraphRepository repository, PlatformTransactionManager transactions) {
    this.repository = repository;
    this.reads = new TransactionTemplate(transactions);
    this.reads.setReadOnly(true);
    this.writes = new TransactionTemplate(transactions);
    this.writes.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Actors in file order, ties unordered (cheaper on large cases, and all analyses need). */
  @Override
  public Snapshot read(String caseId) {
    return reads.execute(status -> new Snapshot(repository.actors(caseId), repository.ties(caseId, false)));
  }

  @Override
  public StagedWrite stage(CaseFile c) {
    return (part, from, to) -> writes.executeWithoutResult(status -> repository.write(c, part, from, to));
  }
}
