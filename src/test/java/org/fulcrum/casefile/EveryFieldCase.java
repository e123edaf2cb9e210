package org.fulcrum.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

/**
 * A small case in which every field of every record kind holds a value, made from the descriptors
 * ({@link CaseSchema}) alone: a field added to a descriptor gets a value here without a change, so
 * a read or write path that forgets the field loses it and the round trips that use this case fail.
 *
 * <p>Values are chosen to differ from what an absent or defaulted field reads as: numbers inside
 * their range and away from 0, the last value of a vocabulary (unless another field applies only
 * with a given value, which is then used), {@code true}, distinct dates.
 */
public final class EveryFieldCase {

  public static final String ID = "every-field";

  /** Text values for formatted text fields: the first one a field's format accepts is used. */
  private static final List<String> FORMATTED_TEXT =
      List.of("SDN", "https://example.org/every-field");

  private EveryFieldCase() {}

  public static CaseFile build() {
    List<Source> sources = List.of(record(CaseSchema.SOURCE, 1));
    List<Actor> actors = List.of(record(CaseSchema.ACTOR, 1), record(CaseSchema.ACTOR, 2));
    List<Tie> ties = List.of(record(CaseSchema.TIE, 1));
    List<Message> messages = List.of(record(CaseSchema.MESSAGE, 1));
    return new CaseFile(ID, "Every field", "Each field of each record kind set", LocalDate.of(2005, 1, 1),
        Tempo.values()[Tempo.values().length - 1], Phase.values()[Phase.values().length - 1],
        sources, actors, ties, messages);
  }

  /** Fails unless every field of every record of the case holds a value (a list: not empty). */
  public static void assertEveryFieldSet(CaseFile c) {
    for (RecordSchema<?> kind : CaseSchema.KINDS) {
      assertEveryFieldSet(kind, c);
    }
  }

  private static <R extends Record> void assertEveryFieldSet(RecordSchema<R> kind, CaseFile c) {
    assertThat(kind.records(c)).as(kind.kind() + " records").isNotEmpty();
    for (R r : kind.records(c)) {
      for (Field f : kind.fields()) {
        Object v = kind.value(r, f.name());
        assertThat(v).as("%s.%s of %s", kind.kind(), f.name(), r).isNotNull();
        if (v instanceof List<?> list) {
          assertThat(list).as("%s.%s", kind.kind(), f.name()).isNotEmpty();
        }
      }
    }
  }

  /** The {@code n}th record of a kind, every field sampled from its descriptor. */
  static <R extends Record> R record(RecordSchema<R> kind, int n) {
    List<Field> fields = kind.fields();
    Object[] values = new Object[fields.size()];
    int actorRefs = 0;
    for (int i = 0; i < values.length; i++) {
      Field f = fields.get(i);
      values[i] = switch (f.type()) {
        case ID -> kind.kind() + "-" + n;
        case TEXT -> text(kind, f, n);
        case NUMBER -> number(f.range());
        case BOOLEAN -> Boolean.TRUE;
        case DATE -> LocalDate.of(2004, 7, 30).plusDays(i);
        case VOCABULARY -> vocabulary(kind, f);
        // the first actor field names actor-1, the others actor-2: a tie joins two actors
        case ACTOR_ID -> CaseSchema.ACTOR.kind() + "-" + (actorRefs++ == 0 ? 1 : 2);
        case SOURCE_IDS -> List.of(CaseSchema.SOURCE.kind() + "-1");
      };
    }
    return kind.create(values);
  }

  private static String text(RecordSchema<?> kind, Field f, int n) {
    if (f.format() == null) {
      return f.name() + " of " + kind.kind() + " " + n;
    }
    return FORMATTED_TEXT.stream().filter(f.format().valid()).findFirst().orElseThrow(() ->
        new IllegalStateException("no sample text for " + kind.kind() + "." + f.name()
            + " (expected " + f.format().expected() + "): add one to FORMATTED_TEXT"));
  }

  private static double number(Field.Range range) {
    return range.max() == null ? range.min() + 2.5 : range.min() + (range.max() - range.min()) * 0.75;
  }

  /**
   * The value other fields of the kind apply with (a forum, for its decision rule; member-of, for a
   * tie's veto and voting weight), else the vocabulary's last value.
   */
  private static Label vocabulary(RecordSchema<?> kind, Field f) {
    List<Label> needed = kind.fields().stream().map(Field::condition)
        .filter(c -> c != null && c.field().equals(f.name())).map(Field.Condition::value).distinct()
        .toList();
    if (needed.size() > 1) {
      throw new IllegalStateException(kind.kind() + "." + f.name() + " is needed with several values "
          + needed + ": one case cannot show them all");
    }
    return needed.isEmpty() ? f.vocabulary().get(f.vocabulary().size() - 1) : needed.get(0);
  }
}
