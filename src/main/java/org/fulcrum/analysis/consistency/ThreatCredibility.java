package org.fulcrum.analysis.consistency;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.fulcrum.analysis.ForumShopping;
import org.fulcrum.analysis.Regime;
import org.fulcrum.analysis.consistency.ConsistencyReport.PendingThreat;
import org.fulcrum.analysis.consistency.ConsistencyReport.ThreatBacking;
import org.fulcrum.casefile.Actor;
import org.fulcrum.casefile.DecisionRule;
import org.fulcrum.casefile.Message;
import org.fulcrum.casefile.Polarity;
import org.fulcrum.casefile.Stance;
import org.fulcrum.casefile.Tie;
import org.fulcrum.casefile.TieType;

/**
 * The three rules on whether the coalition's threats are backed ({@link FindingKind}):
 * capability-gap (a threat more intense than its voice can deliver, capability x coercive reach
 * into the audience's regime on the day, counting the levers of the forum the threat is made in
 * when the voice holds a veto or a deciding or blocking vote there), no-follow-through (no measure
 * toward the regime within the follow-through period; threats whose period runs past the day
 * reviewed are pending) and
 * repeated-empty-threats (threats at one regime with no coalition measure between them). A regime
 * is the audience with its command chain ({@link Regime}, over every tie it is given whatever its
 * dates). It is given the record as it stood on the day reviewed (messages up to it, ties begun by
 * it) and looks for no measure after it. O(t x (T + A)) for t threats, T ties of the threatening
 * voice and A action messages.
 */
final class ThreatCredibility {

  private static final double EPS = MessageConsistency.EPS;

  private final LocalDate asOf;
  private final CoalitionVoices voices;
  private final StanceClassifier classifier;
  private final Map<String, List<Tie>> tiesByVoice = new HashMap<>();
  private final Map<String, List<Tie>> membersByForum = new HashMap<>();
  private final Regime.CommandChains commandChains;
  private final Map<String, Set<String>> regimes = new ConcurrentHashMap<>();
  private final List<Message> actionMessages = new ArrayList<>();

  /**
   * @param asOf the day reviewed: no measure after it is seen, and a threat whose follow-through
   *     period runs past it is pending
   * @param ties the ties begun by {@code asOf}
   * @param messages the messages dated up to {@code asOf}, by date
   */
  ThreatCredibility(LocalDate asOf, CoalitionVoices voices, Collection<Tie> ties,
      List<Message> messages, StanceClassifier classifier) {
    this.asOf = asOf;
    this.voices = voices;
    this.classifier = classifier;
    for (Message m : messages) {
      if (recordsAction(m)) {
        actionMessages.add(m);
      }
    }
    commandChains = Regime.commandChains(ties);
    for (Tie t : ties) {
      tiesByVoice.computeIfAbsent(voices.voice(t.source()), v -> new ArrayList<>()).add(t);
      if (t.type() == TieType.MEMBER_OF) {
        membersByForum.computeIfAbsent(t.target(), f -> new ArrayList<>()).add(t);
      }
    }
  }

  /**
   * Capability gaps and missing follow-through for each threat among {@code entries} (one issue's
   * coalition messages, by date), then repeated empty threats at each regime; threats whose
   * follow-through period runs past the day reviewed go to {@code pending}, and what backs each
   * threat to {@code backing}.
   */
  void threats(List<ReviewedMessage> entries, ConsistencyQuery q, Set<String> coalition,
      Set<String> coalitionVoices, List<DraftFinding> out, List<PendingThreat> pending,
      List<ThreatBacking> backing) {
    Map<String, List<ReviewedMessage>> byRegime = new LinkedHashMap<>();
    for (ReviewedMessage e : entries) {
      if (e.stance() != Stance.THREAT) {
        continue;
      }
      Set<String> regime = regime(e.m().audience());
      byRegime.computeIfAbsent(regime.iterator().next(), k -> new ArrayList<>()).add(e);
      capability(e, regime, q.capabilityTolerance(), out, backing);
      LocalDate due = e.date().plusDays(q.followThroughDays());
      // pending means pending on asOf: a measure counts only if it came by then (a support tie
      // recorded as ending after asOf had not ended yet)
      String action = action(Set.of(e.voice()), null, e.m().issue(), regime, e.date(),
          due.isAfter(asOf) ? asOf : due);
      if (action != null) {
        continue;
      }
      if (due.isAfter(asOf)) {
        pending.add(new PendingThreat(e.m().id(), due));
        continue;
      }
      out.add(new DraftFinding(FindingKind.NO_FOLLOW_THROUGH, List.of(e), String.format(Locale.ROOT,
          "%s; by %s (%d days) %s had taken no measure toward %s on record: no sanction or other"
              + " hostile tie, no support withdrawn, no action announced on %s",
          e.describe(), due, q.followThroughDays(), e.voice(), regimeName(e.m().audience(), regime),
          e.m().issue())));
    }
    for (List<ReviewedMessage> threats : byRegime.values()) {
      repeatedThreats(threats, coalition, coalitionVoices, out);
    }
  }

