package org.fulcrum.cli;

import java.io.PrintWriter;
import org.fulcrum.cases.CaseService;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;

@Command(name = "list", mixinStandardHelpOptions = true, description = "List the cases in the store.")
class ListCommand implements FulcrumCli.CliCommand {

  @Override
  public int run(ConfigurableApplicationContext context, PrintWriter out, PrintWriter err) {
    var cases = context.getBean(CaseService.class).list();
    out.printf("%-28s %7s %6s %9s  %s%n", "CASE", "ACTORS", "TIES", "MESSAGES", "TITLE");
    cases.forEach(c -> out.printf("%-28s %7d %6d %9d  %s%n", c.id(), c.actors(), c.ties(),
        c.messages(), c.title()));
    return FulcrumCli.OK;
  }
}
