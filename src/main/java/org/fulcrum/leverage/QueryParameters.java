package org.fulcrum.leverage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fulcrum.bind.EnumValues;
import org.fulcrum.bind.ParameterProblems;
import org.fulcrum.error.InvalidRequestException;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.support.DefaultConversionService;

/**
 * What-if's {@code parameters}, bound to typed values the way Spring MVC binds the GET endpoints'
 * query parameters: {@code "3"} and {@code 3} are both the whole number 3, {@code "a,b"} and
 * {@code ["a", "b"]} both a list, enums by their spelling ({@link EnumValues}), days as ISO dates.
 * Every name an
 * analysis reads is remembered; {@link #requireValid} refuses the names none read and reports the
 * first value that did not convert.
 */
public final class QueryParameters {

  private static final DefaultConversionService CONVERSIONS = new DefaultConversionService();

  static {
    CONVERSIONS.addConverterFactory(new EnumValues());
    // as @DateTimeFormat(iso = DATE) reads asOf on the GET endpoints
    CONVERSIONS.addConverter(String.class, LocalDate.class, text -> LocalDate.parse(text.strip()));
  }

  private final Map<String, Object> values;
  private final Set<String> read = new LinkedHashSet<>();
  private final List<String> problems = new ArrayList<>();

  private QueryParameters(Map<String, ?> values) {
    this.values = values == null ? Map.of() : new LinkedHashMap<>(values);
  }

  public static QueryParameters of(Map<String, ?> values) {
    return new QueryParameters(values);
  }

  /** The value, or {@code null} if it is absent, blank or does not convert (then reported later). */
  public <T> T get(String name, Class<T> type) {
    return convert(name, type, TypeDescriptor.valueOf(type));
  }

  public String string(String name) {
    return get(name, String.class);
  }

  /** A list from {@code "a,b"} or {@code ["a", "b"]}; empty if absent. */
  public <T> List<T> list(String name, Class<T> element) {
    List<?> list = convert(name, List.class, TypeDescriptor.collection(List.class, TypeDescriptor.valueOf(element)));
    return list == null ? List.of() : list.stream().filter(v -> v != null).map(element::cast).toList();
  }

  public <T> Set<T> set(String name, Class<T> element) {
    return Set.copyOf(list(name, element));
  }

  /**
   * Numbers by key, from {@code {"planners": 2}} or {@code "planners:2,victims"} (a key without a
   * number means 1); empty if absent.
   */
  public Map<String, Double> numbers(String name) {
    read.add(name);
    Object raw = values.get(name);
    if (raw == null || raw instanceof String s && s.isBlank()) {
      return Map.of();
    }
    try {
      if (raw instanceof String text) {
        return numbers(name, text);
      }
      if (raw instanceof Map<?, ?> map) {
        Map<String, Double> out = new LinkedHashMap<>();
        map.forEach((key, value) -> {
          if (value == null) {
            throw new InvalidRequestException(key + ": a number is required");
          }
          out.put(String.valueOf(key), convertValue(name + "." + key, value, Double.class));
        });
        return out;
      }
      throw new InvalidRequestException(ParameterProblems.mismatch(name, raw, Map.class, null));
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
      return Map.of();
    }
  }

  /**
   * {@code key:number,key:number}, as the command line and what-if write weights and costs; a key
   * without a number means 1.
   *
   * @param name the parameter's name for messages ({@code costs.chn must be a number}), or {@code
   *     null} to name the key alone
   * @throws IllegalArgumentException naming the key whose number is not one, or given twice
   */
  public static Map<String, Double> numbers(String name, String text) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (String item : text.split(",")) {
      if (item.isBlank()) {
        continue;
      }
      int colon = item.lastIndexOf(':');
      String key = (colon < 0 ? item : item.substring(0, colon)).strip();
      String field = name == null ? key : name + "." + key;
      double value = colon < 0 ? 1 : convertValue(field, item.substring(colon + 1).strip(), Double.class);
      if (out.put(key, value) != null) {
        throw new InvalidRequestException((name == null ? "" : name + ": ") + "'" + key + "' is given twice");
      }
    }
    return out;
  }

  /**
   * The analysis's query from these parameters, read after any others the caller reads first
   * ({@code within}, {@code asOf}).
   *
   * @throws IllegalArgumentException as {@link #requireValid}, which comes first, or as the query's
   *     own checks
   */
  public <Q> Q bind(Analysis<Q, ?> analysis) {
    Q query;
    try {
      query = analysis.bind(this);
    } catch (IllegalArgumentException e) {
      // a misspelt name reads as a missing one: say which name was not known, not what is missing
      requireValid();
      throw e;
    }
    requireValid();
    return query;
  }

  /**
   * @throws IllegalArgumentException for a name no analysis read ({@code unknown parameter
   *     'maxhops'; expected one of ...}), else for the first value that did not convert
   */
  public void requireValid() {
    List<String> unknown = values.keySet().stream().filter(name -> !read.contains(name)).toList();
    if (!unknown.isEmpty()) {
      throw new InvalidRequestException(ParameterProblems.unknown(unknown, read));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems.get(0));
    }
  }

  private <T> T convert(String name, Class<T> type, TypeDescriptor target) {
    read.add(name);
    Object raw = values.get(name);
    if (raw == null || raw instanceof String s && s.isBlank()) {
      return null;
    }
    try {
      if (raw instanceof Number n && (type == Integer.class || type == Long.class) && n.doubleValue() % 1 != 0) {
        throw new InvalidRequestException(ParameterProblems.mismatch(name, raw, type, null));
      }
      return type.cast(convertValue(name, raw, target));
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
      return null;
    }
  }

  private static <T> T convertValue(String name, Object raw, Class<T> type) {
    return type.cast(convertValue(name, raw, TypeDescriptor.valueOf(type)));
  }

  private static Object convertValue(String name, Object raw, TypeDescriptor target) {
    try {
      return CONVERSIONS.convert(raw, TypeDescriptor.forObject(raw), target);
    } catch (ConversionException e) {
      throw new InvalidRequestException(ParameterProblems.mismatch(name, raw, target.getType(), e));
    }
  }
}
