package org.fulcrum.error;

/**
 * An analysis stopped before its answer: it ran past its time budget, or its request was
 * cancelled. The message says which and what to do (ask for less work). HTTP 503; nothing was
 * changed, since analyses only read.
 */
public class WorkBudgetExceededException extends RuntimeException {

  private final boolean cancelled;

  public WorkBudgetExceededException(String message, boolean cancelled) {
    super(message);
    this.cancelled = cancelled;
  }

  /** True when the request was cancelled (its thread interrupted), false when out of time. */
  public boolean cancelled() {
    return cancelled;
  }
}
