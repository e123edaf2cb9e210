package org.fulcrum.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.fulcrum.FulcrumApplication;
import org.fulcrum.casefile.CaseFormatException;
import org.fulcrum.store.StoreUnavailableException;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The jar's command line. Arguments are parsed before anything starts, so a typo costs nothing;
 * then Fulcrum starts without its web server, against the embedded store (or {@code --uri}), runs
 * the command and exits: 0 done, 1 bad input, 2 bad usage, 3 store unavailable.
 */
@Command(name = "fulcrum", mixinStandardHelpOptions = true,
    description = "Stakeholder leverage analysis. Without a command, serves the REST API.",
    subcommands = {ImportCommand.class, ExportCommand.class, ListCommand.class,
        AnalysisCommands.Paths.class, AnalysisCommands.Influence.class, AnalysisCommands.Patrons.class,
        AnalysisCommands.Chokepoints.class, AnalysisCommands.Centrality.class,
        AnalysisCommands.Plan.class, AnalysisCommands.RedTeamCommand.class, AnalysisCommands.Forums.class,
        AnalysisCommands.PlaybookCommand.class, MessagesCommand.class, BuildCaseCommand.class, WatchListCommand.class})
public final class FulcrumCli {

  public static final int OK = 0;
  public static final int BAD_INPUT = 1;
  public static final int USAGE = 2;
  public static final int STORE_UNAVAILABLE = 3;

  /** The subcommands' names, read from the annotation above, and the help and version flags. */
  private static final Set<String> COMMANDS = commandNames();

  private static Set<String> commandNames() {
    Set<String> names = new java.util.HashSet<>(Set.of("help", "--help", "-h", "--version", "-V"));
    for (Class<?> sub : FulcrumCli.class.getAnnotation(Command.class).subcommands()) {
      names.add(sub.getAnnotation(Command.class).name());
    }
    return Set.copyOf(names);
  }

  @Option(names = "--uri", description = "Bolt or Neo4j URI of a running Neo4j (or of a running"
      + " Fulcrum's embedded store, e.g. bolt://127.0.0.1:7687); default: open the embedded store")
  String uri;

  @Option(names = "--user", description = "user name for --uri", defaultValue = "neo4j")
  String user;

  @Option(names = "--password", description = "password for --uri", interactive = false)
  String password;

  @Option(names = "--data-dir", description = "embedded store directory (default: ./data or"
      + " FULCRUM_DATA_DIR)")
  Path dataDir;

  /** A command that runs inside a started Fulcrum. */
  interface CliCommand {
    int run(ConfigurableApplicationContext context, PrintWriter out, PrintWriter err);
  }

  /** Whether the arguments name a command (global options such as --uri may come first). */
  public static boolean isCommand(String[] args) {
    for (String arg : args) {
      if (COMMANDS.contains(arg)) {
        return true;
      }
    }
    return false;
  }

  public static int run(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    return run(args, out, err, Map.of());
  }

  /** Runs a command; {@code extraProperties} lets tests pick the store. */
  public static int run(String[] args, PrintWriter out, PrintWriter err,
      Map<String, Object> extraProperties) {
    FulcrumCli root = new FulcrumCli();
    CommandLine commandLine = new CommandLine(root);
    AnalysisCommands.registerEnumSpellings(commandLine);
    commandLine.setOut(out).setErr(err);
    ParseResult parsed;
    try {
      parsed = commandLine.parseArgs(args);
    } catch (ParameterException e) {
      err.println(e.getMessage());
      e.getCommandLine().usage(err);
      return USAGE;
    }
    if (CommandLine.printHelpIfRequested(parsed)) {
      return OK;
    }
    if (!parsed.hasSubcommand()) {
      commandLine.usage(err);
      return USAGE;
    }
    var command = (CliCommand) parsed.subcommand().commandSpec().userObject();
    try (var context = root.start(extraProperties)) {
      return command.run(context, out, err);
    } catch (RuntimeException e) {
      return report(e, err);
    }
  }

  private ConfigurableApplicationContext start(Map<String, Object> extra) {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("fulcrum.load-bundled-cases", false);
    props.put("spring.main.banner-mode", "off");
    props.put("logging.level.root", "WARN");
    props.put("logging.level.org.springframework", "OFF");
    props.put("logging.level.org.fulcrum", "WARN");
    props.put("fulcrum.audit.default-author", "cli:" + System.getProperty("user.name", "unknown"));
    if (uri != null) {
      props.put("fulcrum.neo4j.uri", uri);
      props.put("fulcrum.neo4j.username", user);
      props.put("fulcrum.neo4j.password", password == null ? "" : password);
    }
    if (dataDir != null) {
      props.put("fulcrum.data-dir", dataDir.toString());
    }
    props.putAll(extra);
    // As arguments, not default properties: they must win over application.yaml.
    String[] asArguments = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
        .toArray(String[]::new);
    return new SpringApplicationBuilder(FulcrumApplication.class)
        .web(WebApplicationType.NONE).logStartupInfo(false).run(asArguments);
  }

  /** Turns a failure into a message for the user (no stack trace) and an exit code. */
  static int report(Throwable e, PrintWriter err) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CaseFormatException bad) {
        err.println(bad.problems().size() + " problem(s); nothing was written:");
        bad.problems().forEach(p -> err.println("  " + p));
        return BAD_INPUT;
      }
      if (t instanceof StoreUnavailableException down) {
        err.println("error: " + down.getMessage());
        return STORE_UNAVAILABLE;
      }
      if (t instanceof org.neo4j.driver.exceptions.ServiceUnavailableException down) {
        err.println("error: cannot reach Neo4j: " + down.getMessage());
        return STORE_UNAVAILABLE;
      }
      if (t instanceof org.neo4j.driver.exceptions.AuthenticationException auth) {
        err.println("error: Neo4j refused the credentials: " + auth.getMessage());
        return STORE_UNAVAILABLE;
      }
      if (t instanceof CliException usage) {
        err.println("error: " + usage.getMessage());
        return usage.exitCode();
      }
    }
    err.println("error: " + e.getMessage());
    return BAD_INPUT;
  }
}
