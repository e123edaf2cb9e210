package org.fulcrum.leverage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.fulcrum.analysis.BrokerCentrality;
import org.fulcrum.analysis.CentralityQuery;
import org.fulcrum.analysis.ChokepointQuery;
import org.fulcrum.analysis.EngagementPlanner;
import org.fulcrum.analysis.ExactInfluence;
import org.fulcrum.analysis.ForumQuery;
import org.fulcrum.analysis.ForumShopping;
import org.fulcrum.analysis.InfluenceRanking;
import org.fulcrum.analysis.InfluenceRankingQuery;
import org.fulcrum.analysis.LeverageGraph;
import org.fulcrum.analysis.LeveragePath;
import org.fulcrum.analysis.PathQuery;
import org.fulcrum.analysis.PatronAnalysis;
import org.fulcrum.analysis.PatronQuery;
import org.fulcrum.analysis.PlanQuery;
import org.fulcrum.analysis.Playbook;
import org.fulcrum.analysis.RedTeam;
import org.fulcrum.analysis.RedTeamQuery;
import org.fulcrum.analysis.ReverseReachableInfluence;
import org.fulcrum.analysis.SupplyChokepoints;
import org.fulcrum.analysis.YenLeveragePaths;
import org.fulcrum.bind.EnumValues;
import org.fulcrum.casefile.ActorKind;
import org.fulcrum.casefile.CaseSummary;
import org.fulcrum.casefile.Channel;
import org.fulcrum.casefile.Phase;
import org.fulcrum.casefile.Polarity;
import org.fulcrum.casefile.TargetGroup;
import org.fulcrum.casefile.Tempo;
import org.fulcrum.casefile.TieType;
import org.fulcrum.error.InvalidRequestException;

/**
 * The leverage analyses, one {@link Analysis} each, and the what-if lookup by name. Each calls its
 * analysis's public entry point; the parameter names in {@code bind} are the GET endpoints'.
 */
public final class Analyses {

  private Analyses() {}

  public static final Analysis<PathQuery, YenLeveragePaths.Result> PATHS = new Paths();
  public static final Analysis<InfluenceRankingQuery, InfluenceRanking> INFLUENCE = new Influence();
  public static final Analysis<PatronQuery, PatronAnalysis.Ranking> PATRONS = new Patrons();
  public static final Analysis<ChokepointQuery, SupplyChokepoints.Cut> CHOKEPOINTS = new Chokepoints();
  public static final Analysis<CentralityQuery, BrokerCentrality.Ranking> CENTRALITY = new Centrality();
  public static final Analysis<PlanQuery, EngagementPlanner.Plan> PLAN = new Plan();
  public static final Analysis<RedTeamQuery, RedTeam.Answer> RED_TEAM = new RedTeamAnswer();
  public static final Analysis<ForumQuery, ForumShopping.Assessment> FORUMS = new Forums();
  public static final Analysis<CasePlaybookQuery, Playbook.Plan> PLAYBOOK = new PlaybookPlan();

  private static final List<Analysis<?, ?>> ALL = List.of(PATHS, INFLUENCE, PATRONS, CHOKEPOINTS, CENTRALITY,
      PLAN, RED_TEAM, PLAYBOOK, FORUMS);

  static final String NAMES = "paths, influence, patrons, chokepoints, centrality, plan, red-team, playbook or forums";

  /**
   * @throws IllegalArgumentException for a missing or unknown name, listing the names known
   */
  public static Analysis<?, ?> named(String name) {
    if (name == null) {
      throw new InvalidRequestException("analysis is required: " + NAMES);
    }
    return ALL.stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow(() ->
        new InvalidRequestException("unknown analysis '" + name + "'; expected " + NAMES));
  }

  private static final class Paths implements Analysis<PathQuery, YenLeveragePaths.Result> {
    public String name() {
      return "paths";
    }

    public PathQuery bind(QueryParameters p) {
      return PathQuery.of(p.string("from"), p.string("to"), p.get("k", Integer.class),
          p.get("maxHops", Integer.class), p.set("types", TieType.class), p.set("channels", Channel.class),
          p.set("exclude", String.class), p.set("excludeKinds", ActorKind.class), p.string("via"),
          p.get("polarity", Polarity.class));
    }

