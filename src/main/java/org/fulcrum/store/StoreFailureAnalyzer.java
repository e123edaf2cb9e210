package org.fulcrum.store;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A store that cannot start is reported in two sentences at start-up, not as a stack trace. */
class StoreFailureAnalyzer extends AbstractFailureAnalyzer<StoreUnavailableException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, StoreUnavailableException cause) {
    return new FailureAnalysis("Fulcrum's graph store could not be opened: " + cause.getMessage(),
        "Fix the cause above (or see the README's configuration table) and start Fulcrum again.",
        cause);
  }
}
