package org.fulcrum.watchlist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fulcrum.error.InvalidRequestException;

/**
 * Watch lists for several years side by side ({@code years=2012-2016}): each year's list, and per
 * country how its rank, priority and top patron moved.
 *
 * @param countries every country on any year's list, in the order of its best rank
 */
public record WatchListHistory(String engager, List<String> coalition, int from, int to,
    long millis, List<WatchList> lists, List<Country> countries) {

  /** At most this many years in one history. */
  public static final int MAX_YEARS = 10;

  /** One year of a country: {@code null} fields when it was not on that year's list. */
  public record Point(int year, Integer rank, Double priority, String topPatron,
      Double topPatronLeverage) {}

  public record Country(String country, String name, List<Point> years) {}

  /** Parses {@code 2012-2016} (or one year, {@code 2015}) into {from, to}. */
  public static int[] years(String text) {
    String t = text == null ? "" : text.strip();
    String[] parts = t.split("-", -1);
    try {
      int from = Integer.parseInt(parts[0].strip());
      int to = parts.length == 1 ? from : Integer.parseInt(parts[1].strip());
      if (parts.length > 2 || to < from || to - from + 1 > MAX_YEARS) {
        throw new NumberFormatException();
      }
      return new int[] {from, to};
    } catch (NumberFormatException e) {
      throw new InvalidRequestException("years must be a range such as 2012-2016 (at most "
          + MAX_YEARS + " years, first year first), got '" + text + "'");
    }
  }

  /** Puts the lists side by side. */
  static WatchListHistory of(String engager, List<String> coalition, int from, int to,
      long millis, List<WatchList> lists) {
    Map<String, String> names = new LinkedHashMap<>();
    Map<String, Integer> best = new LinkedHashMap<>();
    for (WatchList l : lists) {
      for (WatchList.Row r : l.rows()) {
        names.putIfAbsent(r.country(), r.name());
        best.merge(r.country(), r.rank(), Math::min);
      }
    }
    List<String> order = new ArrayList<>(names.keySet());
    order.sort((a, b) -> best.get(a) != best.get(b).intValue()
        ? Integer.compare(best.get(a), best.get(b)) : a.compareTo(b));
    List<Country> countries = new ArrayList<>();
    for (String iso3 : order) {
      List<Point> points = new ArrayList<>();
      for (WatchList l : lists) {
        WatchList.Row r = l.rows().stream().filter(x -> x.country().equals(iso3)).findFirst()
            .orElse(null);
        points.add(r == null ? new Point(l.year(), null, null, null, null)
            : new Point(l.year(), r.rank(), r.priority(),
                r.topPatron() == null ? null : r.topPatron().name(),
                r.topPatron() == null ? null : r.topPatron().leverage()));
      }
      countries.add(new Country(iso3, names.get(iso3), List.copyOf(points)));
    }
    return new WatchListHistory(engager, coalition, from, to, millis, List.copyOf(lists),
        List.copyOf(countries));
  }
}