    public List<String> focus(PathQuery query) {
      return ids(query.from(), query.to(), query.via());
    }

    public YenLeveragePaths.Result run(LeverageGraph graph, PathQuery query) {
      return new YenLeveragePaths(graph, query).run();
    }

    public String measure(PathQuery query) {
      return "path strength";
    }

    public Map<String, Double> items(PathQuery query, YenLeveragePaths.Result result) {
      Map<String, Double> items = new LinkedHashMap<>();
      for (LeveragePath path : result.paths()) {
        items.put(path.hops().stream().map(LeveragePath.Hop::tie).collect(Collectors.joining(" > ")),
            path.strength());
      }
      return items;
    }
  }

  private static final class Influence implements Analysis<InfluenceRankingQuery, InfluenceRanking> {
    public String name() {
      return "influence";
    }

    public InfluenceRankingQuery bind(QueryParameters p) {
      return InfluenceRankingQuery.of(p.string("target"), p.get("samples", Integer.class),
          p.get("seed", Long.class), p.get("method", InfluenceRankingQuery.Method.class),
          p.get("precision", Double.class));
    }

    public List<String> focus(InfluenceRankingQuery query) {
      return ids(query.query().target());
    }

    public InfluenceRanking run(LeverageGraph graph, InfluenceRankingQuery query) {
      return query.method() == InfluenceRankingQuery.Method.EXACT
          ? new ExactInfluence(graph).compute(query.query().target())
          : new ReverseReachableInfluence(graph).estimate(query.query());
    }

    public String measure(InfluenceRankingQuery query) {
      return "probability that pressure from the actor reaches " + query.query().target();
    }

    public Map<String, Double> items(InfluenceRankingQuery query, InfluenceRanking result) {
      Map<String, Double> items = new LinkedHashMap<>();
      result.actors().forEach(a -> items.put(a.id(), a.reach()));
      return items;
    }
  }

  private static final class Patrons implements Analysis<PatronQuery, PatronAnalysis.Ranking> {
    public String name() {
      return "patrons";
    }

    public PatronQuery bind(QueryParameters p) {
      return new PatronQuery(p.string("target"), p.string("engager"), p.list("coalition", String.class));
    }

    public List<String> focus(PatronQuery query) {
      return withCoalition(ids(query.target(), query.engager()), query.coalition());
    }

    public PatronAnalysis.Ranking run(LeverageGraph graph, PatronQuery query) {
      return new PatronAnalysis(graph).rank(query);
    }

    public String measure(PatronQuery query) {
      return query.engager() == null ? "shield share" : "pressure potential (shield share x leverage)";
    }

    public Map<String, Double> items(PatronQuery query, PatronAnalysis.Ranking result) {
      Map<String, Double> items = new LinkedHashMap<>();
      result.patrons().forEach(p ->
          items.put(p.id(), query.engager() == null ? p.shieldShare() : p.pressurePotential()));
      return items;
    }
  }

  /** Without {@code from}, the supply lines of every patron of the unit's regime are cut. */
  private static final class Chokepoints implements Analysis<ChokepointQuery, SupplyChokepoints.Cut> {
    public String name() {
      return "chokepoints";
    }

    public ChokepointQuery bind(QueryParameters p) {
      return new ChokepointQuery(p.list("from", String.class), p.string("to"),
          p.get("mode", SupplyChokepoints.Mode.class));
    }

    public List<String> focus(ChokepointQuery query) {
      List<String> ids = new ArrayList<>(query.from());
      ids.add(query.to());
      return ids;
    }

    public SupplyChokepoints.Cut run(LeverageGraph graph, ChokepointQuery query) {
      List<String> patrons = query.from().isEmpty()
          ? new PatronAnalysis(graph).rank(query.to(), null).patrons().stream()
              .flatMap(p -> p.parts().stream()).map(PatronAnalysis.Part::id).toList()
          : query.from();
      if (patrons.isEmpty()) {
        graph.require(query.to(), "to");
        return new SupplyChokepoints.Cut(query.to(), List.of(), query.mode(), 0, false, List.of(),
            "no patron supplies " + query.to() + " or its command chain: nothing to cut");
      }
      return new SupplyChokepoints(graph).cut(patrons, query.to(), query.mode());
    }

