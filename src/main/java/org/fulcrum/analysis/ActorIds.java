package org.fulcrum.analysis;

import java.util.List;
import org.fulcrum.error.InvalidRequestException;

/** How query records read the actor ids they are given: stripped, blank meaning not given. */
final class ActorIds {

  private ActorIds() {}

  static String required(String id, String field) {
    String v = optional(id);
    if (v == null) {
      throw new InvalidRequestException(field + ": an actor id is required");
    }
    return v;
  }

  static String optional(String id) {
    return id == null || id.isBlank() ? null : id.strip();
  }

  static List<String> list(List<String> ids) {
    return ids == null ? List.of()
        : ids.stream().filter(id -> id != null && !id.isBlank()).map(String::strip).toList();
  }
}
