package org.fulcrum.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a user may do. Each role includes the ones below it: an analyst is also a viewer, an admin
 * also an analyst.
 */
public enum Role {
  /** Reads cases and runs analyses. */
  VIEWER,
  /** Also imports, creates, edits and restricts cases. */
  ANALYST,
  /** Also manages users and deletes cases. */
  ADMIN;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String authority() {
    return "ROLE_" + name();
  }

  public static Role parse(String text) {
    for (Role r : values()) {
      if (r.label().equals(text)) {
        return r;
      }
    }
    throw new IllegalArgumentException("role: unknown value '" + text + "'; expected one of "
        + Arrays.stream(values()).map(Role::label).collect(Collectors.joining(", ")));
  }
}
