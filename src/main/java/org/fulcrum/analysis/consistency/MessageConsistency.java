package org.fulcrum.analysis.consistency;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.fulcrum.analysis.Regime;
import org.fulcrum.analysis.consistency.ConsistencyReport.DerivedValue;
import org.fulcrum.analysis.consistency.ConsistencyReport.IssueConsistency;
import org.fulcrum.analysis.consistency.ConsistencyReport.PendingThreat;
import org.fulcrum.analysis.consistency.ConsistencyReport.ThreatBacking;
import org.fulcrum.casefile.Actor;
import org.fulcrum.casefile.CaseFile;
import org.fulcrum.casefile.Message;
import org.fulcrum.casefile.Stance;
import org.fulcrum.casefile.Tie;
import org.fulcrum.error.InvalidRequestException;

/**
 * Does a coalition speak with one voice, and are its threats backed? Reviews the messages of the
 * coalition's members issue by issue and reports each finding with the messages behind it.
 *
 * <p><b>Stances.</b> Demand, threat and condemnation <em>press</em> the audience; accommodation
 * <em>yields</em>; reassurance and inducement are neutral. Two stances cannot both hold when one
 * presses and the other yields, or when one threatens and the other reassures. An inducement goes
 * with anything: the Task Force report (2008, ch. 4) advises against dismissing rewards for good behaviour. A message without
 * a stance or intensity gets them from {@link StanceClassifier}, and they are marked as derived.
 *
 * <p><b>Voices.</b> A state speaks through its leaders, ministries and envoys: every state,
 * leader, government body or individual of a country that has a state actor in the case speaks
 * with that state's voice; any other actor (a forum, a UN official) is a voice of its own.
 *
 * <p><b>Findings</b> (for each, {@link FindingKind}):
 * <ul>
 *   <li>across-channels: two messages of different voices (or a threat and a reassurance of one
 *       voice) to the same audience on the same issue, at most {@code window} days apart, whose
 *       stances cannot both hold;
 *   <li>across-audiences: the same, told to two different audiences;
 *   <li>reversal: one voice's messages to one audience on one issue, in date order, switch from
 *       pressing to yielding or back; the finding cites the run before and the run after the switch;
 *   <li>rigid-ladder: {@value #LADDER_MIN_MESSAGES} or more consecutive pressing messages of one
 *       voice to one audience on one issue, each at least {@value #LADDER_MIN_STEP} more intense
 *       than the last, with steps and intervals regular (largest / smallest at most
 *       {@value #LADDER_REGULARITY}): a ladder the adversary can read and game;
 *   <li>eroding-pressure (set-level): {@value #EROSION_MIN_MESSAGES} or more consecutive pressing
 *       messages of one voice to one audience on one issue, each weaker than the last, losing at
 *       least {@value #EROSION_MIN_DROP} in all; no two of them contradict each other;
 *   <li>repeated-empty-threats (set-level): {@value #REPEATED_THREATS_MIN} or more coalition threats
 *       on one issue at one regime with no coalition measure between the first and the last;
 *   <li>capability-gap: a threat whose intensity exceeds by more than the tolerance what its voice
 *       can deliver, capability x coercive reach, where reach = 1 - prod(1 - strength x confidence)
 *       over the voice's coercive ties (sanctions and other hostile ties except threats, command
 *       ties, and the arms, trade, aid, finance and investment ties it could withdraw) into the
 *       audience's regime on the day of the threat; a threat made in a forum (the message's
 *       {@code forum}) where the voice holds a veto, or a voting weight that decides or blocks on
 *       its own under the forum's rule, also counts the forum's own such ties (its sanctions, a
 *       loan the voice can block): a lever held through the forum;
 *   <li>no-follow-through: a threat after which the voice takes no measure toward the audience's
 *       regime within {@code followThrough} days: no hostile tie (other than a threat) starting,
 *       no dependence tie ending, and no demand or condemnation on the issue whose text records a
 *       measure (the lexicon's action cues). Threats whose period runs past the day reviewed are
 *       pending.
 * </ul>
 * A regime is the audience with its command chain ({@link Regime}, over the ties begun by the day
 * reviewed whatever their end), as in the patron analysis.
 *
 * <p><b>As of a day.</b> The review sees the record as it stood on {@link ConsistencyQuery#asOf()}
 * (default: the case's as-of date): messages dated up to that day and ties begun by it; a tie
 * recorded as ending later is still running. No finding rests on anything later, and a threat is
 * pending when its follow-through period runs past that day with no measure by then.
 *
 * <p><b>Score.</b> For an issue, 1 - (sum over its coalition messages of the weight of the
 * heaviest finding citing the message) / (number of its coalition messages); for the coalition,
 * the same over all issues' messages. Both lie in [0, 1]; each finding carries the part of the loss
 * it is charged with (a message is charged to its first heaviest finding).
 *
 * <p>Complexity: O(n log n + p + t x (T + A)) for n messages, p message pairs within the window,
 * t threats, T ties of the threatening voice and A action messages of its voice on the issue.
 *
 * <p>The pieces: {@link CoalitionVoices} (voices and the coalition), {@link StanceContradictions}
 * (the five rules on what is said), {@link ThreatCredibility} (the three rules on whether threats
 * are backed) and {@link ConsistencyScore} (the score). This class reviews the messages issue by
 * issue and puts the report together.
 */
