package org.fulcrum.analysis;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.fulcrum.casefile.Actor;
import org.fulcrum.casefile.ActorKind;
import org.fulcrum.casefile.DecisionRule;
import org.fulcrum.casefile.Polarity;
import org.fulcrum.casefile.Tie;
import org.fulcrum.casefile.TieType;

/**
 * Forum-shopping risk: how far a target can play one forum off against another to escape coercive
 * action, which single channel an engager should lead with, and whom to bring in to close the
 * escape routes. After the seed's question 5 ("a target that can appeal to several forums or
 * channels with different stances (or a veto-holding patron in one of them) can play one off
 * against another"; Kenya 2008: "one negotiating channel, every actor reinforcing it").
 *
 * <p>The model, on the graph's snapshot day:
 * <ul>
 *   <li><b>Regime and patrons</b> are {@link PatronAnalysis}'s: the target with its command chain
 *       ({@link Regime}), and the actors with supportive shield ties into it.
 *   <li><b>Venues</b>: the forums the target can appeal to. Routes in: a regime member is a member
 *       ({@code member-of}), a patron is a member, the forum itself {@code shields} the regime, or
 *       the forum {@code mediates} with a regime member (a mediation channel is a venue: the
 *       target sits at its table). Forums that act on the regime without a route in (a tie either
 *       way, e.g. {@code sanctions}) are also assessed, as candidates for the engager's lead.
 *   <li><b>Votes</b>: every {@code member-of} tie into the forum is a vote of weight
 *       {@code votingWeight} (1 when not recorded). Regime members are parties and do not vote on
 *       action against their own regime (AU Peace and Security Council Protocol, art. 8(9); UN
 *       Charter art. 27(3) for the Council's Chapter VI decisions), but a party's explicit veto
 *       still blocks (under Chapter VII a permanent member that is a party can still veto).
 *   <li><b>Stance</b> on coercive action against the target: the vote-weighted mean of the voting
 *       members' {@code position}s, in [-1, 1]. A forum with no voting member recorded is
 *       represented by its own {@code position} (basis {@code own-position}).
 *   <li><b>Blocked</b>: a member holding a veto ({@code veto: true}) has a negative position; under
 *       {@code consensus} every voting member with a negative position is an objector and blocks
 *       too. <b>Can pass</b>: not blocked, and the weighted share of voters in favour (position
 *       &gt; 0; position 0 counts as an abstention) meets the rule: consensus at least one in
 *       favour, simple majority more than 1/2, qualified majority at least 2/3 (AU Constitutive
 *       Act art. 7(1)). A forum with no decision rule recorded is taken as a simple majority.
 *   <li><b>Access</b>: the strength of the engager's best path to the forum itself (which passes
 *       through members' {@code member-of} ties when the engager works through a member; 1 when
 *       the engager is the forum), from {@link BestPathTree}.
 *   <li><b>Lead channel</b>: among the assessed forums the engager reaches (access &gt; 0), the one
 *       where coercive action can pass with the highest access; if none can pass, the reachable
 *       forum with the highest access, flagged {@code canPass = false}. Ties go to the higher
 *       stance, then the id.
 *   <li><b>Escape venue</b>: a venue other than the lead that is friendlier to the target than the
 *       lead (the lead can pass and it cannot; or both alike and its stance is lower) and does not
 *       reinforce the lead (no supportive tie between it and the lead in either direction). With
 *       no lead, every venue that cannot pass is an escape.
 *   <li><b>Gap closers</b> of a forum: the members to win over (taken to position +1) so that
 *       coercive action can pass there, or, for an escape venue, so that it is no longer friendlier
 *       than the lead. Greedy and deterministic: every non-party blocker first (they must be won),
 *       then the voter with the largest gain {@code weight x (1 - position)}, ties to the higher
 *       engager access, then the id, until the goal holds. A gap is not closable when a party holds
 *       the blocking veto or no voting member is recorded. The answer's {@code gapClosers} are the
 *       union over the escape venues and the lead (if it cannot pass), ranked by the number of
 *       forums each is needed in, then blockers before mere votes, then engager access.
 *   <li><b>Risk</b> = mean of three parts in [0, 1]: escape share (escape venues / venues); spread
 *       ((highest - lowest stance) / 2 over the lead and the escape venues: the range the target
 *       can play across; venues that reinforce the lead offer no different answer); veto cover
 *       (the shield shares of the patrons whose veto blocks an assessed forum, capped at 1; 1 when
 *       the regime itself holds a blocking veto).
 * </ul>
 * Deterministic; O(m + n log n) plus a linear pass per assessed forum's members.
 */
