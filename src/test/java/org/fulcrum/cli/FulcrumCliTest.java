package org.fulcrum.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
  void serverArgumentsAreNotACommand() {
    assertThat(FulcrumCli.isCommand(new String[] {"--server.port=9090", "--fulcrum.data-dir=d"})).isFalse();
  }
}
