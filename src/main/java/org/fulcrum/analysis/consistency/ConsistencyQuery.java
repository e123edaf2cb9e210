package org.fulcrum.analysis.consistency;

import java.time.LocalDate;
import java.util.List;
import org.fulcrum.error.InvalidRequestException;

/**
 * What a message-consistency review looks at.
 *
 * @param coalition actor ids that should speak with one voice; a state stands for its whole
 *     government (every actor of its country with positive position). Empty: every speaker with
 *     positive position.
 * @param issue only this issue, or {@code null} for all
 * @param windowDays how many days apart two messages may be and still contradict each other
 * @param followThroughDays how long after a threat an action must come to back it
 * @param capabilityTolerance how far a threat's intensity may exceed what its speaker can deliver
 *     before it is a credibility gap
 * @param asOf the day the review is made on: only messages dated up to it and ties begun by it are
 *     seen, and a threat whose follow-through period runs past it is pending; {@code null}: the
 *     case's own as-of date
 */
public record ConsistencyQuery(List<String> coalition, String issue, int windowDays,
    int followThroughDays, double capabilityTolerance, LocalDate asOf) {

  public static final int DEFAULT_WINDOW_DAYS = 90;
  public static final int DEFAULT_FOLLOW_THROUGH_DAYS = 90;
  public static final double DEFAULT_CAPABILITY_TOLERANCE = 0.2;
  public static final int MAX_DAYS = 3650;

  public ConsistencyQuery {
    coalition = coalition == null ? List.of()
        : coalition.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    issue = issue == null || issue.isBlank() ? null : issue.strip();
    if (windowDays < 0 || windowDays > MAX_DAYS) {
      throw new InvalidRequestException("window must be between 0 and " + MAX_DAYS + " days, got " + windowDays);
    }
    if (followThroughDays < 1 || followThroughDays > MAX_DAYS) {
      throw new InvalidRequestException("followThrough must be between 1 and " + MAX_DAYS
          + " days, got " + followThroughDays);
    }
    if (!(capabilityTolerance >= 0 && capabilityTolerance <= 1)) {
      throw new InvalidRequestException("capabilityTolerance must be in [0, 1], got " + capabilityTolerance);
    }
  }

  /** A query with the defaults for whatever is {@code null} ({@code asOf}: the case's own date). */
  public static ConsistencyQuery of(List<String> coalition, String issue, Integer windowDays,
      Integer followThroughDays, LocalDate asOf) {
    return new ConsistencyQuery(coalition, issue, windowDays == null ? DEFAULT_WINDOW_DAYS : windowDays,
        followThroughDays == null ? DEFAULT_FOLLOW_THROUGH_DAYS : followThroughDays,
        DEFAULT_CAPABILITY_TOLERANCE, asOf);
  }

  /** The whole case as of its own date, default coalition, window, follow-through period and tolerance. */
  public static ConsistencyQuery defaults() {
    return new ConsistencyQuery(List.of(), null, DEFAULT_WINDOW_DAYS, DEFAULT_FOLLOW_THROUGH_DAYS,
        DEFAULT_CAPABILITY_TOLERANCE, null);
  }

  public ConsistencyQuery withCoalition(List<String> ids) {
    return new ConsistencyQuery(ids, issue, windowDays, followThroughDays, capabilityTolerance, asOf);
  }

  public ConsistencyQuery withIssue(String onlyIssue) {
    return new ConsistencyQuery(coalition, onlyIssue, windowDays, followThroughDays, capabilityTolerance, asOf);
  }

  public ConsistencyQuery withWindow(int days) {
    return new ConsistencyQuery(coalition, issue, days, followThroughDays, capabilityTolerance, asOf);
  }

  public ConsistencyQuery withFollowThrough(int days) {
    return new ConsistencyQuery(coalition, issue, windowDays, days, capabilityTolerance, asOf);
  }

  /** This query reviewing as of another day ({@code null}: the case's own date). */
  public ConsistencyQuery withAsOf(LocalDate day) {
    return new ConsistencyQuery(coalition, issue, windowDays, followThroughDays, capabilityTolerance, day);
  }
}
