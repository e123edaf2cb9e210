package org.fulcrum.error;

/** What the caller named does not exist, or is not visible to them (HTTP 404). */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String message) {
    super(message);
  }
}
