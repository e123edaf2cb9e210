package org.fulcrum.error;

/**
 * The request is well formed but clashes with the current state: a duplicate id, a record still
 * referred to, a stale version (HTTP 409).
 */
public class ConflictException extends RuntimeException {

  public ConflictException(String message) {
    super(message);
  }
}
