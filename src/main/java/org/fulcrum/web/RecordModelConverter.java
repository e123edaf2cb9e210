package org.fulcrum.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Names a nested class after its outer one ({@code PatronAnalysisRanking}), so two answer types
 * with one simple name get a schema each; and marks every component of a Fulcrum record
 * required, and nullable unless primitive, as Jackson writes them (null included), except where
 * the record or field is {@code @JsonInclude(NON_NULL)} (then the field is absent, not null).
 */
final class RecordModelConverter implements ModelConverter {

  @Override
  public Schema resolve(AnnotatedType type, ModelConverterContext context,
      Iterator<ModelConverter> chain) {
    Class<?> cls = Json.mapper().constructType(type.getType()).getRawClass();
    if (cls == Object.class || tools.jackson.databind.JsonNode.class.isAssignableFrom(cls)) {
      // any JSON value (swagger-core would describe Object as an object, and Jackson 3's
      // JsonNode as a bean)
      Schema<Object> any = new Schema<>();
      any.setDescription(OpenApiConfiguration.ANY);
      any.setNullable(true);
      any.setAdditionalProperties(true);
      return any;
    }
    boolean ours = cls.getName().startsWith("org.fulcrum.") && !cls.isEnum();
    if (ours && cls.getEnclosingClass() != null && (type.getName() == null || type.getName().isBlank())) {
      type.setName(nestedName(cls));
    }
    Schema<?> resolved = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
    if (ours && cls.isRecord()) {
      String name = cls.getEnclosingClass() != null ? nestedName(cls) : cls.getSimpleName();
      Schema<?> model = context.getDefinedModels().get(name);
      if (model != null) {
        markRequired(cls, model);
      }
      if (resolved != null && resolved != model && resolved.get$ref() == null) {
        markRequired(cls, resolved);
      }
    }
    return resolved;
  }

  /** A schema that only {@code null} matches. */
  static Schema<?> nullOnly() {
    ObjectSchema only = new ObjectSchema();
    only.setNullable(true);
    only.setEnum(java.util.Collections.singletonList(null));
    return only;
  }

  static String nestedName(Class<?> cls) {
    StringBuilder name = new StringBuilder(cls.getSimpleName());
    for (Class<?> outer = cls.getEnclosingClass(); outer != null; outer = outer.getEnclosingClass()) {
      name.insert(0, outer.getSimpleName());
    }
    return name.toString();
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static void markRequired(Class<?> cls, Schema<?> model) {
    Map<String, Schema> properties = model.getProperties();
    if (properties == null) {
      return;
    }
    boolean classNonNull = omitsNulls(cls.getAnnotation(JsonInclude.class));
    List<String> required = new ArrayList<>();
    for (RecordComponent c : cls.getRecordComponents()) {
      Schema property = properties.get(c.getName());
      if (property == null) {
        continue;
      }
      boolean primitive = c.getType().isPrimitive();
      boolean omitted = classNonNull || omitsNulls(fieldInclude(cls, c.getName()));
      if (primitive || !omitted) {
        required.add(c.getName());
      }
      if (!primitive && !omitted) {
        if (property.get$ref() != null) {
          // OpenAPI 3.0 ignores nullable beside a $ref: the value is the object or null
          ComposedSchema nullable = new ComposedSchema();
          nullable.addAnyOfItem(new Schema<>().$ref(property.get$ref()));
          nullable.addAnyOfItem(nullOnly());
          properties.put(c.getName(), nullable);
        } else {
          property.setNullable(true);
        }
      }
    }
    if (!required.isEmpty()) {
      model.setRequired(required);
    }
  }

  private static JsonInclude fieldInclude(Class<?> cls, String name) {
    try {
      return cls.getDeclaredField(name).getAnnotation(JsonInclude.class);
    } catch (NoSuchFieldException e) {
      return null;
    }
  }

  private static boolean omitsNulls(JsonInclude include) {
    return include != null && include.value() != JsonInclude.Include.ALWAYS
        && include.value() != JsonInclude.Include.USE_DEFAULTS;
  }
}
