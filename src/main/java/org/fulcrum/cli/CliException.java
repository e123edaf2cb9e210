package org.fulcrum.cli;

/** A command cannot do what was asked; the message says why, for the user. */
class CliException extends RuntimeException {

  private final int exitCode;

  CliException(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
