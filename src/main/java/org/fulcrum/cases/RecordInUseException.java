package org.fulcrum.cases;

import java.util.List;

/** A write that would break the case: a duplicate id, or a delete of something still referred to. */
public class RecordInUseException extends RuntimeException {

  private final List<String> conflicts;

  public RecordInUseException(String message, List<String> conflicts) {
    super(message);
    this.conflicts = List.copyOf(conflicts);
  }

  public List<String> conflicts() {
    return conflicts;
  }
}
