package org.fulcrum.leverage;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.fulcrum.analysis.LeverageGraph;
import org.fulcrum.casefile.CaseSummary;

/**
 * One leverage analysis as a capability: a validated query record {@code Q} in, an answer {@code R}
 * out, runnable on any snapshot. Controllers and the command line build {@code Q} from their typed
 * parameters; what-if binds its {@code parameters} into the same {@code Q} with {@link #bind}. The
 * answer can be listed as (item, measure) pairs, so that a what-if can say what changed.
 *
 * @param <Q> the query record, validated when it is made
 * @param <R> the answer
 */
public interface Analysis<Q, R> {

  /** The name what-if knows the analysis by, e.g. {@code paths}. */
  String name();

  /**
   * The query from parameters named as the GET endpoint's query parameters. Every parameter the
   * analysis takes is read here, all of them before the query is made (whose checks may throw), so
   * that {@link QueryParameters#requireValid} can refuse the rest.
   */
  Q bind(QueryParameters parameters);

  /** The query with what it leaves to the case (a playbook's phase and tempo) taken from it. */
  default Q withCaseDefaults(Q query, Supplier<CaseSummary> caseSummary) {
    return query;
  }

  /**
   * The actors the query names: the centre of a neighbourhood projection ({@code within=N}). Empty
   * for analyses of the whole case.
   */
  List<String> focus(Q query);

  R run(LeverageGraph graph, Q query);

  /** What {@link #items} measures. */
  String measure(Q query);

  /** The answer's items with their measure, in the answer's order, for differences. */
  Map<String, Double> items(Q query, R result);
}
