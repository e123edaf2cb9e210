package org.fulcrum.casefile;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/** A whole case, as imported and exported: the unit of analysis and of import. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseFile(
    String id,
    String title,
    String description,
    LocalDate asOf,
    Tempo tempo,
    Phase phase,
    List<Source> sources,
    List<Actor> actors,
    List<Tie> ties,
    List<Message> messages) {

  public CaseFile {
    sources = List.copyOf(sources);
    actors = List.copyOf(actors);
    ties = List.copyOf(ties);
    messages = List.copyOf(messages);
  }

  public CaseSummary summary() {
    return new CaseSummary(
        id, title, description, asOf, tempo, phase, actors.size(), ties.size(), messages.size(),
        sources.size());
  }
}
