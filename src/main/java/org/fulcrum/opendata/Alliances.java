package org.fulcrum.opendata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.fulcrum.casefile.Channel;
import org.fulcrum.casefile.Polarity;
import org.fulcrum.casefile.Tie;
import org.fulcrum.casefile.TieType;

/**
 * Alliances from ATOP 5.1 directed dyad-years: an {@code allied-with} tie from each state with an
 * alliance pledge to the target in the window. Strength = the strongest pledge's weight x the
 * share of window years with a pledge (rule "alliances"); the UNGA step may scale it by voting
 * agreement.
 */
public final class Alliances implements BuildStep {

  public static final double DEFENSE_OR_OFFENSE = 0.6;
  public static final double NEUTRALITY_OR_NONAGGRESSION = 0.3;
  public static final double CONSULTATION = 0.2;
  public static final double CONFIDENCE = 0.9;
  static final String URL = "http://www.atopdata.org/";

  private final DataFiles files;
  private final CountryCodes codes;

  public Alliances(DataFiles files, CountryCodes codes) {
    this.files = files;
    this.codes = codes;
  }

  @Override
  public OpenDataSource source() {
    return OpenDataSource.ALLIANCES;
  }

  /** One ally's pledges to the target, year by year (weight of the strongest pledge). */
  record Pledges(Map<Integer, String> kindByYear, Map<Integer, Double> weightByYear) {}

  /** One directed dyad-year's strongest pledge. */
  record Pledge(int from, int to, int year, String kind, double weight) {}

  /** The window's pledges (every dyad, and by directed pair), and how many rows the file has. */
  record Window(List<Pledge> pledges, Map<Long, List<Pledge>> byPair, int rowsRead) {}

  private static long pair(int from, int to) {
    return ((long) from << 32) | (to & 0xffffffffL);
  }

  /** The pledges of the window's years, read once per {@link DataFiles} object and window. */
  Window window(int from, int to) {
    return files.memo("atop:" + from + "-" + to, () -> {
      List<Pledge> out = new ArrayList<>();
      int read = 0;
      try (CSVParser csv = files.csv(DataFiles.ATOP)) {
        for (CSVRecord r : csv) {
          read++;
          Integer year = CountryCodes.integer(r.get("year"));
          Integer c1 = CountryCodes.integer(r.get("ccode1"));
          Integer c2 = CountryCodes.integer(r.get("ccode2"));
          if (year == null || c1 == null || c2 == null || year < from || year > to) {
            continue;
          }
          if (flag(r, "atop_defense") || flag(r, "atop_offense")) {
            out.add(new Pledge(c1, c2, year, flag(r, "atop_defense") ? "defense" : "offense",
                DEFENSE_OR_OFFENSE));
          } else if (flag(r, "atop_neutral") || flag(r, "atop_nonagg")) {
            out.add(new Pledge(c1, c2, year, flag(r, "atop_neutral") ? "neutrality"
                : "non-aggression", NEUTRALITY_OR_NONAGGRESSION));
          } else if (flag(r, "atop_consul")) {
            out.add(new Pledge(c1, c2, year, "consultation", CONSULTATION));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Map<Long, List<Pledge>> byPair = new java.util.HashMap<>();
      for (Pledge x : out) {
        byPair.computeIfAbsent(pair(x.from(), x.to()), k -> new ArrayList<>()).add(x);
      }
      return new Window(List.copyOf(out), byPair, read);
    });
  }

  /** The pledges of {@code from -> to} in the window, by year; empty when there are none. */
  static Pledges between(Window w, int from, int to) {
    Pledges p = new Pledges(new TreeMap<>(), new TreeMap<>());
    for (Pledge x : w.byPair().getOrDefault(pair(from, to), List.of())) {
      p.kindByYear().put(x.year(), x.kind());
      p.weightByYear().put(x.year(), x.weight());
    }
    return p;
  }

  @Override
  public Outcome apply(CaseDraft draft) {
    Country target = draft.target();
    BuildRequest req = draft.request();
    if (target.cow() == null) {
      return new Outcome(source(), 0, 0, 0, 0, target.iso3() + " has no COW code");
    }
    Window w = window(req.from(), req.to());
    Map<Integer, Pledges> byAlly = new LinkedHashMap<>();
    int used = 0;
    for (Pledge x : w.pledges()) {
      if (x.to() != target.cow()) {
        continue;
      }
      used++;
      Pledges p = byAlly.computeIfAbsent(x.from(), c -> new Pledges(new TreeMap<>(), new TreeMap<>()));
      p.kindByYear().put(x.year(), x.kind());
      p.weightByYear().put(x.year(), x.weight());
    }
    int before = draft.actors().size();
    int ties = 0;
    for (var e : byAlly.entrySet()) {
      var ally = codes.cow(e.getKey());
      if (ally.isEmpty()) {
        continue;
      }
      tie(draft, ally.get(), target, e.getValue());
      ties++;
    }
    return new Outcome(source(), w.rowsRead(), used, draft.actors().size() - before, ties,
        byAlly.size() + " allies");
  }

  /** The {@code allied-with} tie {@code ally -> partner} for its pledges (rule "alliances"). */
  static Tie tie(CaseDraft draft, Country ally, Country partner, Pledges p) {
    BuildRequest req = draft.request();
    double strongest = p.weightByYear().values().stream().mapToDouble(Double::doubleValue).max()
        .orElse(0);
    double yearShare = (double) p.weightByYear().size() / req.years();
    String id = draft.state(ally);
    String to = draft.state(partner);
    String pair = id.substring(Ids.PREFIX.length()) + "-" + to.substring(Ids.PREFIX.length());
    String sourceId = draft.source(Ids.PREFIX + "src-ally-" + pair, String.format(Locale.ROOT,
        "ATOP 5.1 directed dyad-years (%s): ccode1 %d (%s) -> ccode2 %d (%s), pledges by year %s."
            + " Rule 'alliances' (docs/open-data.md): strength = strongest pledge (defense or"
            + " offense 0.6, neutrality or non-aggression 0.3, consultation 0.2) x %d of %d"
            + " window years",
        DataFiles.ATOP, ally.cow(), ally.name(), partner.cow(), partner.name(),
        p.kindByYear(), p.weightByYear().size(), req.years()), URL);
    return draft.tie(Ids.PREFIX + "ally-" + pair, id, to, TieType.ALLIED_WITH,
        CaseDraft.unit(strongest * yearShare), Polarity.SUPPORTIVE, Channel.DIPLOMATIC,
        CONFIDENCE, List.of(sourceId));
  }

  private static boolean flag(CSVRecord r, String column) {
    Integer v = CountryCodes.integer(r.get(column));
    return v != null && v > 0;
  }
}
