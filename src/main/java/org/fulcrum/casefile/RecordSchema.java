package org.fulcrum.casefile;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The descriptor of one kind of case record (actor, tie, message or source): its fields, in the
 * order of the record's components, and how to take a record apart into field values and build one
 * from them. Everything that reads or writes records of the kind (the validator, the CSV writer,
 * both store mappings, {@code GET /api/schema}) goes through it, so a field exists in one place.
 *
 * <p>The fields must be the record's components, by name and in order: checked when the descriptor
 * is made, so a component added to the record and not to its descriptor fails at once.
 *
 * @param <R> the record class
 */
public final class RecordSchema<R extends Record> {

  private final String kind;
  private final String collection;
  private final Class<R> type;
  private final Function<CaseFile, List<R>> inCase;
  private final List<Field> fields;
  private final List<String> names;
  private final Map<String, Integer> index = new HashMap<>();
  private final Method[] accessors;
  private final Constructor<R> constructor;

  /**
   * @param kind the kind's name in the singular, e.g. {@code tie}
   * @param collection its name in a case file, e.g. {@code ties} (the JSON list, the CSV file's stem)
   * @param inCase the case's records of the kind, e.g. {@code CaseFile::ties}
   */
  public RecordSchema(String kind, String collection, Class<R> type,
      Function<CaseFile, List<R>> inCase, Field... fields) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.collection = Objects.requireNonNull(collection, "collection");
    this.type = Objects.requireNonNull(type, "type");
    this.inCase = Objects.requireNonNull(inCase, "inCase");
    this.fields = List.of(fields);
    this.names = this.fields.stream().map(Field::name).toList();
    RecordComponent[] components = type.getRecordComponents();
    List<String> componentNames = Arrays.stream(components).map(RecordComponent::getName).toList();
    if (!componentNames.equals(names)) {
      throw new IllegalStateException("the " + kind + " descriptor lists " + names + " but "
          + type.getSimpleName() + " has " + componentNames);
    }
    for (int i = 0; i < fields.length; i++) {
      index.put(fields[i].name(), i);
      Field.Condition c = fields[i].condition();
      if (c != null && !(index.containsKey(c.field())
          && this.fields.get(index.get(c.field())).type() == FieldType.VOCABULARY)) {
        throw new IllegalStateException(kind + "." + fields[i].name()
            + " depends on " + c.field() + ", which must be a vocabulary field listed before it");
      }
    }
    this.accessors = Arrays.stream(components).map(RecordComponent::getAccessor).toArray(Method[]::new);
    try {
      this.constructor = type.getDeclaredConstructor(
          Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(type + " has no canonical constructor", e);
    }
  }

  public String kind() {
    return kind;
  }

  public String collection() {
    return collection;
  }

  public Class<R> type() {
    return type;
  }

  /** The case's records of this kind, in file order. */
  public List<R> records(CaseFile c) {
    return inCase.apply(c);
  }

  public List<Field> fields() {
    return fields;
  }

  /** The field names, in order. */
  public List<String> names() {
    return names;
  }

  /** The field's position in {@link #fields()}, as in {@link #values} and {@link #create}. */
  public int indexOf(String name) {
    Integer i = index.get(name);
    if (i == null) {
      throw new IllegalArgumentException(kind + " has no field '" + name + "'");
    }
    return i;
  }

  public Field field(String name) {
    return fields.get(indexOf(name));
  }

  /** The record's field values, in field order. */
  public Object[] values(R record) {
    Object[] values = new Object[accessors.length];
    for (int i = 0; i < values.length; i++) {
      try {
        values[i] = accessors[i].invoke(record);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + kind + "." + names.get(i), e);
      }
    }
    return values;
  }

  /** One field's value of the record. */
  public Object value(R record, String name) {
    try {
      return accessors[indexOf(name)].invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + kind + "." + name, e);
    }
  }

  /**
   * The record with these field values, in field order.
   *
   * @throws IllegalArgumentException if a value has the wrong type or a required number is missing
   */
  public R create(Object... values) {
    try {
      return constructor.newInstance(values);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("cannot build a " + kind, e.getCause());
    } catch (InstantiationException | IllegalAccessException e) {
      throw new IllegalStateException("cannot build a " + kind, e);
    }
  }

  /** The record as the store's properties, by field name (a mutable map: callers add to it). */
  public Map<String, Object> toStored(R record) {
    Object[] values = values(record);
    Map<String, Object> stored = new HashMap<>();
    for (int i = 0; i < values.length; i++) {
      stored.put(names.get(i), fields.get(i).toStored(values[i]));
    }
    return stored;
  }

  /**
   * The record from the store's properties, each looked up by field name.
   *
   * @param column the stored value of a field name ({@code null} when absent)
   */
  public R fromStored(Function<String, Object> column) {
    Object[] values = new Object[fields.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = fields.get(i).fromStored(column.apply(names.get(i)));
    }
    return create(values);
  }

  @Override
  public String toString() {
    return kind + names;
  }
}