public final class ForumShopping {

  /** A simple majority needs more than this weighted share in favour. */
  public static final double SIMPLE_MAJORITY = 0.5;
  /** A qualified majority needs at least this weighted share in favour. */
  public static final double QUALIFIED_MAJORITY = 2.0 / 3.0;

  private static final double EPS = 1e-12;

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
   * @param weight the {@code votingWeight} (1 when not recorded)
   * @param party a regime member: it does not vote, but its explicit veto still blocks
   * @param tie the {@code member-of} tie
   */
  public record Vote(String id, String name, double position, double weight, boolean veto,
      boolean party, String tie, List<String> sources) {}

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
   * @param support the weighted share of voting members in favour (position &gt; 0)
   * @param rule the passing rule applied, in words
   * @param blocked a veto holder (or, under consensus, an objector) has a negative position
   * @param blockers those members
   * @param canPass coercive action against the target can pass
   * @param access the engager's best-path strength to the forum
   * @param accessPath that path, or {@code null} (none, or the engager is the forum)
   * @param reinforcingTie a supportive tie between this forum and the lead channel, or {@code null}
   * @param gap what it takes to close this forum's gap, or {@code null} when there is none
   */
  public record Forum(String id, String name, String decisionRule, boolean venue,
      List<Route> routes, double stance, String stanceBasis, double support, String rule,
      boolean blocked, List<Vote> blockers, boolean canPass, double access,
      LeveragePath accessPath, List<Vote> votes, String reinforcingTie, Gap gap,
      String explanation) {}

  /**
   * A venue friendlier to the target than the lead channel.
   *
   * @param stanceGap the lead's stance minus this venue's ({@code null} without a lead)
   */
  public record EscapeVenue(String id, String name, double stance, boolean canPass,
      boolean blocked, Double stanceGap, List<String> routes, String explanation) {}

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

  /** A member-of tie read once: member index, tie index, weight, veto, party. */
  private record Member(int actor, int tie, double weight, boolean veto, boolean party) {}

  /** A forum's vote under given position overrides. */
  private record Outcome(double stance, String basis, double support, List<Member> blockers,
      boolean canPass) {}

  /** A forum's facts before the lead is known. */
  private static final class Assessed {
    final int forum;
    final List<Route> routes;
    final List<Member> members;
    final Outcome outcome;
    final double access;

    Assessed(int forum, List<Route> routes, List<Member> members, Outcome outcome, double access) {
      this.forum = forum;
      this.routes = routes;
      this.members = members;
      this.outcome = outcome;
      this.access = access;
    }

    boolean venue() {
      return !routes.isEmpty();
    }
  }

