package org.fulcrum.opendata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.fulcrum.casefile.Actor;
import org.fulcrum.casefile.ActorKind;
import org.fulcrum.casefile.Channel;
import org.fulcrum.casefile.Polarity;
import org.fulcrum.casefile.TieType;

/**
 * Shared IGO memberships (COW IGO v3, non-directed dyad-years): for each state in the case, the
 * mean count of IGOs it shares with the target over the window's years with data, relative to the
 * target's most connected partner, gives an {@code influences} tie of strength 0.5 x that ratio
 * (rule "igo").
 */
public final class IgoCoMembership implements BuildStep {

  public static final double MAX_STRENGTH = 0.5;
  public static final double CONFIDENCE = 0.8;
  static final String URL = "https://correlatesofwar.org/data-sets/igos/";

  private final DataFiles files;
  private final CountryCodes codes;

  public IgoCoMembership(DataFiles files, CountryCodes codes) {
    this.files = files;
    this.codes = codes;
  }

  @Override
  public OpenDataSource source() {
    return OpenDataSource.IGO;
  }

  @Override
  public Outcome apply(CaseDraft draft) {
    Country target = draft.target();
    BuildRequest req = draft.request();
    if (target.cow() == null) {
      return new Outcome(source(), 0, 0, 0, 0, target.iso3() + " has no COW code");
    }
    Window w = window(req.from(), req.to());
    Map<Integer, Map<Integer, Integer>> byPartner = partners(target.cow(), req.from(), req.to());
    int read = w.rowsRead();
    int used = byPartner.values().stream().mapToInt(Map::size).sum();
    double max = byPartner.values().stream().mapToDouble(IgoCoMembership::mean).max().orElse(0);
    int ties = 0;
    if (max > 0) {
      for (Actor a : new ArrayList<>(draft.actors())) {
        if (a.kind() != ActorKind.STATE || a.country() == null || a.country().equals(target.iso3())) {
          continue;
        }
        Integer cow = codes.iso3(a.country()).map(Country::cow).orElse(null);
        Map<Integer, Integer> years = cow == null ? null : byPartner.get(cow);
        if (years == null || mean(years) == 0) {
          continue;
        }
        double ratio = mean(years) / max;
        String pair = a.id().substring(Ids.PREFIX.length()) + "-" + target.iso3().toLowerCase(Locale.ROOT);
        String sourceId = draft.source(Ids.PREFIX + "src-igo-" + pair, String.format(Locale.ROOT,
            "COW IGO v3 joint memberships (%s): %s and %s share IGOs by year %s, mean %.1f; the"
                + " target's most connected partner shares %.1f. Rule 'igo' (docs/open-data.md):"
                + " strength = 0.5 x %.1f / %.1f",
            DataFiles.IGO, a.name(), target.name(), years, mean(years), max, mean(years), max), URL);
        draft.tie(Ids.PREFIX + "igo-" + pair, a.id(), target.actorId(), TieType.INFLUENCES,
            CaseDraft.unit(MAX_STRENGTH * ratio), Polarity.SUPPORTIVE, Channel.DIPLOMATIC,
            CONFIDENCE, List.of(sourceId));
        ties++;
      }
    }
    return new Outcome(source(), read, used, 0, ties, byPartner.size() + " IGO partners in the"
        + " window's years with data");
  }

  /** One dyad-year's count of shared IGOs. */
  record Shared(int c1, int c2, int year, int igos) {}

  /** The window's dyad-years, and how many rows the file has. */
  record Window(List<Shared> dyads, int rowsRead) {}

  /** The dyad-years of the window, read once per {@link DataFiles} object and window. */
  Window window(int from, int to) {
    return files.memo("igo:" + from + "-" + to, () -> {
      List<Shared> out = new ArrayList<>();
      int read = 0;
      try (CSVParser csv = files.csv(DataFiles.IGO)) {
        for (CSVRecord r : csv) {
          read++;
          Integer year = CountryCodes.integer(r.get("year"));
          Integer c1 = CountryCodes.integer(r.get("ccode1"));
          Integer c2 = CountryCodes.integer(r.get("ccode2"));
          Integer n = CountryCodes.integer(r.get("dyadigos"));
          if (year != null && c1 != null && c2 != null && n != null && year >= from && year <= to) {
            out.add(new Shared(c1, c2, year, n));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new Window(List.copyOf(out), read);
    });
  }

  /** A state's partners (COW code -> year -> shared IGOs) in the window, computed once. */
  Map<Integer, Map<Integer, Integer>> partners(int cow, int from, int to) {
    return files.memo("igo-partners:" + cow + ":" + from + "-" + to,
        () -> partners(window(from, to), cow));
  }

  static Map<Integer, Map<Integer, Integer>> partners(Window w, int cow) {
    Map<Integer, Map<Integer, Integer>> byPartner = new HashMap<>();
    for (Shared d : w.dyads()) {
      int partner;
      if (d.c1() == cow) {
        partner = d.c2();
      } else if (d.c2() == cow) {
        partner = d.c1();
      } else {
        continue;
      }
      byPartner.computeIfAbsent(partner, p -> new TreeMap<>()).put(d.year(), d.igos());
    }
    return byPartner;
  }

  static double mean(Map<Integer, Integer> years) {
    return years.values().stream().mapToInt(Integer::intValue).average().orElse(0);
  }
}
