package org.fulcrum.analysis.consistency;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.fulcrum.analysis.Regime;
import org.fulcrum.analysis.consistency.ConsistencyReport.DerivedValue;
import org.fulcrum.analysis.consistency.ConsistencyReport.Finding;
import org.fulcrum.analysis.consistency.ConsistencyReport.IssueConsistency;
import org.fulcrum.analysis.consistency.ConsistencyReport.PendingThreat;
import org.fulcrum.analysis.consistency.ConsistencyReport.SpeakerTimeline;
import org.fulcrum.analysis.consistency.ConsistencyReport.TimelineEntry;
import org.fulcrum.casefile.Actor;
import org.fulcrum.casefile.ActorKind;
import org.fulcrum.casefile.CaseFile;
import org.fulcrum.casefile.Message;
import org.fulcrum.casefile.Polarity;
import org.fulcrum.casefile.Stance;
import org.fulcrum.casefile.Tie;
import org.fulcrum.casefile.TieType;

/**
 * Does a coalition speak with one voice, and are its threats backed? Reviews the messages of the
 * coalition's members issue by issue and reports each finding with the messages behind it.
 *
 * <p><b>Stances.</b> Demand, threat and condemnation <em>press</em> the audience; accommodation
 * <em>yields</em>; reassurance and inducement are neutral. Two stances cannot both hold when one
 * presses and the other yields, or when one threatens and the other reassures. An inducement goes
 * with anything: the seed advises against dismissing rewards for good behaviour. A message without
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
 *       audience's regime on the day of the threat;
 *   <li>no-follow-through: a threat after which the voice takes no measure toward the audience's
 *       regime within {@code followThrough} days: no hostile tie (other than a threat) starting,
 *       no dependence tie ending, and no demand or condemnation on the issue whose text records a
 *       measure (the lexicon's action cues). Threats whose period runs past the record are pending.
 * </ul>
 * A regime is the audience with its command chain ({@link Regime}, over the case's ties whatever
 * their dates), as in the patron analysis.
 *
 * <p><b>Score.</b> For an issue, 1 - (sum over its coalition messages of the weight of the
 * heaviest finding citing the message) / (number of its coalition messages); for the coalition,
 * the same over all issues' messages. Both lie in [0, 1]; each finding carries the part of the loss
 * it is charged with (a message is charged to its first heaviest finding).
 *
 * <p>Complexity: O(n log n + p + t x (T + A)) for n messages, p message pairs within the window,
 * t threats, T ties of the threatening voice and A action messages of its voice on the issue.
 */
public final class MessageConsistency {

  public static final int LADDER_MIN_MESSAGES = 4;
  public static final double LADDER_MIN_STEP = 0.05;
  public static final double LADDER_REGULARITY = 1.5;
  public static final int EROSION_MIN_MESSAGES = 3;
  public static final double EROSION_MIN_DROP = 0.2;
  public static final int REPEATED_THREATS_MIN = 3;

  private static final double EPS = 1e-9;
  private static final Set<ActorKind> GOVERNMENT_KINDS = EnumSet.of(ActorKind.STATE, ActorKind.LEADER,
      ActorKind.GOVERNMENT_BODY, ActorKind.INDIVIDUAL);

  private final String caseId;
  private final LocalDate recordEnd;
  private final Map<String, Actor> actors = new LinkedHashMap<>();
  private final List<Message> messages;
  private final StanceClassifier classifier;
  private final Map<String, String> voices = new HashMap<>();
  private final Map<String, List<Tie>> tiesByVoice = new HashMap<>();
  private final Regime.CommandChains commandChains;
  private final Map<String, Set<String>> regimes = new ConcurrentHashMap<>();
  private final List<Message> actionMessages = new ArrayList<>();

