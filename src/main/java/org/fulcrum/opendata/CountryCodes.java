package org.fulcrum.opendata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.fulcrum.error.InvalidRequestException;

/**
 * Country resolution: ISO3 <-> ISO2 <-> COW code <-> names (English, SIPRI, and the crosswalk's
 * name regexes, which also match demonyms and older names). Built from {@code
 * countrycode_crosswalk.csv} and, when present, SIPRI's country list. Only countries with an ISO
 * 3166 alpha-3 code known to Java become case actors with a country code.
 */
public final class CountryCodes {

  private static final Set<String> ISO3 =
      Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));

  private final Map<String, Country> byIso3 = new HashMap<>();
  private final Map<String, Country> byIso2 = new HashMap<>();
  private final Map<Integer, Country> byCow = new HashMap<>();
  private final Map<Integer, Country> byGw = new HashMap<>();
  private final Map<String, Country> byName = new HashMap<>();
  private final List<Map.Entry<Pattern, Country>> regexes = new ArrayList<>();
  private final Map<String, Optional<Country>> nameCache = new ConcurrentHashMap<>();

  private CountryCodes() {}

  public static CountryCodes load(DataFiles files) {
    CountryCodes codes = new CountryCodes();
    try (CSVParser csv = files.csv(DataFiles.CROSSWALK)) {
      int row = 0;
      for (CSVRecord r : csv) {
        row++;
        String iso3 = r.get("iso3c").strip();
        if (!ISO3.contains(iso3)) {
          continue;
        }
        String iso2 = blankToNull(r.get("iso2c"));
        Integer cow = integer(r.get("cown"));
        Country c = new Country(iso3, iso2, cow, r.get("country.name.en").strip(), row);
        codes.byIso3.putIfAbsent(iso3, c);
        if (iso2 != null) {
          codes.byIso2.putIfAbsent(iso2, c);
        }
        if (cow != null) {
          codes.byCow.putIfAbsent(cow, c);
        }
        Integer gw = r.isMapped("gwn") ? integer(r.get("gwn")) : null;
        if (gw != null) {
          codes.byGw.putIfAbsent(gw, c);
        }
        codes.byName.putIfAbsent(key(c.name()), c);
        String regex = r.get("country.name.en.regex");
        if (!regex.isBlank()) {
          try {
            codes.regexes.add(Map.entry(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), c));
          } catch (PatternSyntaxException e) {
            // An R-only construct; the exact name still resolves.
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (files.has(DataFiles.SIPRI_COUNTRIES)) {
      codes.loadSipri(files);
    }
    return codes;
  }

  /** SIPRI's own spellings: resolved by its ISO3 column, else by its COW code. */
  private void loadSipri(DataFiles files) {
    try (CSVParser csv = files.csv(DataFiles.SIPRI_COUNTRIES)) {
      for (CSVRecord r : csv) {
        Country c = byIso3.get(r.get("iso3").strip());
        if (c == null) {
          Integer cow = integer(r.get("COW"));
          c = cow == null || cow == 0 ? null : byCow.get(cow);
        }
        if (c != null) {
          byName.putIfAbsent(key(r.get("SIPRI")), c);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Optional<Country> iso3(String iso3) {
    return Optional.ofNullable(iso3 == null ? null : byIso3.get(iso3.strip().toUpperCase(Locale.ROOT)));
  }

  /** The country for an ISO3 code, or an error that says what was expected. */
  public Country require(String iso3) {
    return iso3(iso3).orElseThrow(() -> new InvalidRequestException("country: '" + iso3
        + "' is not an ISO 3166 alpha-3 code in the country crosswalk (e.g. SDN, KEN, SYR)"));
  }

  public Optional<Country> iso2(String iso2) {
    return Optional.ofNullable(iso2 == null ? null : byIso2.get(iso2.strip()));
  }

  public Optional<Country> cow(int cow) {
    return Optional.ofNullable(byCow.get(cow));
  }

  /** By Gleditsch-Ward code (UCDP/PRIO), else by the equal COW code. */
  public Optional<Country> gw(int gw) {
    Country c = byGw.get(gw);
    return Optional.ofNullable(c != null ? c : byCow.get(gw));
  }

  /** The codes of the files, loaded once per {@link DataFiles} object. */
  public static CountryCodes of(DataFiles files) {
    return files.memo("country-codes", () -> load(files));
  }

  /** By exact name (English or SIPRI), then by the crosswalk's regexes. */
  public Optional<Country> name(String name) {
    if (name == null || name.isBlank()) {
      return Optional.empty();
    }
    return nameCache.computeIfAbsent(name, n -> {
      Country exact = byName.get(key(n));
      if (exact != null) {
        return Optional.of(exact);
      }
      for (var e : regexes) {
        if (e.getKey().matcher(n).find()) {
          return Optional.of(e.getValue());
        }
      }
      return Optional.empty();
    });
  }

  /**
   * Whether a text (e.g. a Security Council agenda topic such as "Syria" or "Middle East -
   * Syria") names the country: its English name, or its crosswalk regex.
   */
  public boolean mentions(Country c, String text) {
    if (text == null || text.isBlank()) {
      return false;
    }
    if (text.toLowerCase(Locale.ROOT).contains(key(c.name()))) {
      return true;
    }
    for (var e : regexes) {
      if (e.getValue().iso3().equals(c.iso3()) && e.getKey().matcher(text).find()) {
        return true;
      }
    }
    return false;
  }

  /** A name that is exactly a country's name (no regex): for actor strings such as "Kenya". */
  public Optional<Country> exactName(String name) {
    return Optional.ofNullable(name == null ? null : byName.get(key(name)));
  }

  private static String key(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  static Integer integer(String s) {
    try {
      return s == null || s.isBlank() ? null : (int) Double.parseDouble(s.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
