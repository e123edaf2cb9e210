package org.fulcrum.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.fulcrum.TestStores;
import org.junit.jupiter.api.Test;

/** {@code watch-list} on the embedded store: the progress bar, the ranked table, the sentences. */
class WatchListCliIT {

  @Test
  void ranksTheNamedCountriesWithAProgressBar() {
    var store = TestStores.embedded(TestStores.newDataDir("cli-watch-list"));
    var run = BuildCaseCliIT.run(store, "watch-list", "--engager", "USA", "--year", "2015",
        "--countries", "SYR,SSD", "--sources", "arms,alliances,vetoes,unga");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err()).contains("] 2/2");
    assertThat(run.out()).contains("watch list 2015 for USA: 2 countries, cases 2011-2015")
        .contains("RANK  ISO  COUNTRY").contains(" SYR  Syria").contains(" SSD  South Sudan")
        .contains("ranks 1 (priority").contains("ranks 2 (priority");
    var history = BuildCaseCliIT.run(store, "watch-list", "--years", "2014-2015", "--countries", "SYR",
        "--sources", "arms,vetoes");
    assertThat(history.exit()).as(history.err()).isZero();
    assertThat(history.out()).contains("watch lists 2014-2015 for USA: 1 countries")
        .contains("2014 priority (rank) patron").contains("SYR  Syria");
  }

  @Test
  void yearOrYearsIsAUsageError() {
    var both = BuildCaseCliIT.run(Map.of(), "watch-list", "--year", "2015", "--years", "2014-2015");
    assertThat(both.exit()).isEqualTo(FulcrumCli.USAGE);
    assertThat(both.err()).contains("mutually exclusive");
    var neither = BuildCaseCliIT.run(Map.of(), "watch-list", "--engager", "USA");
    assertThat(neither.exit()).isEqualTo(FulcrumCli.USAGE);
  }
}
