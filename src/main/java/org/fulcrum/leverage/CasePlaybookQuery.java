package org.fulcrum.leverage;

import org.fulcrum.analysis.PlaybookQuery;
import org.fulcrum.casefile.CaseSummary;
import org.fulcrum.casefile.Phase;
import org.fulcrum.casefile.Tempo;

/**
 * A playbook query as asked: phase and tempo may be left ({@code null}) to the case's own.
 * {@link #query} checks the rest.
 */
public record CasePlaybookQuery(String engager, String target, Phase phase, Tempo tempo) {

  /** This query with the case's phase and tempo where none is given. */
  CasePlaybookQuery withCaseDefaults(CaseSummary summary) {
    return new CasePlaybookQuery(engager, target, phase == null ? summary.phase() : phase,
        tempo == null ? summary.tempo() : tempo);
  }

  PlaybookQuery query() {
    return new PlaybookQuery(engager == null ? null : engager.strip(), target == null ? null : target.strip(),
        phase, tempo);
  }
}
