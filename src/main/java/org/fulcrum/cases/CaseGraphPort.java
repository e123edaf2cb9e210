package org.fulcrum.cases;

import java.util.List;
import org.fulcrum.casefile.Actor;
import org.fulcrum.casefile.CaseFile;
import org.fulcrum.casefile.Tie;
import org.fulcrum.cases.CaseGraphRepository.Part;

/**
 * The one port through which cases reach the graph in bulk: the snapshot every analysis starts
 * from, and the batches in which {@link StagedImport} writes a new case. Everything else (single
 * edits, exports, summaries, neighbourhoods) goes through {@link CaseGraphRepository} on every
 * store.
 *
 * <p>Two adapters implement it: {@link BoltCaseGraph}, Cypher over the Neo4j driver, for any store;
 * and {@link EmbeddedCaseGraph}, in process on the embedded store, faster on large cases but built
 * on Neo4j internals. {@link CaseGraphConfiguration} picks one, in one place. Both give the same
 * records for the same case ({@code CaseGraphPortContractIT}).
 */
interface CaseGraphPort {

  /** A case's actors and ties, as the analyses read them. */
  record Snapshot(List<Actor> actors, List<Tie> ties) {}

  /**
   * A case's actors in file order and its ties in an order of the adapter's choosing; empty lists
   * for a case that does not exist (callers check that first).
   */
  Snapshot read(String caseId);

  /**
   * Starts writing a new case that no reader can see yet ({@link StagedImport} has claimed its id):
   * the parts follow in {@link CaseGraphRepository#PARTS} order, each part's batches complete
   * before the next part begins.
   */
  StagedWrite stage(CaseFile c);

  /** The batches of one case being imported. */
  @FunctionalInterface
  interface StagedWrite {

    /**
     * Writes the records {@code [from, to)} of one part of the case in a transaction of its own,
     * committed before it returns. Batches of one part may be written by several threads at once.
     */
    void write(Part<?> part, int from, int to);
  }
}
