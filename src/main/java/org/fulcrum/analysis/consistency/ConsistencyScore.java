package org.fulcrum.analysis.consistency;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fulcrum.analysis.consistency.ConsistencyReport.Finding;
import org.fulcrum.analysis.consistency.ConsistencyReport.IssueConsistency;
import org.fulcrum.analysis.consistency.ConsistencyReport.SpeakerTimeline;
import org.fulcrum.analysis.consistency.ConsistencyReport.TimelineEntry;
import org.fulcrum.casefile.Message;

/**
 * The one-voice score of an issue: 1 - (sum over its coalition messages of the weight of the
 * heaviest finding citing the message) / (number of its coalition messages), in [0, 1] and rounded
 * to six digits. Each message is charged to its first heaviest finding, and each finding carries
 * the part of the loss it is charged with. O(findings x cited + messages).
 */
final class ConsistencyScore {

  private ConsistencyScore() {}

  /** The issue's score, its findings with their share of the loss, and its speakers' timelines. */
  static IssueConsistency score(String issue, List<ReviewedMessage> entries, List<DraftFinding> drafts) {
    Map<Message, Integer> charged = new HashMap<>();
    for (int d = 0; d < drafts.size(); d++) {
      for (ReviewedMessage e : drafts.get(d).cited()) {
        Integer current = charged.get(e.m());
        if (current == null || drafts.get(current).kind().weight() < drafts.get(d).kind().weight()) {
          charged.put(e.m(), d);
        }
      }
    }
    double[] impact = new double[drafts.size()];
    double loss = 0;
    for (var c : charged.entrySet()) {
      double w = drafts.get(c.getValue()).kind().weight();
      impact[c.getValue()] += w / entries.size();
      loss += w;
    }
    List<Finding> findings = new ArrayList<>();
    for (int d = 0; d < drafts.size(); d++) {
      DraftFinding draft = drafts.get(d);
      findings.add(new Finding(draft.kind(), issue,
          draft.cited().stream().map(e -> e.m().id()).toList(),
          draft.cited().stream().map(e -> e.m().speaker()).distinct().toList(),
          draft.explanation(), round(impact[d])));
    }
    findings.sort(Comparator.comparingDouble(Finding::scoreImpact).reversed()
        .thenComparing(Finding::kind));
    Map<String, List<ReviewedMessage>> bySpeaker = new LinkedHashMap<>();
    entries.forEach(e -> bySpeaker.computeIfAbsent(e.m().speaker(), s -> new ArrayList<>()).add(e));
    List<SpeakerTimeline> timeline = new ArrayList<>();
    bySpeaker.forEach((speaker, list) -> timeline.add(new SpeakerTimeline(speaker, list.get(0).voice(),
        list.stream().map(e -> new TimelineEntry(e.date(), e.m().id(), e.m().audience(), e.m().channel(),
            e.m().forum(), e.stance(), e.intensity(), e.derived())).toList())));
    return new IssueConsistency(issue, round(clamp(1 - loss / entries.size())), entries.size(), findings,
        timeline);
  }

  static double clamp(double v) {
    return Math.max(0, Math.min(1, v));
  }

  /** Six digits, as every score in the report is given. */
  static double round(double v) {
    return Math.round(v * 1e6) / 1e6;
  }
}
