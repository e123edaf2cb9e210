package org.fulcrum.leverage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.fulcrum.analysis.BrokerCentrality;
import org.fulcrum.analysis.EngagementPlanner;
import org.fulcrum.analysis.ForumShopping;
import org.fulcrum.analysis.ExactInfluence;
import org.fulcrum.analysis.InfluenceQuery;
import org.fulcrum.analysis.InfluenceRanking;
import org.fulcrum.analysis.LeverageGraph;
import org.fulcrum.analysis.LeveragePath;
import org.fulcrum.analysis.PatronAnalysis;
import org.fulcrum.analysis.PathQuery;
import org.fulcrum.analysis.PlanQuery;
import org.fulcrum.analysis.Playbook;
import org.fulcrum.analysis.PlaybookQuery;
import org.fulcrum.analysis.RedTeam;
import org.fulcrum.analysis.ReverseReachableInfluence;
import org.fulcrum.analysis.SupplyChokepoints;
import org.fulcrum.analysis.YenLeveragePaths;
import org.fulcrum.casefile.ActorKind;
import org.fulcrum.casefile.Channel;
import org.fulcrum.casefile.Label;
import org.fulcrum.casefile.Polarity;
import org.fulcrum.casefile.TargetGroup;
import org.fulcrum.casefile.TieType;

/**
 * One leverage analysis with its parameters, parsed once from query parameters (the GET endpoints,
 * the command line and what-if requests share this parsing), runnable on any snapshot, and able to
 * list its result as (item, measure) pairs so that a what-if can say what changed.
 */
sealed interface AnalysisRequest {

  String ANALYSES = "paths, influence, patrons, chokepoints, centrality, plan, red-team, playbook or forums";

  Object run(LeverageGraph graph);

  /**
   * The actors the request names: the centre of a neighbourhood projection ({@code within=N}).
   * Empty for analyses of the whole case.
   */
  List<String> focus();

  /** What {@link #items} measures. */
  String measure();

  /** The result's items with their measure, for differences. */
  Map<String, Double> items(Object result);

  static AnalysisRequest parse(String analysis, Map<String, String> p) {
    if (analysis == null) {
      throw new IllegalArgumentException("analysis is required: " + ANALYSES);
    }
    return switch (analysis) {
      case "paths" -> new Paths(new PathQuery(p.get("from"), p.get("to"),
          integer(p, "k", PathQuery.K_DEFAULT), p.containsKey("maxHops") ? integer(p, "maxHops", 0) : null,
          labels(p, "types", TieType.class), labels(p, "channels", Channel.class),
          Set.copyOf(list(p, "exclude")), labels(p, "excludeKinds", ActorKind.class), blankToNull(p.get("via")),
          p.get("polarity") == null ? null : label(p.get("polarity"), "polarity", Polarity.class)));
      case "influence" -> new Influence(new InfluenceQuery(p.get("target"),
          integer(p, "samples", InfluenceQuery.SAMPLES_DEFAULT),
          p.containsKey("seed") ? longValue(p, "seed") : InfluenceQuery.SEED_DEFAULT),
          method(p.getOrDefault("method", "sampling")));
      case "patrons" -> new Patrons(required(p, "target"), blankToNull(p.get("engager")));
      case "chokepoints" -> new Chokepoints(list(p, "from"), required(p, "to"),
          mode(p.getOrDefault("mode", "ties")));
      case "centrality" -> new Centrality(p.getOrDefault("measure", "betweenness"),
          weighting(p.getOrDefault("weighting", "leverage")));
      case "plan" -> new Plan(planQuery(p));
      case "red-team" -> new RedTeamRequest(planQuery(p), list(p, "plan"), required(p, "target"));
      case "forums" -> new Forums(required(p, "target"), required(p, "engager"));
      case "playbook" -> new PlaybookRequest(PlaybookQuery.of(required(p, "engager"), required(p, "target"),
          p.get("phase"), p.get("tempo")));
      default -> throw new IllegalArgumentException("unknown analysis '" + analysis
          + "'; expected " + ANALYSES);
    };
  }

  record Paths(PathQuery query) implements AnalysisRequest {
    public List<String> focus() {
      return ids(query.from(), query.to(), query.via());
    }

    public YenLeveragePaths.Result run(LeverageGraph graph) {
      return new YenLeveragePaths(graph, query).run();
    }

    public String measure() {
      return "path strength";
    }

    public Map<String, Double> items(Object result) {
      Map<String, Double> items = new LinkedHashMap<>();
      for (LeveragePath path : ((YenLeveragePaths.Result) result).paths()) {
        items.put(path.hops().stream().map(LeveragePath.Hop::tie).collect(Collectors.joining(" > ")),
            path.strength());
      }
      return items;
    }
  }

  record Influence(InfluenceQuery query, String method) implements AnalysisRequest {
    public List<String> focus() {
      return ids(query.target());
    }

    public InfluenceRanking run(LeverageGraph graph) {
      return method.equals("exact") ? new ExactInfluence(graph).compute(query.target())
          : new ReverseReachableInfluence(graph).estimate(query);
    }