  /**
   * @param recordEnd the last day on record (a case's as-of date); {@code null}: the latest message
   */
  public MessageConsistency(String caseId, LocalDate recordEnd, Collection<Actor> actors,
      Collection<Tie> ties, Collection<Message> messages, StanceClassifier classifier) {
    this.caseId = caseId;
    this.classifier = Objects.requireNonNull(classifier, "classifier");
    Objects.requireNonNull(actors, "actors").forEach(a -> this.actors.put(a.id(), a));
    List<Message> byDate = new ArrayList<>(Objects.requireNonNull(messages, "messages"));
    byDate.sort(Comparator.comparing(Message::date)); // stable: same-day messages keep file order
    this.messages = List.copyOf(byDate);
    this.recordEnd = recordEnd != null ? recordEnd
        : byDate.isEmpty() ? LocalDate.MIN : byDate.get(byDate.size() - 1).date();
    Map<String, String> stateOfCountry = new HashMap<>();
    for (Actor a : this.actors.values()) {
      if (a.kind() == ActorKind.STATE && a.country() != null) {
        stateOfCountry.putIfAbsent(a.country(), a.id());
      }
    }
    for (Actor a : this.actors.values()) {
      String state = a.country() == null || !GOVERNMENT_KINDS.contains(a.kind()) ? null
          : stateOfCountry.get(a.country());
      voices.put(a.id(), state != null ? state : a.id());
    }
    for (Message m : this.messages) {
      if (recordsAction(m)) {
        actionMessages.add(m);
      }
    }
    commandChains = Regime.commandChains(Objects.requireNonNull(ties, "ties"));
    for (Tie t : ties) {
      tiesByVoice.computeIfAbsent(voice(t.source()), v -> new ArrayList<>()).add(t);
    }
  }

  public static MessageConsistency of(CaseFile c, StanceClassifier classifier) {
    return new MessageConsistency(c.id(), c.asOf(), c.actors(), c.ties(), c.messages(), classifier);
  }

  /** A reviewed message with its stance and intensity, given or derived. */
  private record Entry(Message m, Stance stance, double intensity, boolean derived, String voice) {

    LocalDate date() {
      return m.date();
    }

    int direction() {
      return direction(stance);
    }

    static int direction(Stance s) {
      return switch (s) {
        case DEMAND, THREAT, CONDEMNATION -> 1;
        case ACCOMMODATION -> -1;
        case REASSURANCE, INDUCEMENT -> 0;
      };
    }
  }

  /** A finding before its share of the score is known. */
  private record Draft(FindingKind kind, List<Entry> cited, String explanation) {}

