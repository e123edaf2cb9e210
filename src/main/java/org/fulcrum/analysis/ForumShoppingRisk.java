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
 * The three parts of the forum-shopping risk, each in [0, 1] and weighted 1/3, as
 * {@link ForumShopping} defines them: escape share (escape venues / venues), spread (half the range
 * of stances over the lead and the escape venues) and veto cover (the shield shares of the patrons
 * whose veto blocks an assessed forum, capped at 1; 1 when the regime itself holds a blocking
 * veto). Each part names the forums and actors behind it. O(assessed forums' blockers).
 */
final class ForumShoppingRisk {

  /** Each part's weight in the score. */
  static final double PART_WEIGHT = 1.0 / 3;

  private final LeverageGraph graph;

  ForumShoppingRisk(LeverageGraph graph) {
    this.graph = graph;
  }

  /** The parts, in the order escape share, spread, veto cover. */
  List<RiskPart> parts(ForumVenues forums, PatronShields shields) {
    return List.of(
        escapeShare(forums.venues(), forums.escapes()),
        spread(forums.lead(), forums.escapes()),
        vetoCover(forums.assessed(), shields));
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
      for (Member m : a.outcome().blockers()) {
        if (!m.veto()) {
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
      words.add(String.format(Locale.ROOT, "%s (shield share %.3f, veto in %s)", graph.actor(p).name(),
          shields.share(p), String.join(", ", entry.getValue())));
    }
    double value = Math.min(1, share);
    return new RiskPart("vetoCover", value, PART_WEIGHT, List.copyOf(basis), words.isEmpty()
        ? "no patron of the target holds a veto that blocks coercive action in an assessed forum"
        : "shield shares of the patrons whose veto blocks coercive action: " + String.join(", ", words));
  }
}
