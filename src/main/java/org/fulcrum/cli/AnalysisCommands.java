package org.fulcrum.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.fulcrum.analysis.BrokerCentrality;
import org.fulcrum.analysis.CentralityQuery;
import org.fulcrum.analysis.ChokepointQuery;
import org.fulcrum.analysis.EngagementPlanner;
import org.fulcrum.analysis.ForumQuery;
import org.fulcrum.analysis.ForumShopping;
import org.fulcrum.analysis.InfluenceRanking;
import org.fulcrum.analysis.InfluenceRankingQuery;
import org.fulcrum.analysis.LeveragePath;
import org.fulcrum.analysis.PathQuery;
import org.fulcrum.analysis.PatronAnalysis;
import org.fulcrum.analysis.PatronQuery;
import org.fulcrum.analysis.PlanQuery;
import org.fulcrum.analysis.Playbook;
import org.fulcrum.analysis.RedTeam;
import org.fulcrum.analysis.RedTeamQuery;
import org.fulcrum.analysis.SupplyChokepoints;
import org.fulcrum.analysis.YenLeveragePaths;
import org.fulcrum.casefile.ActorKind;
import org.fulcrum.casefile.Channel;
import org.fulcrum.casefile.Phase;
import org.fulcrum.casefile.Polarity;
import org.fulcrum.casefile.Tempo;
import org.fulcrum.casefile.TieType;
import org.fulcrum.cases.CaseService;
import org.fulcrum.leverage.Analyses;
import org.fulcrum.leverage.Analysis;
import org.fulcrum.leverage.CasePlaybookQuery;
import org.fulcrum.leverage.LeverageService;
import org.fulcrum.leverage.QueryParameters;
import org.fulcrum.bind.EnumValues;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The leverage analyses on the command line: the same parameters as the REST API, bound by picocli
 * into the same query records, a readable table by default and the API's JSON with {@code --json}.
 */
final class AnalysisCommands {

  static final String COALITION = "the engager's partners, actor ids, comma-separated, besides its own"
      + " government; a state brings its government and forces (never patrons, picks or routes)";

  private AnalysisCommands() {}

  private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  /**
   * What every analysis command shares: the case, the day, the output format, the neighbourhood;
   * each command binds its typed options into its analysis's query.
   */
  abstract static class Base<Q, R> implements FulcrumCli.CliCommand {

    @Parameters(index = "0", paramLabel = "CASE_ID")
    String caseId;

    @Option(names = "--as-of", description = "day to look at (default: the case's as-of date)")
    LocalDate asOf;

    @Option(names = "--json", description = "print the API's JSON answer")
    boolean json;

    @Option(names = "--within", description = "project only the actors within this many ties of those named")
    Integer within;

    abstract Analysis<Q, R> analysis();

    abstract Q query();

    abstract void table(R result, PrintWriter out);

    @Override
    public int run(ConfigurableApplicationContext context, PrintWriter out, PrintWriter err) {
      if (!context.getBean(CaseService.class).exists(caseId)) {
        throw new CliException("no case with id '" + caseId + "'", FulcrumCli.BAD_INPUT);
      }
      R result;
      try {
        result = context.getBean(LeverageService.class).run(caseId, asOf, within, analysis(), query());
      } catch (IllegalArgumentException e) {
        throw new CliException(e.getMessage(), FulcrumCli.BAD_INPUT);
      }
      if (json) {
        out.println(JSON.writeValueAsString(result));
      } else {
        table(result, out);
      }
      return FulcrumCli.OK;
    }
  }

