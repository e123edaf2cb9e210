package org.fulcrum.bind;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.fulcrum.casefile.Label;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;

/**
 * How enum values are spelt in query parameters, what-if parameters and command-line options: a
 * {@link Label}'s label ({@code supplies-arms}), any other enum's name in lower case ({@code ties},
 * matched regardless of case). Registered with Spring MVC, so a controller can take an enum or a
 * set of them as a {@code @RequestParam}.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
public final class EnumValues implements ConverterFactory<String, Enum> {

  @Override
  public <T extends Enum> Converter<String, T> getConverter(Class<T> type) {
    return text -> text.isBlank() ? null : (T) parse(type, text);
  }

  /**
   * @throws IllegalArgumentException {@code unknown value 'x'; expected one of a, b}
   */
  public static <E extends Enum<E>> E parse(Class<E> type, String text) {
    String given = text.strip();
    for (E value : type.getEnumConstants()) {
      if (value instanceof Label label ? label.label().equals(given) : value.name().equalsIgnoreCase(given)) {
        return value;
      }
    }
    throw new IllegalArgumentException("unknown value '" + text + "'; expected one of " + allowed(type));
  }

  /** The spellings {@link #parse} accepts, comma-separated. */
  public static String allowed(Class<? extends Enum<?>> type) {
    return Arrays.stream(type.getEnumConstants()).map(EnumValues::spelling).collect(Collectors.joining(", "));
  }

  static String spelling(Enum<?> value) {
    return value instanceof Label label ? label.label() : value.name().toLowerCase(Locale.ROOT);
  }
}
