package org.fulcrum.casefile;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** A closed vocabulary whose values have a fixed external spelling in the dataset format. */
public interface Label {

  /** The spelling used in JSON and CSV files, e.g. {@code supplies-arms}. */
  String label();

  static <E extends Enum<E> & Label> Optional<E> parse(Class<E> type, String text) {
    return Arrays.stream(type.getEnumConstants()).filter(e -> e.label().equals(text)).findFirst();
  }

  static <E extends Enum<E> & Label> String allowed(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(Label::label).collect(Collectors.joining(", "));
  }
}
