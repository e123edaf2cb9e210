package org.fulcrum.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadFeature;

/**
 * Request bodies read by Spring's JSON mapper refuse a key given twice in one object (400 naming
 * the key, see {@link ApiExceptionHandler}) instead of letting the last one win silently. Case
 * files have their own parser, {@code JsonCaseReader}, which refuses them the same way.
 */
@Configuration
class StrictJson {

  @Bean
  JsonMapperBuilderCustomizer strictDuplicateDetection() {
    return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
  }
}
