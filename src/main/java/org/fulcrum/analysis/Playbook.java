package org.fulcrum.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.fulcrum.analysis.ToolCatalogue.Mode;
import org.fulcrum.analysis.ToolCatalogue.Tool;
import org.fulcrum.casefile.Actor;
import org.fulcrum.casefile.Label;
import org.fulcrum.casefile.Phase;
import org.fulcrum.casefile.TargetGroup;
import org.fulcrum.casefile.Tempo;
import org.fulcrum.casefile.TieType;

/**
 * The tools an engager can actually apply, per target group, for a phase and tempo of a crisis (the
 * "playbooks" of Genocide Prevention Task Force, <i>Preventing Genocide</i> (2008), ch. 4, Recommendation 4-2, drawing on Table 1 through {@link ToolCatalogue}).
 *
 * <p>For each target group and each catalogue tool that acts on it, the candidate actors are the
 * case's actors of that group: for planners and perpetrators only those in the target's regime (the
 * target with its command chain, {@link Regime}); never the engager's coalition (its own government
 * and named partners with what they command, {@link Governments#coalition}). A
 * coercive tool is only aimed at actors that drive or defend the atrocities (position &lt; 0). A tool
 * is listed for an actor only if the engager's best path to it ({@link YenLeveragePaths}, k = 1)
 * uses nothing but ties on the tool's channels and of its tie types; paths to victims and to other
 * actors may not pass through the regime. Each tool is listed for its best-reached actors, up to
 * {@link PlaybookQuery#actorsPerTool()}. Tools that do not suit the tempo or phase are left out, and
 * every tool left out of a group is reported with its reason. The coalition's own supportive ties
 * into the regime (trade, aid, finance, investment, arms, cover) are listed apart as the levers it
 * already holds: withdrawing one is an economic (military for arms, diplomatic for cover or
 * alliance) tool in its hands, costing the regime the tie's share of its supportive dependence, as
 * {@link PatronAnalysis} computes it.
 *
 * <p>Order within a group: in a volcanic crisis fastest first, then strongest path; in a rolling
 * crisis strongest path first, then fastest. Cost: one bidirectional Dijkstra per (tool filter,
 * actor) pair, O(t x n x (m + n log n)) in the worst case for t distinct filters.
 */
public final class Playbook {

  private final LeverageGraph graph;
  private final ToolCatalogue catalogue;

  public Playbook(LeverageGraph graph, ToolCatalogue catalogue) {
    this.graph = Objects.requireNonNull(graph, "graph");
    this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
  }

  /** A playbook on the standard catalogue. */
  public Playbook(LeverageGraph graph) {
    this(graph, ToolCatalogue.standard());
  }

  /**
   * One tool the engager can apply to one actor, with the path that makes it possible.
   *
   * @param path the engager's best path to the actor using only the tool's channels and tie types
   * @param why the reason it is listed, in words
   */
  public record Option(
      String tool,
      String toolName,
      String type,
      String mode,
      String timeToEffect,
      String actor,
      String actorName,
      String actorKind,
      double actorPosition,
      String pathRule,
      LeveragePath path,
      String why) {}

  /**
   * A supportive tie the coalition holds into the regime, and so can withdraw.
   *
   * @param type the tool type withdrawing it is: economic (trade, aid, finance, investment),
   *     military (arms) or diplomatic (cover, alliance)
   * @param shieldShare the tie's {@code strength x confidence} / the regime's total supportive
   *     dependence: what withdrawing it costs the regime
   */
  public record CoalitionLever(String actor, String actorName, String tie, String tieType,
      String target, String type, double shieldShare, String why) {}

  /** A tool of the group's catalogue entries that is not listed, and why. */
  public record Unavailable(String tool, String toolName, String mode, String reason) {}

  /**
   * The options for one target group.
   *
   * @param purpose what acting on the group is for, in the Task Force report's words
   * @param candidates the actors of the group the tools were tried on
   * @param coercive how many options are coercive
   * @param cooperative how many options are cooperative
   * @param mix whether the group mixes coercive and cooperative options, and if not, why
   */
  public record GroupPlan(
      TargetGroup group,
      String purpose,
      List<String> candidates,
      List<Option> options,
      int coercive,
      int cooperative,
      String mix,
      List<Unavailable> unavailable) {}

