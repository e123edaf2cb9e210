package org.fulcrum.schema;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/schema")
@Tag(name = "Schema", description = "The dataset format: the fields of each record kind")
class SchemaController {

  private final SchemaService schema;

  SchemaController(SchemaService schema) {
    this.schema = schema;
  }

  @Operation(summary = "The fields of actors, ties, messages and sources",
      description = "Per record kind, each field with its type, whether it is required, its range"
          + " (numbers), its allowed values (vocabularies), its format (text) and the records it"
          + " applies to; also the longest id and text. Imports and edits are checked against"
          + " exactly this. Any signed-in user may read it.")
  @GetMapping
  DatasetSchema get() {
    return schema.schema();
  }
}