  /**
   * The forum-shopping risk of a target, seen from an engager.
   *
   * @throws IllegalArgumentException if either id is missing or unknown, or they are the same
   */
  public Assessment assess(String targetId, String engagerId) {
    if (targetId == null || targetId.isBlank()) {
      throw new IllegalArgumentException("target: the target's actor id is required");
    }
    if (engagerId == null || engagerId.isBlank()) {
      throw new IllegalArgumentException("engager: the engager's actor id is required");
    }
    int target = graph.require(targetId, "target");
    int engager = graph.require(engagerId, "engager");
    if (target == engager) {
      throw new IllegalArgumentException("engager and target are the same actor '" + targetId + "'");
    }
    PatronAnalysis.Ranking ranking = new PatronAnalysis(graph).rank(targetId, engagerId);
    BitSet regime = new BitSet(graph.actorCount());
    ranking.regime().forEach(id -> regime.set(graph.require(id, "regime member")));
    Map<String, PatronAnalysis.Patron> patrons = new LinkedHashMap<>();
    ranking.patrons().forEach(p -> patrons.put(p.id(), p));
    BestPathTree tree = new BestPathTree(graph, engager);

    List<Assessed> assessed = new ArrayList<>();
    for (int f = 0; f < graph.actorCount(); f++) {
      if (graph.actor(f).kind() != ActorKind.FORUM || regime.get(f)) {
        continue;
      }
      List<Route> routes = routes(f, regime, patrons);
      if (routes.isEmpty() && !touches(f, regime)) {
        continue;
      }
      List<Member> members = members(f, regime);
      double access = f == engager ? 1 : tree.strength(f);
      assessed.add(new Assessed(f, routes, members, vote(f, members, Map.of()), access));
    }

    Assessed lead = assessed.stream().filter(a -> a.access > 0)
        .min(Comparator.comparing((Assessed a) -> !a.outcome.canPass())
            .thenComparing(Comparator.comparingDouble((Assessed a) -> a.access).reversed())
            .thenComparing(Comparator.comparingDouble((Assessed a) -> a.outcome.stance()).reversed())
            .thenComparing(a -> graph.actor(a.forum).id()))
        .orElse(null);

    Map<Integer, String> reinforcing = new HashMap<>();
    if (lead != null) {
      for (Assessed a : assessed) {
        if (a != lead) {
          String tie = supportiveTie(a.forum, lead.forum);
          if (tie != null) {
            reinforcing.put(a.forum, tie);
          }
        }
      }
    }
    List<Assessed> escapes = new ArrayList<>();
    for (Assessed a : assessed) {
      if (a.venue() && a != lead && !reinforcing.containsKey(a.forum)
          && friendlier(a.outcome, lead == null ? null : lead.outcome)) {
        escapes.add(a);
      }
    }

    Map<Integer, Gap> gaps = new HashMap<>();
    for (Assessed a : assessed) {
      boolean escape = escapes.contains(a);
      if (escape && lead != null) {
        gaps.put(a.forum, gap(a, tree, engager, o -> !friendlier(o, lead.outcome), "match-lead",
            lead));
      } else if (!a.outcome.canPass()) {
        gaps.put(a.forum, gap(a, tree, engager, Outcome::canPass, "pass", null));
      }
    }

    List<Forum> forums = new ArrayList<>();
    List<Assessed> order = new ArrayList<>(assessed);
    order.sort(Comparator.comparing((Assessed a) -> !a.venue())
        .thenComparingDouble(a -> a.outcome.stance())
        .thenComparing(a -> graph.actor(a.forum).id()));
    for (Assessed a : order) {
      forums.add(forum(a, tree, engager, reinforcing.get(a.forum), gaps.get(a.forum), a == lead));
    }

    List<EscapeVenue> escapeVenues = escapes.stream()
        .sorted(Comparator.comparingDouble((Assessed a) -> a.outcome.stance())
            .thenComparing(a -> graph.actor(a.forum).id()))
        .map(a -> escapeVenue(a, lead)).toList();
    LeadChannel leadChannel = lead == null ? null
        : leadChannel(lead, tree, gaps.get(lead.forum));
    List<GapCloser> closers = gapClosers(escapes, lead, gaps, tree);

    List<Assessed> venues = assessed.stream().filter(Assessed::venue).toList();
    List<RiskPart> parts = List.of(
        escapeShare(venues, escapes),
        spread(lead, escapes),
        vetoCover(assessed, regime, patrons));
    double risk = parts.stream().mapToDouble(p -> p.value() * p.weight()).sum();
    return new Assessment(targetId, engagerId, List.copyOf(ranking.regime()), risk, parts,
        List.copyOf(forums), escapeVenues, leadChannel, closers,
        explain(target, engager, risk, parts, venues, escapeVenues, leadChannel, closers));
  }

  // ---- venues, members, votes ----

  private List<Route> routes(int f, BitSet regime, Map<String, PatronAnalysis.Patron> patrons) {
    List<Route> routes = new ArrayList<>();
    for (int e : graph.incoming(f)) {
      Tie t = graph.tie(e);
      int s = graph.source(e);
      if (t.type() != TieType.MEMBER_OF) {
        continue;
      }
      if (regime.get(s)) {
        routes.add(route("member", s, t));
      } else if (patrons.containsKey(graph.actor(s).id())) {
        routes.add(route("patron", s, t));
      }
    }
    for (int e : graph.outgoing(f)) {
      Tie t = graph.tie(e);
      if (!regime.get(graph.target(e)) || t.polarity() != Polarity.SUPPORTIVE) {
        continue;
      }
      if (t.type() == TieType.SHIELDS) {
        routes.add(route("shields", f, t));
      } else if (t.type() == TieType.MEDIATES) {
        routes.add(route("mediation", f, t));
      }
    }
    return List.copyOf(routes);
  }