    public String measure(ChokepointQuery query) {
      return "capacity of the element in the minimum cut (total under 'cut capacity')";
    }

    public Map<String, Double> items(ChokepointQuery query, SupplyChokepoints.Cut cut) {
      Map<String, Double> items = new LinkedHashMap<>();
      items.put("cut capacity", cut.capacity());
      cut.cut().forEach(c -> items.put(c.id(), c.capacity()));
      return items;
    }
  }

  private static final class Centrality implements Analysis<CentralityQuery, BrokerCentrality.Ranking> {
    public String name() {
      return "centrality";
    }

    public CentralityQuery bind(QueryParameters p) {
      return new CentralityQuery(p.string("measure"), p.get("weighting", BrokerCentrality.Weighting.class));
    }

    public List<String> focus(CentralityQuery query) {
      return List.of();
    }

    public BrokerCentrality.Ranking run(LeverageGraph graph, CentralityQuery query) {
      return new BrokerCentrality(graph).betweenness(query.weighting());
    }

    public String measure(CentralityQuery query) {
      return "normalised betweenness";
    }

    public Map<String, Double> items(CentralityQuery query, BrokerCentrality.Ranking result) {
      Map<String, Double> items = new LinkedHashMap<>();
      result.actors().forEach(a -> items.put(a.id(), a.score()));
      return items;
    }
  }

  private static final class Plan implements Analysis<PlanQuery, EngagementPlanner.Plan> {
    public String name() {
      return "plan";
    }

    public PlanQuery bind(QueryParameters p) {
      return planQuery(p);
    }

    public List<String> focus(PlanQuery query) {
      return withCoalition(ids(query.engager()), query.coalition());
    }

    public EngagementPlanner.Plan run(LeverageGraph graph, PlanQuery query) {
      return new EngagementPlanner(graph).plan(query);
    }

    public String measure(PlanQuery query) {
      return "marginal expected pressure the pick adds (total under 'expected pressure')";
    }

    public Map<String, Double> items(PlanQuery query, EngagementPlanner.Plan plan) {
      Map<String, Double> items = new LinkedHashMap<>();
      items.put("expected pressure", plan.expectedPressure());
      plan.picks().forEach(p -> items.put(p.id(), p.gain()));
      return items;
    }
  }

  /** Without picks, the engagement plan for the same query is made first and answered. */
  private static final class RedTeamAnswer implements Analysis<RedTeamQuery, RedTeam.Answer> {
    public String name() {
      return "red-team";
    }

    public RedTeamQuery bind(QueryParameters p) {
      List<String> picks = p.list("plan", String.class);
      String target = p.string("target");
      return new RedTeamQuery(planQuery(p), picks, target);
    }

    public List<String> focus(RedTeamQuery query) {
      List<String> ids = new ArrayList<>(ids(query.plan().engager(), query.target()));
      ids.addAll(query.picks());
      return withCoalition(ids, query.plan().coalition());
    }

    public RedTeam.Answer run(LeverageGraph graph, RedTeamQuery query) {
      List<String> picks = query.picks().isEmpty()
          ? new EngagementPlanner(graph).plan(query.plan()).picks().stream().map(EngagementPlanner.Pick::id).toList()
          : query.picks();
      if (picks.isEmpty()) {
        throw new InvalidRequestException("plan: the engager can afford no actor that reaches a target"
            + " group within the budget, so there is no plan to answer; name the plan's actors");
      }
      return new RedTeam(graph).respond(query.plan(), picks, query.target());
    }

    public String measure(RedTeamQuery query) {
      return "expected pressure left after the counter-move";
    }

    public Map<String, Double> items(RedTeamQuery query, RedTeam.Answer answer) {
      Map<String, Double> items = new LinkedHashMap<>();
      items.put("pressure before", answer.pressureBefore());
      answer.moves().forEach(m -> items.put(m.kind() + " " + m.actor(), m.pressureAfter()));
      return items;
    }
  }

