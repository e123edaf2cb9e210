package org.fulcrum.opendata;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.fulcrum.error.InvalidRequestException;

/**
 * What to build: a target country (ISO 3166 alpha-3), a window of years (both inclusive), the
 * sources to use, and the engager: one state, or several for a coalition (ISO3 codes, default
 * {@value #ENGAGER_DEFAULT}), whose dyads with the first ring are read too ({@link SecondRing}).
 * The case id defaults to {@code od-<iso3>-<from>-<to>}, so building the same window again
 * refreshes the same case.
 */
public record BuildRequest(String country, int from, int to, Set<OpenDataSource> sources,
    String caseId, List<String> engagers) {

  public static final String ENGAGER_DEFAULT = "USA";

  public static final int EARLIEST_YEAR = 1946;
  public static final int LATEST_YEAR = 2100;
  public static final int MAX_WINDOW_YEARS = 30;
  private static final Pattern ISO3 = Pattern.compile("[A-Z]{3}");
  private static final Pattern CASE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  public BuildRequest {
    if (country == null || !ISO3.matcher(country.strip().toUpperCase(Locale.ROOT)).matches()) {
      throw new InvalidRequestException(
          "country must be an ISO 3166 alpha-3 code such as SDN, got '" + country + "'");
    }
    country = country.strip().toUpperCase(Locale.ROOT);
    if (from < EARLIEST_YEAR || to > LATEST_YEAR) {
      throw new InvalidRequestException("from and to must be years between " + EARLIEST_YEAR
          + " and " + LATEST_YEAR + ", got " + from + "-" + to);
    }
    if (to < from) {
      throw new InvalidRequestException("to (" + to + ") is before from (" + from + ")");
    }
    if (to - from + 1 > MAX_WINDOW_YEARS) {
      throw new InvalidRequestException("the window is at most " + MAX_WINDOW_YEARS
          + " years, got " + (to - from + 1));
    }
    sources = sources == null || sources.isEmpty() ? OpenDataSource.all() : EnumSet.copyOf(sources);
    if (caseId == null || caseId.isBlank()) {
      caseId = defaultCaseId(country, from, to);
    } else if (!CASE_ID.matcher(caseId.strip()).matches()) {
      throw new InvalidRequestException("caseId must be 1-100 letters, digits, '.', '_' or '-',"
          + " starting with a letter or digit, got '" + caseId + "'");
    } else {
      caseId = caseId.strip();
    }
    boolean defaulted = engagers == null || engagers.isEmpty();
    List<String> codes = new ArrayList<>();
    for (String raw : defaulted ? List.of(ENGAGER_DEFAULT) : engagers) {
      String code = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
      if (!ISO3.matcher(code).matches()) {
        throw new InvalidRequestException("engager must be ISO 3166 alpha-3 codes such as USA"
            + " (several for a coalition), got '" + raw + "'");
      }
      if (code.equals(country)) {
        if (defaulted) {
          continue; // the default engager is the target itself: no second ring
        }
        throw new InvalidRequestException("engager: " + code + " is the target country; the"
            + " engager must be another state");
      }
      if (!codes.contains(code)) {
        codes.add(code);
      }
    }
    engagers = List.copyOf(codes);
  }

  /**
   * The engagers of a request that names an engager and its coalition partners apart: the
   * engager first ({@value #ENGAGER_DEFAULT} when only partners are named), then the partners;
   * empty when neither is named (the default then applies).
   */
  public static List<String> engagers(String engager, List<String> coalition) {
    List<String> out = new ArrayList<>();
    if (engager != null) {
      out.add(engager);
    } else if (coalition != null && !coalition.isEmpty()) {
      out.add(ENGAGER_DEFAULT);
    }
    if (coalition != null) {
      out.addAll(coalition);
    }
    return out;
  }

  /** A request with the default engager ({@value #ENGAGER_DEFAULT}). */
  public BuildRequest(String country, int from, int to, Set<OpenDataSource> sources, String caseId) {
    this(country, from, to, sources, caseId, null);
  }

  public static BuildRequest of(String country, int from, int to, Set<OpenDataSource> sources) {
    return new BuildRequest(country, from, to, sources, null);
  }

  public static String defaultCaseId(String iso3, int from, int to) {
    return Ids.PREFIX + iso3.toLowerCase(Locale.ROOT) + "-" + from + "-" + to;
  }

  public boolean uses(OpenDataSource source) {
    return sources.contains(source);
  }

  public boolean covers(int year) {
    return year >= from && year <= to;
  }

  public int years() {
    return to - from + 1;
  }
}
