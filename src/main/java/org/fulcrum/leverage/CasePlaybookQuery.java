package org.fulcrum.leverage;

import java.util.List;
import org.fulcrum.analysis.PlaybookQuery;
import org.fulcrum.casefile.CaseSummary;
import org.fulcrum.casefile.Phase;
import org.fulcrum.casefile.Tempo;

/**
 * A playbook query as asked: phase and tempo may be left ({@code null}) to the case's own.
 * {@link #query} checks the rest.
 */
public record CasePlaybookQuery(String engager, String target, Phase phase, Tempo tempo,
    List<String> coalition) {

  public CasePlaybookQuery {
    coalition = coalition == null ? List.of() : List.copyOf(coalition);
  }

  /** A query whose coalition is the engager's own government. */
  public CasePlaybookQuery(String engager, String target, Phase phase, Tempo tempo) {
    this(engager, target, phase, tempo, List.of());
  }

  /** This query with the case's phase and tempo where none is given. */
  CasePlaybookQuery withCaseDefaults(CaseSummary summary) {
    return new CasePlaybookQuery(engager, target, phase == null ? summary.phase() : phase,
        tempo == null ? summary.tempo() : tempo, coalition);
  }

  PlaybookQuery query() {
    return new PlaybookQuery(engager == null ? null : engager.strip(), target == null ? null : target.strip(),
        phase, tempo, PlaybookQuery.ACTORS_PER_TOOL_DEFAULT, coalition);
  }
}