  public ConsistencyReport run(ConsistencyQuery query) {
    Objects.requireNonNull(query, "query");
    Set<String> coalition = coalition(query.coalition());
    String issue = query.issue();
    if (issue != null && messages.stream().noneMatch(m -> issue.equals(m.issue()))) {
      throw new IllegalArgumentException("issue: no message on issue '" + issue + "' in case " + caseId
          + "; issues: " + messages.stream().map(Message::issue).collect(Collectors.toCollection(TreeSet::new)));
    }
    List<DerivedValue> derived = new ArrayList<>();
    List<String> unclassified = new ArrayList<>();
    Map<String, List<Entry>> byIssue = new TreeMap<>();
    for (Message m : messages) {
      if (!coalition.contains(m.speaker()) || (issue != null && !issue.equals(m.issue()))) {
        continue;
      }
      Entry e = entry(m, derived);
      if (e == null) {
        unclassified.add(m.id());
      } else {
        byIssue.computeIfAbsent(m.issue(), k -> new ArrayList<>()).add(e);
      }
    }
    Set<String> coalitionVoices = new HashSet<>();
    coalition.forEach(id -> coalitionVoices.add(voice(id)));
    List<IssueConsistency> issues = new ArrayList<>();
    List<PendingThreat> pending = new ArrayList<>();
    double loss = 0;
    int reviewed = 0;
    int findings = 0;
    for (var e : byIssue.entrySet()) {
      List<Entry> entries = e.getValue();
      List<Draft> drafts = new ArrayList<>();
      pairs(entries, query.windowDays(), drafts);
      timelines(entries, drafts);
      threats(entries, query, coalition, coalitionVoices, drafts, pending);
      IssueConsistency ic = score(e.getKey(), entries, drafts);
      issues.add(ic);
      loss += (1 - ic.score()) * entries.size();
      reviewed += entries.size();
      findings += ic.findings().size();
    }
    // rounded as the issues' scores are (6 digits): recomputed from them, it would carry their
    // rounding (0.33333325 for a third)
    double score = reviewed == 0 ? 1 : round(clamp(1 - loss / reviewed));
    String explanation = reviewed == 0
        ? "no coalition messages to review" + (unclassified.isEmpty() ? "" : " (" + unclassified.size()
            + " without a stance the lexicon could derive)")
        : String.format(Locale.ROOT, "%d coalition message(s) from %d speaker(s) on %d issue(s); %d"
            + " finding(s); one-voice score %.2f%s", reviewed,
            byIssue.values().stream().flatMap(List::stream).map(x -> x.m().speaker()).distinct().count(),
            issues.size(), findings, score, issues.stream().min(Comparator.comparingDouble(IssueConsistency::score))
                .filter(i -> i.score() < 1).map(i -> String.format(Locale.ROOT, " (lowest: %s, %.2f)", i.issue(), i.score()))
                .orElse(""));
    return new ConsistencyReport(caseId, score, List.copyOf(coalition), query.windowDays(),
        query.followThroughDays(), query.capabilityTolerance(), recordEnd, reviewed, findings, issues,
        derived, unclassified, pending, explanation);
  }

  // ---- coalition and voices ---------------------------------------------------------------------

  private Set<String> coalition(List<String> named) {
    Set<String> members = new TreeSet<>();
    if (named.isEmpty()) {
      for (Message m : messages) {
        Actor a = actors.get(m.speaker());
        if (a != null && a.position() > 0) {
          members.add(a.id());
        }
      }
      return members;
    }
    for (String id : named) {
      Actor a = actors.get(id);
      if (a == null) {
        throw new IllegalArgumentException("coalition: no actor '" + id + "' in case " + caseId);
      }
      if (a.position() <= 0) {
        throw new IllegalArgumentException(String.format(Locale.ROOT, "coalition: %s has position %.2f;"
            + " a coalition holds only actors that want the atrocities stopped (position > 0)", id, a.position()));
      }
      members.add(id);
      if (a.kind() == ActorKind.STATE) {
        actors.values().stream().filter(o -> voice(o.id()).equals(id) && o.position() > 0)
            .forEach(o -> members.add(o.id()));
      }
    }
    return members;
  }

  private String voice(String actorId) {
    return voices.getOrDefault(actorId, actorId);
  }

  private Entry entry(Message m, List<DerivedValue> derived) {
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
    return new Entry(m, stance, intensity, stanceDerived || intensityDerived, voice(m.speaker()));
  }

  // ---- contradictions ---------------------------------------------------------------------------

  static boolean incompatible(Stance a, Stance b) {
    int da = Entry.direction(a);
    int db = Entry.direction(b);
    if (da * db < 0) {
      return true;
    }
    return (a == Stance.THREAT && b == Stance.REASSURANCE) || (a == Stance.REASSURANCE && b == Stance.THREAT);
  }