  private Route route(String kind, int via, Tie t) {
    Actor a = graph.actor(via);
    return new Route(kind, a.id(), a.name(), t.id(), t.sources());
  }

  private boolean touches(int f, BitSet regime) {
    return graph.outgoing(f).stream().anyMatch(e -> regime.get(graph.target(e)))
        || graph.incoming(f).stream().anyMatch(e -> regime.get(graph.source(e)));
  }

  /** The forum's members, one per actor (first tie in order; a veto on any tie counts). */
  private List<Member> members(int f, BitSet regime) {
    Map<Integer, Member> byActor = new LinkedHashMap<>();
    for (int e : graph.incoming(f)) {
      Tie t = graph.tie(e);
      if (t.type() != TieType.MEMBER_OF) {
        continue;
      }
      int s = graph.source(e);
      double weight = t.votingWeight() == null ? 1 : t.votingWeight();
      boolean veto = Boolean.TRUE.equals(t.veto());
      Member before = byActor.get(s);
      if (before == null) {
        byActor.put(s, new Member(s, e, weight, veto, regime.get(s)));
      } else if (veto && !before.veto()) {
        byActor.put(s, new Member(s, before.tie(), before.weight(), true, before.party()));
      }
    }
    return List.copyOf(byActor.values());
  }

  private double position(int actor, Map<Integer, Double> overrides) {
    Double p = overrides.get(actor);
    return p != null ? p : graph.actor(actor).position();
  }

  private DecisionRule rule(int f) {
    DecisionRule r = graph.actor(f).decisionRule();
    return r == null ? DecisionRule.SIMPLE_MAJORITY : r;
  }

  private Outcome vote(int f, List<Member> members, Map<Integer, Double> overrides) {
    DecisionRule rule = rule(f);
    List<Member> blockers = new ArrayList<>();
    double total = 0;
    double weighted = 0;
    double favour = 0;
    for (Member m : members) {
      double p = position(m.actor(), overrides);
      boolean blocks = p < 0 && (m.veto() || (rule == DecisionRule.CONSENSUS && !m.party()));
      if (blocks) {
        blockers.add(m);
      }
      if (!m.party()) {
        total += m.weight();
        weighted += m.weight() * p;
        favour += p > 0 ? m.weight() : 0;
      }
    }
    double stance;
    double support;
    String basis;
    if (total <= 0) {
      stance = graph.actor(f).position();
      support = stance > 0 ? 1 : 0;
      basis = "own-position";
    } else {
      stance = weighted / total;
      support = favour / total;
      basis = "members";
    }
    boolean enough = switch (rule) {
      case CONSENSUS -> support > 0;
      case SIMPLE_MAJORITY -> support > SIMPLE_MAJORITY + EPS;
      case QUALIFIED_MAJORITY -> support >= QUALIFIED_MAJORITY - EPS;
    };
    return new Outcome(stance, basis, support, List.copyOf(blockers), blockers.isEmpty() && enough);
  }

  private static String ruleText(DecisionRule rule) {
    return switch (rule) {
      case CONSENSUS -> "consensus: no voting member against (position < 0), at least one in favour";
      case SIMPLE_MAJORITY -> "simple majority: more than 1/2 of the weighted vote in favour, no veto against";
      case QUALIFIED_MAJORITY -> "qualified majority: at least 2/3 of the weighted vote in favour, no veto against";
    };
  }

  /** Whether a venue is friendlier to the target than the lead (no lead: it cannot pass). */
  private static boolean friendlier(Outcome venue, Outcome lead) {
    if (lead == null) {
      return !venue.canPass();
    }
    if (lead.canPass() != venue.canPass()) {
      return lead.canPass();
    }
    return venue.stance() < lead.stance() - EPS;
  }

  /** A supportive tie between two actors, either way (first found, by tie order), or null. */
  private String supportiveTie(int a, int b) {
    TreeSet<Integer> found = new TreeSet<>();
    for (int e : graph.outgoing(a)) {
      if (graph.target(e) == b && graph.tie(e).polarity() == Polarity.SUPPORTIVE) {
        found.add(e);
      }
    }
    for (int e : graph.outgoing(b)) {
      if (graph.target(e) == a && graph.tie(e).polarity() == Polarity.SUPPORTIVE) {
        found.add(e);
      }
    }
    return found.isEmpty() ? null : graph.tie(found.first()).id();
  }

