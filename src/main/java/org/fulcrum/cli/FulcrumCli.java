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
@Command(name = "fulcrum", mixinStandardHelpOptions = true, versionProvider = FulcrumCli.Version.class,
    description = "Stakeholder leverage analysis. Without arguments, or with serve, serves the REST API.",
    subcommands = {ServeCommand.class, ImportCommand.class, ExportCommand.class, ListCommand.class,
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
    Set<String> names = new java.util.HashSet<>(
        Set.of("help", "--help", "-h", "--version", "-V", "completion"));
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

  @Option(names = "--password", description = "password for --uri (visible in ps: prefer the"
      + " environment variable FULCRUM_NEO4J_PASSWORD, the default)",
      defaultValue = "${env:FULCRUM_NEO4J_PASSWORD}")
  String password;

  @Option(names = "--bolt-port", description = "Bolt port of the embedded store while the command"
      + " runs (default: fulcrum.bolt.port, 7687)")
  Integer boltPort;

  @Option(names = "--data-dir", description = "embedded store directory (default: ./data or"
      + " FULCRUM_DATA_DIR)")
  Path dataDir;

  /** A command that runs inside a started Fulcrum. */
  interface CliCommand {
    int run(ConfigurableApplicationContext context, PrintWriter out, PrintWriter err);
  }

  /**
   * Whether the arguments ask for the server: none at all, or {@code serve} first (followed by
   * Spring Boot options such as {@code --server.port=9090}). Anything else is a command line, and a
   * mistyped one exits 2 without starting anything.
   */
  public static boolean serves(String[] args) {
    return args.length == 0 || ServeCommand.NAME.equals(args[0]);
  }

  /** The arguments for the server: those after {@code serve}. */
  public static String[] serverArguments(String[] args) {
    return args.length == 0 ? args : java.util.Arrays.copyOfRange(args, 1, args.length);
  }

  /** The version, from the build's {@code META-INF/build-info.properties}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"fulcrum " + version()};
    }

    static String version() {
      try (var in = FulcrumCli.class.getResourceAsStream("/META-INF/build-info.properties")) {
        if (in != null) {
          var props = new java.util.Properties();
          props.load(in);
          String v = props.getProperty("build.version");
          if (v != null) {
            return v;
          }
        }
      } catch (java.io.IOException e) {
        // fall through to the manifest
      }
      String v = FulcrumCli.class.getPackage().getImplementationVersion();
      return v != null ? v : "(version unknown: not built by Maven)";
    }
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
    CommandLine commandLine = commandLine(root);
    commandLine.setOut(out).setErr(err);
    ParseResult parsed;
    try {
      parsed = commandLine.parseArgs(args);
    } catch (ParameterException e) {
      err.println("error: " + e.getMessage());
      if (e instanceof CommandLine.UnmatchedArgumentException u
          && u.getUnmatched().stream().anyMatch(a -> a.startsWith("--") && a.contains("="))) {
        err.println("(Spring Boot options for the server go after serve: fulcrum serve"
            + " --server.port=9090)");
      }
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
    Object userObject = parsed.subcommand().commandSpec().userObject();
    if (userObject instanceof ServeCommand) {
      err.println("error: serve must be the first argument (fulcrum serve [Spring Boot options])");
      return USAGE;
    }
    if (userObject instanceof Runnable local) {
      local.run(); // needs no store, e.g. the completion script
      return OK;
    }
    var command = (CliCommand) userObject;
    try (var context = root.start(extraProperties)) {
      return command.run(context, out, err);
    } catch (RuntimeException e) {
      return report(e, err);
    }
  }

  /** The command line with its spellings, the completion script command and the version everywhere. */
  static CommandLine commandLine(FulcrumCli root) {
    CommandLine commandLine = new CommandLine(root);
    AnalysisCommands.registerEnumSpellings(commandLine);
    commandLine.addSubcommand("completion", new picocli.AutoComplete.GenerateCompletion());
    commandLine.getSubcommands().get("completion").getCommandSpec().usageMessage()
        .description("Print a bash/zsh completion script: source <(fulcrum completion)");
    var version = new Version();
    for (CommandLine sub : commandLine.getSubcommands().values()) {
      sub.getCommandSpec().versionProvider(version);
    }
    return commandLine;
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
    if (boltPort != null) {
      props.put("fulcrum.bolt.port", boltPort);
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