  private void capability(ReviewedMessage e, Set<String> regime, double tolerance, List<DraftFinding> out,
      List<ThreatBacking> backing) {
    Actor speaker = voices.actor(e.m().speaker());
    Actor voiceActor = voices.actor(e.voice());
    double capability = Math.max(speaker == null ? 0 : speaker.capability(),
        voiceActor == null ? 0 : voiceActor.capability());
    double miss = 1;
    List<String> levers = new ArrayList<>();
    for (Tie t : tiesByVoice.getOrDefault(e.voice(), List.of())) {
      if (backs(t, regime, e.date())) {
        miss *= 1 - t.strength() * t.confidence();
        levers.add(lever(t));
      }
    }
    List<String> direct = List.copyOf(levers);
    ForumVote vote = forumVote(e, regime);
    String through = "";
    if (vote != null) {
      List<String> forumLevers = new ArrayList<>();
      for (Tie t : tiesByVoice.getOrDefault(vote.forum(), List.of())) {
        if (t.source().equals(vote.forum()) && backs(t, regime, e.date())) {
          miss *= 1 - t.strength() * t.confidence();
          forumLevers.add(lever(t));
        }
      }
      levers.addAll(forumLevers);
      through = String.format(Locale.ROOT, "; through forum %s, where it holds %s: %s", e.name(vote.forum()), vote.basis(),
          forumLevers.isEmpty() ? "the forum has no sanction or withdrawable support tie into the regime on "
              + e.date() : String.join(", ", forumLevers));
    } else if (e.m().forum() != null && !e.m().forum().equals(e.voice())) {
      through = "; in forum " + e.name(e.m().forum()) + " it holds no veto and no vote that decides or blocks on its own";
    }
    double reach = 1 - miss;
    double deliverable = capability * reach;
    boolean backed = e.intensity() - deliverable <= tolerance + EPS;
    backing.add(new ThreatBacking(e.m().id(), e.voice(), e.intensity(), ConsistencyScore.round(capability),
        ConsistencyScore.round(reach), ConsistencyScore.round(deliverable), backed, levers,
        vote == null ? null : vote.forum(), vote == null ? null : vote.basis()));
    if (!backed) {
      out.add(new DraftFinding(FindingKind.CAPABILITY_GAP, List.of(e), String.format(Locale.ROOT,
          "%s; %s can deliver %.2f = capability %.2f x coercive reach %.2f into %s (%s%s), %.2f short"
              + " (tolerance %.2f)", e.describe(), e.voice(), deliverable, capability, reach,
          regimeName(e.m().audience(), regime),
          direct.isEmpty() ? "no sanction, command, or withdrawable support tie on " + e.date()
              : String.join(", ", direct), through, e.intensity() - deliverable, tolerance)));
    }
  }

  /** A tie into the regime, holding on the day, that can back a threat. */
  private static boolean backs(Tie t, Set<String> regime, LocalDate day) {
    return regime.contains(t.target()) && t.validOn(day) && coercive(t);
  }

  private static String lever(Tie t) {
    return String.format(Locale.ROOT, "%s %.2f x %.2f", t.id(), t.strength(), t.confidence());
  }

  /** The forum a threat is made in, and the vote there that puts the forum's levers in its voice's hands. */
  private record ForumVote(String forum, String basis) {}

