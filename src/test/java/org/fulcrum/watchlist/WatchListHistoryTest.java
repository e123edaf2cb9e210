package org.fulcrum.watchlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class WatchListHistoryTest {

  static WatchList.Row row(int rank, String iso3, double priority, String patron) {
    return new WatchList.Row(rank, iso3, iso3 + " name", "od-" + iso3, "od-" + iso3, List.of(), true,
        "q", 0.5, 1, patron == null ? null : new WatchList.TopPatron("od-" + patron, patron, 0.4, 0.3,
            0.12, "influences (diplomatic)", null),
        new WatchList.ForumRisk(0, List.of()), new WatchList.LeadChannel(null, null, false, 0, "none"),
        1, 0.5, priority, "e");
  }

  static WatchList list(int year, WatchList.Row... rows) {
    return new WatchList("USA", List.of(), year, (year - 4) + "-" + year, List.of(), rows.length, 1, 1,
        1, List.of(rows));
  }

  @Test
  void yearsAreARangeOfAtMostTen() {
    assertThat(WatchListHistory.years("2012-2016")).containsExactly(2012, 2016);
    assertThat(WatchListHistory.years(" 2015 ")).containsExactly(2015, 2015);
    for (String bad : new String[] {"2016-2012", "2000-2015", "twenty", "2012-2014-2016", "", null}) {
      assertThatThrownBy(() -> WatchListHistory.years(bad)).as(bad)
          .hasMessageContaining("years must be a range such as 2012-2016");
    }
  }

  @Test
  void countriesAreSideBySideInTheOrderOfTheirBestRank() {
    var h = WatchListHistory.of("USA", List.of(), 2014, 2015, 5, List.of(
        list(2014, row(1, "SDN", 0.7, "Russia"), row(2, "SYR", 0.6, "Russia")),
        list(2015, row(1, "SYR", 0.65, "Iran"), row(2, "NGA", 0.5, null), row(3, "SDN", 0.4, "China"))));
    assertThat(h.countries()).extracting(WatchListHistory.Country::country)
        .containsExactly("SDN", "SYR", "NGA");
    var syria = h.countries().get(1);
    assertThat(syria.years()).extracting(WatchListHistory.Point::priority).containsExactly(0.6, 0.65);
    assertThat(syria.years()).extracting(WatchListHistory.Point::topPatron).containsExactly("Russia", "Iran");
    var nigeria = h.countries().get(2);
    assertThat(nigeria.years().get(0).rank()).isNull();
    assertThat(nigeria.years().get(1).rank()).isEqualTo(2);
  }
}
