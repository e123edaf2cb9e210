package org.fulcrum.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.fulcrum.opendata.BuildRequest;
import org.fulcrum.opendata.OpenDataSource;
import org.fulcrum.opendata.web.OpenDataService;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "build-case", mixinStandardHelpOptions = true,
    description = "Build (or re-build) a state-level leverage case for a target country and a window"
        + " of years from open data. A re-build keeps every hand-made record (ids not starting"
        + " 'od-') and refreshes the generated ones.")
class BuildCaseCommand implements FulcrumCli.CliCommand {

  @Option(names = "--country", required = true, description = "target, ISO 3166 alpha-3 (e.g. SDN)")
  String country;

  @Option(names = "--from", required = true, description = "first year of the window")
  int from;

  @Option(names = "--to", required = true, description = "last year of the window (inclusive)")
  int to;

  @Option(names = "--sources", split = ",", description = "any of arms, contiguity, alliances,"
      + " vetoes, events, unga, igo (default: all)")
  List<String> sources;

  @Option(names = "--engager", description = "the engaging state, ISO 3166 alpha-3 (default USA):"
      + " its dyads with the states the target's own data name are read too (the second ring)")
  String engager;

  @Option(names = "--coalition", split = ",", description = "the engager's partners, ISO 3166"
      + " alpha-3: their dyads are read too")
  List<String> coalition;

  @Option(names = "--case-id", description = "case to create or refresh (default od-<iso3>-<from>-<to>)")
  String caseId;

  @Option(names = "--data", description = "folder of open-data files (default: fulcrum.open-data.dir,"
      + " datasets/open-data)")
  Path data;

  @Override
  public int run(ConfigurableApplicationContext context, PrintWriter out, PrintWriter err) {
    if (data != null && !Files.isDirectory(data)) {
      throw new CliException("no such folder: " + data, FulcrumCli.BAD_INPUT);
    }
    BuildRequest request = new BuildRequest(country, from, to,
        sources == null ? null : OpenDataSource.parse(sources), caseId,
        BuildRequest.engagers(engager, coalition));
    var result = context.getBean(OpenDataService.class).build(request, data);
    out.printf("%s case %s: %d actors, %d ties, %d sources (generated %d actors and %d ties; kept"
            + " %d hand-made actors, %d ties, %d messages)%n",
        result.replaced() ? "rebuilt" : "built", result.caseId(), result.actors(), result.ties(),
        result.sources(), result.generatedActors(), result.generatedTies(), result.keptActors(),
        result.keptTies(), result.keptMessages());
    for (var step : result.steps()) {
      out.printf(Locale.ROOT, "  %-10s %d ties, %d new actors: %s%n", step.source().label(),
          step.tiesAdded(), step.actorsAdded(), step.note());
    }
    return FulcrumCli.OK;
  }
}
