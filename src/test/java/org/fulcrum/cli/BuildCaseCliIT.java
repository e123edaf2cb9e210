package org.fulcrum.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.fulcrum.TestStores;
import org.junit.jupiter.api.Test;

/** {@code build-case} on the embedded store, then {@code patrons} on the built case. */
class BuildCaseCliIT {

  record Run(int exit, String out, String err) {}

  static Run run(Map<String, Object> store, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = FulcrumCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true), store);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void buildsSudanFromArmsAndRanksItsSuppliers() {
    var store = TestStores.embedded(TestStores.newDataDir("cli-open-data"));
    Run built = run(store, "build-case", "--country", "SDN", "--from", "2003", "--to", "2007",
        "--sources", "arms");
    assertThat(built.exit()).as(built.err()).isZero();
    // Sudan, its 7 suppliers and the default engager (USA); the second ring adds Ukraine's 2005
    // order to the USA
    assertThat(built.out()).contains("built case od-sdn-2003-2007: 9 actors, 8 ties")
        .contains("arms       7 ties, 7 new actors: 7 suppliers, 497.92 TIV in all")
        .contains("arms       1 ties, 0 new actors: second ring: 1 arms dyads between USA and the 7"
            + " states of the first ring");
    Run patrons = run(store, "patrons", "od-sdn-2003-2007", "--target", "od-sdn");
    assertThat(patrons.exit()).as(patrons.err()).isZero();
    System.out.println(patrons.out());
    assertThat(patrons.out()).containsPattern("od-rus +Russia +0\\.4734").containsPattern("od-chn +China +0\\.1862");

    // another engager and a partner: their dyads with the first ring are read instead
    var other = TestStores.embedded(TestStores.newDataDir("cli-open-data-gbr"));
    Run gbr = run(other, "build-case", "--country", "SDN", "--from", "2003", "--to", "2007",
        "--sources", "arms", "--engager", "GBR", "--coalition", "FRA");
    assertThat(gbr.exit()).as(gbr.err()).isZero();
    assertThat(gbr.out()).contains("dyads between GBR+FRA and the 7 states of the first ring")
        .doesNotContain("between USA");

    Run again = run(store, "build-case", "--country", "SDN", "--from", "2003", "--to", "2007",
        "--sources", "arms");
    assertThat(again.out()).startsWith("rebuilt case od-sdn-2003-2007");
  }

  @Test
  void aBadCountryOrFolderIsAClearMessage() {
    var store = TestStores.embedded(TestStores.newDataDir("cli-open-data-bad"));
    Run bad = run(store, "build-case", "--country", "Sudan", "--from", "2003", "--to", "2007");
    assertThat(bad.exit()).isEqualTo(FulcrumCli.BAD_INPUT);
    assertThat(bad.err()).contains("country must be an ISO 3166 alpha-3 code such as SDN, got 'Sudan'");
    Run noDir = run(store, "build-case", "--country", "SDN", "--from", "2003", "--to", "2007",
        "--data", "no/such/dir");
    assertThat(noDir.err()).contains("no such folder: no/such/dir");
    Run usage = run(Map.of(), "build-case", "--country", "SDN");
    assertThat(usage.exit()).isEqualTo(FulcrumCli.USAGE);
  }
}