    public String measure() {
      return "probability that pressure from the actor reaches " + query.target();
    }

    public Map<String, Double> items(Object result) {
      Map<String, Double> items = new LinkedHashMap<>();
      ((InfluenceRanking) result).actors().forEach(a -> items.put(a.id(), a.reach()));
      return items;
    }
  }

  record Patrons(String target, String engager) implements AnalysisRequest {
    public List<String> focus() {
      return ids(target, engager);
    }

    public PatronAnalysis.Ranking run(LeverageGraph graph) {
      return new PatronAnalysis(graph).rank(target, engager);
    }

    public String measure() {
      return engager == null ? "shield share" : "pressure potential (shield share x leverage)";
    }

    public Map<String, Double> items(Object result) {
      Map<String, Double> items = new LinkedHashMap<>();
      ((PatronAnalysis.Ranking) result).patrons().forEach(p ->
          items.put(p.id(), engager == null ? p.shieldShare() : p.pressurePotential()));
      return items;
    }
  }

  /** Without {@code from}, the supply lines of every patron of the unit's regime are cut. */
  record Chokepoints(List<String> from, String to, SupplyChokepoints.Mode mode) implements AnalysisRequest {
    public List<String> focus() {
      List<String> ids = new ArrayList<>(from);
      ids.add(to);
      return ids;
    }

    public SupplyChokepoints.Cut run(LeverageGraph graph) {
      List<String> patrons = from.isEmpty()
          ? new PatronAnalysis(graph).rank(to, null).patrons().stream().map(PatronAnalysis.Patron::id).toList()
          : from;
      if (patrons.isEmpty()) {
        graph.require(to, "to");
        return new SupplyChokepoints.Cut(to, List.of(), mode, 0, false, List.of(),
            "no patron supplies " + to + " or its command chain: nothing to cut");
      }
      return new SupplyChokepoints(graph).cut(patrons, to, mode);
    }

    public String measure() {
      return "capacity of the element in the minimum cut (total under 'cut capacity')";
    }

    public Map<String, Double> items(Object result) {
      var cut = (SupplyChokepoints.Cut) result;
      Map<String, Double> items = new LinkedHashMap<>();
      items.put("cut capacity", cut.capacity());
      cut.cut().forEach(c -> items.put(c.id(), c.capacity()));
      return items;
    }
  }

  record Centrality(String measureName, BrokerCentrality.Weighting weighting) implements AnalysisRequest {
    public List<String> focus() {
      return List.of();
    }

    public Centrality {
      if (!measureName.equals("betweenness")) {
        throw new IllegalArgumentException("measure must be betweenness, got '" + measureName + "'");
      }
    }

    public BrokerCentrality.Ranking run(LeverageGraph graph) {
      return new BrokerCentrality(graph).betweenness(weighting);
    }

    public String measure() {
      return "normalised betweenness";
    }

    public Map<String, Double> items(Object result) {
      Map<String, Double> items = new LinkedHashMap<>();
      ((BrokerCentrality.Ranking) result).actors().forEach(a -> items.put(a.id(), a.score()));
      return items;
    }
  }

  record Plan(PlanQuery query) implements AnalysisRequest {
    public List<String> focus() {
      return ids(query.engager());
    }

    public EngagementPlanner.Plan run(LeverageGraph graph) {
      return new EngagementPlanner(graph).plan(query);
    }

    public String measure() {
      return "marginal expected pressure the pick adds (total under 'expected pressure')";
    }

    public Map<String, Double> items(Object result) {
      var plan = (EngagementPlanner.Plan) result;
      Map<String, Double> items = new LinkedHashMap<>();
      items.put("expected pressure", plan.expectedPressure());
      plan.picks().forEach(p -> items.put(p.id(), p.gain()));
      return items;
    }
  }

  /** Without {@code plan}, the engagement plan for the same query is made first and answered. */
  record RedTeamRequest(PlanQuery query, List<String> plan, String target) implements AnalysisRequest {
    public List<String> focus() {
      List<String> ids = new ArrayList<>(ids(query.engager(), target));
      ids.addAll(plan);
      return ids;
    }

    public RedTeam.Answer run(LeverageGraph graph) {
      List<String> picks = plan.isEmpty()
          ? new EngagementPlanner(graph).plan(query).picks().stream().map(EngagementPlanner.Pick::id).toList()
          : plan;
      if (picks.isEmpty()) {
        throw new IllegalArgumentException("plan: the engager can afford no actor that reaches a target"
            + " group within the budget, so there is no plan to answer; name the plan's actors");
      }
      return new RedTeam(graph).respond(query, picks, target);
    }

    public String measure() {
      return "expected pressure left after the counter-move";
    }

    public Map<String, Double> items(Object result) {
      var answer = (RedTeam.Answer) result;
      Map<String, Double> items = new LinkedHashMap<>();
      items.put("pressure before", answer.pressureBefore());
      answer.moves().forEach(m -> items.put(m.kind() + " " + m.actor(), m.pressureAfter()));
      return items;
    }
  }

  record Forums(String target, String engager) implements AnalysisRequest {
    public List<String> focus() {
      return ids(target, engager);
    }

