package org.fulcrum.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.fulcrum.analysis.DecisionRuleVote.Outcome;
import org.fulcrum.analysis.ForumVenues.AssessedForum;
import org.fulcrum.casefile.DecisionRule;
import org.fulcrum.error.InvalidRequestException;

/**
 * Forum-shopping risk: how far a target can play one forum off against another to escape coercive
 * action, which single channel an engager should lead with, and whom to bring in to close the
 * escape routes. After the question Fulcrum answers on it ("a target that can appeal to several forums or
 * channels with different stances (or a veto-holding patron in one of them) can play one off
 * against another") and the Kenya 2008 lesson of Genocide Prevention Task Force, <i>Preventing Genocide</i> (2008), ch. 4: one negotiating
 * channel, every actor reinforcing it.
 *
 * <p>The model, on the graph's snapshot day:
 * <ul>
 *   <li><b>Regime and patrons</b> are {@link PatronAnalysis}'s ({@link PatronShields}): the target
 *       with its command chain ({@link Regime}), and the actors with supportive shield ties into it.
 *   <li><b>Venues</b>: the forums the target can appeal to. Routes in: a regime member is a member
 *       ({@code member-of}), a patron is a member, the forum itself {@code shields} the regime, or
 *       the forum {@code mediates} with a regime member (a mediation channel is a venue: the
 *       target sits at its table). Forums that act on the regime without a route in (a tie either
 *       way, e.g. {@code sanctions}, from the forum or from a force it commands, as NATO's air
 *       component) are also assessed, as candidates for the engager's lead.
 *   <li><b>Votes</b>: every {@code member-of} tie into the forum is a vote weighted by its
 *       voting weight (1 when not recorded), cast as the tie records it ({@code vote}:
 *       yes, abstain, no, veto) or, when it records none, inferred from the member's position p
 *       with {@link #ABSTENTION_TOLERANCE}: yes when p &ge; 0.05, abstain when |p| &lt; 0.05, veto (a
 *       veto holder) or no when p &le; -0.05. Each vote says which. Regime members are parties and
 *       do not vote on action against their own regime (AU Peace and Security Council Protocol,
 *       art. 8(9); UN Charter art. 27(3) for the Council's Chapter VI decisions), but a party's
 *       veto still blocks (under Chapter VII a permanent member that is a party can still veto).
 *   <li><b>Stance</b> on coercive action against the target: the vote-weighted mean of the voting
 *       members' {@code position}s, in [-1, 1]. A forum with no voting member recorded is
 *       represented by its own {@code position} (basis {@code own-position}).
 *   <li><b>Blocked</b>: a {@code veto} vote, under every rule; under {@code consensus} every
 *       {@code no}; with a {@code blockingMinority} b, a voting member with more than b of the
 *       voting weight that does not vote yes. <b>Can pass</b>: not blocked, and the rule is met
 *       ({@link DecisionRuleVote}): consensus one yes; simple majority yes weight over half of the
 *       voting weight; qualified majority at least the {@code decisionThreshold} share (2/3 by
 *       default; AU Constitutive Act art. 7(1)); majority of votes cast more yes than no,
 *       abstentions not counted; weighted share at least the threshold share; at least N with no
 *       veto at least N yes. A forum with no decision rule recorded is taken as a simple majority.
 *   <li><b>Access</b>: the strength of the engager's best path to the forum itself (which passes
 *       through members' {@code member-of} ties when the engager works through a member; 1 when
 *       the engager is the forum), from {@link BestPathTree}.
 *   <li><b>Lead channel</b>: among the assessed forums the engager reaches (access &gt; 0) that do
 *       not shield the target, the one where coercive action can pass with the highest access; if
 *       none can pass, the reachable forum with the highest access, flagged {@code canPass =
 *       false}. Ties go to the higher stance, then the id.
 *   <li><b>Escape venue</b>: a venue other than the lead that does not reinforce it (no supportive
 *       tie between it and the lead in either direction) and that the target can run to. Closed,
 *       never an escape: a forum with a hostile {@code sanctions} or {@code threatens} tie into
 *       the regime, its own or a commanded force's (it acts against the target; a suspension is recorded as such a tie with the
 *       membership ended). Always an escape: a forum with a supportive {@code shields} tie into
 *       the regime. Otherwise an escape when coercive action cannot pass there and it is
 *       friendlier than the lead: there is no lead, the lead can pass, or its stance is lower
 *       than the lead's by more than {@link #STANCE_GAP_TOLERANCE}.
 *   <li><b>Gap closers</b> of a forum: the members to win over (taken to position +1) so that
 *       coercive action can pass there, or, for an escape venue, so that it is no longer friendlier
 *       than the lead. Greedy and deterministic: every non-party blocker first (they must be won),
 *       then the voter whose vote turns to yes, with the largest gain {@code weight x (1 -
 *       position)}, then voters that only move the stance; ties to the higher engager access,
 *       then the id, until the goal holds. A gap is not closable when a party holds
 *       the blocking veto or no voting member is recorded. The answer's {@code gapClosers} are the
 *       union over the escape venues and the lead (if it cannot pass), ranked by the number of
 *       forums each is needed in, then blockers before mere votes, then engager access.
 *   <li><b>Risk</b> = mean of four parts in [0, 1] ({@link ForumShoppingRisk}): escape share
 *       (escape venues / venues); spread ((highest - lowest stance) / 2 over the lead and the
 *       escape venues); veto cover (the shield shares of the patrons whose veto or blocking
 *       minority blocks an assessed forum, capped at 1; 1 when the regime itself holds a blocking
 *       veto); best escape ((friendlier + can shield) / 2 for the best escape venue). A forum that
 *       shields the target is always an escape and can only add to each part: it raises the risk.
 * </ul>
 * Deterministic; O(m + n log n) plus a linear pass per assessed forum's members.
 *
 * <p>The pieces: {@link DecisionRuleVote} (votes under the decision rules), {@link ForumVenues}
 * (venues, lead channel, escape venues, at the int level, shared with {@link RedTeam}),
 * {@link GreedyGapClosing} (gap closers), {@link ForumShoppingRisk} (the risk parts) and
 * {@link ForumShoppingExplanations} (the answer records and their prose). This class holds the
 * answer records and puts the pieces together.
 */