  /**
   * A playbook.
   *
   * @param regime the target and its command chain, where planners and perpetrators are sought
   * @param ordering how options are ordered within each group
   * @param rules what an option needs to be listed
   */
  public record Plan(
      String caseId,
      LocalDate asOf,
      String engager,
      String engagerName,
      String target,
      String targetName,
      Phase phase,
      Tempo tempo,
      List<String> regime,
      String ordering,
      List<String> rules,
      String catalogueSource,
      List<GroupPlan> groups,
      List<String> coalition,
      List<CoalitionLever> coalitionLevers) {

    /** The options for one group (empty if none). */
    public List<Option> options(TargetGroup group) {
      return groups.stream().filter(g -> g.group() == group).findFirst()
          .map(GroupPlan::options).orElse(List.of());
    }
  }

  static final List<String> RULES = List.of(
      "a tool is listed for an actor only if the engager has a leverage path to it using only ties"
          + " on the tool's channels (and of its tie types, where the catalogue names some)",
      "planners and perpetrators are sought in the target's regime: the target and every actor"
          + " joined to it by commands or controls ties",
      "paths to victims and to other domestic and foreign actors may not pass through the regime",
      "coercive tools are aimed only at actors that drive or defend the atrocities (position < 0)",
      "the engager's coalition (its own government, the partners named, and what they command) is"
          + " never a candidate; its supportive ties into the regime are listed as levers it holds",
      "tools that do not suit the tempo or the phase are left out, with the Task Force report's reason");

  private static final Map<TargetGroup, String> PURPOSE = Map.of(
      TargetGroup.PLANNERS, "(a) those planning, authorizing, and fomenting the atrocities:"
          + " to affect their decision calculus",
      TargetGroup.PERPETRATORS, "(b) those likely to carry out the atrocities: to reduce their"
          + " operational effectiveness",
      TargetGroup.VICTIMS, "(c) the potential victims: to improve their chances of survival",
      TargetGroup.OTHER_DOMESTIC, "(d) other relevant domestic actors: to persuade and mobilize"
          + " them to play a positive role",
      TargetGroup.OTHER_FOREIGN, "(d) other relevant foreign actors: to persuade and mobilize"
          + " them to play a positive role");

  /**
   * The playbook for an engager against a target's regime.
   *
   * @throws IllegalArgumentException if the engager or the target is not an actor of the graph
   */
  public Plan plan(PlaybookQuery query) {
    Objects.requireNonNull(query, "query");
    int engager = graph.require(query.engager(), "engager");
    int target = graph.require(query.target(), "target");
    BitSet regime = Regime.of(graph, target);
    BitSet own = Regime.of(graph, engager);
    own.or(Governments.coalition(graph, engager, query.coalition()));
    PatronShields shields = PatronShields.of(graph, target, own);
    Set<String> regimeIds = new HashSet<>();
    regime.stream().forEach(i -> regimeIds.add(graph.actor(i).id()));
    Map<String, Optional<LeveragePath>> paths = new HashMap<>();
    List<GroupPlan> groups = new ArrayList<>();
    for (TargetGroup group : TargetGroup.values()) {
      groups.add(group(query, group, engager, regime, own, regimeIds, paths));
    }
    Actor e = graph.actor(engager);
    Actor t = graph.actor(target);
    String ordering = query.tempo() == Tempo.VOLCANIC
        ? "volcanic: fastest tools first (days, weeks, months, years), then strongest path"
        : "rolling: strongest path first, then fastest tool";
    return new Plan(graph.caseId(), graph.asOf(), e.id(), e.name(), t.id(), t.name(), query.phase(),
        query.tempo(), regime.stream().mapToObj(i -> graph.actor(i).id()).sorted().toList(),
        ordering, RULES, catalogue.source(), List.copyOf(groups),
        shields.coalition().stream().mapToObj(i -> graph.actor(i).id()).sorted().toList(),
        coalitionLevers(shields));
  }

