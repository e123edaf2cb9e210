package org.fulcrum.cases;

import java.util.List;
import org.fulcrum.error.ConflictException;

/** A write that would break the case: a duplicate id, or a delete of something still referred to. */
public class RecordInUseException extends ConflictException {

  private final List<String> conflicts;

  public RecordInUseException(String message, List<String> conflicts) {
    super(message);
    this.conflicts = List.copyOf(conflicts);
  }

  public List<String> conflicts() {
    return conflicts;
  }
}
