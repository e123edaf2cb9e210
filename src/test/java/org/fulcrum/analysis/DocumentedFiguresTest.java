package org.fulcrum.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The figures the documentation quotes come from the product: each is computed here, by the
 * analyses the commands and the API run, formatted as the text gives it, and looked up in the
 * text. A change to an answer fails this test until the documentation says the new figure, so the
 * two cannot drift apart (the README quotes no figures; its worked example is in
 * docs/analyses.md).
 */
class DocumentedFiguresTest {

  static LeverageGraph darfur;
  static LeverageGraph kenya;
  static String analyses;

  @BeforeAll
  static void load() throws Exception {
    darfur = graph("darfur-2003-2008");
    kenya = graph("kenya-2007-2008");
    // the text is wrapped at any space: compare with single spaces
    analyses = Files.readString(Path.of("docs/analyses.md")).replaceAll("\\s+", " ");
  }

  static LeverageGraph graph(String name) throws Exception {
    return ValidationCasesTest.load("datasets/" + name + ".json");
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  private static void documents(String text) {
    assertThat(analyses.contains(text)).as("docs/analyses.md should say what the product answers: "
        + text).isTrue();
  }

  @Test
  void theDarfurPathsAndPatrons() {
    var paths = new YenLeveragePaths(darfur, PathQuery.between("usa", "bashir", 5)).run().paths();
    documents(f("The strongest has strength 0.63 x 0.9 x 0.3 x 0.8 = %.3f", paths.get(0).strength()));
    var ranking = new PatronAnalysis(darfur).rank("bashir", "usa");
    List<String> first = ranking.patrons().subList(0, 4).stream().map(PatronAnalysis.Patron::name).toList();
    assertThat(first).containsExactly("People's Republic of China", "Egypt", "League of Arab States", "Qatar");
    documents("start China, Egypt, the Arab League, Qatar");
    var china = ranking.patrons().get(0);
    documents(f("%.0f%% of the regime's shield (%.4f), a veto at the Security Council",
        100 * china.shieldShare(), china.shieldShare()));
    var russia = ranking.patrons().stream().filter(p -> p.id().equals("rus")).findFirst().orElseThrow();
    documents(f("Russia provides the second-largest shield (%.4f)", russia.shieldShare()));
  }

  @Test
  void theDarfurPlanAndRedTeam() {
    var plan = new EngagementPlanner(darfur).plan(DarfurEngagementTest.US_BUDGET_10);
    assertThat(plan.picks()).extracting(EngagementPlanner.Pick::id).containsExactly("unsc", "egy");
    documents(f("cost 3 / 0.9 = %.2f: a forum", plan.picks().get(0).cost()));
    documents(f("cost 3 / 0.567 = %.2f: a state", plan.picks().get(1).cost()));
    documents(f("The expected pressure is %.2f of a total weight of %.0f (95%% interval %.2f to %.2f)",
        plan.expectedPressure(), plan.totalWeight(), plan.low(), plan.high()));
    var fresh = plan.freshSamples();
    documents(f("on fresh samples the same picks reach %.2f (%.2f to %.2f)", fresh.expectedPressure(),
        fresh.low(), fresh.high()));
    var answer = new RedTeam(darfur).respond(DarfurEngagementTest.US_BUDGET_10,
        plan.picks().stream().map(EngagementPlanner.Pick::id).toList(), "bashir");
    assertThat(answer.best().actor()).isEqualTo("egy");
    documents(f("Bashir's best answer is to lean on Egypt, which removes %.2f", answer.best().removed()));
    assertThat(answer.moves().get(1).actor()).isEqualTo("au");
    documents(f("taking the matter to the African Union, an escape venue, removes %.2f",
        answer.moves().get(1).removed()));
    assertThat(answer.hedge().id()).isEqualTo("lby");
    documents("The hedge is Libya, which does not fit the budget");
  }

  @Test
  void theForumShoppingTable() {
    var a = new ForumShopping(darfur).assess("bashir", "usa");
    documents(f("| Darfur (31 July 2007) | **%.3f** | %.3f | %.3f | %.3f | %.3f |", a.risk(),
        part(a, "escapeShare"), part(a, "spread"), part(a, "vetoCover"), part(a, "bestEscape")));
    var k = new ForumShopping(kenya).assess("kibaki", "usa");
    documents(f("| Kenya (28 February 2008) | **%s** | %s | %s | %s | %s |", g(k.risk()),
        g(part(k, "escapeShare")), g(part(k, "spread")), g(part(k, "vetoCover")), g(part(k, "bestEscape"))));
  }

  private static double part(ForumShopping.Assessment a, String name) {
    return a.parts().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().value();
  }

  /** A figure as the table writes it: 0 for nothing, else three decimals. */
  private static String g(double x) {
    return x == 0 ? "0" : f("%.3f", x);
  }
}
