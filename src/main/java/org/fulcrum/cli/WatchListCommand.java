package org.fulcrum.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.fulcrum.opendata.OpenDataSource;
import org.fulcrum.watchlist.WatchList;
import org.fulcrum.watchlist.WatchListService;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "watch-list", mixinStandardHelpOptions = true,
    description = "List the countries of concern in a year (Early Warning Project mass-killing"
        + " episodes, UCDP/PRIO armed conflicts), build each one's open-data case with the"
        + " engager's second ring, and rank them by priority: how bad and how current the"
        + " episodes are, combined with how much the engager can do (docs/analyses.md).")
class WatchListCommand implements FulcrumCli.CliCommand {

  @Option(names = "--engager", defaultValue = "USA", description = "engaging state, ISO 3166"
      + " alpha-3 (default USA)")
  String engager;

  @Option(names = "--year", required = true, description = "the list's year; each case spans the"
      + " five years ending with it")
  int year;

  @Option(names = "--coalition", split = ",", description = "the engager's partners, ISO3 codes")
  List<String> coalition;

  @Option(names = "--countries", split = ",", description = "only these countries, ISO3 codes"
      + " (default: every country of concern)")
  List<String> countries;

  @Option(names = "--sources", split = ",", description = "any of arms, contiguity, alliances,"
      + " vetoes, events, unga, igo (default: all)")
  List<String> sources;

  @Option(names = "--data", description = "folder of open-data files (default: fulcrum.open-data.dir;"
      + " files it lacks are read from the jar)")
  Path data;

  @Override
  public int run(ConfigurableApplicationContext context, PrintWriter out, PrintWriter err) {
    if (data != null && !Files.isDirectory(data)) {
      throw new CliException("no such folder: " + data, FulcrumCli.BAD_INPUT);
    }
    var request = new WatchListService.Request(engager, year, coalition, countries,
        sources == null ? null : OpenDataSource.parse(sources));
    WatchList list = context.getBean(WatchListService.class).run(request, data,
        (done, total, country) -> {
          err.print("\r" + bar(done, total) + (country == null ? "" : " " + country) + "   ");
          if (done == total) {
            err.println();
          }
          err.flush();
        });
    out.printf(Locale.ROOT, "watch list %d for %s%s: %d countries, cases %s, %.1f s (CPU: %.1f s"
            + " building threads, %.1f s process)%n",
        list.year(), list.engager(),
        list.coalition().isEmpty() ? "" : " + " + String.join(",", list.coalition()),
        list.countries(), list.window(), list.millis() / 1000.0, list.cpuMillis() / 1000.0,
        list.processCpuMillis() / 1000.0);
    out.printf(Locale.ROOT, "%4s  %-3s  %-24s %8s %8s %6s  %-22s %7s %5s  %s%n", "RANK", "ISO",
        "COUNTRY", "PRIORITY", "LEVERAGE", "REACH", "TOP PATRON", "ITS LEV", "FORUM", "EPISODES");
    for (WatchList.Row r : list.rows()) {
      out.printf(Locale.ROOT, "%4d  %-3s  %-24s %8.4f %8.4f %6.3f  %-22s %7s %5.2f  %s%n",
          r.rank(), r.country(), clip(r.name(), 24), r.priority(), r.leverage(), r.reach(),
          r.topPatron() == null ? "-" : clip(r.topPatron().name(), 22),
          r.topPatron() == null ? "-" : String.format(Locale.ROOT, "%.3f", r.topPatron().leverage()),
          r.forumShoppingRisk().risk(),
          String.join("; ", r.episodes().stream().map(WatchList.Episode::code).toList()));
    }
    for (WatchList.Row r : list.rows()) {
      out.println(r.explanation());
    }
    return FulcrumCli.OK;
  }

  static String bar(int done, int total) {
    int width = 30;
    int filled = total == 0 ? width : done * width / total;
    return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + done + "/" + total;
  }

  private static String clip(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "~";
  }
}
