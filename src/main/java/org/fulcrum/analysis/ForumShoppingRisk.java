package org.fulcrum.analysis;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.fulcrum.analysis.DecisionRuleVote.Member;
import org.fulcrum.analysis.ForumShopping.RiskPart;
import org.fulcrum.analysis.ForumVenues.AssessedForum;

/**
 * The four parts of the forum-shopping risk, each in [0, 1] and weighted 1/4, as
 * {@link ForumShopping} defines them: escape share (escape venues / venues), spread (half the range
 * of stances over the lead and the escape venues), veto cover (the shield shares of the patrons
 * whose veto or blocking minority blocks an assessed forum, capped at 1; 1 when the regime itself
 * holds a blocking veto) and best escape (how good the best escape venue is: the mean of how much
 * friendlier it is, its stance gap below the lead over 2, and whether it can shield the target, 1
 * when it has a supportive shields tie into the regime or the regime or a patron blocks action
 * there). Each part names the forums and actors behind it. O(assessed forums' blockers).
 */
final class ForumShoppingRisk {

  /** Each part's weight in the score. */
  static final double PART_WEIGHT = 1.0 / 4;

  private final LeverageGraph graph;

  ForumShoppingRisk(LeverageGraph graph) {
    this.graph = graph;
  }

  /** The parts, in the order escape share, spread, veto cover, best escape. */
  List<RiskPart> parts(ForumVenues forums, PatronShields shields) {
    return List.of(
        escapeShare(forums.venues(), forums.escapes()),
        spread(forums.lead(), forums.escapes()),
        vetoCover(forums.assessed(), shields),
        bestEscape(forums.lead(), forums.escapes(), shields));
  }

  /**
   * The best escape venue's quality: (friendlier + canShield) / 2, where friendlier is (lead stance
   * - its stance) / 2 clamped to [0, 1] (without a lead, (1 - its stance) / 2: the distance from a
   * forum ready to act), and canShield is 1 when it shields the target or the regime or a patron
   * blocks action in it, else 0; the best is the highest quality, then the id.
   */
  private RiskPart bestEscape(AssessedForum lead, List<AssessedForum> escapes, PatronShields shields) {
    AssessedForum best = null;
    double bestValue = -1;
    double bestGap = 0;
    boolean bestShields = false;
    for (AssessedForum a : escapes) {
      double reference = lead == null ? 1 : lead.outcome().stance();
      double gap = Math.max(0, Math.min(1, (reference - a.outcome().stance()) / 2));
      boolean canShield = a.shields() || a.outcome().blockers().stream()
          .anyMatch(m -> shields.regime().get(m.actor()) || shields.isPatron(m.actor()));
      double value = (gap + (canShield ? 1 : 0)) / 2;
      if (value > bestValue + DecisionRuleVote.EPS) {
        best = a;
        bestValue = value;
        bestGap = gap;
        bestShields = canShield;
      }
    }
    if (best == null) {
      return new RiskPart("bestEscape", 0, PART_WEIGHT, List.of(), "no escape venue, so no best escape");
    }
    String against = lead == null ? "+1 (no lead channel)" : graph.actor(lead.forum()).name();
    return new RiskPart("bestEscape", bestValue, PART_WEIGHT, List.of(graph.actor(best.forum()).id()),
        String.format(Locale.ROOT, "(friendlier %.3f + can shield %d) / 2 for %s: its stance %.3f is %.3f below %s, halved; %s",
            bestGap, bestShields ? 1 : 0, graph.actor(best.forum()).name(), best.outcome().stance(),
            2 * bestGap, against, bestShields
                ? (best.shields() ? "it shields the target" : "the regime or a patron blocks action there")
                : "it neither shields the target nor is action there blocked by the regime or a patron"));
  }

  private RiskPart escapeShare(List<AssessedForum> venues, List<AssessedForum> escapes) {
    double value = venues.isEmpty() ? 0 : (double) escapes.size() / venues.size();
    return new RiskPart("escapeShare", value, PART_WEIGHT,
        escapes.stream().map(a -> graph.actor(a.forum()).id()).toList(),
        String.format(Locale.ROOT, "%d of the target's %d venue%s %s escape venue%s", escapes.size(),
            venues.size(), venues.size() == 1 ? "" : "s", escapes.size() == 1 ? "is an" : "are",
            escapes.size() == 1 ? "" : "s"));
  }

  private RiskPart spread(AssessedForum lead, List<AssessedForum> escapes) {
    List<AssessedForum> played = new ArrayList<>();
    if (lead != null) {
      played.add(lead);
    }
    played.addAll(escapes);
    if (played.size() < 2) {
      return new RiskPart("spread", 0, PART_WEIGHT,
          played.stream().map(a -> graph.actor(a.forum()).id()).toList(),
          "no escape venue to play against the lead, so no spread");
    }
    AssessedForum hi = played.stream().max(Comparator.comparingDouble(a -> a.outcome().stance())).orElseThrow();
    AssessedForum lo = played.stream().min(Comparator.comparingDouble(a -> a.outcome().stance())).orElseThrow();
    double value = (hi.outcome().stance() - lo.outcome().stance()) / 2;
    return new RiskPart("spread", value, PART_WEIGHT,
        List.of(graph.actor(hi.forum()).id(), graph.actor(lo.forum()).id()),
        String.format(Locale.ROOT, "(%s %.3f - %s %.3f) / 2: the stances the target can play against each other, over the lead and the escape venues",
            graph.actor(hi.forum()).name(), hi.outcome().stance(), graph.actor(lo.forum()).name(),
            lo.outcome().stance()));
  }

  private RiskPart vetoCover(List<AssessedForum> assessed, PatronShields shields) {
    BitSet regime = shields.regime();
    Map<Integer, Set<String>> vetoes = new LinkedHashMap<>();
    List<String> own = new ArrayList<>();
    for (AssessedForum a : assessed) {
      for (int i = 0; i < a.outcome().blockers().size(); i++) {
        Member m = a.outcome().blockers().get(i);
        if (a.outcome().blockerRoles().get(i).equals("objection")) {
          continue;
        }
        if (regime.get(m.actor())) {
          own.add(graph.actor(m.actor()).id() + " in " + graph.actor(a.forum()).id());
        } else if (shields.isPatron(m.actor())) {
          vetoes.computeIfAbsent(m.actor(), x -> new TreeSet<>()).add(graph.actor(a.forum()).id());
        }
      }
    }
    if (!own.isEmpty()) {
      return new RiskPart("vetoCover", 1, PART_WEIGHT, own,
          "the target's own regime holds a blocking veto (" + String.join(", ", own) + ")");
    }
    double share = 0;
    List<String> basis = new ArrayList<>();
    List<String> words = new ArrayList<>();
    for (var entry : vetoes.entrySet()) {
      int p = entry.getKey();
      share += shields.share(p);
      basis.add(graph.actor(p).id());
      words.add(String.format(Locale.ROOT, "%s (shield share %.3f, veto or blocking minority in %s)", graph.actor(p).name(),
          shields.share(p), String.join(", ", entry.getValue())));
    }
    double value = Math.min(1, share);
    return new RiskPart("vetoCover", value, PART_WEIGHT, List.copyOf(basis), words.isEmpty()
        ? "no patron of the target holds a veto or blocking minority that blocks coercive action in an assessed forum"
        : "shield shares of the patrons whose veto or blocking minority blocks coercive action: " + String.join(", ", words));
  }
}