  /**
   * Enum options spelt as in the API ({@code supplies-arms}, {@code ties}): registered on the
   * command line and so on every analysis command.
   */
  static void registerEnumSpellings(CommandLine commandLine) {
    for (Class<? extends Enum<?>> type : List.<Class<? extends Enum<?>>>of(TieType.class, Channel.class,
        ActorKind.class, Polarity.class, Phase.class, Tempo.class, SupplyChokepoints.Mode.class,
        BrokerCentrality.Weighting.class, InfluenceRankingQuery.Method.class)) {
      register(commandLine, type);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void register(CommandLine commandLine, Class type) {
    commandLine.registerConverter(type, text -> {
      try {
        return EnumValues.parse(type, text);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    });
  }

  /** Numbers by key: the {@code --target-groups} and {@code --costs} syntax, {@code chn:5,egy}. */
  record Numbers(Map<String, Double> byKey) {}

  static final class NumbersConverter implements CommandLine.ITypeConverter<Numbers> {
    @Override
    public Numbers convert(String text) {
      try {
        return new Numbers(QueryParameters.numbers(null, text));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  static String f(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }

  @Command(name = "paths", mixinStandardHelpOptions = true,
      description = "The k strongest leverage paths from an engager to a target, with every hop.")
  static final class Paths extends Base<PathQuery, YenLeveragePaths.Result> {
    @Option(names = "--from", required = true) String from;
    @Option(names = "--to", required = true) String to;
    @Option(names = "-k", defaultValue = "5") int k;
    @Option(names = "--max-hops") Integer maxHops;
    @Option(names = "--types", split = ",", description = "allowed tie types, comma-separated") Set<TieType> types;
    @Option(names = "--channels", split = ",", description = "allowed channels, comma-separated") Set<Channel> channels;
    @Option(names = "--exclude", split = ",", description = "actor ids to avoid, comma-separated") Set<String> exclude;
    @Option(names = "--exclude-kinds", split = ",", description = "actor kinds to avoid, comma-separated")
    Set<ActorKind> excludeKinds;
    @Option(names = "--via") String via;
    @Option(names = "--polarity") Polarity polarity;

    Analysis<PathQuery, YenLeveragePaths.Result> analysis() {
      return Analyses.PATHS;
    }

    PathQuery query() {
      return PathQuery.of(from, to, k, maxHops, types, channels, exclude, excludeKinds, via, polarity);
    }

    void table(YenLeveragePaths.Result r, PrintWriter out) {
      if (r.paths().isEmpty()) {
        out.println("no path from " + from + " to " + to);
        return;
      }
      int i = 1;
      for (LeveragePath p : r.paths()) {
        out.printf("%d. strength %s, %d hop(s)%n", i++, f(p.strength()), p.length());
        for (var h : p.hops()) {
          out.printf("     %s -[%s, %s, %s]-> %s   strength %s x confidence %s   sources: %s%n",
              h.sourceName(), h.type(), h.channel(), h.tool(), h.targetName(), h.strength(),
              h.confidence(), String.join(", ", h.sources()));
        }
      }
    }
  }

  @Command(name = "influence", mixinStandardHelpOptions = true,
      description = "Probability that pressure from each actor reaches the target (independent cascade).")
  static final class Influence extends Base<InfluenceRankingQuery, InfluenceRanking> {
    @Option(names = "--target", required = true) String target;
    @Option(names = "--samples", defaultValue = "10000") int samples;
    @Option(names = "--seed", defaultValue = "42") long seed;
    @Option(names = "--method", defaultValue = "sampling", description = "sampling or exact")
    InfluenceRankingQuery.Method method;
    @Option(names = "--top", defaultValue = "20", description = "rows to print") int top;

    Analysis<InfluenceRankingQuery, InfluenceRanking> analysis() {
      return Analyses.INFLUENCE;
    }

    InfluenceRankingQuery query() {
      return InfluenceRankingQuery.of(target, samples, seed, method);
    }

    void table(InfluenceRanking r, PrintWriter out) {
      out.printf("influence on %s by %s%s%n", r.target(), r.method(),
          r.samples() > 0 ? " (" + r.samples() + " samples, seed " + r.seed() + ", 95% intervals)" : "");
      out.printf("%-24s %-32s %8s %8s %8s%n", "ACTOR", "NAME", "REACH", "LOW", "HIGH");
      r.actors().stream().limit(top).forEach(a -> out.printf("%-24s %-32s %8s %8s %8s%n", a.id(),
          shortName(a.name()), f(a.reach()), f(a.low()), f(a.high())));
    }
  }

  @Command(name = "patrons", mixinStandardHelpOptions = true,
      description = "The patrons that shield a target, and the engager's leverage over each.")
  static final class Patrons extends Base<PatronQuery, PatronAnalysis.Ranking> {
    @Option(names = "--target", required = true) String target;
    @Option(names = "--engager") String engager;
    @Option(names = "--coalition", split = ",", description = COALITION) List<String> coalition;

    Analysis<PatronQuery, PatronAnalysis.Ranking> analysis() {
      return Analyses.PATRONS;
    }

    PatronQuery query() {
      return new PatronQuery(target, engager, coalition);
    }

    void table(PatronAnalysis.Ranking r, PrintWriter out) {
      out.println("regime: " + String.join(", ", r.regime()));
      out.printf("%-18s %-32s %7s %9s %10s %5s  %s%n", "PATRON", "NAME", "SHARE", "LEVERAGE", "POTENTIAL",
          "VETO", "THROUGH");
      for (var p : r.patrons()) {
        out.printf("%-18s %-32s %7s %9s %10s %5s  %s%n", p.id(), shortName(p.name()), f(p.shieldShare()),
            p.leverage() == null ? "-" : f(p.leverage()),
            p.pressurePotential() == null ? "-" : f(p.pressurePotential()), p.veto() ? "yes" : "no",
            p.ties().stream().map(PatronAnalysis.ShieldTie::type).distinct().collect(Collectors.joining(","))
                + (p.parts().size() > 1 ? " (parts: " + p.parts().stream().map(PatronAnalysis.Part::id)
                    .collect(Collectors.joining(", ")) + ")" : ""));
      }
      out.println("coalition: " + String.join(", ", r.coalition()));
      r.coalitionLevers().forEach(l -> out.println("coalition lever: " + l.explanation()));
    }
  }

  @Command(name = "chokepoints", mixinStandardHelpOptions = true,
      description = "The minimum cut of supply lines from patrons to a perpetrator unit.")
  static final class Chokepoints extends Base<ChokepointQuery, SupplyChokepoints.Cut> {
    @Option(names = "--from", split = ",", description = "patron ids, comma-separated (default: the unit's patrons)")
    List<String> from;
    @Option(names = "--to", required = true) String to;
    @Option(names = "--mode", defaultValue = "ties", description = "ties or actors") SupplyChokepoints.Mode mode;

    Analysis<ChokepointQuery, SupplyChokepoints.Cut> analysis() {
      return Analyses.CHOKEPOINTS;
    }

    ChokepointQuery query() {
      return new ChokepointQuery(from, to, mode);
    }

    void table(SupplyChokepoints.Cut c, PrintWriter out) {
      out.println(c.explanation());
      c.cut().forEach(e -> out.printf("  %-40s %-14s capacity %s%n", e.id(),
          e.type() == null ? e.kind() : e.type(), f(e.capacity())));
    }
  }

  @Command(name = "centrality", mixinStandardHelpOptions = true,
      description = "Brokers: betweenness centrality of actors on the leverage graph.")
  static final class Centrality extends Base<CentralityQuery, BrokerCentrality.Ranking> {
    @Option(names = "--measure", defaultValue = "betweenness") String measure;
    @Option(names = "--weighting", defaultValue = "leverage", description = "leverage or hops")
    BrokerCentrality.Weighting weighting;
    @Option(names = "--top", defaultValue = "20") int top;

    Analysis<CentralityQuery, BrokerCentrality.Ranking> analysis() {
      return Analyses.CENTRALITY;
    }

    CentralityQuery query() {
      return new CentralityQuery(measure, weighting);
    }

    void table(BrokerCentrality.Ranking r, PrintWriter out) {
      out.printf("%-24s %-32s %10s%n", "ACTOR", "NAME", r.measure().toUpperCase(Locale.ROOT));
      r.actors().stream().limit(top).forEach(a -> out.printf("%-24s %-32s %10s%n", a.id(),
          shortName(a.name()), f(a.score())));
    }
  }

  /** What the plan and red-team commands share. */
  abstract static class PlanBase<Q, R> extends Base<Q, R> {
    @Option(names = "--engager", required = true) String engager;
    @Option(names = "--budget", required = true, description = "diplomatic capital to spend") Double budget;
    @Option(names = "--target-groups", converter = NumbersConverter.class,
        description = "weights, e.g. planners:2,perpetrators:1 (default: every group 1)")
    Numbers targetGroups;
    @Option(names = "--costs", converter = NumbersConverter.class,
        description = "costs per actor, e.g. chn:5,egy:2 (default: the access rule)")
    Numbers costs;
    @Option(names = "--samples", defaultValue = "10000") int samples;
    @Option(names = "--seed", defaultValue = "42") long seed;
    @Option(names = "--coalition", split = ",", description = COALITION) List<String> coalition;

    PlanQuery planQuery() {
      return PlanQuery.of(engager, budget, Analyses.targetGroups(targetGroups == null ? null : targetGroups.byKey()),
          costs == null ? null : costs.byKey(), samples, seed, coalition);
    }
  }

  @Command(name = "plan", mixinStandardHelpOptions = true,
      description = "Whom to engage under a budget, with each pick's cost, gain, paths and tools.")
  static final class Plan extends PlanBase<PlanQuery, EngagementPlanner.Plan> {
    Analysis<PlanQuery, EngagementPlanner.Plan> analysis() {
      return Analyses.PLAN;
    }

    PlanQuery query() {
      return planQuery();
    }

    void table(EngagementPlanner.Plan plan, PrintWriter out) {
      out.printf("engager %s, budget %s, spent %s; selection: %s%n", plan.engager(), f(plan.budget()),
          f(plan.spent()), plan.selection());
      out.printf("%-20s %-32s %8s %8s  %s%n", "PICK", "NAME", "COST", "GAIN", "WHY");
      for (var p : plan.picks()) {
        out.printf("%-20s %-32s %8s %8s  %s%n", p.id(), shortName(p.name()), f(p.cost()), f(p.gain()),
            p.why());
        out.printf("%-20s %-32s %8s %8s  cost: %s; tools: %s%n", "", "", "", "", p.costReason(),
            p.tools().stream().map(Object::toString).collect(Collectors.joining(", ")));
      }
      out.printf("expected pressure %s (95%% interval %s to %s, on the %d samples the plan was chosen on)"
          + " of at most %s%n", f(plan.expectedPressure()), f(plan.low()), f(plan.high()), plan.samples(),
          f(plan.totalWeight()));
      if (plan.freshSamples() != null) {
        out.println("check: " + plan.freshSamples().note());
      }
      out.println("guarantee: " + plan.guarantee());
      plan.nextBest().forEach(a -> out.printf("not chosen: %-20s %s%n", a.id(), a.why()));
    }
  }

  @Command(name = "red-team", mixinStandardHelpOptions = true,
      description = "The target's best counter-move against a plan (forum shopping, leaning on a patron), and the hedge.")
  static final class RedTeamCommand extends PlanBase<RedTeamQuery, RedTeam.Answer> {
    @Option(names = "--target", required = true) String target;
    @Option(names = "--plan", split = ",",
        description = "engaged actor ids, comma-separated (default: the plan for these options)")
    List<String> plan;

    Analysis<RedTeamQuery, RedTeam.Answer> analysis() {
      return Analyses.RED_TEAM;
    }

    RedTeamQuery query() {
      return new RedTeamQuery(planQuery(), plan, target);
    }

    void table(RedTeam.Answer r, PrintWriter out) {
      out.printf("plan %s: expected pressure %s before any counter-move%n", String.join(", ", r.plan()),
          f(r.pressureBefore()));
      out.printf("%-16s %-20s %-32s %8s %8s  %s%n", "MOVE", "ACTOR", "NAME", "AFTER", "REMOVED",
          "WHAT HAPPENS");
      r.moves().forEach(m -> out.printf("%-16s %-20s %-32s %8s %8s  %s%n", m.kind(), m.actor(),
          shortName(m.name()), f(m.pressureAfter()), f(m.removed()), m.explanation()));
      if (r.hedge() != null) {
        out.println("hedge: " + r.hedge().name() + " (" + r.hedge().id() + ") - " + r.hedge().explanation());
      }
    }
  }

  @Command(name = "forums", mixinStandardHelpOptions = true,
      description = "Forum-shopping risk for a target: venues, stances, vetoes, escape venues, the lead channel.")
  static final class Forums extends Base<ForumQuery, ForumShopping.Assessment> {
    @Option(names = "--target", required = true) String target;
    @Option(names = "--engager", required = true) String engager;
    @Option(names = "--coalition", split = ",", description = COALITION) List<String> coalition;

    Analysis<ForumQuery, ForumShopping.Assessment> analysis() {
      return Analyses.FORUMS;
    }

    ForumQuery query() {
      return new ForumQuery(target, engager, coalition);
    }

    void table(ForumShopping.Assessment a, PrintWriter out) {
      out.printf("forum-shopping risk for %s: %s%n", a.target(), f(a.risk()));
      a.parts().forEach(p -> out.printf("  %-12s %s x %s  %s%n", p.name(), f(p.value()), f(p.weight()),
          p.explanation()));
      out.printf("%-14s %6s %8s %8s %8s %8s  %s%n", "FORUM", "VENUE", "STANCE", "BLOCKED", "PASSES", "ACCESS",
          "BLOCKERS");
      a.forums().forEach(fo -> out.printf("%-14s %6s %8s %8s %8s %8s  %s%n", fo.id(), fo.venue() ? "yes" : "no",
          f(fo.stance()), fo.blocked() ? "yes" : "no", fo.canPass() ? "yes" : "no", f(fo.access()),
          fo.blockers().stream().map(ForumShopping.Vote::id).collect(Collectors.joining(","))));
      a.escapeVenues().forEach(e -> out.println("escape venue: " + e.id() + " - " + e.explanation()));
      if (a.leadChannel() != null) {
        out.println("lead channel: " + a.leadChannel().id() + " - " + a.leadChannel().explanation());
      }
      a.gapClosers().forEach(g -> out.println("gap closer: " + g.id() + " - " + g.explanation()));
    }
  }

  @Command(name = "playbook", mixinStandardHelpOptions = true,
      description = "Options per target group that the engager can apply, each with the path that makes it possible.")
  static final class PlaybookCommand extends Base<CasePlaybookQuery, Playbook.Plan> {
    @Option(names = "--engager", required = true) String engager;
    @Option(names = "--target", required = true) String target;
    @Option(names = "--phase", description = "default: the case's") Phase phase;
    @Option(names = "--tempo", description = "rolling or volcanic; default: the case's") Tempo tempo;
    @Option(names = "--coalition", split = ",", description = COALITION) List<String> coalition;

    Analysis<CasePlaybookQuery, Playbook.Plan> analysis() {
      return Analyses.PLAYBOOK;
    }

    CasePlaybookQuery query() {
      return new CasePlaybookQuery(engager, target, phase, tempo, coalition);
    }

    void table(Playbook.Plan plan, PrintWriter out) {
      out.printf("playbook for %s against %s, phase %s, tempo %s (%s)%n", plan.engager(), plan.target(),
          plan.phase().label(), plan.tempo().label(), plan.ordering());
      for (var group : plan.groups()) {
        out.printf("%n%s: %s%n", group.group().label(), group.mix());
        group.options().forEach(o -> out.printf("  %-34s %-11s %-7s on %-16s %s  %s%n", o.tool(), o.mode(),
            o.timeToEffect(), o.actor(), f(o.path().strength()), Playbook.route(o.path())));
        group.unavailable().forEach(u -> out.printf("  x %-32s %s%n", u.tool(), u.reason()));
      }
      if (!plan.coalitionLevers().isEmpty()) {
        out.printf("%nlevers the coalition holds:%n");
        plan.coalitionLevers().forEach(l -> out.println("  " + l.why()));
      }
    }
  }

  /** A name for a table column: at most 32 characters, cut with an ellipsis. */
  static String shortName(String name) {
    return name == null ? "" : name.length() <= 32 ? name : name.substring(0, 31) + "\u2026";
  }
}
