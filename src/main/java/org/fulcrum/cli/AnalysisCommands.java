package org.fulcrum.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.fulcrum.analysis.BrokerCentrality;
import org.fulcrum.analysis.EngagementPlanner;
import org.fulcrum.analysis.ForumShopping;
import org.fulcrum.analysis.Playbook;
import org.fulcrum.analysis.InfluenceRanking;
import org.fulcrum.analysis.LeveragePath;
import org.fulcrum.analysis.PatronAnalysis;
import org.fulcrum.analysis.RedTeam;
import org.fulcrum.analysis.SupplyChokepoints;
import org.fulcrum.analysis.YenLeveragePaths;
import org.fulcrum.cases.CaseService;
import org.fulcrum.leverage.LeverageService;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The leverage analyses on the command line: the same parameters as the REST API, a readable table
 * by default and the API's JSON with {@code --json}.
 */
final class AnalysisCommands {

  private AnalysisCommands() {}

  private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  /** What every analysis command shares: the case, the day, the output format. */
  abstract static class Base implements FulcrumCli.CliCommand {

    @Parameters(index = "0", paramLabel = "CASE_ID")
    String caseId;

    @Option(names = "--as-of", description = "day to look at (default: the case's as-of date)")
    LocalDate asOf;

    @Option(names = "--json", description = "print the API's JSON answer")
    boolean json;

    @Option(names = "--within", description = "project only the actors within this many ties of those named")
    Integer within;

    abstract String analysis();

    abstract Map<String, String> parameters();

    abstract void table(Object result, PrintWriter out);