  // ---- gaps ----

  private Gap gap(Assessed a, BestPathTree tree, int engager,
      Predicate<Outcome> goal, String goalName, Assessed lead) {
    String forumName = graph.actor(a.forum).name();
    String aim = goalName.equals("pass")
        ? "for coercive action to pass in " + forumName
        : String.format(Locale.ROOT, "for %s to be no friendlier to the target than %s (stance %.3f%s)",
            forumName, graph.actor(lead.forum).name(), lead.outcome.stance(),
            lead.outcome.canPass() ? ", action can pass" : "");
    List<Member> partyVetoes = a.outcome.blockers().stream().filter(Member::party).toList();
    if (!partyVetoes.isEmpty()) {
      return new Gap(goalName, false, List.of(), "Not closable by winning members over " + aim
          + ": the target's own regime holds the blocking veto (" + names(partyVetoes) + ").");
    }
    if (a.outcome.basis().equals("own-position")) {
      return new Gap(goalName, false, List.of(), "Not closable by winning members over " + aim
          + ": no voting member is recorded, so the forum's own position stands for it.");
    }
    Map<Integer, Double> overrides = new HashMap<>();
    List<Closer> closers = new ArrayList<>();
    for (Member m : a.outcome.blockers()) {
      overrides.put(m.actor(), 1.0);
      closers.add(closer(m, m.veto() ? "veto" : "objection", tree, engager));
    }
    Outcome now = vote(a.forum, a.members, overrides);
    while (!goal.test(now)) {
      Member best = null;
      double bestGain = 0;
      for (Member m : a.members) {
        if (m.party() || overrides.containsKey(m.actor())) {
          continue;
        }
        double gain = m.weight() * (1 - position(m.actor(), Map.of()));
        if (gain <= EPS) {
          continue;
        }
        if (best == null || gain > bestGain + EPS
            || (Math.abs(gain - bestGain) <= EPS && better(m, best, tree, engager))) {
          best = m;
          bestGain = gain;
        }
      }
      if (best == null) {
        return new Gap(goalName, false, List.of(), "Not closable by winning members over " + aim
            + ": even with every voting member at position +1 the goal is not reached.");
      }
      overrides.put(best.actor(), 1.0);
      closers.add(closer(best, "vote", tree, engager));
      now = vote(a.forum, a.members, overrides);
    }
    String list = closers.stream().map(c -> String.format(Locale.ROOT, "%s (%s, position %.2f)",
        c.name(), c.role(), c.position())).collect(Collectors.joining(", "));
    return new Gap(goalName, true, List.copyOf(closers), String.format(Locale.ROOT,
        "Winning over %s %s: with them at position +1 the stance becomes %.3f and %.0f%% of the vote is in favour.",
        list, aim, now.stance(), 100 * now.support()));
  }

  private boolean better(Member m, Member than, BestPathTree tree, int engager) {
    double am = access(m.actor(), tree, engager);
    double at = access(than.actor(), tree, engager);
    if (Math.abs(am - at) > EPS) {
      return am > at;
    }
    return graph.actor(m.actor()).id().compareTo(graph.actor(than.actor()).id()) < 0;
  }

  private static double access(int actor, BestPathTree tree, int engager) {
    return actor == engager ? 1 : tree.strength(actor);
  }

  private Closer closer(Member m, String role, BestPathTree tree, int engager) {
    Actor a = graph.actor(m.actor());
    return new Closer(a.id(), a.name(), a.position(), m.weight(), role, access(m.actor(), tree, engager));
  }

  // ---- answer records ----

  private Vote voteRecord(Member m) {
    Actor a = graph.actor(m.actor());
    Tie t = graph.tie(m.tie());
    return new Vote(a.id(), a.name(), a.position(), m.weight(), m.veto(), m.party(), t.id(), t.sources());
  }

  private String names(List<Member> members) {
    return members.stream().map(m -> String.format(Locale.ROOT, "%s %.2f",
        graph.actor(m.actor()).name(), graph.actor(m.actor()).position()))
        .collect(Collectors.joining(", "));
  }

