package org.fulcrum.analysis;

import java.time.Duration;
import java.util.function.Supplier;
import org.fulcrum.error.WorkBudgetExceededException;

/**
 * The time an analysis may take, and its cancellation. The service running an analysis sets a
 * budget around it ({@link #within}); the long loops (influence sampling) ask {@link #check} between
 * blocks of work, and stop with a {@link WorkBudgetExceededException} once the budget is spent or
 * the thread has been interrupted (a cancelled request). Threads that help a loop get the caller's
 * budget as a value ({@link #current}) and stop when it says so.
 *
 * <p>Without a budget set (tests, the command line unless it sets one) nothing is limited, but an
 * interrupt still stops the work.
 */
public final class WorkBudget {

  private static final ThreadLocal<WorkBudget> CURRENT = new ThreadLocal<>();

  private final long deadlineNanos;
  private final Duration budget;
  private volatile boolean stopped;

  private WorkBudget(long deadlineNanos, Duration budget) {
    this.deadlineNanos = deadlineNanos;
    this.budget = budget;
  }

  /** Runs {@code work} with at most {@code budget} of time for the analyses it runs. */
  public static <T> T within(Duration budget, Supplier<T> work) {
    WorkBudget outer = CURRENT.get();
    WorkBudget mine = new WorkBudget(System.nanoTime() + budget.toNanos(), budget);
    if (outer != null && outer.deadlineNanos - mine.deadlineNanos < 0) {
      mine = outer; // an enclosing budget ends sooner: keep it
    }
    CURRENT.set(mine);
    try {
      return work.get();
    } finally {
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    }
  }

  /** This thread's budget, to hand to helper threads. */
  public static WorkBudget current() {
    WorkBudget b = CURRENT.get();
    return b == null ? new WorkBudget(Long.MAX_VALUE, null) : b;
  }

  /** Throws when this thread's budget is spent or the thread was interrupted. */
  public static void check() {
    current().checkOn(Thread.currentThread());
  }

  void checkOn(Thread caller) {
    if (caller.isInterrupted()) {
      stopped = true;
      throw new WorkBudgetExceededException("the analysis was cancelled (its request ended) before it"
          + " finished", true);
    }
    if (budget != null && System.nanoTime() - deadlineNanos > 0) {
      stopped = true;
      throw new WorkBudgetExceededException("the analysis ran past its time budget of "
          + budget.toSeconds() + " s (fulcrum.limits.analysis-time) and was stopped; ask for less work"
          + " (fewer samples, a coarser precision, a smaller k, or within=N for a neighbourhood)", false);
    }
  }

  /** Whether helpers should stop: the caller gave up, or the deadline passed. */
  boolean spent() {
    return stopped || (budget != null && System.nanoTime() - deadlineNanos > 0);
  }
}
