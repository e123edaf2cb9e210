package org.fulcrum.store;

/** The graph store cannot be opened or reached; the message says why and what to do. */
public class StoreUnavailableException extends RuntimeException {

  public StoreUnavailableException(String message) {
    super(message);
  }

  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Whether a failure is, somewhere in its causes, the graph store being out of reach. */
  public static boolean isCause(Throwable e) {
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof org.neo4j.driver.exceptions.ServiceUnavailableException
          || t instanceof org.neo4j.driver.exceptions.SessionExpiredException
          || t instanceof StoreUnavailableException
          || t instanceof org.springframework.dao.TransientDataAccessResourceException) {
        return true;
      }
    }
    return false;
  }
}
