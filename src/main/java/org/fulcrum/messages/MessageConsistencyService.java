package org.fulcrum.messages;

import org.fulcrum.analysis.consistency.ConsistencyQuery;
import org.fulcrum.analysis.consistency.ConsistencyReport;
import org.fulcrum.analysis.consistency.MessageConsistency;
import org.fulcrum.analysis.consistency.StanceClassifier;
import org.fulcrum.cases.CaseService;
import org.springframework.stereotype.Service;

/**
 * The one way in to the message-consistency review: reads the case (actors, ties, messages, as-of
 * date) and runs {@link MessageConsistency} on it. Nothing is written; derived stances are reported,
 * not stored.
 */
@Service
public class MessageConsistencyService {

  private final CaseService cases;
  private final StanceClassifier classifier = StanceClassifier.bundled();

  MessageConsistencyService(CaseService cases) {
    this.cases = cases;
  }

  public ConsistencyReport check(String caseId, ConsistencyQuery query) {
    return MessageConsistency.of(cases.export(caseId), classifier).run(query);
  }
}
