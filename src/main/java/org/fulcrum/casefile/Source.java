package org.fulcrum.casefile;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A public document that actors, ties and messages cite. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Source(String id, String citation, String url) {}
