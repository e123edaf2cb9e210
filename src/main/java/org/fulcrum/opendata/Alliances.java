package org.fulcrum.opendata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.fulcrum.casefile.Channel;
import org.fulcrum.casefile.Polarity;
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
  private record Pledges(Map<Integer, String> kindByYear, Map<Integer, Double> weightByYear) {}

  @Override
  public Outcome apply(CaseDraft draft) {
    Country target = draft.target();
    BuildRequest req = draft.request();
    if (target.cow() == null) {
      return new Outcome(source(), 0, 0, 0, 0, target.iso3() + " has no COW code");
    }
    Map<Integer, Pledges> byAlly = new LinkedHashMap<>();
    int read = 0;
    int used = 0;
    try (CSVParser csv = files.csv(DataFiles.ATOP)) {
      for (CSVRecord r : csv) {
        read++;
        Integer year = CountryCodes.integer(r.get("year"));
        Integer c2 = CountryCodes.integer(r.get("ccode2"));
        if (year == null || c2 == null || !req.covers(year) || c2.intValue() != target.cow()) {
          continue;
        }
        Integer c1 = CountryCodes.integer(r.get("ccode1"));
        String kind;
        double weight;
        if (flag(r, "atop_defense") || flag(r, "atop_offense")) {
          kind = flag(r, "atop_defense") ? "defense" : "offense";
          weight = DEFENSE_OR_OFFENSE;
        } else if (flag(r, "atop_neutral") || flag(r, "atop_nonagg")) {
          kind = flag(r, "atop_neutral") ? "neutrality" : "non-aggression";
          weight = NEUTRALITY_OR_NONAGGRESSION;
        } else if (flag(r, "atop_consul")) {
          kind = "consultation";
          weight = CONSULTATION;
        } else {
          continue;
        }
        if (c1 == null) {
          continue;
        }
        used++;
        Pledges p = byAlly.computeIfAbsent(c1, c -> new Pledges(new TreeMap<>(), new TreeMap<>()));
        p.kindByYear().put(year, kind);
        p.weightByYear().put(year, weight);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int before = draft.actors().size();
    int ties = 0;
    for (var e : byAlly.entrySet()) {
      var ally = codes.cow(e.getKey());
      if (ally.isEmpty()) {
        continue;
      }
      Pledges p = e.getValue();
      double strongest = p.weightByYear().values().stream().mapToDouble(Double::doubleValue).max()
          .orElse(0);
      double yearShare = (double) p.weightByYear().size() / req.years();
      String id = draft.state(ally.get());
      String pair = id.substring(Ids.PREFIX.length()) + "-" + target.iso3().toLowerCase(Locale.ROOT);
      String sourceId = draft.source(Ids.PREFIX + "src-ally-" + pair, String.format(Locale.ROOT,
          "ATOP 5.1 directed dyad-years (%s): ccode1 %d (%s) -> ccode2 %d (%s), pledges by year %s."
              + " Rule 'alliances' (docs/open-data.md): strength = strongest pledge (defense or"
              + " offense 0.6, neutrality or non-aggression 0.3, consultation 0.2) x %d of %d"
              + " window years",
          DataFiles.ATOP, e.getKey(), ally.get().name(), target.cow(), target.name(),
          p.kindByYear(), p.weightByYear().size(), req.years()), URL);
      draft.tie(Ids.PREFIX + "ally-" + pair, id, target.actorId(), TieType.ALLIED_WITH,
          CaseDraft.unit(strongest * yearShare), Polarity.SUPPORTIVE, Channel.DIPLOMATIC,
          CONFIDENCE, List.of(sourceId));
      ties++;
    }
    return new Outcome(source(), read, used, draft.actors().size() - before, ties,
        byAlly.size() + " allies");
  }

  private static boolean flag(CSVRecord r, String column) {
    Integer v = CountryCodes.integer(r.get(column));
    return v != null && v > 0;
  }
}
