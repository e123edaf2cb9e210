package org.fulcrum.cases;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.fulcrum.error.ConflictException;
import org.neo4j.driver.exceptions.TransientException;
import org.neo4j.graphdb.TransientFailureException;

/**
 * A write that kept colliding with concurrent writes to the same records (Neo4j reported a
 * deadlock or a lock it could not take, {@value #ATTEMPTS} times in a row): HTTP 409, since the
 * store is healthy and the same request a moment later will likely succeed. {@link #retried} is
 * the one place such collisions are retried.
 */
public class ConcurrentChangeException extends ConflictException {

  /** How often a write is tried before it is answered with this exception. */
  static final int ATTEMPTS = 5;

  ConcurrentChangeException(String message, Throwable cause) {
    super(message);
    initCause(cause);
  }

  /**
   * Whether {@code e} is Neo4j telling a transaction to give way to another one (a {@code
   * Neo.TransientError.Transaction.*} code such as {@code DeadlockDetected}, or the embedded API's
   * {@link TransientFailureException}): the transaction was rolled back whole and may be tried
   * again. A store that cannot be reached is not such a collision.
   */
  public static boolean isCollision(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TransientException te && te.code() != null
          && te.code().startsWith("Neo.TransientError.Transaction.")) {
        return true;
      }
      if (t instanceof TransientFailureException) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /**
   * Runs {@code write} (which must open and commit its own transaction), again after a short random
   * pause each time Neo4j rolls it back as a collision, at most {@value #ATTEMPTS} times; then
   * gives up with this exception, naming {@code what}.
   */
  static <T> T retried(String what, Supplier<T> write) {
    for (int attempt = 1; ; attempt++) {
      try {
        return write.get();
      } catch (RuntimeException e) {
        if (!isCollision(e)) {
          throw e;
        }
        if (attempt == ATTEMPTS) {
          throw new ConcurrentChangeException(what + " collided with concurrent changes to the same"
              + " records " + ATTEMPTS + " times (Neo4j: " + e.getMessage() + "); nothing was written;"
              + " try again", e);
        }
        try {
          Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt + 5));
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }
}
