package org.fulcrum.schema;

import org.fulcrum.casefile.CaseSchema;
import org.fulcrum.casefile.CaseValidator;
import org.springframework.stereotype.Service;

/** The dataset format's descriptors ({@link CaseSchema}), as the API describes them. */
@Service
class SchemaService {

  private static final DatasetSchema SCHEMA = new DatasetSchema(CaseValidator.MAX_ID_LENGTH,
      CaseValidator.MAX_TEXT_LENGTH, CaseSchema.KINDS.stream().map(DatasetSchema.Kind::of).toList());

  DatasetSchema schema() {
    return SCHEMA;
  }
}
