package org.fulcrum.error;

/**
 * The caller asked for something malformed or out of range: a parameter, a body field, a file it
 * sent. The message names the field and what was expected, and is shown to the caller as it is
 * (HTTP 400, or the CLI's error line).
 *
 * <p>It extends {@link IllegalArgumentException}, the JGraphT convention for bad arguments, so code
 * and tests that expect an {@code IllegalArgumentException} keep working. The converse does not
 * hold: a plain {@code IllegalArgumentException} is a broken invariant inside Fulcrum, not the
 * caller's mistake.
 */
public class InvalidRequestException extends IllegalArgumentException {

  public InvalidRequestException(String message) {
    super(message);
  }

  public InvalidRequestException(String message, Throwable cause) {
    super(message, cause);
  }
}