public final class MessageConsistency {

  public static final int LADDER_MIN_MESSAGES = 4;
  public static final double LADDER_MIN_STEP = 0.05;
  public static final double LADDER_REGULARITY = 1.5;
  public static final int EROSION_MIN_MESSAGES = 3;
  public static final double EROSION_MIN_DROP = 0.2;
  public static final int REPEATED_THREATS_MIN = 3;

  /** How far two intensities or shares may differ and still count as equal, for every rule. */
  static final double EPS = 1e-9;

  private final String caseId;
  private final LocalDate recordEnd;
  private final List<Message> messages;
  private final List<Tie> ties;
  private final StanceClassifier classifier;
  private final CoalitionVoices voices;

  /**
   * @param recordEnd the last day on record (a case's as-of date), the day reviewed when the query
   *     names none; {@code null}: the latest message
   */
  public MessageConsistency(String caseId, LocalDate recordEnd, Collection<Actor> actors,
      Collection<Tie> ties, Collection<Message> messages, StanceClassifier classifier) {
    this.caseId = caseId;
    this.classifier = Objects.requireNonNull(classifier, "classifier");
    this.voices = new CoalitionVoices(caseId, Objects.requireNonNull(actors, "actors"));
    this.ties = List.copyOf(Objects.requireNonNull(ties, "ties"));
    List<Message> byDate = new ArrayList<>(Objects.requireNonNull(messages, "messages"));
    byDate.sort(Comparator.comparing(Message::date)); // stable: same-day messages keep file order
    this.messages = List.copyOf(byDate);
    this.recordEnd = recordEnd != null ? recordEnd
        : byDate.isEmpty() ? LocalDate.MIN : byDate.get(byDate.size() - 1).date();
  }

  public static MessageConsistency of(CaseFile c, StanceClassifier classifier) {
    return new MessageConsistency(c.id(), c.asOf(), c.actors(), c.ties(), c.messages(), classifier);
  }