  private static void pairs(List<Entry> entries, int window, List<Draft> out) {
    for (int i = 0; i < entries.size(); i++) {
      Entry a = entries.get(i);
      for (int j = i + 1; j < entries.size(); j++) {
        Entry b = entries.get(j);
        long days = ChronoUnit.DAYS.between(a.date(), b.date());
        if (days > window) {
          break;
        }
        if (!incompatible(a.stance(), b.stance())) {
          continue;
        }
        boolean sameAudience = a.m().audience().equals(b.m().audience());
        if (sameAudience && a.voice().equals(b.voice()) && a.direction() * b.direction() < 0) {
          continue; // one voice pressing then yielding to one audience: a reversal, reported below
        }
        if (sameAudience) {
          out.add(new Draft(FindingKind.ACROSS_CHANNELS, List.of(a, b), String.format(Locale.ROOT,
              "%s and %s, both to %s within %d day(s) (%s): %s and %s cannot both hold",
              describe(a), describe(b), a.m().audience(), days, venues(a, b), article(a.stance()),
              article(b.stance()))));
        } else {
          out.add(new Draft(FindingKind.ACROSS_AUDIENCES, List.of(a, b), String.format(Locale.ROOT,
              "%s told %s one thing and %s told %s another within %d day(s): %s vs %s",
              a.m().speaker(), a.m().audience(), b.m().speaker(), b.m().audience(), days, describe(a),
              describe(b))));
        }
      }
    }
  }

  private static String article(Stance s) {
    return (s == Stance.ACCOMMODATION || s == Stance.INDUCEMENT ? "an " : "a ") + s.label();
  }

  private static String venues(Entry a, Entry b) {
    String va = venue(a);
    String vb = venue(b);
    return va.equals(vb) ? "both in " + va + (a.voice().equals(b.voice()) ? "" : ", by different members")
        : va + " vs " + vb;
  }

  private static String venue(Entry e) {
    return e.m().channel() + (e.m().forum() == null ? "" : " at " + e.m().forum());
  }

  private void timelines(List<Entry> entries, List<Draft> out) {
    Map<String, List<Entry>> lines = new LinkedHashMap<>();
    for (Entry e : entries) {
      lines.computeIfAbsent(e.voice() + "\u0000" + e.m().audience(), k -> new ArrayList<>()).add(e);
    }
    for (List<Entry> line : lines.values()) {
      reversals(line, out);
      pressingRuns(line, out);
    }
  }

  private static void reversals(List<Entry> line, List<Draft> out) {
    List<List<Entry>> runs = new ArrayList<>();
    int direction = 0;
    for (Entry e : line) {
      int d = e.direction();
      if (d == 0) {
        continue;
      }
      if (d != direction) {
        runs.add(new ArrayList<>());
        direction = d;
      }
      runs.get(runs.size() - 1).add(e);
    }
    for (int k = 1; k < runs.size(); k++) {
      List<Entry> before = runs.get(k - 1);
      List<Entry> after = runs.get(k);
      Entry last = before.get(before.size() - 1);
      Entry first = after.get(0);
      List<Entry> cited = new ArrayList<>(before);
      cited.addAll(after);
      out.add(new Draft(FindingKind.REVERSAL, cited, String.format(Locale.ROOT,
          "%s %s %s (%s) and then %s (%s); the switch: %s, then %s, %d day(s) later", last.voice(),
          first.direction() < 0 ? "pressed" : "accommodated", last.m().audience(), run(before),
          first.direction() < 0 ? "accommodated" : "pressed", run(after), describe(last), describe(first),
          ChronoUnit.DAYS.between(last.date(), first.date()))));
    }
  }

  private static String run(List<Entry> run) {
    return run.size() + " message(s), " + run.get(0).date()
        + (run.size() > 1 ? " to " + run.get(run.size() - 1).date() : "");
  }

  /** Rigid ladders and eroding pressure: runs of consecutive pressing messages of one voice. */
  private static void pressingRuns(List<Entry> line, List<Draft> out) {
    int start = 0;
    while (start < line.size()) {
      if (line.get(start).direction() <= 0) {
        start++;
        continue;
      }
      int end = start;
      while (end + 1 < line.size() && line.get(end + 1).direction() > 0) {
        end++;
      }
      List<Entry> pressing = line.subList(start, end + 1);
      ladders(pressing, out);
      erosions(pressing, out);
      start = end + 1;
    }
  }

