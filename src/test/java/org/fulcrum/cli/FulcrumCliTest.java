package org.fulcrum.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which arguments make the jar run a command instead of starting the server. */
class FulcrumCliTest {

  @ParameterizedTest
  @ValueSource(strings = {"import", "export", "list", "paths", "influence", "patrons", "chokepoints",
      "centrality", "plan", "red-team", "forums", "playbook", "messages", "build-case", "--help", "--version"})
  void everySubcommandIsACommand(String name) {
    assertThat(FulcrumCli.isCommand(new String[] {name, "x"})).isTrue();
    assertThat(FulcrumCli.isCommand(new String[] {"--uri", "bolt://h:7687", name})).isTrue();
  }

  @Test
  void onlyNoArgumentsOrServeStartTheServer() {
    assertThat(FulcrumCli.serves(new String[0])).isTrue();
    assertThat(FulcrumCli.serves(new String[] {"serve", "--server.port=9090"})).isTrue();
    assertThat(FulcrumCli.serverArguments(new String[] {"serve", "--server.port=9090"}))
        .containsExactly("--server.port=9090");
    assertThat(FulcrumCli.serves(new String[] {"bogus"})).isFalse();
    assertThat(FulcrumCli.serves(new String[] {"--server.port=9090"})).isFalse();
    assertThat(FulcrumCli.serves(new String[] {"--version"})).isFalse();
  }

  record Run(int exit, String out, String err) {}

  /** Runs without a store: each of these must finish before anything would start. */
  static Run run(String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    int exit = FulcrumCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true),
        Map.of("fulcrum.data-dir", "/nonexistent/must-not-be-created"));
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void aMistypedCommandOrOptionExitsTwoWithTheCommandsAndStartsNothing() {
    Run bogus = run("bogus");
    assertThat(bogus.exit()).isEqualTo(FulcrumCli.USAGE);
    assertThat(bogus.err()).contains("Unmatched argument", "bogus", "import", "export", "serve",
        "completion");
    Run option = run("--frobnicate");
    assertThat(option.exit()).isEqualTo(FulcrumCli.USAGE);
    assertThat(option.err()).contains("--frobnicate", "Commands:");
    Run spring = run("--server.port=9090");
    assertThat(spring.exit()).isEqualTo(FulcrumCli.USAGE);
    assertThat(spring.err()).contains("fulcrum serve --server.port=9090");
    assertThat(run("list", "--bogus").exit()).isEqualTo(FulcrumCli.USAGE);
    assertThat(run("--uri", "bolt://h:1", "serve").exit()).isEqualTo(FulcrumCli.USAGE);
    assertThat(new java.io.File("/nonexistent/must-not-be-created")).doesNotExist();
  }

  @Test
  void versionIsPrintedForTheToolAndEachCommand() {
    Run version = run("--version");
    assertThat(version.exit()).isZero();
    assertThat(version.out()).matches("fulcrum \\S+\\R");
    assertThat(run("list", "--version").out()).isEqualTo(version.out());
  }

  @Test
  void theCompletionScriptCoversEveryCommand() {
    Run completion = run("completion");
    assertThat(completion.exit()).isZero();
    assertThat(completion.out()).contains("complete -F", "fulcrum", "import", "export", "paths",
        "build-case", "--bolt-port");
  }
}