  private Forum forum(Assessed a, BestPathTree tree, int engager, String reinforcingTie, Gap gap,
      boolean isLead) {
    Actor f = graph.actor(a.forum);
    DecisionRule rule = rule(a.forum);
    Outcome o = a.outcome;
    StringBuilder s = new StringBuilder(f.name()).append(" (").append(rule.label())
        .append(f.decisionRule() == null ? ", rule not recorded: simple majority assumed" : "")
        .append("): ");
    if (o.basis().equals("members")) {
      long voters = a.members.stream().filter(m -> !m.party()).count();
      s.append(String.format(Locale.ROOT, "stance %.3f, the vote-weighted mean of %d voting member%s; %.0f%% of the vote in favour",
          o.stance(), voters, voters == 1 ? "" : "s", 100 * o.support()));
    } else {
      s.append(String.format(Locale.ROOT, "stance %.3f, the forum's own position (no voting member recorded)",
          o.stance()));
    }
    List<Member> parties = a.members.stream().filter(Member::party).toList();
    if (!parties.isEmpty()) {
      s.append("; parties not voting: ").append(parties.stream()
          .map(m -> graph.actor(m.actor()).name()).collect(Collectors.joining(", ")));
    }
    if (!o.blockers().isEmpty()) {
      s.append("; blocked by ").append(rule == DecisionRule.CONSENSUS ? "the objection or veto of " : "the veto of ")
          .append(names(o.blockers()));
    }
    s.append(o.canPass() ? "; coercive action can pass" : "; coercive action cannot pass");
    if (!a.routes.isEmpty()) {
      s.append("; the target can appeal to it through ").append(a.routes.stream()
          .map(r -> r.kind() + " " + r.via()).distinct().collect(Collectors.joining(", ")));
    } else {
      s.append("; not a venue of the target (it acts on the regime)");
    }
    s.append(a.access > 0
        ? String.format(Locale.ROOT, "; the engager's best path to it has strength %.3f", a.access)
        : "; the engager has no path to it");
    if (isLead) {
      s.append("; the lead channel");
    } else if (reinforcingTie != null) {
      s.append("; reinforces the lead channel (tie ").append(reinforcingTie).append(")");
    }
    List<Vote> votes = a.members.stream().map(this::voteRecord).toList();
    List<Vote> blockers = o.blockers().stream().map(this::voteRecord).toList();
    return new Forum(f.id(), f.name(), rule.label(), a.venue(), a.routes, o.stance(), o.basis(),
        o.support(), ruleText(rule), !o.blockers().isEmpty(), blockers, o.canPass(), a.access,
        a.forum == engager ? null : tree.path(a.forum), votes, reinforcingTie, gap, s.toString());
  }

  private EscapeVenue escapeVenue(Assessed a, Assessed lead) {
    Actor f = graph.actor(a.forum);
    Double gap = lead == null ? null : lead.outcome.stance() - a.outcome.stance();
    String why;
    if (lead == null) {
      why = f.name() + " cannot pass coercive action and the engager reaches no forum to lead with";
    } else if (lead.outcome.canPass() && !a.outcome.canPass()) {
      why = String.format(Locale.ROOT, "%s cannot pass coercive action (%s) where %s can",
          f.name(), a.outcome.blockers().isEmpty() ? "too few in favour" : "blocked by " + names(a.outcome.blockers()),
          graph.actor(lead.forum).name());
    } else {
      why = String.format(Locale.ROOT, "%s's stance %.3f is %.3f below %s's %.3f%s", f.name(),
          a.outcome.stance(), gap, graph.actor(lead.forum).name(), lead.outcome.stance(),
          a.outcome.canPass() ? "" : (a.outcome.blockers().isEmpty() ? "; neither can pass"
              : "; neither can pass, and it is blocked by " + names(a.outcome.blockers())));
    }
    why += "; the target reaches it through " + a.routes.stream().map(r -> r.kind() + " " + r.via())
        .distinct().collect(Collectors.joining(", ")) + ", and it has no supportive tie with the lead";
    return new EscapeVenue(f.id(), f.name(), a.outcome.stance(), a.outcome.canPass(),
        !a.outcome.blockers().isEmpty(), gap,
        a.routes.stream().map(r -> r.kind() + ":" + r.via()).distinct().toList(), why);
  }

