package org.fulcrum.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.fulcrum.analysis.DecisionRuleVote.Member;
import org.fulcrum.analysis.DecisionRuleVote.Outcome;
import org.fulcrum.analysis.ForumShopping.Closer;
import org.fulcrum.analysis.ForumShopping.Gap;
import org.fulcrum.analysis.ForumShopping.GapCloser;
import org.fulcrum.analysis.ForumVenues.AssessedForum;
import org.fulcrum.casefile.Actor;
import org.fulcrum.casefile.MemberVote;

/**
 * The members to win over (taken to position +1) so that a forum's vote reaches a goal: that
 * coercive action can pass, or that an escape venue is no friendlier to the target than the lead.
 * Greedy and deterministic, as {@link ForumShopping} states it: every non-party blocker first, then
 * the voter whose vote turns to yes (it does not vote yes now), among them the largest gain
 * {@code weight x (1 - position)}, then voters that only move the stance by the same gain; ties to
 * the higher engager access, then the id, until the goal holds; not closable when a party holds the blocking veto or
 * no voting member is recorded. Then the union over the gapped forums, ranked. O(members^2) per
 * forum.
 */
final class GreedyGapClosing {

  private static final double EPS = DecisionRuleVote.EPS;

  private final LeverageGraph graph;
  private final DecisionRuleVote voting;
  private final ForumShoppingExplanations words;
  private final BestPathTree tree;
  private final int engager;

  GreedyGapClosing(LeverageGraph graph, ForumShoppingExplanations words, BestPathTree tree,
      int engager) {
    this.graph = graph;
    this.voting = new DecisionRuleVote(graph);
    this.words = words;
    this.tree = tree;
    this.engager = engager;
  }

  /**
   * What it takes for the forum's vote to meet the goal.
   *
   * @param goalName {@code pass} or {@code match-lead}
   * @param lead the lead channel, for {@code match-lead}
   */
  Gap gap(AssessedForum a, Predicate<Outcome> goal, String goalName, AssessedForum lead) {
    String forumName = graph.actor(a.forum()).name();
    String aim = goalName.equals("pass")
        ? "for coercive action to pass in " + forumName
        : String.format(Locale.ROOT, "for %s to be no friendlier to the target than %s (stance %.3f%s)",
            forumName, graph.actor(lead.forum()).name(), lead.outcome().stance(),
            lead.outcome().canPass() ? ", action can pass" : "");
    List<Member> partyVetoes = a.outcome().blockers().stream().filter(Member::party).toList();
    if (!partyVetoes.isEmpty()) {
      return new Gap(goalName, false, List.of(), "Not closable by winning members over " + aim
          + ": the target's own regime holds the blocking veto (" + words.names(partyVetoes) + ").");
    }
    if (goalName.equals("match-lead") && a.shields()) {
      return new Gap(goalName, false, List.of(), "Not closable by winning members over " + aim
          + ": it shields the target (tie " + graph.tie(a.shieldsTie()).id()
          + "), which no member's vote undoes.");
    }
    if (a.outcome().basis().equals("own-position")) {
      return new Gap(goalName, false, List.of(), "Not closable by winning members over " + aim
          + ": no voting member is recorded, so the forum's own position stands for it.");
    }
    Map<Integer, Double> overrides = new HashMap<>();
    List<Closer> closers = new ArrayList<>();
    for (int i = 0; i < a.outcome().blockers().size(); i++) {
      Member m = a.outcome().blockers().get(i);
      overrides.put(m.actor(), 1.0);
      closers.add(closer(m, a.outcome().blockerRoles().get(i)));
    }
    Outcome now = voting.vote(a.forum(), a.members(), overrides);
    while (!goal.test(now)) {
      Member best = null;
      boolean bestTurns = false;
      double bestGain = 0;
      for (Member m : a.members()) {
        if (m.party() || overrides.containsKey(m.actor())) {
          continue;
        }
        boolean turns = voting.ballot(m, Map.of()).vote() != MemberVote.YES;
        double gain = m.weight() * (1 - voting.position(m.actor(), Map.of()));
        if (!turns && gain <= EPS) {
          continue;
        }
        // a member whose vote turns to yes comes before one that only moves the stance
        boolean wins = best == null || (turns && !bestTurns)
            || (turns == bestTurns && (gain > bestGain + EPS
                || (Math.abs(gain - bestGain) <= EPS && better(m, best))));
        if (wins) {
          best = m;
          bestTurns = turns;
          bestGain = gain;
        }
      }
      if (best == null) {
        return new Gap(goalName, false, List.of(), "Not closable by winning members over " + aim
            + ": even with every voting member at position +1 the goal is not reached.");
      }
      overrides.put(best.actor(), 1.0);
      closers.add(closer(best, "vote"));
      now = voting.vote(a.forum(), a.members(), overrides);
    }
    String list = closers.stream().map(c -> String.format(Locale.ROOT, "%s (%s, position %.2f)",
        c.name(), c.role(), c.position())).collect(Collectors.joining(", "));
    return new Gap(goalName, true, List.copyOf(closers), String.format(Locale.ROOT,
        "Winning over %s %s: with them voting yes at position +1 the stance becomes %.3f and %.0f%% of the voting weight votes yes.",
        list, aim, now.stance(), 100 * now.support()));
  }

  private boolean better(Member m, Member than) {
    double am = access(m.actor());
    double at = access(than.actor());
    if (Math.abs(am - at) > EPS) {
      return am > at;
    }
    return graph.actor(m.actor()).id().compareTo(graph.actor(than.actor()).id()) < 0;
  }

  private double access(int actor) {
    return actor == engager ? 1 : tree.strength(actor);
  }

  private Closer closer(Member m, String role) {
    Actor a = graph.actor(m.actor());
    return new Closer(a.id(), a.name(), a.position(), m.weight(), role, access(m.actor()));
  }

  /**
   * The union of the closable gaps of the lead (if it cannot pass) and the escape venues: each
   * actor with the forums it is needed in, ranked by how many, then blockers before mere votes,
   * then engager access, then id.
   */
  List<GapCloser> union(List<AssessedForum> escapes, AssessedForum lead, Map<Integer, Gap> gaps) {
    List<AssessedForum> gapped = new ArrayList<>();
    if (lead != null && !lead.outcome().canPass()) {
      gapped.add(lead);
    }
    gapped.addAll(escapes);
    Map<String, List<String[]>> byActor = new LinkedHashMap<>();
    Map<String, Closer> first = new HashMap<>();
    for (AssessedForum a : gapped) {
      Gap gap = gaps.get(a.forum());
      if (gap == null || !gap.closable()) {
        continue;
      }
      for (Closer c : gap.closers()) {
        byActor.computeIfAbsent(c.id(), x -> new ArrayList<>())
            .add(new String[] {graph.actor(a.forum()).id(), c.role()});
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
}
