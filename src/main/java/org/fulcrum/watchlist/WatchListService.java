package org.fulcrum.watchlist;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.fulcrum.analysis.BestPathTree;
import org.fulcrum.analysis.ForumQuery;
import org.fulcrum.analysis.ForumShopping;
import org.fulcrum.analysis.InfluenceRanking;
import org.fulcrum.analysis.InfluenceRankingQuery;
import org.fulcrum.analysis.LeverageGraph;
import org.fulcrum.analysis.LeveragePath;
import org.fulcrum.analysis.PatronAnalysis;
import org.fulcrum.analysis.PatronQuery;
import org.fulcrum.error.InvalidRequestException;
import org.fulcrum.leverage.Analyses;
import org.fulcrum.leverage.CaseSnapshots;
import org.fulcrum.opendata.BuildRequest;
import org.fulcrum.opendata.Concerns;
import org.fulcrum.opendata.Country;
import org.fulcrum.opendata.CountryCodes;
import org.fulcrum.opendata.DataFiles;
import org.fulcrum.opendata.OpenDataSource;
import org.fulcrum.opendata.web.OpenDataService;
import org.springframework.security.concurrent.DelegatingSecurityContextCallable;
import org.springframework.stereotype.Service;

/**
 * Builds the watch list: the countries of concern in a year from open data ({@link Concerns}),
 * each country's case built (or refreshed) with the engager's second ring for the
 * {@value #WINDOW_YEARS}-year window ending that year, then the analyses (patrons, forum shopping,
 * best paths, influence) on each case, ranked by {@link WatchListPriority}. Builds run in parallel,
 * one per core: each reads the same {@link DataFiles} object, so each file is parsed once per run.
 */
@Service
public class WatchListService {

  /** The years each case spans, ending with the list's year. */
  public static final int WINDOW_YEARS = 5;

  /** Reverse-reachable samples for each country's reach (95% interval about +-0.02). */
  public static final int REACH_SAMPLES = 2_000;

  private final OpenDataService openData;
  private final CaseSnapshots snapshots;

  WatchListService(OpenDataService openData, CaseSnapshots snapshots) {
    this.openData = openData;
    this.snapshots = snapshots;
  }

  /**
   * What to list.
   *
   * @param engager ISO3 of the engaging state (default USA)
   * @param coalition ISO3 codes of its partners
   * @param countries only these countries (ISO3), or all countries of concern when empty
   * @param sources the open-data sources for the cases (default all)
   */
  public record Request(String engager, int year, List<String> coalition, List<String> countries,
      Set<OpenDataSource> sources) {

    public Request {
      engager = engager == null || engager.isBlank() ? BuildRequest.ENGAGER_DEFAULT
          : engager.strip().toUpperCase(Locale.ROOT);
      if (!engager.matches("[A-Z]{3}")) {
        throw new InvalidRequestException("engager must be an ISO 3166 alpha-3 code such as USA,"
            + " got '" + engager + "'");
      }
      if (year < BuildRequest.EARLIEST_YEAR + WINDOW_YEARS - 1 || year > BuildRequest.LATEST_YEAR) {
        throw new InvalidRequestException("year must be between "
            + (BuildRequest.EARLIEST_YEAR + WINDOW_YEARS - 1) + " and " + BuildRequest.LATEST_YEAR
            + ", got " + year);
      }
      coalition = iso3s("coalition", coalition);
      countries = iso3s("countries", countries);
      String self = engager;
      coalition = coalition.stream().filter(c -> !c.equals(self)).toList();
      sources = sources == null || sources.isEmpty() ? OpenDataSource.all() : Set.copyOf(sources);
    }

    private static List<String> iso3s(String field, List<String> codes) {
      List<String> out = new ArrayList<>();
      for (String raw : codes == null ? List.<String>of() : codes) {
        String c = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
        if (!c.matches("[A-Z]{3}")) {
          throw new InvalidRequestException(field + ": expected ISO 3166 alpha-3 codes such as"
              + " SYR, got '" + raw + "'");
        }
        if (!out.contains(c)) {
          out.add(c);
        }
      }
      return List.copyOf(out);
    }

    /** The engager and its coalition, engager first. */
    public List<String> engagers() {
      List<String> all = new ArrayList<>(List.of(engager));
      all.addAll(coalition);
      return List.copyOf(all);
    }
  }

  /** Progress: countries done, countries in all, and the country just finished (or null). */
  @FunctionalInterface
  public interface Progress {
    void done(int done, int total, String country);
  }

  public WatchList run(Request request) {
    return run(request, null, (done, total, country) -> { });
  }

