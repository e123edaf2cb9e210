package org.fulcrum.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.fulcrum.casefile.Field;
import org.fulcrum.casefile.Label;
import org.fulcrum.casefile.RecordSchema;

/**
 * The dataset format's record kinds as {@code GET /api/schema} answers them: what the web
 * interface builds its forms, checks and filters from.
 *
 * @param maxIdLength the longest id, in characters
 * @param maxTextLength the longest text value, in characters
 * @param kinds actor, tie, message and source, in the order a case lists them
 */
record DatasetSchema(int maxIdLength, int maxTextLength, List<Kind> kinds) {

  /**
   * One record kind.
   *
   * @param kind the kind in the singular, e.g. {@code tie}
   * @param collection its list in a case file and its path in the API, e.g. {@code ties}
   */
  record Kind(String kind, String collection, List<FieldDescription> fields) {

    static Kind of(RecordSchema<?> schema) {
      return new Kind(schema.kind(), schema.collection(),
          schema.fields().stream().map(FieldDescription::of).toList());
    }
  }

  /**
   * One field.
   *
   * @param type id, text, number, boolean, date, vocabulary, actor-id or source-ids
   * @param min for numbers: the lower bound
   * @param minInclusive for numbers: whether {@code min} itself is allowed
   * @param max for numbers: the upper bound, absent when there is none
   * @param maxInclusive for numbers with a {@code max}: whether {@code max} itself is allowed
   * @param values for vocabularies: the allowed values, as spelt in the dataset
   * @param format for text with a format: what a valid value is
   * @param onlyWhen for a field that only some records may carry: which
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record FieldDescription(String name, String type, boolean required, Double min,
      Boolean minInclusive, Double max, Boolean maxInclusive, List<String> values,
      String format, Condition onlyWhen) {

    static FieldDescription of(Field f) {
      Field.Range range = f.range();
      return new FieldDescription(f.name(), f.type().label(), f.isRequired(),
          range == null ? null : range.min(), range == null ? null : range.minInclusive(),
          range == null ? null : range.max(),
          range == null || range.max() == null ? null : range.maxInclusive(),
          f.vocabulary().isEmpty() ? null : f.vocabulary().stream().map(Label::label).toList(),
          f.format() == null ? null : f.format().expected(),
          f.condition() == null ? null
              : new Condition(f.condition().field(), f.condition().value().label()));
    }
  }

  /** The field applies only to records whose {@code field} is {@code value}. */
  @Schema(description = "The field applies only to records whose `field` has this `value`")
  record Condition(String field, String value) {}
}
