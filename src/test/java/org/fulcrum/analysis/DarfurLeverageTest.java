package org.fulcrum.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fulcrum.casefile.CaseCodec;
import org.fulcrum.casefile.CaseFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The answers the README shows for the curated Darfur case, as of its date (2007-07-31). If the
 * dataset changes, these change with it: update the README together with this test.
 */
class DarfurLeverageTest {

  static LeverageGraph darfur;

  @BeforeAll
  static void load() throws Exception {
    try (InputStream in = Files.newInputStream(Path.of("datasets/darfur-2003-2008.json"))) {
      CaseFile c = new CaseCodec().readJson("darfur-2003-2008.json", in);
      darfur = LeverageGraph.of(c.id(), c.asOf(), c.actors(), c.ties());
    }
  }

  static String route(LeveragePath p) {
    StringBuilder s = new StringBuilder(p.hops().get(0).source());
    p.hops().forEach(h -> s.append(" -").append(h.type()).append("-> ").append(h.target()));
    return s.toString();
  }

  @Test
  void theUnitedStatesReachesBashirThroughEgyptSaudiArabiaAndLibya() {
    var paths = new YenLeveragePaths(darfur, PathQuery.between("usa", "bashir", 5)).run().paths();
    assertThat(paths).extracting(DarfurLeverageTest::route).containsExactly(
        "usa -supplies-arms-> egy -influences-> bashir",
        "usa -supplies-arms-> sau -mediates-> bashir",
        "usa -provides-aid-> egy -influences-> bashir",
        "usa -influences-> lby -mediates-> bashir");
    assertThat(paths.get(0).strength()).isCloseTo(0.63 * 0.9 * 0.3 * 0.8, within(1e-12));
  }

  @Test
  void theUnitedStatesReachesKhartoumBySanctionsTheCouncilAndChina() {
    var paths = new YenLeveragePaths(darfur, PathQuery.between("usa", "sdn-gov", 5)).run().paths();
    assertThat(paths).extracting(DarfurLeverageTest::route).containsExactly(
        "usa -sanctions-> sdn-gov",
        "usa -member-of-> unsc -sanctions-> sdn-gov",
        "usa -trades-with-> chn -shields-> sdn-gov",
        "usa -supplies-arms-> egy -shields-> sdn-gov",
        "usa -trades-with-> chn -trades-with-> sdn-gov");
  }

  @Test
  void chinaIsThePatronToPressAndHoldsAVeto() {
    var ranking = new PatronAnalysis(darfur).rank("bashir", "usa");
    assertThat(ranking.regime()).contains("sdn-gov", "saf", "janjaweed", "niss", "haroun");
    assertThat(ranking.patrons()).extracting(PatronAnalysis.Patron::id).startsWith("chn", "egy", "arab-league", "qat");
    var china = ranking.patrons().get(0);
    assertThat(china.veto()).isTrue();
    assertThat(china.vetoForums()).containsExactly("unsc");
    assertThat(china.shieldShare()).isCloseTo(0.4236, within(1e-4));
    var russia = ranking.patrons().stream().filter(p -> p.id().equals("rus")).findFirst().orElseThrow();
    assertThat(russia.shieldShare()).as("second-largest shield").isCloseTo(0.1928, within(1e-4));
    assertThat(russia.leverage()).as("but no US path to it in the record").isZero();
  }
}