  private LeadChannel leadChannel(Assessed lead, BestPathTree tree, Gap gap) {
    Actor f = graph.actor(lead.forum);
    List<Reinforcement> reinforcedBy = new ArrayList<>();
    for (int e : graph.incoming(lead.forum)) {
      Tie t = graph.tie(e);
      if (t.polarity() == Polarity.SUPPORTIVE && t.type() != TieType.MEMBER_OF) {
        Actor s = graph.actor(graph.source(e));
        reinforcedBy.add(new Reinforcement(s.id(), s.name(), t.id(), t.type().label()));
      }
    }
    String why = String.format(Locale.ROOT, "%s: %s, with the engager's best path at strength %.3f, the highest %s",
        f.name(), lead.outcome.canPass() ? "coercive action can pass there"
            : "coercive action cannot pass there yet (" + (lead.outcome.blockers().isEmpty()
                ? "too few in favour" : "blocked by " + names(lead.outcome.blockers())) + ")",
        lead.access, lead.outcome.canPass() ? "among the forums where it can pass"
            : "of any forum acting on the target, since the engager reaches none where it can pass");
    if (!reinforcedBy.isEmpty()) {
      why += "; reinforced by " + reinforcedBy.stream().map(Reinforcement::name).distinct()
          .collect(Collectors.joining(", "));
    }
    return new LeadChannel(f.id(), f.name(), rule(lead.forum).label(), lead.outcome.canPass(),
        !lead.outcome.blockers().isEmpty(), lead.outcome.stance(), lead.access, tree.path(lead.forum),
        lead.venue(), List.copyOf(reinforcedBy), gap, why);
  }

  private List<GapCloser> gapClosers(List<Assessed> escapes, Assessed lead, Map<Integer, Gap> gaps,
      BestPathTree tree) {
    List<Assessed> gapped = new ArrayList<>();
    if (lead != null && !lead.outcome.canPass()) {
      gapped.add(lead);
    }
    gapped.addAll(escapes);
    Map<String, List<String[]>> byActor = new LinkedHashMap<>();
    Map<String, Closer> first = new HashMap<>();
    for (Assessed a : gapped) {
      Gap gap = gaps.get(a.forum);
      if (gap == null || !gap.closable()) {
        continue;
      }
      for (Closer c : gap.closers()) {
        byActor.computeIfAbsent(c.id(), x -> new ArrayList<>())
            .add(new String[] {graph.actor(a.forum).id(), c.role()});
        first.putIfAbsent(c.id(), c);
      }
    }
    List<GapCloser> out = new ArrayList<>();
    for (var entry : byActor.entrySet()) {
      Closer c = first.get(entry.getKey());
      int index = graph.require(c.id(), "closer");
      List<String> forums = entry.getValue().stream().map(x -> x[0]).toList();
      List<String> roles = entry.getValue().stream().map(x -> x[1]).toList();
      String why = String.format(Locale.ROOT, "%s (position %.2f) is needed to close the gap in %s%s",
          c.name(), c.position(), entry.getValue().stream()
              .map(x -> graph.actor(graph.require(x[0], "forum")).name() + " (" + x[1] + ")")
              .collect(Collectors.joining(", ")),
          c.access() > 0 ? String.format(Locale.ROOT, "; the engager's best path to it has strength %.3f", c.access())
              : "; the engager has no path to it");
      out.add(new GapCloser(c.id(), c.name(), c.position(), c.access(),
          c.access() >= 1 ? null : tree.path(index), forums, roles, why));
    }
    out.sort(Comparator.comparingInt((GapCloser g) -> g.forums().size()).reversed()
        .thenComparing(g -> g.roles().stream().allMatch("vote"::equals))
        .thenComparing(Comparator.comparingDouble(GapCloser::access).reversed())
        .thenComparing(GapCloser::id));
    return List.copyOf(out);
  }

  // ---- risk parts ----

  private RiskPart escapeShare(List<Assessed> venues, List<Assessed> escapes) {
    double value = venues.isEmpty() ? 0 : (double) escapes.size() / venues.size();
    return new RiskPart("escapeShare", value, 1.0 / 3,
        escapes.stream().map(a -> graph.actor(a.forum).id()).toList(),
        String.format(Locale.ROOT, "%d of the target's %d venue%s %s escape venue%s", escapes.size(),
            venues.size(), venues.size() == 1 ? "" : "s", escapes.size() == 1 ? "is an" : "are",
            escapes.size() == 1 ? "" : "s"));
  }

