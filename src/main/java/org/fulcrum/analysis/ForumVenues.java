package org.fulcrum.analysis;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.fulcrum.analysis.DecisionRuleVote.Member;
import org.fulcrum.analysis.DecisionRuleVote.Outcome;
import org.fulcrum.casefile.ActorKind;
import org.fulcrum.casefile.Polarity;
import org.fulcrum.casefile.Tie;
import org.fulcrum.casefile.TieType;

/**
 * The forums a target can play against each other, seen from an engager, at the int level of the
 * snapshot: the assessed forums (the target's venues and the forums acting on its regime) with
 * their vote ({@link DecisionRuleVote}) and the engager's access, the lead channel, the forums
 * that reinforce it and the escape venues, by the rules {@link ForumShopping} states. Shared by
 * {@link ForumShopping}, which explains it, and {@link RedTeam}, whose target shops to the escape
 * venues. O(m) plus a linear pass per assessed forum's members.
 */
final class ForumVenues {

  /**
   * How the target gets into a forum: {@code kind} is {@code member}, {@code patron},
   * {@code shields} or {@code mediation}, {@code via} the regime member, patron or forum, {@code tie}
   * the tie that opens the route.
   */
  record RouteIn(String kind, int via, int tie) {}

  /**
   * A forum's facts before the lead is known.
   *
   * @param hostileTies the forum's hostile {@code sanctions} and {@code threatens} ties into the
   *     regime (a suspension is recorded as one): it acts against the target
   * @param shieldsTie the forum's supportive {@code shields} tie into the regime, or -1
   */
  record AssessedForum(int forum, List<RouteIn> routes, List<Member> members, Outcome outcome,
      double access, List<Integer> hostileTies, int shieldsTie) {

    boolean venue() {
      return !routes.isEmpty();
    }

    /** Closed to the target: it acts against it, or coercive action can pass there. */
    boolean closed() {
      return !hostileTies.isEmpty() || outcome.canPass();
    }

    boolean shields() {
      return shieldsTie >= 0;
    }
  }

  private final LeverageGraph graph;
  private final List<AssessedForum> assessed = new ArrayList<>();
  private final AssessedForum lead;
  /** The supportive tie (by index) between a forum and the lead, by forum index. */
  private final Map<Integer, Integer> reinforcing = new HashMap<>();
  private final List<AssessedForum> escapes = new ArrayList<>();

  private ForumVenues(LeverageGraph graph, DecisionRuleVote voting, PatronShields shields,
      BestPathTree tree, int engager) {
    this.graph = graph;
    BitSet regime = shields.regime();
    for (int f = 0; f < graph.actorCount(); f++) {
      if (graph.actor(f).kind() != ActorKind.FORUM || regime.get(f)) {
        continue;
      }
      List<RouteIn> routes = routes(f, regime, shields);
      List<Integer> force = force(f, regime);
      if (routes.isEmpty() && force.stream().noneMatch(x -> Regime.touches(graph, x, regime))) {
        continue;
      }
      List<Member> members = voting.members(f, regime);
      double access = f == engager ? 1 : tree.strength(f);
      assessed.add(new AssessedForum(f, routes, members, voting.vote(f, members, Map.of()), access,
          hostileTies(force, regime), shieldsTie(f, regime)));
    }

    lead = assessed.stream().filter(a -> a.access() > 0 && !a.shields())
        .min(Comparator.comparing((AssessedForum a) -> !a.outcome().canPass())
            .thenComparing(Comparator.comparingDouble(AssessedForum::access).reversed())
            .thenComparing(Comparator.comparingDouble((AssessedForum a) -> a.outcome().stance()).reversed())
            .thenComparing(a -> graph.actor(a.forum()).id()))
        .orElse(null);

    if (lead != null) {
      for (AssessedForum a : assessed) {
        if (a != lead) {
          int tie = supportiveTie(a.forum(), lead.forum());
          if (tie >= 0) {
            reinforcing.put(a.forum(), tie);
          }
        }
      }
    }
    for (AssessedForum a : assessed) {
      if (a.venue() && a != lead && !reinforcing.containsKey(a.forum())
          && escapeFrom(a, a.outcome(), lead)) {
        escapes.add(a);
      }
    }
  }

  /**
   * Whether a venue, with the given vote, is an escape from the lead: never when it acts against
   * the target (a hostile tie from it into the regime, a suspension among them); always when it
   * shields the target (a supportive shields tie into the regime: it openly protects it, whatever
   * its members might vote); otherwise when action cannot pass there and it is friendlier than the
   * lead (no lead; the lead can pass; or its stance is lower than
   * the lead's by more than {@link ForumShopping#STANCE_GAP_TOLERANCE}).
   */
  static boolean escapeFrom(AssessedForum a, Outcome vote, AssessedForum lead) {
    if (!a.hostileTies().isEmpty()) {
      return false;
    }
    if (a.shields()) {
      return true;
    }
    if (vote.canPass()) {
      return false;
    }
    if (lead == null || lead.outcome().canPass()) {
      return true;
    }
    return lead.outcome().stance() - vote.stance() > ForumShopping.STANCE_GAP_TOLERANCE + DecisionRuleVote.EPS;
  }