  private static void ladders(List<Entry> pressing, List<Draft> out) {
    int i = 0;
    while (i < pressing.size()) {
      int j = i;
      while (j + 1 < pressing.size()
          && pressing.get(j + 1).intensity() - pressing.get(j).intensity() >= LADDER_MIN_STEP - EPS) {
        j++;
      }
      if (j - i + 1 >= LADDER_MIN_MESSAGES) {
        List<Entry> steps = pressing.subList(i, j + 1);
        double minStep = Double.MAX_VALUE, maxStep = 0;
        long minGap = Long.MAX_VALUE, maxGap = 0;
        for (int k = 1; k < steps.size(); k++) {
          double step = steps.get(k).intensity() - steps.get(k - 1).intensity();
          long gap = ChronoUnit.DAYS.between(steps.get(k - 1).date(), steps.get(k).date());
          minStep = Math.min(minStep, step);
          maxStep = Math.max(maxStep, step);
          minGap = Math.min(minGap, gap);
          maxGap = Math.max(maxGap, gap);
        }
        if (minGap > 0 && maxGap <= LADDER_REGULARITY * minGap + EPS
            && maxStep <= LADDER_REGULARITY * minStep + EPS) {
          Entry first = steps.get(0);
          out.add(new Draft(FindingKind.RIGID_LADDER, List.copyOf(steps), String.format(Locale.ROOT,
              "%s escalated toward %s in %d regular steps: intensity %s, every %d-%d days; a ladder"
                  + " this predictable can be read and gamed by the adversary",
              first.voice(), first.m().audience(), steps.size(), intensities(steps), minGap, maxGap)));
        }
      }
      i = j + 1;
    }
  }

  private static void erosions(List<Entry> pressing, List<Draft> out) {
    int i = 0;
    while (i < pressing.size()) {
      int j = i;
      while (j + 1 < pressing.size() && pressing.get(j + 1).intensity() < pressing.get(j).intensity() - EPS) {
        j++;
      }
      List<Entry> run = pressing.subList(i, j + 1);
      double drop = run.get(0).intensity() - run.get(run.size() - 1).intensity();
      if (run.size() >= EROSION_MIN_MESSAGES && drop >= EROSION_MIN_DROP - EPS) {
        Entry first = run.get(0);
        out.add(new Draft(FindingKind.ERODING_PRESSURE, List.copyOf(run), String.format(Locale.ROOT,
            "%s kept pressing %s but ever more softly: intensity %s from %s to %s (down %.2f); no two"
                + " of these messages contradict each other, together they show resolve draining away",
            first.voice(), first.m().audience(), intensities(run), first.date(),
            run.get(run.size() - 1).date(), drop)));
      }
      i = j + 1;
    }
  }

  private static String intensities(List<Entry> run) {
    return run.stream().map(e -> String.format(Locale.ROOT, "%.2f", e.intensity()))
        .collect(Collectors.joining(" -> "));
  }

  // ---- credibility ------------------------------------------------------------------------------

  private void threats(List<Entry> entries, ConsistencyQuery q, Set<String> coalition,
      Set<String> coalitionVoices, List<Draft> out, List<PendingThreat> pending) {
    Map<String, List<Entry>> byRegime = new LinkedHashMap<>();
    for (Entry e : entries) {
      if (e.stance() != Stance.THREAT) {
        continue;
      }
      Set<String> regime = regime(e.m().audience());
      byRegime.computeIfAbsent(regime.iterator().next(), k -> new ArrayList<>()).add(e);
      capability(e, regime, q.capabilityTolerance(), out);
      LocalDate due = e.date().plusDays(q.followThroughDays());
      String action = action(Set.of(e.voice()), null, e.m().issue(), regime, e.date(), due);
      if (action != null) {
        continue;
      }
      if (due.isAfter(recordEnd)) {
        pending.add(new PendingThreat(e.m().id(), due));
        continue;
      }
      out.add(new Draft(FindingKind.NO_FOLLOW_THROUGH, List.of(e), String.format(Locale.ROOT,
          "%s; by %s (%d days) %s had taken no measure toward %s on record: no sanction or other"
              + " hostile tie, no support withdrawn, no action announced on %s",
          describe(e), due, q.followThroughDays(), e.voice(), regimeName(e.m().audience(), regime),
          e.m().issue())));
    }
    for (List<Entry> threats : byRegime.values()) {
      repeatedThreats(threats, coalition, coalitionVoices, out);
    }
  }

