package org.fulcrum.cases;

import org.fulcrum.error.ConflictException;

/**
 * A replacement or delete that names a version other than the record's current one (409), or a
 * replacement of an existing record that names no version at all (428): optimistic locking, so a
 * second writer never silently overwrites the first.
 */
public class VersionConflictException extends ConflictException {

  private final boolean versionMissing;
  private final Long currentVersion;
  private final Object current;

  VersionConflictException(String message, boolean versionMissing, Long currentVersion, Object current) {
    super(message);
    this.versionMissing = versionMissing;
    this.currentVersion = currentVersion;
    this.current = current;
  }

  /** No version was given: the client must read the record first (HTTP 428). */
  public boolean versionMissing() {
    return versionMissing;
  }

  /** The record's version now, or {@code null} when it no longer exists. */
  public Long currentVersion() {
    return currentVersion;
  }

  /** The record as it is now, or {@code null}. */
  public Object current() {
    return current;
  }
}