public final class ForumShopping {

  /** A simple majority needs more than this share of the voting weight voting yes. */
  public static final double SIMPLE_MAJORITY = DecisionRule.SIMPLE_MAJORITY_SHARE;
  /** A qualified majority needs at least this share of the voting weight when none is recorded. */
  public static final double QUALIFIED_MAJORITY = DecisionRule.QUALIFIED_MAJORITY_DEFAULT;
  /**
   * A member without a recorded vote whose position is below this in size abstains: it neither
   * backs nor opposes halting the atrocities clearly enough to be counted as voting either way.
   */
  public static final double ABSTENTION_TOLERANCE = 0.05;
  /**
   * A venue whose stance is lower than the lead's by no more than this is no escape: a difference
   * within the precision of the positions is not a friendlier forum.
   */
  public static final double STANCE_GAP_TOLERANCE = 0.05;

  private final LeverageGraph graph;

  public ForumShopping(LeverageGraph graph) {
    this.graph = Objects.requireNonNull(graph, "graph");
  }

  /**
   * How the target gets into a forum.
   *
   * @param kind {@code member} (a regime member sits in it), {@code patron} (a patron sits in it),
   *     {@code shields} (the forum shields the regime) or {@code mediation} (it mediates with a
   *     regime member)
   * @param via the regime member or patron, or the forum itself
   * @param tie the tie that opens the route
   */
  public record Route(String kind, String via, String viaName, String tie, List<String> sources) {}

  /**
   * One member's vote.
   *
   * @param weight the voting weight (1 when not recorded)
   * @param party a regime member: it does not vote, but its veto still blocks
   * @param vote {@code yes}, {@code abstain}, {@code no} or {@code veto}
   * @param voteBasis {@code recorded} (the tie's {@code vote}) or {@code inferred from position p}
   * @param tie the {@code member-of} tie
   */
  public record Vote(String id, String name, double position, double weight, boolean veto,
      boolean party, String vote, String voteBasis, String tie, List<String> sources) {}

