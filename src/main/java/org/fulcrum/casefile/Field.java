package org.fulcrum.casefile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One field of a record kind: its name (as in JSON, CSV and the store), what it holds, whether it
 * is required, and the checks on its value (range, vocabulary, format, the records it applies to).
 * It also converts values to and from the store's form: vocabulary is stored with its dataset
 * spelling, numbers as doubles, dates as dates, source ids as a list of strings.
 *
 * <p>Fields are immutable; {@link #required()}, {@link #range}, {@link #format} and {@link
 * #onlyWhen} return changed copies.
 */
public final class Field {

  /**
   * An interval of numbers; {@code max} is {@code null} when there is no upper bound. Printed as the
   * validator's problems print it: {@code [-1, 1]}, {@code (0, 1]}, {@code > 0}.
   */
  public record Range(double min, boolean minInclusive, Double max, boolean maxInclusive) {

    public static Range closed(double min, double max) {
      return new Range(min, true, max, true);
    }

    public static Range openClosed(double min, double max) {
      return new Range(min, false, max, true);
    }

    public static Range open(double min, double max) {
      return new Range(min, false, max, false);
    }

    public static Range above(double min) {
      return new Range(min, false, null, false);
    }

    public boolean contains(double d) {
      return Double.isFinite(d) && (minInclusive ? d >= min : d > min)
          && (max == null || (maxInclusive ? d <= max : d < max));
    }

    @Override
    public String toString() {
      return max == null ? (minInclusive ? ">= " : "> ") + plain(min)
          : (minInclusive ? "[" : "(") + plain(min) + ", " + plain(max) + (maxInclusive ? "]" : ")");
    }
  }

  /**
   * A text format beyond "any text", e.g. a country code.
   *
   * @param expected what a valid value is, as in "expected {@code expected}, got ..."
   */
  public record Format(Predicate<String> valid, String expected) {}

  /**
   * The field applies only to records whose earlier vocabulary field {@code field} has the value
   * {@code value}; {@code problem} says why a record with another value cannot have it.
   */
  public record Condition(String field, Label value, Function<Label, String> problem) {}

  private final String name;
  private final FieldType type;
  private final boolean required;
  private final Range range;
  private final List<Label> vocabulary;
  private final String vocabularyName;
  private final Map<String, Label> byLabel;
  private final Format format;
  private final Condition condition;

  private Field(String name, FieldType type, boolean required, Range range,
      Class<? extends Enum<?>> vocabulary, Format format, Condition condition) {
    this.name = Objects.requireNonNull(name, "name");
    this.type = Objects.requireNonNull(type, "type");
    this.required = required;
    this.range = range;
    this.vocabulary = vocabulary == null ? List.of()
        : Arrays.stream(vocabulary.getEnumConstants()).map(e -> (Label) e).toList();
    this.vocabularyName = vocabulary == null ? null : vocabulary.getSimpleName();
    this.byLabel = new HashMap<>();
    this.vocabulary.forEach(v -> byLabel.put(v.label(), v));
    this.format = format;
    this.condition = condition;
  }

  private Field(Field f, boolean required, Range range, Format format, Condition condition) {
    this.name = f.name;
    this.type = f.type;
    this.required = required;
    this.range = range;
    this.vocabulary = f.vocabulary;
    this.vocabularyName = f.vocabularyName;
    this.byLabel = f.byLabel;
    this.format = format;
    this.condition = condition;
  }

  // ---- making fields ------------------------------------------------------------------------

  public static Field id(String name) {
    return new Field(name, FieldType.ID, false, null, null, null, null);
  }

  public static Field text(String name) {
    return new Field(name, FieldType.TEXT, false, null, null, null, null);
  }

  public static Field number(String name, Range range) {
    return new Field(name, FieldType.NUMBER, false, Objects.requireNonNull(range, "range"), null, null,
        null);
  }

  public static Field bool(String name) {
    return new Field(name, FieldType.BOOLEAN, false, null, null, null, null);
  }

  public static Field date(String name) {
    return new Field(name, FieldType.DATE, false, null, null, null, null);
  }

  public static <E extends Enum<E> & Label> Field vocabulary(String name, Class<E> values) {
    return new Field(name, FieldType.VOCABULARY, false, null, Objects.requireNonNull(values, "values"),
        null, null);
  }

  public static Field actor(String name) {
    return new Field(name, FieldType.ACTOR_ID, false, null, null, null, null);
  }

  /** The {@code sources} field every actor, tie and message has: always required. */
  public static Field sources() {
    return new Field("sources", FieldType.SOURCE_IDS, true, null, null, null, null);
  }

  public Field required() {
    return new Field(this, true, range, format, condition);
  }

  public Field format(Predicate<String> valid, String expected) {
    if (type != FieldType.TEXT) {
      throw new IllegalArgumentException("only a text field has a format; " + name + " is " + type.label());
    }
    return new Field(this, required, range, new Format(valid, expected), condition);
  }

  public Field onlyWhen(String field, Label value, Function<Label, String> problem) {
    return new Field(this, required, range, format, new Condition(field, value, problem));
  }

  // ---- what a field is ------------------------------------------------------------------------

  public String name() {
    return name;
  }

  public FieldType type() {
    return type;
  }

  public boolean isRequired() {
    return required;
  }

  /** The allowed numbers, or {@code null} unless the field is a {@link FieldType#NUMBER}. */
  public Range range() {
    return range;
  }

  /** The allowed values, in declaration order; empty unless the field is a vocabulary. */
  public List<Label> vocabulary() {
    return vocabulary;
  }

  /** The vocabulary value with this spelling, or {@code null}. */
  public Label vocabularyValue(String label) {
    return byLabel.get(label);
  }

  /** The allowed spellings, as the validator lists them: {@code a, b, c}. */
  public String allowed() {
    return String.join(", ", vocabulary.stream().map(Label::label).toList());
  }

  /** A text field's format, or {@code null}. */
  public Format format() {
    return format;
  }

  /** For which records the field applies, or {@code null} for all. */
  public Condition condition() {
    return condition;
  }

  // ---- the store's form -----------------------------------------------------------------------

  /** The value as the store keeps it: vocabulary by its spelling, everything else as it is. */
  public Object toStored(Object value) {
    return value instanceof Label l ? l.label() : value;
  }

  /**
   * The field's value from what the store returned: text, a number, a boolean, a date, or a list
   * (or array) of strings; {@code null} where the property is absent (the store keeps no nulls).
   *
   * @throws IllegalStateException if a stored vocabulary value is not one of the field's values
   */
  public Object fromStored(Object stored) {
    if (type == FieldType.SOURCE_IDS) {
      if (stored == null) {
        return List.of();
      }
      if (stored instanceof String[] array) {
        return List.of(array);
      }
      return ((List<?>) stored).stream().map(String::valueOf).toList();
    }
    if (stored == null) {
      return null;
    }
    return switch (type) {
      case NUMBER -> ((Number) stored).doubleValue();
      case VOCABULARY -> {
        Label value = byLabel.get((String) stored);
        if (value == null) {
          throw new IllegalStateException("stored value '" + stored + "' is not a known " + vocabularyName);
        }
        yield value;
      }
      case DATE -> (LocalDate) stored;
      case BOOLEAN -> (Boolean) stored;
      default -> (String) stored;
    };
  }

  @Override
  public String toString() {
    return name + " (" + type.label() + (required ? ", required" : "") + ")";
  }

  static String plain(double d) {
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }
}
