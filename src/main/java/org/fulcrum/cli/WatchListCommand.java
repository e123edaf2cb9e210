package org.fulcrum.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.fulcrum.opendata.OpenDataSource;
import org.fulcrum.watchlist.WatchList;
import org.fulcrum.watchlist.WatchListHistory;
import org.fulcrum.watchlist.WatchListService;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.ArgGroup;
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

  @ArgGroup(exclusive = true, multiplicity = "1")
  When when;

  /** One year, or a range of years: exactly one of the two, checked before anything starts. */
  static final class When {
    @Option(names = "--year", required = true, description = "the list's year; each case spans"
        + " the five years ending with it")
    Integer year;

    @Option(names = "--years", required = true, description = "instead of --year, a range such"
        + " as 2012-2016: each country's rank, priority and top patron side by side")
    String years;
  }

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
    int[] range = when.years == null ? null : WatchListHistory.years(when.years);
    var request = new WatchListService.Request(engager, range == null ? when.year : range[1], coalition,
        countries, sources == null ? null : OpenDataSource.parse(sources));
    WatchListService.Progress progress = (done, total, country) -> {
      err.print("\r" + bar(done, total) + (country == null ? "" : " " + country) + "   ");
      err.flush();
    };
    WatchListService service = context.getBean(WatchListService.class);
    if (range != null) {
      WatchListHistory history = service.history(request, range[0], range[1], data, progress);
      err.println();
      printHistory(out, history);
      return FulcrumCli.OK;
    }
    WatchList list = service.run(request, data, progress);
    err.println();
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

  private static void printHistory(PrintWriter out, WatchListHistory history) {
    out.printf(Locale.ROOT, "watch lists %d-%d for %s: %d countries, %.1f s%n", history.from(),
        history.to(), history.engager(), history.countries().size(), history.millis() / 1000.0);
    StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-3s  %-24s", "ISO",
        "COUNTRY"));
    for (int y = history.from(); y <= history.to(); y++) {
      head.append(String.format(Locale.ROOT, "  %-26s", y + " priority (rank) patron"));
    }
    out.println(head);
    for (WatchListHistory.Country c : history.countries()) {
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-3s  %-24s",
          c.country(), clip(c.name(), 24)));
      for (WatchListHistory.Point p : c.years()) {
        line.append(String.format(Locale.ROOT, "  %-26s", p.rank() == null ? "-"
            : String.format(Locale.ROOT, "%.3f (%d) %s", p.priority(), p.rank(),
                p.topPatron() == null ? "-" : clip(p.topPatron(), 12))));
      }
      out.println(line);
    }
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