  /** The coalition's supportive ties into the regime, largest share first, then by tie id. */
  private List<CoalitionLever> coalitionLevers(PatronShields shields) {
    List<CoalitionLever> levers = new ArrayList<>();
    for (int c : shields.coalitionLevers()) {
      Actor a = graph.actor(c);
      for (int e : shields.ties(c)) {
        var t = graph.tie(e);
        String type = t.type() == TieType.SUPPLIES_ARMS ? "military" : t.type().isSupply() ? "economic"
            : "diplomatic";
        double share = graph.probability(e) / shields.total();
        levers.add(new CoalitionLever(a.id(), a.name(), t.id(), t.type().label(), t.target(), type, share,
            String.format(Locale.ROOT, "%s can withdraw its %s to %s (%s, coercive): %.0f%% of the"
                + " regime's supportive dependence (%.3f x %.3f = %.3f of %.3f)", a.name(), t.type().label(),
                graph.actor(graph.target(e)).name(), type, 100 * share, t.strength(), t.confidence(),
                graph.probability(e), shields.total())));
      }
    }
    levers.sort(Comparator.comparingDouble(CoalitionLever::shieldShare).reversed()
        .thenComparing(CoalitionLever::tie));
    return List.copyOf(levers);
  }

  private GroupPlan group(PlaybookQuery q, TargetGroup group, int engager, BitSet regime,
      BitSet own, Set<String> regimeIds, Map<String, Optional<LeveragePath>> paths) {
    boolean inRegime = group == TargetGroup.PLANNERS || group == TargetGroup.PERPETRATORS;
    List<Integer> candidates = new ArrayList<>();
    for (int a = 0; a < graph.actorCount(); a++) {
      if (graph.actor(a).targetGroup() == group && a != engager && !own.get(a)
          && (!inRegime || regime.get(a))) {
        candidates.add(a);
      }
    }
    candidates.sort(Comparator.comparing(a -> graph.actor(a).id()));
    List<Option> options = new ArrayList<>();
    List<Unavailable> unavailable = new ArrayList<>();
    for (Tool tool : catalogue.tools()) {
      if (!tool.targetGroups().contains(group)) {
        continue;
      }
      String reason = null;
      if (!tool.suits(q.tempo())) {
        reason = "does not suit a " + q.tempo().label() + " crisis (suits "
            + labels(tool.tempos()) + ")" + (tool.source() == null ? "" : "; seed: " + tool.source());
      } else if (!tool.suits(q.phase())) {
        reason = "does not suit the " + q.phase().label() + " phase (suits " + labels(tool.phases())
            + ")";
      } else if (candidates.isEmpty()) {
        reason = "no actor of this group in the case" + (inRegime ? " within " + q.target()
            + "'s regime" : "") + " other than the engager's own";
      }
      List<Integer> aimed = tool.mode() == Mode.COERCIVE
          ? candidates.stream().filter(a -> graph.actor(a).position() < 0).toList()
          : candidates;
      if (reason == null && aimed.isEmpty()) {
        reason = "coercive, and no actor of this group drives or defends the atrocities"
            + " (position < 0)";
      }
      if (reason != null) {
        unavailable.add(new Unavailable(tool.id(), tool.name(), tool.mode().label(), reason));
        continue;
      }
      List<Option> reached = new ArrayList<>();
      for (int a : aimed) {
        Set<String> excluded = new HashSet<>();
        if (!inRegime) {
          excluded.addAll(regimeIds);
          excluded.remove(graph.actor(a).id());
          excluded.remove(graph.actor(engager).id());
        }
        bestPath(q.engager(), graph.actor(a).id(), tool, excluded, paths)
            .ifPresent(p -> reached.add(option(tool, graph.actor(a), group, p, inRegime, q)));
      }
      if (reached.isEmpty()) {
        unavailable.add(new Unavailable(tool.id(), tool.name(), tool.mode().label(),
            "no path from " + q.engager() + " using only " + tool.pathRule() + " reaches any of "
                + aimed.stream().map(a -> graph.actor(a).id()).toList()
                + (inRegime ? "" : " without passing through the regime")));
        continue;
      }
      reached.sort(Comparator.comparingDouble((Option o) -> o.path().strength()).reversed()
          .thenComparing(Option::actor));
      options.addAll(reached.subList(0, Math.min(q.actorsPerTool(), reached.size())));
    }
    options.sort(order(q.tempo()));
    int coercive = (int) options.stream().filter(o -> o.mode().equals("coercive")).count();
    int cooperative = options.size() - coercive;
    return new GroupPlan(group, PURPOSE.get(group),
        candidates.stream().map(a -> graph.actor(a).id()).toList(), List.copyOf(options),
        coercive, cooperative, mix(coercive, cooperative, unavailable), List.copyOf(unavailable));
  }