  private static final class Forums implements Analysis<ForumQuery, ForumShopping.Assessment> {
    public String name() {
      return "forums";
    }

    public ForumQuery bind(QueryParameters p) {
      return new ForumQuery(p.string("target"), p.string("engager"), p.list("coalition", String.class));
    }

    public List<String> focus(ForumQuery query) {
      return withCoalition(ids(query.target(), query.engager()), query.coalition());
    }

    public ForumShopping.Assessment run(LeverageGraph graph, ForumQuery query) {
      return new ForumShopping(graph).assess(query);
    }

    public String measure(ForumQuery query) {
      return "forum stance on coercive action against the target (total under 'risk')";
    }

    public Map<String, Double> items(ForumQuery query, ForumShopping.Assessment a) {
      Map<String, Double> items = new LinkedHashMap<>();
      items.put("risk", a.risk());
      a.forums().forEach(f -> items.put(f.id(), f.stance()));
      return items;
    }
  }

  /** Phase and tempo left out are the case's own. */
  private static final class PlaybookPlan implements Analysis<CasePlaybookQuery, Playbook.Plan> {
    public String name() {
      return "playbook";
    }

    public CasePlaybookQuery bind(QueryParameters p) {
      return new CasePlaybookQuery(p.string("engager"), p.string("target"), p.get("phase", Phase.class),
          p.get("tempo", Tempo.class), p.list("coalition", String.class));
    }

    @Override
    public CasePlaybookQuery withCaseDefaults(CasePlaybookQuery query, Supplier<CaseSummary> caseSummary) {
      return query.phase() != null && query.tempo() != null ? query : query.withCaseDefaults(caseSummary.get());
    }

    public List<String> focus(CasePlaybookQuery query) {
      return withCoalition(ids(query.engager(), query.target()), query.coalition());
    }

    public Playbook.Plan run(LeverageGraph graph, CasePlaybookQuery query) {
      return new Playbook(graph).plan(query.query());
    }

    public String measure(CasePlaybookQuery query) {
      return "strength of the path that makes the option possible";
    }

    public Map<String, Double> items(CasePlaybookQuery query, Playbook.Plan plan) {
      Map<String, Double> items = new LinkedHashMap<>();
      for (var group : plan.groups()) {
        group.options().forEach(o -> items.put(group.group().label() + " " + o.tool() + " on " + o.actor(),
            o.path().strength()));
      }
      return items;
    }
  }

  /** engager, budget, targetGroups, costs, samples, seed, coalition: what plan and red-team share. */
  private static PlanQuery planQuery(QueryParameters p) {
    String engager = p.string("engager");
    Double budget = p.get("budget", Double.class);
    Map<String, Double> targetGroups = p.numbers("targetGroups");
    Map<String, Double> costs = p.numbers("costs");
    Integer samples = p.get("samples", Integer.class);
    Long seed = p.get("seed", Long.class);
    List<String> coalition = p.list("coalition", String.class);
    return PlanQuery.of(engager, budget, targetGroups(targetGroups), costs, samples, seed, coalition);
  }

  /** The focus ids with the coalition's: a neighbourhood read for the request holds the partners. */
  private static List<String> withCoalition(List<String> focus, List<String> coalition) {
    List<String> ids = new ArrayList<>(focus);
    ids.addAll(coalition);
    return ids;
  }

  /**
   * Weights by target-group label, as the API and the command line write them.
   *
   * @throws IllegalArgumentException for a label that is not a target group
   */
  public static Map<TargetGroup, Double> targetGroups(Map<String, Double> byLabel) {
    Map<TargetGroup, Double> groups = new LinkedHashMap<>();
    if (byLabel != null) {
      byLabel.forEach((label, weight) -> {
        try {
          groups.put(EnumValues.parse(TargetGroup.class, label), weight);
        } catch (IllegalArgumentException e) {
          throw new InvalidRequestException("targetGroups: " + e.getMessage(), e);
        }
      });
    }
    return groups;
  }

  private static List<String> ids(String... ids) {
    return Arrays.stream(ids).filter(Objects::nonNull).toList();
  }
}
