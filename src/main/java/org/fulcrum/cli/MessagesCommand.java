package org.fulcrum.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.fulcrum.analysis.consistency.ConsistencyQuery;
import org.fulcrum.analysis.consistency.ConsistencyReport;
import org.fulcrum.analysis.consistency.ConsistencyReport.Finding;
import org.fulcrum.analysis.consistency.ConsistencyReport.IssueConsistency;
import org.fulcrum.cases.CaseService;
import org.fulcrum.messages.MessageConsistencyService;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** {@code messages check}: the message-consistency review on the command line. */
@Command(name = "messages", mixinStandardHelpOptions = true,
    description = "Review a case's messages.", subcommands = MessagesCommand.Check.class)
final class MessagesCommand implements FulcrumCli.CliCommand {

  private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  @CommandLine.Spec
  CommandSpec spec;

  @Override
  public int run(ConfigurableApplicationContext context, PrintWriter out, PrintWriter err) {
    var parsed = spec.commandLine().getParseResult();
    if (!parsed.hasSubcommand()) {
      throw new CliException("missing subcommand; try 'messages check CASE_ID'", FulcrumCli.USAGE);
    }
    return ((FulcrumCli.CliCommand) parsed.subcommand().commandSpec().userObject()).run(context, out, err);
  }

  @Command(name = "check", mixinStandardHelpOptions = true,
      description = "Does the coalition speak with one voice, and are its threats backed? A readable"
          + " report by default, the API's JSON with --json, a Markdown report with --report FILE.")
  static final class Check implements FulcrumCli.CliCommand {

    @Parameters(index = "0", paramLabel = "CASE_ID")
    String caseId;

    @Option(names = "--coalition", split = ",", description = "actor ids, comma-separated; a state brings its"
        + " government (default: every speaker with positive position)")
    List<String> coalition;

    @Option(names = "--issue", description = "only this issue")
    String issue;

    @Option(names = "--window", description = "days within which two messages can contradict (default 90)")
    Integer window;

    @Option(names = "--follow-through", description = "days within which a threat must be followed"
        + " by a measure (default 90)")
    Integer followThrough;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "review as of this day: later"
        + " messages and ties are not seen (default: the case's as-of date)")
    LocalDate asOf;

    @Option(names = "--json", description = "print the API's JSON answer")
    boolean json;

    @Option(names = "--report", paramLabel = "FILE", description = "also write a Markdown report to FILE")
    Path report;

    @Override
    public int run(ConfigurableApplicationContext context, PrintWriter out, PrintWriter err) {
      if (!context.getBean(CaseService.class).exists(caseId)) {
        throw new CliException("no case with id '" + caseId + "'", FulcrumCli.BAD_INPUT);
      }
      ConsistencyReport r;
      try {
        r = context.getBean(MessageConsistencyService.class).check(caseId,
            ConsistencyQuery.of(coalition, issue, window, followThrough, asOf));
      } catch (IllegalArgumentException e) {
        throw new CliException(e.getMessage(), FulcrumCli.BAD_INPUT);
      }
      if (report != null) {
        try {
          Files.writeString(report, markdown(r));
        } catch (IOException e) {
          throw new CliException("cannot write " + report + ": " + e.getMessage(), FulcrumCli.BAD_INPUT);
        }
      }
      if (json) {
        out.println(JSON.writeValueAsString(r));
      } else {
        text(r, out);
        if (report != null) {
          out.println("Markdown report written to " + report);
        }
      }
      return FulcrumCli.OK;
    }
  }

  static void text(ConsistencyReport r, PrintWriter out) {
    out.printf(Locale.ROOT, "Message consistency of %s: one-voice score %.2f%n", r.caseId(), r.score());
    out.println(r.explanation());
    out.println("coalition: " + String.join(", ", r.coalition()));
    out.printf(Locale.ROOT, "as of %s; window %d days, follow-through %d days, capability tolerance %.2f%n",
        r.asOf(), r.windowDays(), r.followThroughDays(), r.capabilityTolerance());
    for (IssueConsistency i : r.issues()) {
      out.printf(Locale.ROOT, "%n%s: score %.2f, %d message(s), %d finding(s)%n", i.issue(), i.score(),
          i.messages(), i.findings().size());
      for (Finding f : i.findings()) {
        out.printf(Locale.ROOT, "  - %s (-%.3f): %s%n      messages: %s%n", f.kind().label(), f.scoreImpact(),
            f.explanation(), String.join(", ", f.messages()));
      }
    }
    if (!r.pendingThreats().isEmpty()) {
      out.println();
      r.pendingThreats().forEach(p -> out.println("pending: " + p.message() + " (follow-through due " + p.due() + ")"));
    }
    if (!r.derived().isEmpty()) {
      out.println();
      r.derived().forEach(d -> out.printf(Locale.ROOT, "derived: %s %s %.2f from cues %s%n", d.message(),
          d.stance().label(), d.intensity(), d.cues()));
    }
    r.unclassified().forEach(id -> out.println("unclassified (no stance, no cue in its text): " + id));
  }

  static String markdown(ConsistencyReport r) {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "# Message consistency: %s%n%n", r.caseId()));
    s.append(String.format(Locale.ROOT, "**One-voice score: %.2f.** %s.%n%n", r.score(), r.explanation()));
    s.append("- Coalition: ").append(String.join(", ", r.coalition())).append('\n');
    s.append(String.format(Locale.ROOT, "- As of %s; window %d days; follow-through %d days; capability"
        + " tolerance %.2f%n%n", r.asOf(), r.windowDays(), r.followThroughDays(), r.capabilityTolerance()));
    s.append("| issue | score | messages | findings |\n|---|---|---|---|\n");
    r.issues().forEach(i -> s.append(String.format(Locale.ROOT, "| %s | %.2f | %d | %d |%n", i.issue(),
        i.score(), i.messages(), i.findings().size())));
    for (IssueConsistency i : r.issues()) {
      s.append(String.format(Locale.ROOT, "%n## %s (score %.2f)%n%n", i.issue(), i.score()));
      if (i.findings().isEmpty()) {
        s.append("No findings.\n");
      }
      for (Finding f : i.findings()) {
        s.append(String.format(Locale.ROOT, "- **%s** (lowers the score by %.3f): %s. Messages: %s%n",
            f.kind().label(), f.scoreImpact(), f.explanation(),
            String.join(", ", f.messages().stream().map(m -> "`" + m + "`").toList())));
      }
      s.append("\n| speaker | date | stance | intensity | audience | channel | message |\n|---|---|---|---|---|---|---|\n");
      i.timeline().forEach(t -> t.entries().forEach(e -> s.append(String.format(Locale.ROOT,
          "| %s | %s | %s%s | %.2f | %s | %s | `%s` |%n", t.speaker(), e.date(), e.stance().label(),
          e.derived() ? " (derived)" : "", e.intensity(), e.audience(),
          e.channel() + (e.forum() == null ? "" : " at " + e.forum()), e.message()))));
    }
    if (!r.pendingThreats().isEmpty()) {
      s.append("\n## Pending threats\n\n");
      r.pendingThreats().forEach(p -> s.append("- `").append(p.message()).append("`: follow-through due ")
          .append(p.due()).append('\n'));
    }
    if (!r.derived().isEmpty()) {
      s.append("\n## Derived stances\n\n");
      r.derived().forEach(d -> s.append(String.format(Locale.ROOT, "- `%s`: %s %.2f (derived from cues %s)%n",
          d.message(), d.stance().label(), d.intensity(), String.join(", ", d.cues()))));
    }
    return s.toString();
  }
}
