package org.fulcrum.messages;

import java.util.Arrays;
import java.util.List;
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

  /**
   * @param coalition comma-separated actor ids, or {@code null} for the default coalition
   * @param window, followThrough days, or {@code null} for the defaults
   */
  public ConsistencyReport check(String caseId, String coalition, String issue, Integer window,
      Integer followThrough) {
    ConsistencyQuery query = new ConsistencyQuery(
        coalition == null ? List.of() : Arrays.asList(coalition.split(",")), issue,
        window == null ? ConsistencyQuery.DEFAULT_WINDOW_DAYS : window,
        followThrough == null ? ConsistencyQuery.DEFAULT_FOLLOW_THROUGH_DAYS : followThrough,
        ConsistencyQuery.DEFAULT_CAPABILITY_TOLERANCE);
    return MessageConsistency.of(cases.export(caseId), classifier).run(query);
  }
}