  public ConsistencyReport run(ConsistencyQuery query) {
    Objects.requireNonNull(query, "query");
    String issue = query.issue();
    if (issue != null && messages.stream().noneMatch(m -> issue.equals(m.issue()))) {
      throw new InvalidRequestException("issue: no message on issue '" + issue + "' in case " + caseId
          + "; issues: " + messages.stream().map(Message::issue).collect(Collectors.toCollection(TreeSet::new)));
    }
    // the record as it stood on asOf: later messages and ties are not seen at all, so no finding
    // can rest on them; a tie ending later is still running (its end is not yet known)
    LocalDate asOf = query.asOf() != null ? query.asOf() : recordEnd;
    List<Message> seen = messages.stream().filter(m -> !m.date().isAfter(asOf)).toList();
    List<Tie> seenTies = ties.stream().filter(t -> t.from() == null || !t.from().isAfter(asOf)).toList();
    ThreatCredibility credibility = new ThreatCredibility(asOf, voices, seenTies, seen, classifier);
    Set<String> coalition = voices.coalition(query.coalition(), seen);
    List<DerivedValue> derived = new ArrayList<>();
    List<String> unclassified = new ArrayList<>();
    Map<String, List<ReviewedMessage>> byIssue = new TreeMap<>();
    for (Message m : seen) {
      if (!coalition.contains(m.speaker()) || (issue != null && !issue.equals(m.issue()))) {
        continue;
      }
      ReviewedMessage e = entry(m, derived);
      if (e == null) {
        unclassified.add(m.id());
      } else {
        byIssue.computeIfAbsent(m.issue(), k -> new ArrayList<>()).add(e);
      }
    }
    Set<String> coalitionVoices = new HashSet<>();
    coalition.forEach(id -> coalitionVoices.add(voices.voice(id)));
    List<IssueConsistency> issues = new ArrayList<>();
    List<PendingThreat> pending = new ArrayList<>();
    List<ThreatBacking> backing = new ArrayList<>();
    double loss = 0;
    int reviewed = 0;
    int findings = 0;
    for (var e : byIssue.entrySet()) {
      List<ReviewedMessage> entries = e.getValue();
      List<DraftFinding> drafts = new ArrayList<>();
      StanceContradictions.pairs(entries, query.windowDays(), drafts);
      StanceContradictions.timelines(entries, drafts);
      credibility.threats(entries, query, coalition, coalitionVoices, drafts, pending, backing);
      IssueConsistency ic = ConsistencyScore.score(e.getKey(), entries, drafts);
      issues.add(ic);
      loss += (1 - ic.score()) * entries.size();
      reviewed += entries.size();
      findings += ic.findings().size();
    }
    // rounded as the issues' scores are (6 digits): recomputed from them, it would carry their
    // rounding (0.33333325 for a third)
    double score = reviewed == 0 ? 1 : ConsistencyScore.round(ConsistencyScore.clamp(1 - loss / reviewed));
    String explanation = reviewed == 0
        ? "no coalition messages to review as of " + asOf + (unclassified.isEmpty() ? "" : " ("
            + unclassified.size() + " without a stance the lexicon could derive)")
        : String.format(Locale.ROOT, "as of %s: %d coalition message(s) from %d speaker(s) on %d issue(s); %d"
            + " finding(s); one-voice score %.2f%s", asOf, reviewed,
            byIssue.values().stream().flatMap(List::stream).map(x -> x.m().speaker()).distinct().count(),
            issues.size(), findings, score, issues.stream().min(Comparator.comparingDouble(IssueConsistency::score))
                .filter(i -> i.score() < 1).map(i -> String.format(Locale.ROOT, " (lowest: %s, %.2f)", i.issue(), i.score()))
                .orElse(""));
    return new ConsistencyReport(caseId, score, List.copyOf(coalition), query.windowDays(),
        query.followThroughDays(), query.capabilityTolerance(), asOf, asOf, reviewed, findings, issues,
        derived, unclassified, pending, backing, explanation);
  }

  private ReviewedMessage entry(Message m, List<DerivedValue> derived) {
    Stance stance = m.stance();
    Double intensity = m.intensity();
    boolean stanceDerived = false;
    boolean intensityDerived = false;
    List<String> cues = List.of();
    if (stance == null) {
      var d = classifier.classify(m.text());
      if (!d.classified()) {
        return null;
      }
      stance = d.stance();
      stanceDerived = true;
      cues = d.cues();
      if (intensity == null) {
        intensity = d.intensity();
        intensityDerived = true;
      }
    } else if (intensity == null) {
      intensity = m.text() == null ? classifier.lexicon().cues(stance).baseIntensity()
          : classifier.intensity(stance, m.text());
      intensityDerived = true;
    }
    if (stanceDerived || intensityDerived) {
      derived.add(new DerivedValue(m.id(), stance, intensity, stanceDerived, intensityDerived, cues));
    }
    return new ReviewedMessage(m, stance, intensity, stanceDerived || intensityDerived, voices.voice(m.speaker()),
        voices);
  }
}
