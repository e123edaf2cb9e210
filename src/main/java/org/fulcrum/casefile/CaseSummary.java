package org.fulcrum.casefile;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/** A case's header with the counts of what it holds. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseSummary(
    String id,
    String title,
    String description,
    LocalDate asOf,
    Tempo tempo,
    Phase phase,
    int actors,
    int ties,
    int messages,
    int sources) {}
