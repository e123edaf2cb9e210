package org.fulcrum.store;

/** The graph store cannot be opened or reached; the message says why and what to do. */
public class StoreUnavailableException extends RuntimeException {

  public StoreUnavailableException(String message) {
    super(message);
  }

  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
