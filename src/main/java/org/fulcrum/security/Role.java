package org.fulcrum.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.fulcrum.error.InvalidRequestException;

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

  /** A role a caller asked for; an unknown one is their mistake (400). */
  public static Role parse(String text) {
    return find(text).orElseThrow(() -> new InvalidRequestException("role: unknown value '" + text
        + "'; expected one of " + Arrays.stream(values()).map(Role::label).collect(Collectors.joining(", "))));
  }

  /** A role as the store holds it; an unknown one is a damaged user record, not the caller's mistake. */
  static Role stored(String label) {
    return find(label).orElseThrow(() -> new IllegalStateException("a stored user has the unknown role '"
        + label + "'"));
  }

  private static Optional<Role> find(String label) {
    return Arrays.stream(values()).filter(r -> r.label().equals(label)).findFirst();
  }
}