    @Override
    public int run(ConfigurableApplicationContext context, PrintWriter out, PrintWriter err) {
      if (!context.getBean(CaseService.class).exists(caseId)) {
        throw new CliException("no case with id '" + caseId + "'", FulcrumCli.BAD_INPUT);
      }
      Object result;
      try {
        Map<String, String> parameters = new LinkedHashMap<>(parameters());
        if (within != null) {
          parameters.put("within", String.valueOf(within));
        }
        result = context.getBean(LeverageService.class).run(caseId, asOf, analysis(), parameters);
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

    static Map<String, String> params(Object... pairs) {
      Map<String, String> map = new LinkedHashMap<>();
      for (int i = 0; i < pairs.length; i += 2) {
        if (pairs[i + 1] != null) {
          map.put((String) pairs[i], String.valueOf(pairs[i + 1]));
        }
      }
      return map;
    }
  }

  static String f(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }

  @Command(name = "paths", mixinStandardHelpOptions = true,
      description = "The k strongest leverage paths from an engager to a target, with every hop.")
  static final class Paths extends Base {
    @Option(names = "--from", required = true) String from;
    @Option(names = "--to", required = true) String to;
    @Option(names = "-k", defaultValue = "5") int k;
    @Option(names = "--max-hops") Integer maxHops;
    @Option(names = "--types", description = "allowed tie types, comma-separated") String types;
    @Option(names = "--channels", description = "allowed channels, comma-separated") String channels;
    @Option(names = "--exclude", description = "actor ids to avoid, comma-separated") String exclude;
    @Option(names = "--exclude-kinds", description = "actor kinds to avoid, comma-separated") String excludeKinds;
    @Option(names = "--via") String via;
    @Option(names = "--polarity") String polarity;

    String analysis() {
      return "paths";
    }

    Map<String, String> parameters() {
      return params("from", from, "to", to, "k", k, "maxHops", maxHops, "types", types,
          "channels", channels, "exclude", exclude, "excludeKinds", excludeKinds, "via", via,
          "polarity", polarity);
    }

    void table(Object result, PrintWriter out) {
      var r = (YenLeveragePaths.Result) result;
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
  static final class Influence extends Base {
    @Option(names = "--target", required = true) String target;
    @Option(names = "--samples", defaultValue = "10000") int samples;
    @Option(names = "--seed", defaultValue = "42") long seed;
    @Option(names = "--method", defaultValue = "sampling", description = "sampling or exact") String method;
    @Option(names = "--top", defaultValue = "20", description = "rows to print") int top;

    String analysis() {
      return "influence";
    }

    Map<String, String> parameters() {
      return params("target", target, "samples", samples, "seed", seed, "method", method);
    }

    void table(Object result, PrintWriter out) {
      var r = (InfluenceRanking) result;
      out.printf("influence on %s by %s%s%n", r.target(), r.method(),
          r.samples() > 0 ? " (" + r.samples() + " samples, seed " + r.seed() + ", 95% intervals)" : "");
      out.printf("%-28s %8s %8s %8s%n", "ACTOR", "REACH", "LOW", "HIGH");
      r.actors().stream().limit(top).forEach(a ->
          out.printf("%-28s %8s %8s %8s%n", a.id(), f(a.reach()), f(a.low()), f(a.high())));
    }
  }

  @Command(name = "patrons", mixinStandardHelpOptions = true,
      description = "The patrons that shield a target, and the engager's leverage over each.")
  static final class Patrons extends Base {
    @Option(names = "--target", required = true) String target;
    @Option(names = "--engager") String engager;

    String analysis() {
      return "patrons";
    }

    Map<String, String> parameters() {
      return params("target", target, "engager", engager);
    }

    void table(Object result, PrintWriter out) {
      var r = (PatronAnalysis.Ranking) result;
      out.println("regime: " + String.join(", ", r.regime()));
      out.printf("%-18s %7s %9s %10s %5s  %s%n", "PATRON", "SHARE", "LEVERAGE", "POTENTIAL", "VETO", "THROUGH");
      for (var p : r.patrons()) {
        out.printf("%-18s %7s %9s %10s %5s  %s%n", p.id(), f(p.shieldShare()),
            p.leverage() == null ? "-" : f(p.leverage()),
            p.pressurePotential() == null ? "-" : f(p.pressurePotential()), p.veto() ? "yes" : "no",
            p.ties().stream().map(PatronAnalysis.ShieldTie::type).distinct().collect(Collectors.joining(",")));
      }
    }
  }

  @Command(name = "chokepoints", mixinStandardHelpOptions = true,
      description = "The minimum cut of supply lines from patrons to a perpetrator unit.")
  static final class Chokepoints extends Base {
    @Option(names = "--from", description = "patron ids, comma-separated (default: the unit's patrons)") String from;
    @Option(names = "--to", required = true) String to;
    @Option(names = "--mode", defaultValue = "ties", description = "ties or actors") String mode;

    String analysis() {
      return "chokepoints";
    }

    Map<String, String> parameters() {
      return params("from", from, "to", to, "mode", mode);
    }

    void table(Object result, PrintWriter out) {
      var c = (SupplyChokepoints.Cut) result;
      out.println(c.explanation());
      c.cut().forEach(e -> out.printf("  %-40s %-14s capacity %s%n", e.id(),
          e.type() == null ? e.kind() : e.type(), f(e.capacity())));
    }
  }

  @Command(name = "centrality", mixinStandardHelpOptions = true,
      description = "Brokers: betweenness centrality of actors on the leverage graph.")
  static final class Centrality extends Base {
    @Option(names = "--measure", defaultValue = "betweenness") String measure;
    @Option(names = "--weighting", defaultValue = "leverage", description = "leverage or hops") String weighting;
    @Option(names = "--top", defaultValue = "20") int top;

    String analysis() {
      return "centrality";
    }

    Map<String, String> parameters() {
      return params("measure", measure, "weighting", weighting);
    }

    void table(Object result, PrintWriter out) {
      var r = (BrokerCentrality.Ranking) result;
      out.printf("%-28s %10s%n", "ACTOR", r.measure().toUpperCase(Locale.ROOT));
      r.actors().stream().limit(top).forEach(a -> out.printf("%-28s %10s%n", a.id(), f(a.score())));
    }
  }

  /** What the plan and red-team commands share. */
  abstract static class PlanBase extends Base {
    @Option(names = "--engager", required = true) String engager;
    @Option(names = "--budget", required = true, description = "diplomatic capital to spend") Double budget;
    @Option(names = "--target-groups", description = "weights, e.g. planners:2,perpetrators:1 (default: every group 1)")
    String targetGroups;
    @Option(names = "--costs", description = "costs per actor, e.g. chn:5,egy:2 (default: the access rule)")
    String costs;
    @Option(names = "--samples", defaultValue = "10000") int samples;
    @Option(names = "--seed", defaultValue = "42") long seed;

    Map<String, String> planParameters() {
      return params("engager", engager, "budget", budget, "targetGroups", targetGroups, "costs", costs,
          "samples", samples, "seed", seed);
    }
  }

  @Command(name = "plan", mixinStandardHelpOptions = true,
      description = "Whom to engage under a budget, with each pick's cost, gain, paths and tools.")
  static final class Plan extends PlanBase {
    String analysis() {
      return "plan";
    }

    Map<String, String> parameters() {
      return planParameters();
    }

    void table(Object result, PrintWriter out) {
      var plan = (EngagementPlanner.Plan) result;
      out.printf("engager %s, budget %s, spent %s; selection: %s%n", plan.engager(), f(plan.budget()),
          f(plan.spent()), plan.selection());
      out.printf("%-20s %8s %8s  %s%n", "PICK", "COST", "GAIN", "WHY");
      for (var p : plan.picks()) {
        out.printf("%-20s %8s %8s  %s%n", p.id(), f(p.cost()), f(p.gain()), p.why());
        out.printf("%-20s %8s %8s  cost: %s; tools: %s%n", "", "", "", p.costReason(),
            p.tools().stream().map(Object::toString).collect(Collectors.joining(", ")));
      }
      out.printf("expected pressure %s (95%% interval %s to %s, %d fresh samples) of at most %s%n",
          f(plan.expectedPressure()), f(plan.low()), f(plan.high()), plan.samples(), f(plan.totalWeight()));
      out.println("guarantee: " + plan.guarantee());
      plan.nextBest().forEach(a -> out.printf("not chosen: %-20s %s%n", a.id(), a.why()));
    }
  }

  @Command(name = "red-team", mixinStandardHelpOptions = true,
      description = "The target's best counter-move against a plan (forum shopping, leaning on a patron), and the hedge.")
  static final class RedTeamCommand extends PlanBase {
    @Option(names = "--target", required = true) String target;
    @Option(names = "--plan", description = "engaged actor ids, comma-separated (default: the plan for these options)")
    String plan;

    String analysis() {
      return "red-team";
    }

    Map<String, String> parameters() {
      Map<String, String> p = planParameters();
      p.putAll(params("target", target, "plan", plan));
      return p;
    }

    void table(Object result, PrintWriter out) {
      var r = (RedTeam.Answer) result;
      out.printf("plan %s: expected pressure %s before any counter-move%n", String.join(", ", r.plan()),
          f(r.pressureBefore()));
      out.printf("%-16s %-20s %8s %8s  %s%n", "MOVE", "ACTOR", "AFTER", "REMOVED", "WHAT HAPPENS");
      r.moves().forEach(m -> out.printf("%-16s %-20s %8s %8s  %s%n", m.kind(), m.actor(),
          f(m.pressureAfter()), f(m.removed()), m.explanation()));
      if (r.hedge() != null) {
        out.println("hedge: " + r.hedge().id() + " - " + r.hedge().explanation());
      }
    }
  }

  @Command(name = "forums", mixinStandardHelpOptions = true,
      description = "Forum-shopping risk for a target: venues, stances, vetoes, escape venues, the lead channel.")
  static final class Forums extends Base {
    @Option(names = "--target", required = true) String target;
    @Option(names = "--engager", required = true) String engager;

    String analysis() {
      return "forums";
    }

    Map<String, String> parameters() {
      return params("target", target, "engager", engager);
    }

    void table(Object result, PrintWriter out) {
      var a = (ForumShopping.Assessment) result;
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
  static final class PlaybookCommand extends Base {
    @Option(names = "--engager", required = true) String engager;
    @Option(names = "--target", required = true) String target;
    @Option(names = "--phase", description = "default: the case's") String phase;
    @Option(names = "--tempo", description = "rolling or volcanic; default: the case's") String tempo;

    String analysis() {
      return "playbook";
    }

    Map<String, String> parameters() {
      return params("engager", engager, "target", target, "phase", phase, "tempo", tempo);
    }

    void table(Object result, PrintWriter out) {
      var plan = (Playbook.Plan) result;
      out.printf("playbook for %s against %s, phase %s, tempo %s (%s)%n", plan.engager(), plan.target(),
          plan.phase().label(), plan.tempo().label(), plan.ordering());
      for (var group : plan.groups()) {
        out.printf("%n%s: %s%n", group.group().label(), group.mix());
        group.options().forEach(o -> out.printf("  %-34s %-11s %-7s on %-16s %s  %s%n", o.tool(), o.mode(),
            o.timeToEffect(), o.actor(), f(o.path().strength()), Playbook.route(o.path())));
        group.unavailable().forEach(u -> out.printf("  x %-32s %s%n", u.tool(), u.reason()));
      }
    }
  }
}
