package org.fulcrum.analysis;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.fulcrum.analysis.DecisionRuleVote.Member;
import org.fulcrum.analysis.DecisionRuleVote.Outcome;
import org.fulcrum.analysis.ForumVenues.AssessedForum;
import org.fulcrum.analysis.PatronAnalysis.VetoCover;

/**
 * The veto cover a patron gives the target in the engager's lead forum ({@link ForumVenues}), the
 * part of its pressure potential that the ranking adds: a patron whose veto or blocking minority
 * stands between the engager and coercive action there can unlock that action if pressed.
 *
 * <ul>
 *   <li>unlock = 1 when winning the patron over alone (its vote yes, position +1) lets action pass:
 *       action fails only because of its vote; 1/k when action passes only once all k blocking
 *       members are won over, the patron among them; 0 otherwise (too few vote yes even then);
 *   <li>veto cover = unlock x the engager's leverage on the patron (its best-path strength), so that
 *       pressure potential = leverage x (shield share + unlock).
 * </ul>
 * Only when the lead forum cannot pass and is blocked. O(m + n log n) for the forums, then one vote
 * per blocking patron.
 */
final class PatronVetoCover {

  private final Map<Integer, VetoCover> covers = new HashMap<>();

  private PatronVetoCover(LeverageGraph graph, int target, int engager, PatronShields shields,
      BestPathTree tree) {
    if (target == engager) {
      return;
    }
    AssessedForum lead = ForumVenues.of(graph, shields, tree, engager).lead();
    if (lead == null || lead.outcome().canPass() || lead.outcome().blockers().isEmpty()) {
      return;
    }
    DecisionRuleVote voting = new DecisionRuleVote(graph);
    Outcome o = lead.outcome();
    List<Member> blockers = o.blockers();
    Map<Integer, Double> all = new HashMap<>();
    blockers.stream().filter(m -> !m.party()).forEach(m -> all.put(m.actor(), 1.0));
    boolean allUnlock = all.size() == blockers.size()
        && voting.vote(lead.forum(), lead.members(), all).canPass();
    String forum = graph.actor(lead.forum()).name();
    String against = graph.actor(target).name();
    for (int i = 0; i < blockers.size(); i++) {
      Member m = blockers.get(i);
      String role = o.blockerRoles().get(i);
      if (m.party() || role.equals("objection") || !shields.isPatron(m.actor())) {
        continue;
      }
      boolean alone = voting.vote(lead.forum(), lead.members(), Map.of(m.actor(), 1.0)).canPass();
      double unlock = alone ? 1 : allUnlock ? 1.0 / blockers.size() : 0;
      // a pooled patron is pressed through whichever of its actors the engager reaches best
      int patron = shields.patronOf(m.actor());
      double leverage = shields.leverage(patron, tree);
      String name = graph.actor(m.actor()).name();
      String holds = role.equals("veto") ? "holds a veto" : "holds a blocking minority";
      String why;
      if (alone) {
        why = String.format(Locale.ROOT, "%s %s in %s, where action against %s fails only because of its vote: pressing it would unlock %s",
            name, holds, forum, against, forum);
      } else if (allUnlock) {
        String others = blockers.stream().filter(b -> b != m).map(b -> graph.actor(b.actor()).name())
            .collect(Collectors.joining(", "));
        String every = blockers.size() == 2 ? "both" : "all " + blockers.size();
        why = String.format(Locale.ROOT, "%s %s in %s, where action against %s fails because of its vote and that of %s: pressing %s would unlock %s, and it is one of them (unlock 1/%d)",
            name, holds, forum, against, others, every, forum, blockers.size());
      } else {
        why = String.format(Locale.ROOT, "%s %s in %s, but action against %s would still fail there with every blocking member won over: too few vote yes, so pressing it unlocks nothing",
            name, holds, forum, against);
      }
      why += String.format(Locale.ROOT, " (veto cover = unlock %.3f x leverage %.3f = %.3f)", unlock,
          leverage, unlock * leverage);
      covers.put(patron, new VetoCover(graph.actor(lead.forum()).id(), role, unlock, leverage,
          unlock * leverage, why));
    }
  }

  static PatronVetoCover of(LeverageGraph graph, int target, int engager, PatronShields shields,
      BestPathTree tree) {
    return new PatronVetoCover(graph, target, engager, shields, tree);
  }

  /** The patron's veto cover in the lead forum, or {@code null} when it blocks nothing there. */
  VetoCover of(int patron) {
    return covers.get(patron);
  }
}
