package org.fulcrum.cli;

import java.io.PrintWriter;
import org.fulcrum.cases.CaseService;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

@Command(name = "list", mixinStandardHelpOptions = true, description = "List the cases in the store.")
class ListCommand implements FulcrumCli.CliCommand {

  static final JsonMapper JSON = JsonMapper.builder().build();

  @Option(names = "--json", description = "print the cases as JSON, as GET /api/cases answers")
  boolean json;

  @Override
  public int run(ConfigurableApplicationContext context, PrintWriter out, PrintWriter err) {
    var cases = context.getBean(CaseService.class).list();
    if (json) {
      out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(cases));
    } else {
      out.printf("%-28s %7s %6s %9s  %s%n", "CASE", "ACTORS", "TIES", "MESSAGES", "TITLE");
      cases.forEach(c -> out.printf("%-28s %7d %6d %9d  %s%n", c.id(), c.actors(), c.ties(),
          c.messages(), c.title()));
    }
    if (cases.isEmpty()) {
      err.println("No cases in this store yet. Load the bundled ones (Darfur, Kenya, Rwanda) with:"
          + " fulcrum import --bundled");
    }
    return FulcrumCli.OK;
  }
}
