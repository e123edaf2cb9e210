package org.fulcrum.analysis.consistency;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import org.fulcrum.casefile.Stance;

/**
 * The answer of a message-consistency review.
 *
 * @param score the coalition's one-voice score in [0, 1]: 1 minus the mean, over every coalition
 *     message reviewed, of the weight of the heaviest finding that cites it
 * @param coalition the actors reviewed (after states were expanded to their governments)
 * @param asOf the day the review was made as of (the query's, or the case's own as-of date): no
 *     message dated later and no tie begun later is used, and threats whose follow-through period
 *     ends later are pending, not findings
 * @param recordEnd the last day the review sees, the same day as {@code asOf} (the web interface
 *     reads it under this name)
 * @param messages how many coalition messages were reviewed
 * @param derived the stances and intensities derived from text, each marked as derived
 * @param unclassified coalition messages with neither a stance nor a text cue to derive one
 * @param pendingThreats threats whose follow-through period runs past {@code asOf}
 * @param threats every coalition threat reviewed, with what backs it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConsistencyReport(String caseId, double score, List<String> coalition,
    int windowDays, int followThroughDays, double capabilityTolerance, LocalDate asOf, LocalDate recordEnd,
    int messages, int findings, List<IssueConsistency> issues, List<DerivedValue> derived,
    List<String> unclassified, List<PendingThreat> pendingThreats, List<ThreatBacking> threats,
    String explanation) {

  public ConsistencyReport {
    coalition = List.copyOf(coalition);
    issues = List.copyOf(issues);
    derived = List.copyOf(derived);
    unclassified = List.copyOf(unclassified);
    pendingThreats = List.copyOf(pendingThreats);
    threats = List.copyOf(threats);
  }

  /**
   * One issue: its score, the findings that lower it (heaviest impact first) and each speaker's
   * stances over time.
   */
  public record IssueConsistency(String issue, double score, int messages, List<Finding> findings,
      List<SpeakerTimeline> timeline) {

    public IssueConsistency {
      findings = List.copyOf(findings);
      timeline = List.copyOf(timeline);
    }
  }

  /**
   * One finding.
   *
   * @param messages the ids of the messages behind it, every one of which supports it
   * @param speakers the speakers of those messages
   * @param scoreImpact how much this finding lowers its issue's score (the findings' impacts add
   *     up to 1 - score)
   */
  public record Finding(FindingKind kind, String issue, List<String> messages, List<String> speakers,
      String explanation, double scoreImpact) {

    public Finding {
      messages = List.copyOf(messages);
      speakers = List.copyOf(speakers);
    }
  }

  /** A speaker's stances on one issue, by date. */
  public record SpeakerTimeline(String speaker, String voice, List<TimelineEntry> entries) {

    public SpeakerTimeline {
      entries = List.copyOf(entries);
    }
  }

  /** One message on a timeline; {@code derived} says the stance or intensity came from its text. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record TimelineEntry(LocalDate date, String message, String audience, String channel,
      String forum, Stance stance, double intensity, boolean derived) {}

  /** A value the classifier derived, with the cues it rests on. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record DerivedValue(String message, Stance stance, double intensity, boolean stanceDerived,
      boolean intensityDerived, List<String> cues) {

    public DerivedValue {
      cues = List.copyOf(cues);
    }
  }

  /** A threat whose follow-through period ends after the day reviewed. */
  public record PendingThreat(String message, LocalDate due) {}

  /**
   * What backs a threat on its day: {@code deliverable} = capability x reach, reach = 1 - prod(1 -
   * strength x confidence) over {@code levers}.
   *
   * @param capability the larger of the speaker's and its voice's capability
   * @param levers the ties counted, each "id strength x confidence": the voice's own sanctions,
   *     command ties and withdrawable support into the regime, then those of {@code forum}
   * @param backed whether the intensity exceeds what can be delivered by no more than the tolerance
   *     (otherwise a capability-gap finding)
   * @param forum the forum the threat was made in whose levers the voice holds, or {@code null}
   * @param forumVote what gives it them there: a veto, or a voting weight that decides or blocks on
   *     its own; {@code null} when {@code forum} is
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ThreatBacking(String message, String voice, double intensity, double capability,
      double reach, double deliverable, boolean backed, List<String> levers, String forum,
      String forumVote) {

    public ThreatBacking {
      levers = List.copyOf(levers);
    }
  }
}
