package org.fulcrum.opendata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The countries of concern in a year, from open data (rule "countries of concern" in
 * docs/open-data.md):
 *
 * <ul>
 *   <li>every Early Warning Project mass-killing episode ongoing that year (start year &le; year,
 *       and no end year or end year &ge; year), state-led or not, in the country of its location
 *       ({@code mk_location_cow});
 *   <li>every UCDP/PRIO armed conflict-year of that year fought inside a state (intrastate or
 *       internationalised intrastate), in the country of the government side ({@code gwno_a},
 *       a Gleditsch-Ward code).
 * </ul>
 * Interstate and extrasystemic conflicts are left out: they do not put a regime's conduct
 * towards its own population in question.
 */
public final class Concerns {

  public static final String EWP_URL = "https://earlywarningproject.ushmm.org/";
  public static final String UCDP_URL = "https://ucdp.uu.se/downloads/";

  /** Where an episode comes from. */
  public enum Kind {
    MASS_KILLING("mass-killing"), ARMED_CONFLICT("armed-conflict");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * One episode of concern.
   *
   * @param code EWP's episode code (e.g. {@code syr2011s1}) or {@code ucdp-<conflict id>}
   * @param stateLed whether the state's forces are the perpetrators (EWP); for armed conflicts
   *     {@code false}: the state is a party, the question is its conduct in the fighting
   * @param startYear the year it began
   * @param endYear the year it ended, or {@code null} when the data record none
   * @param intensity UCDP's intensity level (1 minor, 2 war), {@code null} for EWP episodes
   * @param source the file and row it comes from
   */
  public record Episode(String code, String name, Kind kind, boolean stateLed, int startYear,
      Integer endYear, Integer intensity, String source) {}

  /** A country and its episodes in the year. */
  public record Concern(Country country, List<Episode> episodes) {}

  private final DataFiles files;
  private final CountryCodes codes;

  public Concerns(DataFiles files, CountryCodes codes) {
    this.files = files;
    this.codes = codes;
  }

  /** The countries of concern in {@code year}, by ISO3 code; episodes worst first. */
  public List<Concern> in(int year) {
    Map<String, List<Episode>> byCountry = new LinkedHashMap<>();
    Map<String, Country> countries = new LinkedHashMap<>();
    if (files.has(DataFiles.EWP_EPISODES)) {
      readEwp(year, byCountry, countries);
    }
    if (files.has(DataFiles.UCDP_CONFLICTS)) {
      readUcdp(year, byCountry, countries);
    }
    if (!files.has(DataFiles.EWP_EPISODES) && !files.has(DataFiles.UCDP_CONFLICTS)) {
      throw new DataFiles.MissingDataFileException(DataFiles.EWP_EPISODES, files.dir());
    }
    List<Concern> out = new ArrayList<>();
    byCountry.forEach((iso3, eps) -> {
      eps.sort(Comparator.comparing((Episode e) -> e.kind() != Kind.MASS_KILLING)
          .thenComparing(e -> !e.stateLed()).thenComparing(Episode::code));
      out.add(new Concern(countries.get(iso3), List.copyOf(eps)));
    });
    out.sort(Comparator.comparing(c -> c.country().iso3()));
    return out;
  }

  private void readEwp(int year, Map<String, List<Episode>> byCountry,
      Map<String, Country> countries) {
    try (CSVParser csv = files.csv(DataFiles.EWP_EPISODES)) {
      int row = 0;
      for (CSVRecord r : csv) {
        row++;
        Integer start = CountryCodes.integer(r.get("startyear"));
        Integer end = CountryCodes.integer(r.get("endyear"));
        if (start == null || start > year || (end != null && end < year)) {
          continue;
        }
        Integer cow = CountryCodes.integer(r.get("mk_location_cow"));
        Optional<Country> c = cow == null ? Optional.empty() : codes.cow(cow);
        if (c.isEmpty()) {
          c = codes.name(r.get("country"));
        }
        if (c.isEmpty()) {
          continue;
        }
        boolean stateLed = r.get("State-Led or Non-State-Led").strip().toLowerCase(Locale.ROOT)
            .startsWith("state");
        String code = r.get("mk_event_code").strip();
        String name = r.get("mk_event_name").strip().replaceAll("\\s+", " ");
        add(byCountry, countries, c.get(), new Episode(code, name, Kind.MASS_KILLING, stateLed,
            start, end, null, String.format(Locale.ROOT, "Early Warning Project mass-killing"
                + " episodes (%s), data row %d: %s, %s, %d-%s, %s", DataFiles.EWP_EPISODES, row,
                code, r.get("country").strip(), start, end == null ? "ongoing" : end,
                stateLed ? "state-led" : "non-state-led")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void readUcdp(int year, Map<String, List<Episode>> byCountry,
      Map<String, Country> countries) {
    Map<String, Episode> seen = new LinkedHashMap<>();
    try (CSVParser csv = files.csv(DataFiles.UCDP_CONFLICTS)) {
      int row = 0;
      for (CSVRecord r : csv) {
        row++;
        Integer y = CountryCodes.integer(r.get("year"));
        String type = r.get("type_of_conflict").strip();
        if (y == null || y != year || !(type.equals("intrastate") || type.equals("II"))) {
          continue;
        }
        Integer gw = CountryCodes.integer(r.get("gwno_a"));
        Optional<Country> c = gw == null ? Optional.empty() : codes.gw(gw);
        if (c.isEmpty()) {
          continue;
        }
        String id = r.get("conflict_id").strip();
        Integer intensity = CountryCodes.integer(r.get("intensity_level"));
        String startDate = r.get("start_date").strip();
        Integer start = startDate.length() >= 4 ? CountryCodes.integer(startDate.substring(0, 4))
            : null;
        boolean ended = "1".equals(r.get("ep_end").strip());
        String incompatibility = r.get("incompatibility").strip();
        String name = String.format(Locale.ROOT, "armed conflict over %s (UCDP %s)%s, %s",
            incompatibility, id, type.equals("II") ? ", internationalised" : "",
            intensity != null && intensity == 2 ? "war (1,000+ battle deaths)"
                : "minor (25-999 battle deaths)");
        Episode e = new Episode("ucdp-" + id, name, Kind.ARMED_CONFLICT, false,
            start == null ? year : start, ended ? year : null, intensity, String.format(
                Locale.ROOT, "UCDP/PRIO Armed Conflict Dataset via peacesciencer (%s), data row"
                    + " %d: conflict %s, %d, gwno_a %d, %s, %s, intensity %s, since %s",
                DataFiles.UCDP_CONFLICTS, row, id, year, gw, incompatibility, type, intensity,
                startDate));
        if (seen.putIfAbsent(c.get().iso3() + "|" + id, e) == null) {
          add(byCountry, countries, c.get(), e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void add(Map<String, List<Episode>> byCountry, Map<String, Country> countries,
      Country c, Episode e) {
    countries.putIfAbsent(c.iso3(), c);
    byCountry.computeIfAbsent(c.iso3(), k -> new ArrayList<>()).add(e);
  }
}