  /**
   * A member to win over.
   *
   * @param role {@code veto} (a veto holder that blocks), {@code objection} (an objector under
   *     consensus) or {@code vote} (a vote needed for the majority or the stance)
   * @param access the engager's best-path strength to it (0: no path)
   */
  public record Closer(String id, String name, double position, double weight, String role,
      double access) {}

  /**
   * What it takes to close a forum's gap.
   *
   * @param goal {@code pass} (coercive action can pass) or {@code match-lead} (no longer
   *     friendlier to the target than the lead channel)
   * @param closable whether winning over non-party members can reach the goal
   * @param closers the members to win over, in the order chosen
   */
  public record Gap(String goal, boolean closable, List<Closer> closers, String explanation) {}

  /**
   * One assessed forum.
   *
   * @param venue the target can appeal to it ({@code routes} says how)
   * @param stance the expected stance on coercive action against the target, in [-1, 1]
   * @param stanceBasis {@code members} (vote-weighted mean) or {@code own-position}
   * @param support the share of the voting weight voting yes
   * @param yes the voting weight voting yes; {@code no} voting no or veto; {@code abstain}
   * @param rule the passing rule applied, in words
   * @param decisionThreshold the forum's recorded threshold, or {@code null}
   * @param blockingMinority the forum's recorded blocking minority, or {@code null}
   * @param blocked a member blocks: a veto, an objection under consensus, or a blocking minority
   * @param blockers those members
   * @param actsAgainst the forum's hostile sanctions or threatens ties into the regime (a
   *     suspension among them): the forum is closed to the target
   * @param shieldsTarget the forum has a supportive shields tie into the regime
   * @param canPass coercive action against the target can pass
   * @param access the engager's best-path strength to the forum
   * @param accessPath that path, or {@code null} (none, or the engager is the forum)
   * @param reinforcingTie a supportive tie between this forum and the lead channel, or {@code null}
   * @param gap what it takes to close this forum's gap, or {@code null} when there is none
   */
  public record Forum(String id, String name, String decisionRule, boolean venue,
      List<Route> routes, double stance, String stanceBasis, double support, double yes,
      double no, double abstain, String rule, Double decisionThreshold, Double blockingMinority,
      boolean blocked, List<Vote> blockers, boolean canPass, List<String> actsAgainst,
      boolean shieldsTarget, double access, LeveragePath accessPath, List<Vote> votes,
      String reinforcingTie, Gap gap, String explanation) {}

  /**
   * A venue friendlier to the target than the lead channel.
   *
   * @param stanceGap the lead's stance minus this venue's ({@code null} without a lead)
   * @param shieldsTarget the venue has a supportive shields tie into the regime
   */
  public record EscapeVenue(String id, String name, double stance, boolean canPass,
      boolean blocked, Double stanceGap, boolean shieldsTarget, List<String> routes,
      String explanation) {}

  /** An actor backing the lead channel through a supportive tie into it. */
  public record Reinforcement(String id, String name, String tie, String type) {}

  /**
   * The forum the engager should lead with.
   *
   * @param venue whether the target itself can appeal to it
   * @param reinforcedBy the actors with supportive ties into it (members aside)
   * @param gap what it takes for coercive action to pass there, when it cannot yet
   */
  public record LeadChannel(String id, String name, String decisionRule, boolean canPass,
      boolean blocked, double stance, double access, LeveragePath path, boolean venue,
      List<Reinforcement> reinforcedBy, Gap gap, String explanation) {}

  /**
   * An actor whose winning over closes one or more gaps.
   *
   * @param forums the forums (escape venues, or the lead) whose gap it helps close
   * @param roles its role in each of them, in the same order
   * @param access the engager's best-path strength to it, {@code path} the path
   */
  public record GapCloser(String id, String name, double position, double access,
      LeveragePath path, List<String> forums, List<String> roles, String explanation) {}

  /**
   * One part of the risk score.
   *
   * @param value in [0, 1]
   * @param weight its weight in the score
   * @param basis the forums and actors behind the value
   */
  public record RiskPart(String name, double value, double weight, List<String> basis,
      String explanation) {}