  /** The forum's hostile sanctions and threatens ties into the regime, by tie index. */
  private List<Integer> hostileTies(List<Integer> force, BitSet regime) {
    List<Integer> out = new ArrayList<>();
    for (int x : force) {
      for (int e : graph.outgoing(x)) {
        Tie t = graph.tie(e);
        if (regime.get(graph.target(e)) && t.polarity() == Polarity.HOSTILE
            && (t.type() == TieType.SANCTIONS || t.type() == TieType.THREATENS)) {
          out.add(e);
        }
      }
    }
    return List.copyOf(out);
  }

  /**
   * The forum and the forces it commands or controls, transitively (a {@code commands} tie from
   * NATO to its air component): what they do to the regime, the forum does. Regime members are
   * never part of it. The forum first, then in order of discovery.
   */
  private List<Integer> force(int f, BitSet regime) {
    List<Integer> out = new ArrayList<>(List.of(f));
    BitSet seen = new BitSet();
    seen.set(f);
    for (int i = 0; i < out.size(); i++) {
      for (int e : graph.outgoing(out.get(i))) {
        int d = graph.target(e);
        if (graph.tie(e).type().isCommand() && graph.tie(e).polarity() == Polarity.SUPPORTIVE
            && !regime.get(d) && !seen.get(d)) {
          seen.set(d);
          out.add(d);
        }
      }
    }
    return out;
  }

  /** The forum's first supportive shields tie into the regime, or -1. */
  private int shieldsTie(int f, BitSet regime) {
    for (int e : graph.outgoing(f)) {
      Tie t = graph.tie(e);
      if (regime.get(graph.target(e)) && t.polarity() == Polarity.SUPPORTIVE
          && t.type() == TieType.SHIELDS) {
        return e;
      }
    }
    return -1;
  }

  /**
   * The forums of a target seen from an engager.
   *
   * @param tree the engager's best paths
   */
  static ForumVenues of(LeverageGraph graph, PatronShields shields, BestPathTree tree, int engager) {
    return new ForumVenues(graph, new DecisionRuleVote(graph), shields, tree, engager);
  }

  /** The assessed forums, by actor index. */
  List<AssessedForum> assessed() {
    return assessed;
  }

  /** The venues among them: the forums the target can appeal to. */
  List<AssessedForum> venues() {
    return assessed.stream().filter(AssessedForum::venue).toList();
  }

  /** The lead channel, or {@code null} when the engager reaches no assessed forum. */
  AssessedForum lead() {
    return lead;
  }

  /** The supportive tie between the forum and the lead, or -1. */
  int reinforcingTie(int forum) {
    Integer tie = reinforcing.get(forum);
    return tie == null ? -1 : tie;
  }

  boolean isEscape(AssessedForum a) {
    return escapes.contains(a);
  }

  /** The escape venues, by actor index. */
  List<AssessedForum> escapes() {
    return escapes;
  }

  /** The escape venues, friendliest to the target (lowest stance) first, then by id. */
  List<AssessedForum> escapesByStance() {
    return escapes.stream()
        .sorted(Comparator.comparingDouble((AssessedForum a) -> a.outcome().stance())
            .thenComparing(a -> graph.actor(a.forum()).id()))
        .toList();
  }

  private List<RouteIn> routes(int f, BitSet regime, PatronShields shields) {
    List<RouteIn> routes = new ArrayList<>();
    for (int e : graph.incoming(f)) {
      Tie t = graph.tie(e);
      int s = graph.source(e);
      if (t.type() != TieType.MEMBER_OF) {
        continue;
      }
      if (regime.get(s)) {
        routes.add(new RouteIn("member", s, e));
      } else if (shields.isPatron(s)) {
        routes.add(new RouteIn("patron", s, e));
      }
    }
    for (int e : graph.outgoing(f)) {
      Tie t = graph.tie(e);
      if (!regime.get(graph.target(e)) || t.polarity() != Polarity.SUPPORTIVE || shields.coalition().get(f)) {
        continue;
      }
      if (t.type() == TieType.SHIELDS) {
        routes.add(new RouteIn("shields", f, e));
      } else if (t.type() == TieType.MEDIATES) {
        routes.add(new RouteIn("mediation", f, e));
      }
    }
    return List.copyOf(routes);
  }

  /** A supportive tie between two actors, either way (first found, by tie order), or -1. */
  private int supportiveTie(int a, int b) {
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
    return found.isEmpty() ? -1 : found.first();
  }
}