  /** Builds and ranks the list; {@code dataDir} overrides {@code fulcrum.open-data.dir}. */
  public WatchList run(Request request, Path dataDir, Progress progress) {
    long start = System.nanoTime();
    long processStart = processCpuNanos();
    DataFiles files = openData.files(dataDir);
    CountryCodes codes = CountryCodes.of(files);
    List<String> engagerIds = new ArrayList<>();
    for (String e : request.engagers()) {
      engagerIds.add(codes.iso3(e).orElseThrow(() -> new InvalidRequestException("engager: '" + e
          + "' is not an ISO 3166 alpha-3 code in the country crosswalk")).actorId());
    }
    Set<String> engagers = new HashSet<>(request.engagers());
    List<Concerns.Concern> concerns = concerns(request, files, codes, engagers);
    int total = concerns.size();
    progress.done(0, total, null);
    int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), total));
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "watch-list");
      t.setDaemon(true);
      return t;
    });
    AtomicInteger done = new AtomicInteger();
    AtomicLong cpu = new AtomicLong();
    ThreadMXBean threadBean = ManagementFactory.getThreadMXBean();
    List<WatchList.Row> rows = new ArrayList<>();
    try {
      List<Future<WatchList.Row>> futures = new ArrayList<>();
      for (Concerns.Concern c : concerns) {
        futures.add(pool.submit(DelegatingSecurityContextCallable.create(() -> {
          long before = threadBean.getCurrentThreadCpuTime();
          WatchList.Row row = row(request, files, c, engagerIds);
          cpu.addAndGet(threadBean.getCurrentThreadCpuTime() - before);
          progress.done(done.incrementAndGet(), total, c.country().iso3());
          return row;
        }, null)));
      }
      for (Future<WatchList.Row> f : futures) {
        rows.add(f.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("watch list interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
    rows.sort(Comparator.comparingDouble(WatchList.Row::priority).reversed()
        .thenComparing(Comparator.comparingDouble(WatchList.Row::urgency).reversed())
        .thenComparing(WatchList.Row::country));
    List<WatchList.Row> ranked = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      WatchList.Row r = rows.get(i);
      ranked.add(new WatchList.Row(i + 1, r.country(), r.name(), r.caseId(), r.regime(),
          r.episodes(), r.stateLed(), r.question(), r.leverage(), r.reach(), r.topPatron(),
          r.forumShoppingRisk(), r.leadChannel(), r.urgency(), r.ability(), r.priority(),
          WatchListExplanation.sentence(i + 1, r, request)));
    }
    int from = request.year() - WINDOW_YEARS + 1;
    return new WatchList(request.engager(), request.coalition(), request.year(),
        from + "-" + request.year(),
        request.sources().stream().sorted().map(OpenDataSource::label).toList(), ranked.size(),
        (System.nanoTime() - start) / 1_000_000, cpu.get() / 1_000_000,
        (processCpuNanos() - processStart) / 1_000_000, List.copyOf(ranked));
  }

  /** The whole process's CPU time (Neo4j's threads included), or 0 where the JVM does not say. */
  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
  }

  /**
   * The lists for the years {@code from..to} (the request's year is ignored), one after the
   * other; progress counts every year's countries.
   */
  public WatchListHistory history(Request base, int from, int to, Path dataDir, Progress progress) {
    long start = System.nanoTime();
    List<WatchList> lists = new ArrayList<>();
    int[] before = {0, 0};
    for (int y = from; y <= to; y++) {
      Request r = new Request(base.engager(), y, base.coalition(), base.countries(), base.sources());
      int doneBefore = before[0];
      int totalBefore = before[1];
      WatchList list = run(r, dataDir, (done, total, country) ->
          progress.done(doneBefore + done, totalBefore + total, country));
      before[0] += list.countries();
      before[1] += list.countries();
      lists.add(list);
    }
    return WatchListHistory.of(base.engager(), base.coalition(), from, to,
        (System.nanoTime() - start) / 1_000_000, lists);
  }

  private static List<Concerns.Concern> concerns(Request request, DataFiles files,
      CountryCodes codes, Set<String> engagers) {
    List<Concerns.Concern> all = new Concerns(files, codes).in(request.year());
    if (request.countries().isEmpty()) {
      return all.stream().filter(c -> !engagers.contains(c.country().iso3())).toList();
    }
    List<Concerns.Concern> out = new ArrayList<>();
    for (String iso3 : request.countries()) {
      if (engagers.contains(iso3)) {
        throw new InvalidRequestException("countries: " + iso3 + " is the engager or in its"
            + " coalition");
      }
      Country c = codes.iso3(iso3).orElseThrow(() -> new InvalidRequestException("countries: '"
          + iso3 + "' is not an ISO 3166 alpha-3 code in the country crosswalk"));
      out.add(all.stream().filter(x -> x.country().iso3().equals(iso3)).findFirst()
          .orElse(new Concerns.Concern(c, List.of())));
    }
    return out;
  }

  /** One country: build (or refresh) its case, then read the analyses on it. */
  private WatchList.Row row(Request request, DataFiles files, Concerns.Concern concern,
      List<String> engagerIds) {
    Country country = concern.country();
    int from = request.year() - WINDOW_YEARS + 1;
    BuildRequest build = new BuildRequest(country.iso3(), from, request.year(), request.sources(),
        null, request.engagers());
    var built = openData.build(build, files);
    LeverageGraph g = snapshots.snapshot(built.caseId(), LocalDate.of(request.year(), 12, 31));
    String target = country.actorId();
    String engager = engagerIds.get(0);
    List<String> coalition = engagerIds.subList(1, engagerIds.size());
    Set<String> coalitionIds = new HashSet<>(coalition);
    coalitionIds.add(engager);

    PatronAnalysis.Ranking patrons = Analyses.PATRONS.run(g,
        new PatronQuery(target, engager, coalition));
    ForumShopping.Assessment forums = Analyses.FORUMS.run(g,
        new ForumQuery(target, engager, coalition));
    InfluenceRanking influence = Analyses.INFLUENCE.run(g,
        InfluenceRankingQuery.of(target, REACH_SAMPLES, null, null));

    double leverage = 0;
    for (String member : coalitionIds) {
      var idx = g.indexOf(member);
      if (idx.isEmpty()) {
        continue;
      }
      BestPathTree tree = new BestPathTree(g, idx.get());
      for (String r : patrons.regime()) {
        leverage = Math.max(leverage, tree.strength(g.require(r, "regime")));
      }
    }
    double reach = influence.actors().stream().filter(a -> coalitionIds.contains(a.id()))
        .mapToDouble(InfluenceRanking.ActorInfluence::reach).max().orElse(0);

    // the top patron: the patron ranking's first, by pressure potential (shield share x the
    // engager's leverage over it): the patron to press
    WatchList.TopPatron top = patrons.patrons().stream()
        .filter(p -> !coalitionIds.contains(p.id()))
        .findFirst()
        .map(p -> {
          double lev = p.leverage() == null ? 0 : p.leverage();
          LeveragePath path = p.leveragePath();
          String channel = lev > 0 && path != null && !path.hops().isEmpty()
              ? path.hops().get(0).type() + " (" + path.hops().get(0).channel() + ")"
                  + (path.hops().size() > 1 ? ", " + path.hops().size() + " hops" : "")
              : WatchListExplanation.NO_CHANNEL;
          return new WatchList.TopPatron(p.id(), p.name(), p.shieldShare(), lev,
              p.pressurePotential() == null ? 0 : p.pressurePotential(), channel, path);
        }).orElse(null);

    WatchList.ForumRisk risk = new WatchList.ForumRisk(forums.risk(),
        forums.escapeVenues().stream().map(ForumShopping.EscapeVenue::name).toList());
    var lead = forums.leadChannel();
    WatchList.LeadChannel leadChannel = lead == null
        ? new WatchList.LeadChannel(null, null, false, 0,
            "none: the engager reaches no forum in the data")
        : new WatchList.LeadChannel(lead.id(), lead.name(), lead.canPass(), lead.access(),
            lead.explanation());

    List<WatchList.Episode> episodes = concern.episodes().stream().map(e -> new WatchList.Episode(
        e.code(), e.name(), e.kind().label(), e.stateLed(), e.startYear(), e.endYear(),
        e.intensity(), e.source())).toList();
    boolean stateLed = concern.episodes().stream()
        .anyMatch(e -> e.kind() == Concerns.Kind.MASS_KILLING && e.stateLed());
    boolean nonState = concern.episodes().stream()
        .anyMatch(e -> !(e.kind() == Concerns.Kind.MASS_KILLING && e.stateLed()));
    double urgency = WatchListPriority.urgency(concern.episodes(), request.year());
    double ability = WatchListPriority.ability(leverage, top == null ? 0 : top.pressurePotential());
    double priority = WatchListPriority.priority(urgency, ability);
    return new WatchList.Row(0, country.iso3(), country.name(), built.caseId(), target, episodes,
        stateLed, WatchListExplanation.question(country.name(), stateLed, nonState),
        WatchListPriority.round(leverage), WatchListPriority.round(reach), top, risk, leadChannel,
        WatchListPriority.round(urgency), WatchListPriority.round(ability), priority, null);
  }
}