  private void capability(Entry e, Set<String> regime, double tolerance, List<Draft> out) {
    Actor speaker = actors.get(e.m().speaker());
    Actor voiceActor = actors.get(e.voice());
    double capability = Math.max(speaker == null ? 0 : speaker.capability(),
        voiceActor == null ? 0 : voiceActor.capability());
    double miss = 1;
    List<String> used = new ArrayList<>();
    for (Tie t : tiesByVoice.getOrDefault(e.voice(), List.of())) {
      if (regime.contains(t.target()) && t.validOn(e.date()) && coercive(t)) {
        miss *= 1 - t.strength() * t.confidence();
        used.add(String.format(Locale.ROOT, "%s %.2f x %.2f", t.id(), t.strength(), t.confidence()));
      }
    }
    double reach = 1 - miss;
    double deliverable = capability * reach;
    if (e.intensity() - deliverable > tolerance + EPS) {
      out.add(new Draft(FindingKind.CAPABILITY_GAP, List.of(e), String.format(Locale.ROOT,
          "%s; %s can deliver %.2f = capability %.2f x coercive reach %.2f into %s (%s), %.2f short"
              + " (tolerance %.2f)", describe(e), e.voice(), deliverable, capability, reach,
          regimeName(e.m().audience(), regime),
          used.isEmpty() ? "no sanction, command, or withdrawable support tie on " + e.date()
              : String.join(", ", used), e.intensity() - deliverable, tolerance)));
    }
  }

  private static boolean coercive(Tie t) {
    if (t.type() == TieType.THREATENS) {
      return false; // a recorded threat is the rhetoric itself, not what backs it
    }
    return t.polarity() == Polarity.HOSTILE || t.type().isCommand()
        || (t.type().isSupply() && t.polarity() == Polarity.SUPPORTIVE);
  }

  /**
   * The first measure that any of {@code voices} (or, for messages, any of {@code speakers} when
   * given) took toward the regime in (after, until], described; {@code null} if none.
   */
  private String action(Set<String> voices, Set<String> speakers, String issue, Set<String> regime,
      LocalDate after, LocalDate until) {
    LocalDate best = null;
    String found = null;
    for (String v : voices) {
      for (Tie t : tiesByVoice.getOrDefault(v, List.of())) {
        if (!regime.contains(t.target())) {
          continue;
        }
        LocalDate day = null;
        if (t.polarity() == Polarity.HOSTILE && t.type() != TieType.THREATENS && t.from() != null) {
          day = t.from();
        } else if (t.type().isSupply() && t.polarity() == Polarity.SUPPORTIVE && t.to() != null) {
          day = t.to();
        }
        if (day != null && day.isAfter(after) && !day.isAfter(until) && (best == null || day.isBefore(best))) {
          best = day;
          found = "tie " + t.id() + " on " + day;
        }
      }
    }
    for (Message m : actionMessages) {
      if (!m.date().isAfter(after) || m.date().isAfter(until) || (best != null && !m.date().isBefore(best))) {
        continue;
      }
      boolean byVoice = speakers == null ? voices.contains(voice(m.speaker())) : speakers.contains(m.speaker());
      if (byVoice && issue.equals(m.issue()) && regime.contains(m.audience()) && recordsAction(m)) {
        best = m.date();
        found = "message " + m.id() + " on " + m.date();
      }
    }
    return found;
  }