    public ForumShopping.Assessment run(LeverageGraph graph) {
      return new ForumShopping(graph).assess(target, engager);
    }

    public String measure() {
      return "forum stance on coercive action against the target (total under 'risk')";
    }

    public Map<String, Double> items(Object result) {
      var a = (ForumShopping.Assessment) result;
      Map<String, Double> items = new LinkedHashMap<>();
      items.put("risk", a.risk());
      a.forums().forEach(f -> items.put(f.id(), f.stance()));
      return items;
    }
  }

  record PlaybookRequest(PlaybookQuery query) implements AnalysisRequest {
    public List<String> focus() {
      return ids(query.engager(), query.target());
    }

    public Playbook.Plan run(LeverageGraph graph) {
      return new Playbook(graph).plan(query);
    }

    public String measure() {
      return "strength of the path that makes the option possible";
    }

    public Map<String, Double> items(Object result) {
      Map<String, Double> items = new LinkedHashMap<>();
      for (var group : ((Playbook.Plan) result).groups()) {
        group.options().forEach(o -> items.put(group.group().label() + " " + o.tool() + " on " + o.actor(),
            o.path().strength()));
      }
      return items;
    }
  }

  private static List<String> ids(String... ids) {
    return Arrays.stream(ids).filter(java.util.Objects::nonNull).toList();
  }

  // ---- parameter parsing -------------------------------------------------------------------

  /**
   * engager, budget, targetGroups ({@code planners:2,victims:1}), costs ({@code actor:3,other:1}),
   * samples, seed.
   */
  private static PlanQuery planQuery(Map<String, String> p) {
    String budget = blankToNull(p.get("budget"));
    if (budget == null) {
      throw new IllegalArgumentException("budget: a positive number is required");
    }
    Map<TargetGroup, Double> groups = new LinkedHashMap<>();
    numbers(p, "targetGroups").forEach((k, v) -> groups.put(label(k, "targetGroups", TargetGroup.class), v));
    return new PlanQuery(required(p, "engager"), number(budget, "budget"), groups, numbers(p, "costs"),
        integer(p, "samples", PlanQuery.SAMPLES_DEFAULT),
        p.containsKey("seed") ? longValue(p, "seed") : PlanQuery.SEED_DEFAULT);
  }

  private static double number(String v, String name) {
    try {
      return Double.parseDouble(v.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number, got '" + v + "'");
    }
  }

  /** {@code key:number,key:number}; a key without a number means 1. */
  private static Map<String, Double> numbers(Map<String, String> p, String name) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (String item : list(p, name)) {
      int colon = item.lastIndexOf(':');
      String key = colon < 0 ? item : item.substring(0, colon).strip();
      double value = colon < 0 ? 1 : number(item.substring(colon + 1), name + "." + key);
      if (out.put(key, value) != null) {
        throw new IllegalArgumentException(name + ": '" + key + "' is given twice");
      }
    }
    return out;
  }

  private static String required(Map<String, String> p, String name) {
    String v = blankToNull(p.get(name));
    if (v == null) {
      throw new IllegalArgumentException(name + ": an actor id is required");
    }
    return v;
  }

  private static String blankToNull(String v) {
    return v == null || v.isBlank() ? null : v.strip();
  }

  private static int integer(Map<String, String> p, String name, int fallback) {
    String v = blankToNull(p.get(name));
    if (v == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, got '" + v + "'");
    }
  }

  private static long longValue(Map<String, String> p, String name) {
    try {
      return Long.parseLong(p.get(name).strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, got '" + p.get(name) + "'");
    }
  }

  private static List<String> list(Map<String, String> p, String name) {
    String v = blankToNull(p.get(name));
    if (v == null) {
      return List.of();
    }
    return Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static <E extends Enum<E> & Label> Set<E> labels(Map<String, String> p, String name, Class<E> type) {
    List<E> out = new ArrayList<>();
    for (String s : list(p, name)) {
      out.add(label(s, name, type));
    }
    return Set.copyOf(out);
  }

  private static <E extends Enum<E> & Label> E label(String text, String name, Class<E> type) {
    return Label.parse(type, text).orElseThrow(() -> new IllegalArgumentException(
        name + ": unknown value '" + text + "'; expected one of " + Label.allowed(type)));
  }

  private static String method(String v) {
    if (!v.equals("sampling") && !v.equals("exact")) {
      throw new IllegalArgumentException("method must be sampling or exact, got '" + v + "'");
    }
    return v;
  }

  private static SupplyChokepoints.Mode mode(String v) {
    return switch (v) {
      case "ties" -> SupplyChokepoints.Mode.TIES;
      case "actors" -> SupplyChokepoints.Mode.ACTORS;
      default -> throw new IllegalArgumentException("mode must be ties or actors, got '" + v + "'");
    };
  }

  private static BrokerCentrality.Weighting weighting(String v) {
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "leverage" -> BrokerCentrality.Weighting.LEVERAGE;
      case "hops" -> BrokerCentrality.Weighting.HOPS;
      default -> throw new IllegalArgumentException("weighting must be leverage or hops, got '" + v + "'");
    };
  }
}
