package org.fulcrum.analysis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.fulcrum.analysis.DecisionRuleVote.Ballot;
import org.fulcrum.analysis.DecisionRuleVote.Member;
import org.fulcrum.analysis.DecisionRuleVote.Outcome;
import org.fulcrum.analysis.ForumShopping.EscapeVenue;
import org.fulcrum.analysis.ForumShopping.Forum;
import org.fulcrum.analysis.ForumShopping.Gap;
import org.fulcrum.analysis.ForumShopping.GapCloser;
import org.fulcrum.analysis.ForumShopping.LeadChannel;
import org.fulcrum.analysis.ForumShopping.Reinforcement;
import org.fulcrum.analysis.ForumShopping.RiskPart;
import org.fulcrum.analysis.ForumShopping.Route;
import org.fulcrum.analysis.ForumShopping.Vote;
import org.fulcrum.analysis.ForumVenues.AssessedForum;
import org.fulcrum.analysis.ForumVenues.RouteIn;
import org.fulcrum.casefile.Actor;
import org.fulcrum.casefile.DecisionRule;
import org.fulcrum.casefile.Polarity;
import org.fulcrum.casefile.Tie;
import org.fulcrum.casefile.TieType;

/**
 * The presenter of {@link ForumShopping}: turns the int-level {@link ForumVenues} into the answer
 * records, ids and names in place of indices, each with its explanation in English. Computes
 * nothing the answer depends on.
 */
final class ForumShoppingExplanations {

  private final LeverageGraph graph;
  private final DecisionRuleVote voting;

  ForumShoppingExplanations(LeverageGraph graph) {
    this.graph = graph;
    this.voting = new DecisionRuleVote(graph);
  }

  /** The members' names with their positions, e.g. {@code China -0.80, Russia -0.60}. */
  String names(List<Member> members) {
    return members.stream().map(m -> String.format(Locale.ROOT, "%s %.2f",
        graph.actor(m.actor()).name(), graph.actor(m.actor()).position()))
        .collect(Collectors.joining(", "));
  }

  private Vote voteRecord(Member m) {
    Actor a = graph.actor(m.actor());
    Tie t = graph.tie(m.tie());
    Ballot b = voting.ballot(m, Map.of());
    return new Vote(a.id(), a.name(), a.position(), m.weight(), m.veto(), m.party(),
        b.vote().label(), b.basis(), t.id(), t.sources());
  }