  private boolean recordsAction(Message m) {
    Stance s = m.stance() != null ? m.stance() : classifier.classify(m.text()).stance();
    return (s == Stance.DEMAND || s == Stance.CONDEMNATION) && classifier.recordsAction(m.text());
  }

  private void repeatedThreats(List<Entry> threats, Set<String> coalition, Set<String> coalitionVoices,
      List<Draft> out) {
    Set<String> regime = regime(threats.get(0).m().audience());
    List<Entry> segment = new ArrayList<>();
    for (Entry t : threats) {
      if (!segment.isEmpty()) {
        Entry prev = segment.get(segment.size() - 1);
        if (action(coalitionVoices, coalition, t.m().issue(), regime, prev.date(), t.date()) != null) {
          emitRepeated(segment, regime, out);
          segment = new ArrayList<>();
        }
      }
      segment.add(t);
    }
    emitRepeated(segment, regime, out);
  }

  private void emitRepeated(List<Entry> segment, Set<String> regime, List<Draft> out) {
    if (segment.size() < REPEATED_THREATS_MIN) {
      return;
    }
    Entry first = segment.get(0);
    Entry last = segment.get(segment.size() - 1);
    out.add(new Draft(FindingKind.REPEATED_EMPTY_THREATS, List.copyOf(segment), String.format(Locale.ROOT,
        "%d threats on %s at %s from %s between %s and %s, with no coalition measure between them:"
            + " aggressive rhetoric matched with meager action", segment.size(), first.m().issue(),
        regimeName(first.m().audience(), regime),
        segment.stream().map(Entry::voice).distinct().collect(Collectors.joining(", ")), first.date(),
        last.date())));
  }

  /** The actor with its command chain, transitively (sorted, so the first id names the regime). */
  private Set<String> regime(String actor) {
    return regimes.computeIfAbsent(actor, commandChains::regimeOf);
  }

  private static String regimeName(String audience, Set<String> regime) {
    return regime.size() == 1 ? audience
        : audience + " or its command chain (" + (regime.size() - 1) + " more actors)";
  }

  // ---- score ------------------------------------------------------------------------------------

  private static IssueConsistency score(String issue, List<Entry> entries, List<Draft> drafts) {
    Map<Message, Integer> charged = new HashMap<>();
    for (int d = 0; d < drafts.size(); d++) {
      for (Entry e : drafts.get(d).cited()) {
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
      Draft draft = drafts.get(d);
      findings.add(new Finding(draft.kind(), issue,
          draft.cited().stream().map(e -> e.m().id()).toList(),
          draft.cited().stream().map(e -> e.m().speaker()).distinct().toList(),
          draft.explanation(), round(impact[d])));
    }
    findings.sort(Comparator.comparingDouble(Finding::scoreImpact).reversed()
        .thenComparing(Finding::kind));
    Map<String, List<Entry>> bySpeaker = new LinkedHashMap<>();
    entries.forEach(e -> bySpeaker.computeIfAbsent(e.m().speaker(), s -> new ArrayList<>()).add(e));
    List<SpeakerTimeline> timeline = new ArrayList<>();
    bySpeaker.forEach((speaker, list) -> timeline.add(new SpeakerTimeline(speaker, list.get(0).voice(),
        list.stream().map(e -> new TimelineEntry(e.date(), e.m().id(), e.m().audience(), e.m().channel(),
            e.m().forum(), e.stance(), e.intensity(), e.derived())).toList())));
    return new IssueConsistency(issue, round(clamp(1 - loss / entries.size())), entries.size(), findings,
        timeline);
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(1, v));
  }

  private static double round(double v) {
    return Math.round(v * 1e6) / 1e6;
  }

  private static String describe(Entry e) {
    return String.format(Locale.ROOT, "%s (%s) %s %.2f to %s on %s in %s%s", e.m().id(), e.m().speaker(),
        e.stance().label(), e.intensity(), e.m().audience(), e.date(), venue(e),
        e.derived() ? " [stance or intensity derived from text]" : "");
  }
}
