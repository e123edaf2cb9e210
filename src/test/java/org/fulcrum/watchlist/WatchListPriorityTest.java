package org.fulcrum.watchlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.fulcrum.opendata.Concerns.Episode;
import org.fulcrum.opendata.Concerns.Kind;
import org.junit.jupiter.api.Test;

class WatchListPriorityTest {

  static Episode mk(boolean stateLed, int start, Integer end) {
    return new Episode("x", "x", Kind.MASS_KILLING, stateLed, start, end, null, "s");
  }

  static Episode war(int intensity, int start) {
    return new Episode("u", "u", Kind.ARMED_CONFLICT, false, start, null, intensity, "s");
  }

  @Test
  void severityAndCurrencyFollowTheRule() {
    assertThat(WatchListPriority.severity(mk(true, 2011, null))).isEqualTo(1.0);
    assertThat(WatchListPriority.severity(mk(false, 2011, null))).isEqualTo(0.8);
    assertThat(WatchListPriority.severity(war(2, 2011))).isEqualTo(0.6);
    assertThat(WatchListPriority.severity(war(1, 2011))).isEqualTo(0.3);
    assertThat(WatchListPriority.currency(mk(true, 2014, null), 2015)).isEqualTo(1.0);
    assertThat(WatchListPriority.currency(mk(true, 2003, null), 2015)).isEqualTo(0.85);
    assertThat(WatchListPriority.currency(mk(true, 2003, 2015), 2015)).isCloseTo(0.595, within(1e-9));
  }

  @Test
  void moreConcurrentEpisodesAreMoreUrgentButNeverPastOne() {
    double one = WatchListPriority.urgency(List.of(mk(false, 2014, null)), 2015);
    double two = WatchListPriority.urgency(List.of(mk(false, 2014, null), war(1, 2014)), 2015);
    assertThat(one).isCloseTo(0.8, within(1e-9));
    assertThat(two).isCloseTo(1 - 0.2 * 0.7, within(1e-9)).isGreaterThan(one);
    assertThat(WatchListPriority.urgency(List.of(mk(true, 2015, null), mk(true, 2015, null)), 2015))
        .isEqualTo(1.0);
    assertThat(WatchListPriority.urgency(List.of(), 2015)).isZero();
  }

  @Test
  void whatTheEngagerCanDoScalesTheUrgencyAboveAFloor() {
    assertThat(WatchListPriority.ability(0.2, 0.5)).isEqualTo(0.5);
    assertThat(WatchListPriority.ability(0.6, 0.1)).isEqualTo(0.6);
    assertThat(WatchListPriority.priority(1.0, 0)).isEqualTo(0.25);
    assertThat(WatchListPriority.priority(1.0, 1)).isEqualTo(1.0);
    // a less urgent country the engager can move outranks a more urgent one it cannot reach
    assertThat(WatchListPriority.priority(0.6, 0.8)).isGreaterThan(WatchListPriority.priority(0.9, 0));
  }
}