  private RiskPart spread(Assessed lead, List<Assessed> escapes) {
    List<Assessed> played = new ArrayList<>();
    if (lead != null) {
      played.add(lead);
    }
    played.addAll(escapes);
    if (played.size() < 2) {
      return new RiskPart("spread", 0, 1.0 / 3,
          played.stream().map(a -> graph.actor(a.forum).id()).toList(),
          "no escape venue to play against the lead, so no spread");
    }
    Assessed hi = played.stream().max(Comparator.comparingDouble(a -> a.outcome.stance())).orElseThrow();
    Assessed lo = played.stream().min(Comparator.comparingDouble(a -> a.outcome.stance())).orElseThrow();
    double value = (hi.outcome.stance() - lo.outcome.stance()) / 2;
    return new RiskPart("spread", value, 1.0 / 3,
        List.of(graph.actor(hi.forum).id(), graph.actor(lo.forum).id()),
        String.format(Locale.ROOT, "(%s %.3f - %s %.3f) / 2: the stances the target can play against each other, over the lead and the escape venues",
            graph.actor(hi.forum).name(), hi.outcome.stance(), graph.actor(lo.forum).name(),
            lo.outcome.stance()));
  }

  private RiskPart vetoCover(List<Assessed> assessed, BitSet regime,
      Map<String, PatronAnalysis.Patron> patrons) {
    Map<String, Set<String>> vetoes = new LinkedHashMap<>();
    List<String> own = new ArrayList<>();
    for (Assessed a : assessed) {
      for (Member m : a.outcome.blockers()) {
        if (!m.veto()) {
          continue;
        }
        String id = graph.actor(m.actor()).id();
        if (regime.get(m.actor())) {
          own.add(id + " in " + graph.actor(a.forum).id());
        } else if (patrons.containsKey(id)) {
          vetoes.computeIfAbsent(id, x -> new TreeSet<>()).add(graph.actor(a.forum).id());
        }
      }
    }
    if (!own.isEmpty()) {
      return new RiskPart("vetoCover", 1, 1.0 / 3, own,
          "the target's own regime holds a blocking veto (" + String.join(", ", own) + ")");
    }
    double share = 0;
    List<String> basis = new ArrayList<>();
    List<String> words = new ArrayList<>();
    for (var entry : vetoes.entrySet()) {
      PatronAnalysis.Patron p = patrons.get(entry.getKey());
      share += p.shieldShare();
      basis.add(p.id());
      words.add(String.format(Locale.ROOT, "%s (shield share %.3f, veto in %s)", p.name(),
          p.shieldShare(), String.join(", ", entry.getValue())));
    }
    double value = Math.min(1, share);
    return new RiskPart("vetoCover", value, 1.0 / 3, List.copyOf(basis), words.isEmpty()
        ? "no patron of the target holds a veto that blocks coercive action in an assessed forum"
        : "shield shares of the patrons whose veto blocks coercive action: " + String.join(", ", words));
  }

  private String explain(int target, int engager, double risk, List<RiskPart> parts,
      List<Assessed> venues, List<EscapeVenue> escapes, LeadChannel lead, List<GapCloser> closers) {
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
        "Forum-shopping risk for %s seen from %s: %.3f = mean of %s. ", graph.actor(target).name(),
        graph.actor(engager).name(), risk, parts.stream()
            .map(p -> String.format(Locale.ROOT, "%s %.3f", p.name(), p.value()))
            .collect(Collectors.joining(", "))));
    s.append(venues.isEmpty() ? "The target can appeal to no forum. "
        : "The target can appeal to " + venues.stream().map(a -> graph.actor(a.forum).name())
            .collect(Collectors.joining(", ")) + ". ");
    if (lead == null) {
      s.append("The engager reaches no forum that acts on the target, so there is no lead channel. ");
    } else {
      s.append("Lead with ").append(lead.explanation()).append(". ");
    }
    s.append(escapes.isEmpty() ? "No escape venue. "
        : "Escape venues: " + escapes.stream().map(EscapeVenue::name).collect(Collectors.joining(", ")) + ". ");
    if (!closers.isEmpty()) {
      s.append("To close the gaps, win over ").append(closers.stream()
          .map(c -> c.name() + " (" + String.join(", ", c.forums()) + ")").collect(Collectors.joining(", ")))
          .append(".");
    }
    return s.toString().trim();
  }
}