  /**
   * The voice's decisive vote in the forum the threat is made in, on the day of the threat, or
   * {@code null}: a veto on any of its {@code member-of} ties there, or a voting weight (1 when not
   * recorded; the regime's own members are parties and do not count) that on its own passes or
   * blocks a decision under the forum's rule (simple majority when none is recorded): more than
   * {@link ForumShopping#SIMPLE_MAJORITY} of the weight decides a simple majority and half blocks
   * it; a share of {@link ForumShopping#QUALIFIED_MAJORITY} decides a qualified majority, and a
   * share above one minus it blocks one (the others cannot reach it); any member blocks a
   * consensus, and only a sole member decides it. A forum that speaks for itself holds its levers
   * directly, so it has no vote to find.
   */
  private ForumVote forumVote(ReviewedMessage e, Set<String> regime) {
    String forum = e.m().forum();
    if (forum == null || forum.equals(e.voice())) {
      return null;
    }
    Map<String, Double> weights = new LinkedHashMap<>();
    List<String> own = new ArrayList<>();
    for (Tie t : membersByForum.getOrDefault(forum, List.of())) {
      if (!t.validOn(e.date()) || regime.contains(t.source())) {
        continue;
      }
      boolean ours = voices.voice(t.source()).equals(e.voice());
      if (ours && Boolean.TRUE.equals(t.veto())) {
        return new ForumVote(forum, "a veto (tie " + t.id() + ")");
      }
      if (weights.putIfAbsent(t.source(), t.votingWeight() == null ? 1 : t.votingWeight()) == null && ours) {
        own.add(t.id());
      }
    }
    double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
    double mine = weights.entrySet().stream().filter(w -> voices.voice(w.getKey()).equals(e.voice()))
        .mapToDouble(Map.Entry::getValue).sum();
    if (own.isEmpty() || !(total > 0) || !(mine > 0)) {
      return null;
    }
    double share = mine / total;
    Actor f = voices.actor(forum);
    if (f == null) {
      return null;
    }
    DecisionRule rule = f.decisionRule() == null ? DecisionRule.SIMPLE_MAJORITY : f.decisionRule();
    // the forum's own passing rule (DecisionRule#enough): the speaker decides alone if its yes
    // passes with every other member against; it blocks alone if its no defeats every other yes
    double threshold = rule.threshold(f.decisionThreshold());
    boolean decides = (rule != DecisionRule.CONSENSUS || share >= 1 - EPS)
        && rule.enough(threshold, mine, total - mine, total);
    boolean blocks = rule == DecisionRule.CONSENSUS
        || !rule.enough(threshold, total - mine, mine, total)
        || (f.blockingMinority() != null && share > f.blockingMinority() + EPS);
    String vote = switch (rule) {
      case SIMPLE_MAJORITY -> "a simple majority";
      case QUALIFIED_MAJORITY -> "a qualified majority";
      case MAJORITY_OF_VOTES_CAST -> "a majority of votes cast";
      case WEIGHTED_SHARE -> "a weighted-share vote";
      case AT_LEAST_N_NO_VETO -> "a vote that needs a set number of yes votes";
      case CONSENSUS -> "a consensus";
    };
    String power = decides && rule == DecisionRule.CONSENSUS ? "decide a consensus as its only member"
        : decides && rule != DecisionRule.AT_LEAST_N_NO_VETO ? "decide " + vote
        : blocks ? "block " + vote : null;
    return power == null ? null : new ForumVote(forum, String.format(Locale.ROOT,
        "voting weight %.2f of %.2f (%s), enough to %s on its own", mine, total, String.join(", ", own), power));
  }

  private static boolean coercive(Tie t) {
    if (t.type() == TieType.THREATENS) {
      return false; // a recorded threat is the rhetoric itself, not what backs it
    }
    return t.polarity() == Polarity.HOSTILE || t.type().isCommand()
        || (t.type().isSupply() && t.polarity() == Polarity.SUPPORTIVE);
  }

  /**
   * The first measure that any of {@code actingVoices} (or, for messages, any of {@code speakers} when
   * given) took toward the regime in (after, until], described; {@code null} if none.
   */
  private String action(Set<String> actingVoices, Set<String> speakers, String issue, Set<String> regime,
      LocalDate after, LocalDate until) {
    LocalDate best = null;
    String found = null;
    for (String v : actingVoices) {
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
      boolean byVoice = speakers == null ? actingVoices.contains(voices.voice(m.speaker())) : speakers.contains(m.speaker());
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

  private void repeatedThreats(List<ReviewedMessage> threats, Set<String> coalition, Set<String> coalitionVoices,
      List<DraftFinding> out) {
    Set<String> regime = regime(threats.get(0).m().audience());
    List<ReviewedMessage> segment = new ArrayList<>();
    for (ReviewedMessage t : threats) {
      if (!segment.isEmpty()) {
        ReviewedMessage prev = segment.get(segment.size() - 1);
        if (action(coalitionVoices, coalition, t.m().issue(), regime, prev.date(), t.date()) != null) {
          emitRepeated(segment, regime, out);
          segment = new ArrayList<>();
        }
      }
      segment.add(t);
    }
    emitRepeated(segment, regime, out);
  }

  private void emitRepeated(List<ReviewedMessage> segment, Set<String> regime, List<DraftFinding> out) {
    if (segment.size() < MessageConsistency.REPEATED_THREATS_MIN) {
      return;
    }
    ReviewedMessage first = segment.get(0);
    ReviewedMessage last = segment.get(segment.size() - 1);
    out.add(new DraftFinding(FindingKind.REPEATED_EMPTY_THREATS, List.copyOf(segment), String.format(Locale.ROOT,
        "%d threats on %s at %s from %s between %s and %s, with no coalition measure between them:"
            + " aggressive rhetoric matched with meager action", segment.size(), first.m().issue(),
        regimeName(first.m().audience(), regime),
        segment.stream().map(ReviewedMessage::voice).distinct().collect(Collectors.joining(", ")), first.date(),
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
}
