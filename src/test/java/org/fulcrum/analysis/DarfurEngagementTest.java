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

/** The engagement plan and the red team on the bundled Darfur case, as the README shows them. */
class DarfurEngagementTest {

  static LeverageGraph darfur;

  @BeforeAll
  static void load() throws Exception {
    try (InputStream in = Files.newInputStream(Path.of("datasets/darfur-2003-2008.json"))) {
      CaseFile c = new CaseCodec().readJson("darfur-2003-2008.json", in);
      darfur = LeverageGraph.of(c.id(), c.asOf(), c.actors(), c.ties());
    }
  }

  static final PlanQuery US_BUDGET_10 = new PlanQuery("usa", 10, null, null, 10_000, 42);

  @Test
  void theUnitedStatesWithABudgetOfTenEngagesTheCouncilAndEgypt() {
    var plan = new EngagementPlanner(darfur).plan(US_BUDGET_10);
    assertThat(plan.picks()).extracting(EngagementPlanner.Pick::id).containsExactly("unsc", "egy");
    assertThat(plan.picks().get(0).cost()).isCloseTo(3 / 0.9, within(1e-9)); // a forum, US access 0.9
    assertThat(plan.picks().get(1).cost()).isCloseTo(3 / 0.567, within(1e-3)); // a state, access 0.567
    assertThat(plan.totalWeight()).isEqualTo(88.0);
    // sampled (10,000 samples, seed 42): 15.21, 95% interval 14.57 to 15.87; 1,000,000 samples of
    // the red team's independent estimator put the exact value at 15.23 (standard error 0.03)
    assertThat(plan.expectedPressure()).isCloseTo(15.21, within(0.05));
    // China would add much but costs 3 / 0.225: more than is left
    assertThat(plan.nextBest()).extracting(EngagementPlanner.Alternative::id).contains("chn");
  }

  @Test
  void bashirsBestAnswerIsToTakeTheMatterToTheAfricanUnionAndChinaIsTheHedge() {
    var plan = new EngagementPlanner(darfur).plan(US_BUDGET_10);
    var answer = new RedTeam(darfur).respond(US_BUDGET_10,
        plan.picks().stream().map(EngagementPlanner.Pick::id).toList(), "bashir");
    assertThat(answer.best().kind()).isEqualTo("shop-to-forum");
    assertThat(answer.best().actor()).isEqualTo("au");
    assertThat(answer.best().removed()).isCloseTo(6.15, within(0.01));
    assertThat(answer.moves()).extracting(RedTeam.Move::actor).contains("egy", "arab-league");
    assertThat(answer.moves()).allSatisfy(m -> assertThat(m.removed()).isGreaterThanOrEqualTo(0));
    assertThat(answer.hedge().id()).isEqualTo("chn");
    assertThat(answer.hedge().fitsBudget()).isFalse();
    assertThat(answer.hedge().pressureWithHedge()).isGreaterThan(answer.best().pressureAfter());
  }
}
