package org.fulcrum.bind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The words for parameters that are not what was expected, shared by the query-parameter checks
 * and what-if's {@code parameters}, so that both say the same thing about the same mistake.
 */
public final class ParameterProblems {

  private ParameterProblems() {}

  /**
   * {@code k must be a whole number, got 'abc'}, or for an enum value the reason {@link EnumValues}
   * gives ({@code types: unknown value 'owns'; expected one of ...}).
   */
  public static String mismatch(String name, Object value, Class<?> type, Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof IllegalArgumentException && !(t instanceof NumberFormatException)
          && t.getMessage() != null && t.getMessage().startsWith("unknown value")) {
        return name + ": " + t.getMessage();
      }
    }
    return name + " must be " + expected(type) + ", got '" + shown(value) + "'";
  }

  /** {@code unknown parameter 'maxhops'; expected one of from, to, k, maxHops, ...}. */
  public static String unknown(Collection<String> unknown, Collection<String> expected) {
    List<String> quoted = unknown.stream().sorted().map(n -> "'" + n + "'").toList();
    return (quoted.size() == 1 ? "unknown parameter " : "unknown parameters ") + String.join(", ", quoted)
        + "; expected " + (expected.isEmpty() ? "none" : "one of " + String.join(", ", expected));
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "a valid value";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class
        || type == Short.class || type == short.class) {
      return "a whole number";
    }
    if (type == Double.class || type == double.class || type == Float.class || type == float.class
        || type == BigDecimal.class) {
      return "a number";
    }
    if (type == LocalDate.class) {
      return "an ISO date (yyyy-mm-dd)";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (java.util.Map.class.isAssignableFrom(type)) {
      return "an object";
    }
    return "a " + type.getSimpleName();
  }

  private static String shown(Object value) {
    if (value instanceof Object[] values) {
      return java.util.Arrays.stream(values).map(String::valueOf).collect(Collectors.joining(","));
    }
    return String.valueOf(value);
  }
}