  /**
   * The answer.
   *
   * @param regime the target and its command chain
   * @param risk the forum-shopping risk in [0, 1], the weighted sum of {@code parts}
   * @param forums the assessed forums: venues first, friendliest to the target first
   * @param leadChannel the recommended lead, or {@code null} when the engager reaches no forum
   */
  public record Assessment(String target, String engager, List<String> regime, double risk,
      List<RiskPart> parts, List<Forum> forums, List<EscapeVenue> escapeVenues,
      LeadChannel leadChannel, List<GapCloser> gapClosers, String explanation) {}

  /**
   * The forum-shopping risk of a target, seen from an engager.
   *
   * @throws IllegalArgumentException if either id is missing or unknown, or they are the same
   */
  public Assessment assess(String targetId, String engagerId) {
    if (targetId == null || targetId.isBlank()) {
      throw new InvalidRequestException("target: the target's actor id is required");
    }
    if (engagerId == null || engagerId.isBlank()) {
      throw new InvalidRequestException("engager: the engager's actor id is required");
    }
    return assess(new ForumQuery(targetId, engagerId));
  }

  /**
   * The forum-shopping risk of a target, seen from an engager and its coalition: no coalition
   * actor is a patron, nor a route by which the target reaches a forum.
   *
   * @throws IllegalArgumentException if an id is unknown, or target and engager are the same
   */
  public Assessment assess(ForumQuery query) {
    String targetId = query.target();
    String engagerId = query.engager();
    int target = graph.require(targetId, "target");
    int engager = graph.require(engagerId, "engager");
    PatronShields shields = PatronShields.of(graph, target, Governments.coalition(graph, engager,
        query.coalition()));
    BestPathTree tree = new BestPathTree(graph, engager);
    ForumVenues forums = venues(graph, target, engager, shields, tree);
    AssessedForum lead = forums.lead();
    ForumShoppingExplanations words = new ForumShoppingExplanations(graph);
    GreedyGapClosing closing = new GreedyGapClosing(graph, words, tree, engager);

    Map<Integer, Gap> gaps = new HashMap<>();
    for (AssessedForum a : forums.assessed()) {
      if (forums.isEscape(a) && lead != null) {
        gaps.put(a.forum(), closing.gap(a, o -> !ForumVenues.escapeFrom(a, o, lead), "match-lead",
            lead));
      } else if (!a.outcome().canPass()) {
        gaps.put(a.forum(), closing.gap(a, Outcome::canPass, "pass", null));
      }
    }

    List<AssessedForum> order = new ArrayList<>(forums.assessed());
    order.sort(Comparator.comparing((AssessedForum a) -> !a.venue())
        .thenComparingDouble(a -> a.outcome().stance())
        .thenComparing(a -> graph.actor(a.forum()).id()));
    List<Forum> answerForums = order.stream().map(a -> words.forum(a, tree, engager,
        forums.reinforcingTie(a.forum()), gaps.get(a.forum()), a == lead)).toList();
    List<EscapeVenue> escapeVenues = forums.escapesByStance().stream()
        .map(a -> words.escapeVenue(a, lead)).toList();
    LeadChannel leadChannel = lead == null ? null
        : words.leadChannel(lead, tree, gaps.get(lead.forum()));
    List<GapCloser> closers = closing.union(forums.escapes(), lead, gaps);

    List<RiskPart> parts = new ForumShoppingRisk(graph).parts(forums, shields);
    double risk = parts.stream().mapToDouble(p -> p.value() * p.weight()).sum();
    List<String> regime = shields.regime().stream().mapToObj(i -> graph.actor(i).id()).toList();
    return new Assessment(targetId, engagerId, regime, risk, parts, answerForums, escapeVenues,
        leadChannel, closers, words.explain(target, engager, risk, parts, forums.venues(),
            escapeVenues, leadChannel, closers));
  }

  /**
   * The int-level forums of a target seen from an engager, for {@link RedTeam}.
   *
   * @throws IllegalArgumentException if target and engager are the same actor
   */
  static ForumVenues venues(LeverageGraph graph, int target, int engager, PatronShields shields,
      BestPathTree tree) {
    if (target == engager) {
      throw new InvalidRequestException("engager and target are the same actor '"
          + graph.actor(target).id() + "'");
    }
    return ForumVenues.of(graph, shields, tree, engager);
  }
}