  private Optional<LeveragePath> bestPath(String from, String to, Tool tool, Set<String> excluded,
      Map<String, Optional<LeveragePath>> cache) {
    String key = tool.channels() + "|" + tool.tieTypes() + "|" + !excluded.isEmpty() + "|" + to;
    return cache.computeIfAbsent(key, k -> {
      PathQuery pq = new PathQuery(from, to, 1, null, Set.copyOf(tool.tieTypes()),
          Set.copyOf(tool.channels()), excluded, null, null, null);
      List<LeveragePath> found = new YenLeveragePaths(graph, pq).run().paths();
      return found.isEmpty() || found.get(0).hops().isEmpty() ? Optional.empty()
          : Optional.of(found.get(0));
    });
  }

  private Option option(Tool tool, Actor actor, TargetGroup group, LeveragePath path,
      boolean inRegime, PlaybookQuery q) {
    String why = String.format(Locale.ROOT,
        "%s (%s, %s, takes %s) on %s, %s%s: %s reaches it by %s (strength %.3f), using only %s",
        tool.name(), tool.type().label(), tool.mode().label(), tool.timeToEffect().label(),
        actor.name(), group.label(), inRegime ? " in " + q.target() + "'s regime" : "",
        q.engager(), route(path), path.strength(), tool.pathRule());
    if (!inRegime) {
      why += ", not through the regime";
    }
    LeveragePath.Hop last = path.hops().get(path.hops().size() - 1);
    if (tool.mode() == Mode.COERCIVE) {
      why += String.format(Locale.ROOT, "; coercive, and its position %.2f means it drives or"
          + " defends the atrocities", actor.position());
      if (last.polarity().equals("supportive") && Label.parse(TieType.class, last.type())
          .filter(TieType::isShield).isPresent()) {
        why += "; the pressure is withholding what the last tie (" + last.type() + ") provides";
      }
    } else if (last.polarity().equals("hostile")) {
      why += "; the inducement is easing the pressure of the last tie (" + last.type() + ")";
    }
    if (q.tempo() == Tempo.VOLCANIC) {
      why += "; suits a volcanic crisis" + (tool.timeToEffect() == ToolCatalogue.TimeToEffect.DAYS
          ? " and acts within days" : "");
    }
    return new Option(tool.id(), tool.name(), tool.type().label(), tool.mode().label(),
        tool.timeToEffect().label(), actor.id(), actor.name(), actor.kind().label(),
        actor.position(), tool.pathRule(), path, why);
  }

  /** The route of a path in one line, e.g. {@code usa -member-of-> unsc -sanctions-> hilal}. */
  public static String route(LeveragePath path) {
    StringBuilder s = new StringBuilder(path.hops().get(0).source());
    path.hops().forEach(h -> s.append(" -").append(h.type()).append("-> ").append(h.target()));
    return s.toString();
  }

  private static Comparator<Option> order(Tempo tempo) {
    Comparator<Option> fastest = Comparator.comparing(
        (Option o) -> ToolCatalogue.TimeToEffect.valueOf(o.timeToEffect().toUpperCase(Locale.ROOT)));
    Comparator<Option> strongest =
        Comparator.comparingDouble((Option o) -> o.path().strength()).reversed();
    Comparator<Option> first = tempo == Tempo.VOLCANIC ? fastest.thenComparing(strongest)
        : strongest.thenComparing(fastest);
    return first.thenComparing(Option::tool).thenComparing(Option::actor);
  }

  private static String mix(int coercive, int cooperative, List<Unavailable> unavailable) {
    if (coercive > 0 && cooperative > 0) {
      return "mixes coercive and cooperative options";
    }
    if (coercive == 0 && cooperative == 0) {
      return "no option: the graph supports no tool for this group (see unavailable)";
    }
    String missing = coercive == 0 ? "coercive" : "cooperative";
    List<String> tried = unavailable.stream().filter(u -> u.mode().equals(missing))
        .map(Unavailable::tool).toList();
    return "only " + (coercive == 0 ? "cooperative" : "coercive") + " options: "
        + (tried.isEmpty() ? "the catalogue has no " + missing + " tool for this group"
            : "no " + missing + " tool can be applied (" + String.join(", ", tried)
                + "; see unavailable)");
  }

  private static String labels(List<? extends org.fulcrum.casefile.Label> values) {
    return String.join(", ", values.stream().map(org.fulcrum.casefile.Label::label).toList());
  }
}
