package org.fulcrum.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The descriptors are the one definition of a record's fields: every field of every kind survives
 * every path that reads or writes records through them (JSON, CSV, the store's form; the store
 * itself in CaseApiIT), and a descriptor cannot drift from its record.
 */
class CaseSchemaTest {

  private final CaseCodec codec = new CaseCodec();
  private final CaseFile every = EveryFieldCase.build();

  @Test
  void theSampleCaseSetsEveryField() {
    EveryFieldCase.assertEveryFieldSet(every);
  }

  @Test
  void everyFieldSurvivesJson() {
    CaseFile back = codec.readJson("every.json", new ByteArrayInputStream(codec.toJson(every)));
    EveryFieldCase.assertEveryFieldSet(back);
    assertThat(back).isEqualTo(every);
  }

  @Test
  void everyFieldSurvivesCsv() {
    var zip = new ByteArrayOutputStream();
    codec.writeCsvZip(every, zip);
    CaseFile back = codec.readCsvZip("every.zip", new ByteArrayInputStream(zip.toByteArray()));
    EveryFieldCase.assertEveryFieldSet(back);
    assertThat(back).isEqualTo(every);
  }

  @Test
  void everyCsvFileHasAColumnPerField() {
    Map<String, String> files = new CsvCaseWriter().write(every);
    for (RecordSchema<?> kind : CaseSchema.KINDS) {
      String header = files.get(CsvCaseReader.fileOf(kind)).lines().findFirst().orElseThrow();
      assertThat(List.of(header.split(","))).as(kind.kind()).isEqualTo(kind.names());
    }
  }

  @Test
  void everyFieldSurvivesTheStoresForm() {
    for (RecordSchema<?> kind : CaseSchema.KINDS) {
      assertStoredRoundTrip(kind);
    }
  }

  private static <R extends Record> void assertStoredRoundTrip(RecordSchema<R> kind) {
    for (R r : kind.records(EveryFieldCase.build())) {
      Map<String, Object> stored = kind.toStored(r);
      assertThat(stored.keySet()).containsExactlyInAnyOrderElementsOf(kind.names());
      assertThat(stored.values()).as("vocabulary is stored by its spelling")
          .noneMatch(v -> v instanceof Label);
      assertThat(kind.fromStored(stored::get)).isEqualTo(r);
    }
  }

  @Test
  void storedListsMayComeAsArraysAndAbsentSourcesReadAsNone() {
    Field sources = CaseSchema.TIE.field("sources");
    assertThat(sources.fromStored(new String[] {"a", "b"})).isEqualTo(List.of("a", "b"));
    assertThat(sources.fromStored(List.of("a"))).isEqualTo(List.of("a"));
    assertThat(sources.fromStored(null)).isEqualTo(List.of());
  }

  @Test
  void aStoredValueOutsideTheVocabularyIsRefused() {
    assertThatThrownBy(() -> CaseSchema.TIE.field("type").fromStored("bribes"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("stored value 'bribes' is not a known TieType");
  }

  @Test
  void theDescriptorsDescribeTheDatasetsRules() {
    Field weight = CaseSchema.TIE.field("votingWeight");
    assertThat(weight.type()).isEqualTo(FieldType.NUMBER);
    assertThat(weight.isRequired()).isFalse();
    assertThat(weight.range()).hasToString("> 0");
    assertThat(weight.condition().field()).isEqualTo("type");
    assertThat(weight.condition().value()).isEqualTo(TieType.MEMBER_OF);
    assertThat(CaseSchema.TIE.field("strength").range()).hasToString("(0, 1]");
    assertThat(CaseSchema.ACTOR.field("position").range()).hasToString("[-1, 1]");
    assertThat(CaseSchema.ACTOR.field("kind").vocabulary()).containsExactly(ActorKind.values());
    assertThat(CaseSchema.MESSAGE.field("date").isRequired()).isTrue();
    assertThat(CaseSchema.KINDS).extracting(RecordSchema::collection)
        .containsExactly("sources", "actors", "ties", "messages");
  }

  /** A record with a component its descriptor lacks. */
  record Pair(String id, String other) {}

  @Test
  void aDescriptorMustListItsRecordsComponentsInOrder() {
    assertThatThrownBy(() -> new RecordSchema<>("pair", "pairs", Pair.class, c -> List.of(),
        Field.id("id")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the pair descriptor lists [id] but Pair has [id, other]");
    assertThatThrownBy(() -> new RecordSchema<>("pair", "pairs", Pair.class, c -> List.of(),
        Field.text("other"), Field.id("id")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aFieldMayOnlyDependOnAnEarlierVocabularyField() {
    assertThatThrownBy(() -> new RecordSchema<>("pair", "pairs", Pair.class, c -> List.of(),
        Field.id("id"), Field.text("other").onlyWhen("id", TieType.MEMBER_OF, t -> "no")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("must be a vocabulary field listed before it");
  }
}