  /** The votes in words, e.g. {@code China veto (recorded), Russia abstain (inferred from position 0.00)}. */
  private String ballots(AssessedForum a) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < a.members().size(); i++) {
      Member m = a.members().get(i);
      Ballot b = a.outcome().ballots().get(i);
      out.add(graph.actor(m.actor()).name() + " " + b.vote().label() + " (" + b.basis()
          + (m.party() ? ", party: not counted" : "") + ")");
    }
    return String.join(", ", out);
  }

  private Route route(RouteIn r) {
    Actor a = graph.actor(r.via());
    Tie t = graph.tie(r.tie());
    return new Route(r.kind(), a.id(), a.name(), t.id(), t.sources());
  }

  private String via(RouteIn r) {
    return r.kind() + " " + graph.actor(r.via()).id();
  }

  Forum forum(AssessedForum a, BestPathTree tree, int engager, int reinforcingTie, Gap gap,
      boolean isLead) {
    Actor f = graph.actor(a.forum());
    DecisionRule rule = voting.rule(a.forum());
    Outcome o = a.outcome();
    String reinforcing = reinforcingTie < 0 ? null : graph.tie(reinforcingTie).id();
    StringBuilder s = new StringBuilder(f.name()).append(" (").append(rule.label())
        .append(f.decisionRule() == null ? ", rule not recorded: simple majority assumed" : "")
        .append("): ");
    if (o.basis().equals("members")) {
      long voters = a.members().stream().filter(m -> !m.party()).count();
      s.append(String.format(Locale.ROOT, "stance %.3f, the vote-weighted mean of %d voting member%s; votes %s yes, %s no, %s abstaining (%.0f%% of the voting weight yes) under %s; %s",
          o.stance(), voters, voters == 1 ? "" : "s", num(o.yes()), num(o.no()), num(o.abstain()),
          100 * o.support(), voting.ruleText(a.forum()), ballots(a)));
    } else {
      s.append(String.format(Locale.ROOT, "stance %.3f, the forum's own position (no voting member recorded)",
          o.stance()));
    }
    List<Member> parties = a.members().stream().filter(Member::party).toList();
    if (!parties.isEmpty()) {
      s.append("; parties not voting: ").append(parties.stream()
          .map(m -> graph.actor(m.actor()).name()).collect(Collectors.joining(", ")));
    }
    if (!o.blockers().isEmpty()) {
      s.append("; blocked by ").append(blockers(o));
    }
    s.append(o.canPass() ? "; coercive action can pass" : "; coercive action cannot pass");
    if (!a.hostileTies().isEmpty()) {
      s.append("; it acts against the target (").append(a.hostileTies().stream()
          .map(e -> graph.tie(e).type().label() + " tie " + graph.tie(e).id())
          .collect(Collectors.joining(", "))).append("), so it is closed to it");
    }
    if (a.shields()) {
      s.append("; it shields the target (tie ").append(graph.tie(a.shieldsTie()).id()).append(")");
    }
    if (a.venue()) {
      s.append("; the target can appeal to it through ").append(a.routes().stream()
          .map(this::via).distinct().collect(Collectors.joining(", ")));
    } else {
      s.append("; not a venue of the target (it acts on the regime)");
    }
    s.append(a.access() > 0
        ? String.format(Locale.ROOT, "; the engager's best path to it has strength %.3f", a.access())
        : "; the engager has no path to it");
    if (isLead) {
      s.append("; the lead channel");
    } else if (reinforcing != null) {
      s.append("; reinforces the lead channel (tie ").append(reinforcing).append(")");
    }
    List<Vote> votes = a.members().stream().map(this::voteRecord).toList();
    List<Vote> blockers = o.blockers().stream().map(this::voteRecord).toList();
    return new Forum(f.id(), f.name(), rule.label(), a.venue(),
        a.routes().stream().map(this::route).toList(), o.stance(), o.basis(), o.support(), o.yes(),
        o.no(), o.abstain(), voting.ruleText(a.forum()), f.decisionThreshold(), f.blockingMinority(),
        !o.blockers().isEmpty(), blockers, o.canPass(),
        a.hostileTies().stream().map(e -> graph.tie(e).id()).toList(), a.shields(), a.access(),
        a.forum() == engager ? null : tree.path(a.forum()), votes, reinforcing, gap, s.toString());
  }

  /** The blocking members with what blocks, e.g. {@code China -0.80 (veto)}. */
  String blockers(Outcome o) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < o.blockers().size(); i++) {
      Member m = o.blockers().get(i);
      out.add(String.format(Locale.ROOT, "%s %.2f (%s)", graph.actor(m.actor()).name(),
          graph.actor(m.actor()).position(), o.blockerRoles().get(i)));
    }
    return String.join(", ", out);
  }

  private static String num(double d) {
    return BigDecimal.valueOf(d).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }

  /** Why the venue is an escape from the lead (or, without a lead, from coercive action). */
  String escapeReason(AssessedForum a, AssessedForum lead) {
    Actor f = graph.actor(a.forum());
    Outcome o = a.outcome();
    String why;
    String cannot = o.blockers().isEmpty() ? "too few vote yes" : "blocked by " + blockers(o);
    if (a.shields()) {
      why = String.format(Locale.ROOT, "%s shields the target (tie %s) and cannot pass coercive action (%s)",
          f.name(), graph.tie(a.shieldsTie()).id(), cannot);
    } else if (lead == null) {
      why = f.name() + " cannot pass coercive action (" + cannot
          + ") and the engager reaches no forum to lead with";
    } else if (lead.outcome().canPass()) {
      why = String.format(Locale.ROOT, "%s cannot pass coercive action (%s) where %s can",
          f.name(), cannot, graph.actor(lead.forum()).name());
    } else {
      why = String.format(Locale.ROOT, "%s's stance %.3f is %.3f below %s's %.3f, more than the tolerance %.2f; neither can pass (%s)",
          f.name(), o.stance(), lead.outcome().stance() - o.stance(), graph.actor(lead.forum()).name(),
          lead.outcome().stance(), ForumShopping.STANCE_GAP_TOLERANCE, cannot);
    }
    return why + "; it has no hostile tie into the regime; the target reaches it through "
        + a.routes().stream().map(this::via).distinct().collect(Collectors.joining(", "))
        + ", and it has no supportive tie with the lead";
  }

  EscapeVenue escapeVenue(AssessedForum a, AssessedForum lead) {
    Actor f = graph.actor(a.forum());
    Double gap = lead == null ? null : lead.outcome().stance() - a.outcome().stance();
    return new EscapeVenue(f.id(), f.name(), a.outcome().stance(), a.outcome().canPass(),
        !a.outcome().blockers().isEmpty(), gap, a.shields(),
        a.routes().stream().map(r -> r.kind() + ":" + graph.actor(r.via()).id()).distinct().toList(),
        escapeReason(a, lead));
  }

  LeadChannel leadChannel(AssessedForum lead, BestPathTree tree, Gap gap) {
    Actor f = graph.actor(lead.forum());
    Outcome o = lead.outcome();
    List<Reinforcement> reinforcedBy = new ArrayList<>();
    for (int e : graph.incoming(lead.forum())) {
      Tie t = graph.tie(e);
      if (t.polarity() == Polarity.SUPPORTIVE && t.type() != TieType.MEMBER_OF) {
        Actor s = graph.actor(graph.source(e));
        reinforcedBy.add(new Reinforcement(s.id(), s.name(), t.id(), t.type().label()));
      }
    }
    String why = String.format(Locale.ROOT, "%s: %s, with the engager's best path at strength %.3f, the highest %s",
        f.name(), o.canPass() ? "coercive action can pass there"
            : "coercive action cannot pass there yet (" + (o.blockers().isEmpty()
                ? "too few vote yes" : "blocked by " + blockers(o)) + ")",
        lead.access(), o.canPass() ? "among the forums where it can pass"
            : "of any forum acting on the target, since the engager reaches none where it can pass");
    if (!reinforcedBy.isEmpty()) {
      why += "; reinforced by " + reinforcedBy.stream().map(Reinforcement::name).distinct()
          .collect(Collectors.joining(", "));
    }
    return new LeadChannel(f.id(), f.name(), voting.rule(lead.forum()).label(), o.canPass(),
        !o.blockers().isEmpty(), o.stance(), lead.access(), tree.path(lead.forum()),
        lead.venue(), List.copyOf(reinforcedBy), gap, why);
  }

  /** What each risk part measures, in the words the explanation uses (the API keeps the names). */
  static final java.util.Map<String, String> PART_WORDS = java.util.Map.of(
      "escapeShare", "the share of its venues that are escapes",
      "spread", "the spread of stances it can play against each other",
      "vetoCover", "the share of its shield held by patrons whose veto blocks a forum",
      "bestEscape", "how good its best escape is");

  private String nameOf(String id) {
    return graph.indexOf(id).map(v -> graph.actor(v).name()).orElse(id);
  }

  /** The whole answer in a paragraph. */
  String explain(int target, int engager, double risk, List<RiskPart> parts,
      List<AssessedForum> venues, List<EscapeVenue> escapes, LeadChannel lead, List<GapCloser> closers) {
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
        "Forum-shopping risk for %s seen from %s: %.2f, the mean of %s. ", graph.actor(target).name(),
        graph.actor(engager).name(), risk, parts.stream()
            .map(p -> String.format(Locale.ROOT, "%s (%.2f)", PART_WORDS.getOrDefault(p.name(), p.name()),
                p.value()))
            .collect(Collectors.joining(", "))));
    s.append(venues.isEmpty() ? "The target can appeal to no forum. "
        : "The target can appeal to " + venues.stream().map(a -> graph.actor(a.forum()).name())
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
          .map(c -> c.name() + " (at " + c.forums().stream().map(this::nameOf)
              .collect(Collectors.joining(", ")) + ")").collect(Collectors.joining(", ")))
          .append(".");
    }
    return s.toString().trim();
  }
}
