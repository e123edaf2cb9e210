package org.fulcrum.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.fulcrum.TestStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web interface in a real browser (Debian's headless Chromium driven by chromedriver), against
 * the application on a random port with the bundled cases: sign in, find the strongest path from
 * the United States to President Bashir in the Darfur case and check the graph highlights the
 * path the API returns, find the top patron, build a plan, review the messages, and import a bad
 * file. Every screen is saved under {@code target/screenshots/} and checked with axe-core
 * (WCAG 2 A and AA rules: labels, contrast, names, landmarks).
 *
 * <p>Without /usr/bin/chromium and /usr/bin/chromedriver the test is skipped, unless the
 * environment variable {@code CI} is set ({@code .ci/run} sets it and installs both), where it
 * fails instead.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebUiIT {

  static final Path DATA = TestStores.newDataDir("web-ui");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  static final Path DOWNLOADS = Path.of("target", "downloads").toAbsolutePath();
  static final String CASE = "darfur-2003-2008";
  static final JsonMapper JSON = JsonMapper.builder().build();
  static WebDriver browser;

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    Map<String, Object> props = new HashMap<>(TestStores.embedded(DATA));
    props.forEach((k, v) -> registry.add(k, () -> v));
  }

  @LocalServerPort int port;

  @BeforeAll
  static void startBrowser() throws Exception {
    Files.createDirectories(SCREENSHOTS);
    Files.createDirectories(DOWNLOADS);
    browser = HeadlessChromium.start(Map.of("download.default_directory", DOWNLOADS.toString(),
        "download.prompt_for_download", false));
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  /** Waits up to a minute; an element replaced while the page re-renders is looked up again. */
  WebDriverWait waiting() {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  JsonNode api(String path) throws Exception {
    var request = HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", TestStores.admin()).build();
    var response = HttpClient.newHttpClient().send(request, BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  JsonNode apiPost(String path, String body) throws Exception {
    var request = HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", TestStores.admin())
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    var response = HttpClient.newHttpClient().send(request, BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  void screenshot(String name) throws Exception {
    byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
    Files.write(SCREENSHOTS.resolve(name + ".png"), png);
  }

  /** axe-core's WCAG 2 A/AA rules on what the page shows now; no violation may remain. */
  void accessible(String screen) {
    Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa")).analyze(browser);
    List<String> problems = new ArrayList<>();
    for (Rule rule : results.getViolations()) {
      problems.add(rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
          + rule.getNodes().stream().limit(5).map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")));
    }
    assertThat(problems).as("accessibility of " + screen).isEmpty();
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) browser).executeScript(script, args);
  }

  /** The graph's actor positions (graph units) by id, as the page's CaseGraph reports them. */
  String positions() {
    waiting().until(d -> ((Number) js("const g = document.getElementById('graph').caseGraph;"
        + " return g && g.cy ? g.cy.nodes().length : 0;")).intValue() > 0);
    return (String) js("const p = document.getElementById('graph').caseGraph.positions();"
        + " return JSON.stringify(Object.keys(p).sort().map(k => [k, p[k].x, p[k].y]));");
  }

  /** Pairs of label boxes (on screen) that overlap, as "a / b"; boxes from CaseGraph.labelBoxes. */
  static List<String> overlaps(JsonNode boxes) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < boxes.size(); i++) {
      for (int j = i + 1; j < boxes.size(); j++) {
        JsonNode a = boxes.get(i);
        JsonNode b = boxes.get(j);
        boolean apart = a.get("x2").asDouble() <= b.get("x1").asDouble() || b.get("x2").asDouble() <= a.get("x1").asDouble()
            || a.get("y2").asDouble() <= b.get("y1").asDouble() || b.get("y2").asDouble() <= a.get("y1").asDouble();
        if (!apart) {
          out.add(a.get("id").asString() + " / " + b.get("id").asString());
        }
      }
    }
    return out;
  }

  JsonNode labelBoxes(String ids) throws Exception {
    return JSON.readTree((String) js("return JSON.stringify(document.getElementById('graph').caseGraph.labelBoxes("
        + ids + "));"));
  }

  /** Fails when the page scrolls sideways, naming the elements that stick out. */
  void fitsWidth(String screen) {
    long width = ((Number) js("return document.documentElement.scrollWidth;")).longValue();
    long viewport = ((Number) js("return document.documentElement.clientWidth;")).longValue();
    String offenders = (String) js("const w = document.documentElement.clientWidth;"
        + " return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 0.5)"
        + ".slice(0, 8).map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ');");
    assertThat(width).as("page width of " + screen + " (" + offenders + ")").isLessThanOrEqualTo(viewport);
  }

  void signIn() {
    browser.get(url("/"));
    waiting().until(ExpectedConditions.urlContains("/login"));
    browser.findElement(By.id("username")).sendKeys("admin");
    browser.findElement(By.id("password")).sendKeys(TestStores.ADMIN_PASSWORD);
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    waiting().until(d -> new Select(d.findElement(By.id("case-select"))).getOptions().size() >= 3);
  }

  WebElement tab(String name) {
    WebElement tab = browser.findElement(By.id("tab-" + name));
    tab.click();
    waiting().until(d -> d.findElement(By.id("view-" + name)).isDisplayed());
    return tab;
  }

  void showCase() {
    new Select(browser.findElement(By.id("case-select"))).selectByValue(CASE);
    waiting().until(d -> d.findElement(By.id("case-asof")).getText().contains("2007-07-31"));
    waiting().until(d -> d.findElements(By.cssSelector("#graph canvas")).size() > 0);
  }

  @Test
  @Order(1)
  void signInPageIsAccessibleAndRejectsAWrongPassword() throws Exception {
    browser.get(url("/"));
    waiting().until(ExpectedConditions.urlContains("/login"));
    accessible("sign-in");
    browser.findElement(By.id("username")).sendKeys("admin");
    browser.findElement(By.id("password")).sendKeys("not-the-password");
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    waiting().until(ExpectedConditions.urlContains("/login?error"));
    assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).contains("do not match");
    screenshot("00-sign-in-error");
  }

  @Test
  @Order(2)
  void strongestPathTopPatronAndTheGraphMatchTheApi() throws Exception {
    signIn();
    showCase();
    String firstVisit = positions();
    screenshot("01-graph");
    accessible("graph");
    // at the default zoom no two actors' labels overlap, anywhere on the graph
    assertThat(overlaps(labelBoxes("document.getElementById('graph').caseGraph.cy.nodes().map(n => n.id())")))
        .as("overlapping labels on the whole graph").isEmpty();

    // a second visit draws the same picture: every actor at the same place
    browser.get(url("/"));
    waiting().until(d -> new Select(d.findElement(By.id("case-select"))).getOptions().size() >= 3);
    showCase();
    assertThat(positions()).as("the layout on a second visit").isEqualTo(firstVisit);
    assertThat(JSON.readTree(firstVisit).size()).isEqualTo(api("/api/cases/" + CASE + "/actors").size());

    new Select(browser.findElement(By.id("engager"))).selectByValue("usa");
    new Select(browser.findElement(By.id("target"))).selectByValue("bashir");
    browser.findElement(By.id("find-leverage")).click();
    waiting().until(d -> !d.findElement(By.id("graph")).getAttribute("data-highlighted-ties").isEmpty());
    waiting().until(d -> d.findElements(By.id("top-patron")).size() == 1);

    JsonNode paths = api("/api/cases/" + CASE + "/paths?from=usa&to=bashir&k=5").get("paths");
    List<String> strongest = new ArrayList<>();
    paths.get(0).get("hops").forEach(hop -> strongest.add(hop.get("tie").asString()));
    assertThat(browser.findElement(By.id("graph")).getAttribute("data-highlighted-ties"))
        .as("the graph highlights the API's strongest path").isEqualTo(String.join(",", strongest));
    List<WebElement> listed = browser.findElements(By.cssSelector("#paths > li"));
    assertThat(listed).hasSize(paths.size());
    assertThat(listed.get(0).getAttribute("data-ties")).isEqualTo(String.join(",", strongest));
    assertThat(listed.get(0).getText()).contains("Egypt").contains("supplies-arms").contains("evidence");

    // the second path, picked in the list, is the one the graph then shows
    listed.get(1).findElement(By.tagName("button")).click();
    List<String> second = new ArrayList<>();
    paths.get(1).get("hops").forEach(hop -> second.add(hop.get("tie").asString()));
    assertThat(browser.findElement(By.id("graph")).getAttribute("data-highlighted-ties")).isEqualTo(String.join(",", second));

    JsonNode patrons = api("/api/cases/" + CASE + "/patrons?target=bashir&engager=usa").get("patrons");
    JsonNode top = patrons.get(0);
    for (JsonNode p : patrons) {
      if (p.get("pressurePotential").asDouble() > top.get("pressurePotential").asDouble()) {
        top = p;
      }
    }
    assertThat(browser.findElement(By.id("top-patron")).getText()).contains(top.get("name").asString());
    // the highlighted path's labels: none overlaps another, and none is cut off by the graph's edge
    JsonNode boxes = labelBoxes("");
    assertThat(boxes.size()).as("labels on the highlighted path").isGreaterThanOrEqualTo(2);
    assertThat(overlaps(boxes)).as("overlapping labels on the highlighted path").isEmpty();
    WebElement graphBox = browser.findElement(By.id("graph"));
    for (JsonNode b : boxes) {
      assertThat(b.get("x1").asDouble()).as("left end of " + b.get("label")).isGreaterThanOrEqualTo(0);
      assertThat(b.get("y1").asDouble()).as("top of " + b.get("label")).isGreaterThanOrEqualTo(0);
      assertThat(b.get("x2").asDouble()).as("right end of " + b.get("label")).isLessThanOrEqualTo(graphBox.getSize().getWidth());
      assertThat(b.get("y2").asDouble()).as("bottom of " + b.get("label")).isLessThanOrEqualTo(graphBox.getSize().getHeight());
    }
    js("document.getElementById('graph').scrollIntoView()");
    screenshot("02-leverage");
    accessible("leverage");
    js("window.scrollTo(0, 0)");

    // every chokepoint row reads differently: each names its tie's ends, its type and evidence
    browser.findElement(By.cssSelector("#chokepoints-panel > summary")).click();
    waiting().until(d -> d.findElements(By.cssSelector("#chokepoints tbody tr")).size() > 0);
    List<String> chokepoints = browser.findElements(By.cssSelector("#chokepoints tbody tr")).stream()
        .map(WebElement::getText).toList();
    assertThat(chokepoints).as("chokepoint rows").doesNotHaveDuplicates();

    // what-if: without Egypt the strongest path changes
    browser.findElement(By.cssSelector("#what-if-panel > summary")).click();
    new Select(browser.findElement(By.id("what-if-actor"))).selectByValue("egy");
    browser.findElement(By.id("run-what-if")).click();
    waiting().until(d -> d.findElements(By.id("what-if-summary")).size() == 1);
    assertThat(browser.findElement(By.id("what-if-summary")).getText()).contains("changed");
    assertThat(browser.findElement(By.id("what-if-result")).getText()).as("what-if rows name ties, not ids")
        .doesNotContainPattern("\\bt-[a-z0-9]+-[a-z0-9-]+");
    screenshot("03-what-if");

    // a refused query (engager = target) leaves no old path on screen, and the status says why
    new Select(browser.findElement(By.id("engager"))).selectByValue("bashir");
    new Select(browser.findElement(By.id("target"))).selectByValue("bashir");
    browser.findElement(By.id("find-leverage")).click();
    waiting().until(d -> d.findElement(By.id("status")).getText().startsWith("Failed"));
    assertThat(browser.findElement(By.id("status")).getText()).doesNotContain("done").contains("same actor");
    assertThat(browser.findElements(By.cssSelector("#paths > li"))).as("old paths").isEmpty();
    assertThat(browser.findElement(By.id("graph")).getAttribute("data-highlighted-ties")).as("old highlight").isEmpty();
    assertThat(browser.findElement(By.id("paths-panel")).getText()).contains("same actor");
    screenshot("03-refused");
    fitsWidth("the leverage view with answers");

    // the query again, for the views and the report that follow
    new Select(browser.findElement(By.id("engager"))).selectByValue("usa");
    browser.findElement(By.id("find-leverage")).click();
    waiting().until(d -> String.join(",", strongest).equals(d.findElement(By.id("graph")).getAttribute("data-highlighted-ties")));
    waiting().until(d -> d.findElement(By.id("status")).getText().endsWith("done."));
  }

  @Test
  @Order(3)
  void planAndCounterMoveMatchTheApi() throws Exception {
    tab("engagement");
    assertThat(new Select(browser.findElement(By.id("plan-engager"))).getFirstSelectedOption().getAttribute("value"))
        .as("the engager picked in the leverage view carries over").isEqualTo("usa");
    browser.findElement(By.id("build-plan")).click();
    waiting().until(d -> d.findElements(By.cssSelector("#plan-picks tbody tr")).size() > 0);
    waiting().until(d -> d.findElements(By.id("counter-move")).size() == 1);
    JsonNode plan = apiPost("/api/cases/" + CASE + "/engagement-plan",
        "{\"engager\":\"usa\",\"budget\":10,\"targetGroups\":{\"planners\":1,\"perpetrators\":1,\"victims\":1,\"other-domestic\":1,\"other-foreign\":1}}");
    List<WebElement> rows = browser.findElements(By.cssSelector("#plan-picks tbody tr"));
    assertThat(rows).hasSize(plan.get("picks").size());
    for (int i = 0; i < rows.size(); i++) {
      assertThat(rows.get(i).getAttribute("data-id")).isEqualTo(plan.get("picks").get(i).get("id").asString());
    }
    waiting().until(d -> d.findElements(By.id("forum-risk")).size() == 1);
    screenshot("04-plan");
    accessible("engagement");

    // the playbook: a compact table per target group, reasons on demand
    browser.findElement(By.cssSelector("#playbook-panel > summary")).click();
    waiting().until(d -> d.findElements(By.cssSelector("#playbook-panel .playbook-group")).size() > 0);
    long height = browser.findElement(By.id("playbook-panel")).getSize().getHeight();
    assertThat(height).as("playbook panel height (px)").isLessThanOrEqualTo(4000);
    js("document.getElementById('playbook-panel').scrollIntoView()");
    screenshot("04-playbook");
    accessible("playbook");

    // plain words: no method names, no record ids, no binary noise in what the view shows
    String text = browser.findElement(By.id("view-engagement")).getText();
    assertThat(text).as("engagement view text").doesNotContain("CELF", "Khuller", "escapeShare", "vetoCover", "bestEscape")
        .doesNotContainPattern("\\d\\.\\d{6,}").doesNotContainPattern("\\de-\\d");
    List<String> ids = new ArrayList<>();
    api("/api/cases/" + CASE + "/ties").forEach(t -> ids.add(t.get("id").asString()));
    api("/api/cases/" + CASE + "/messages").forEach(m -> ids.add(m.get("id").asString()));
    api("/api/cases/" + CASE + "/actors").forEach(a -> {
      if (a.get("id").asString().contains("-")) {
        ids.add(a.get("id").asString());
      }
    });
    for (String id : ids) {
      assertThat(text).as("engagement view text").doesNotContainPattern("(^|[^a-z0-9-])" + java.util.regex.Pattern.quote(id) + "($|[^a-z0-9-])");
    }
    js("window.scrollTo(0, 0)");
  }

  @Test
  @Order(4)
  void messageReviewNamesTheLeastConsistentIssue() throws Exception {
    tab("messages");
    waiting().until(d -> d.findElements(By.cssSelector("#message-issues tbody tr")).size() > 0);
    JsonNode review = api("/api/cases/" + CASE + "/message-consistency");
    JsonNode least = review.get("issues").get(0);
    for (JsonNode issue : review.get("issues")) {
      if (issue.get("score").asDouble() < least.get("score").asDouble()) {
        least = issue;
      }
    }
    String issue = least.get("issue").asString();
    assertThat(browser.findElement(By.cssSelector("#message-issues tbody tr")).getAttribute("data-issue")).isEqualTo(issue);
    assertThat(browser.findElement(By.id("least-consistent")).getText()).contains(issue);
    screenshot("05-messages");
    accessible("messages");
  }

  @Test
  @Order(5)
  void editAndCasesScreensAndABadImportIsListedLineByLine() throws Exception {
    tab("edit");
    waiting().until(d -> d.findElements(By.cssSelector("#edit-list *")).size() > 0);
    screenshot("06-edit");
    accessible("edit");

    // a tie edited in the form: the API's refusal is shown by the field and changes nothing;
    // a valid value is saved with the record's version
    browser.findElement(By.id("edit-type-ties")).click();
    browser.findElement(By.id("edit-filter")).sendKeys("t-usa-egy-arms");
    waiting().until(d -> d.findElements(By.cssSelector("#edit-list [data-id='t-usa-egy-arms']")).size() == 1);
    browser.findElement(By.cssSelector("#edit-list [data-id='t-usa-egy-arms']")).click();
    waiting().until(d -> d.findElements(By.id("edit-strength")).size() == 1);
    WebElement strength = browser.findElement(By.id("edit-strength"));
    strength.clear();
    strength.sendKeys("7");
    browser.findElement(By.id("edit-save")).click();
    waiting().until(d -> d.findElement(By.id("edit-problems")).getText().toLowerCase().contains("strength"));
    assertThat(browser.findElement(By.id("edit-problems")).getText()).contains("(0, 1]");
    assertThat(api("/api/cases/" + CASE + "/ties/t-usa-egy-arms").get("strength").asDouble()).isEqualTo(0.63);
    screenshot("06-edit-refused");
    strength = browser.findElement(By.id("edit-strength"));
    strength.clear();
    strength.sendKeys("0.6");
    browser.findElement(By.id("edit-save")).click();
    waiting().until(d -> {
      try {
        return api("/api/cases/" + CASE + "/ties/t-usa-egy-arms").get("strength").asDouble() == 0.6;
      } catch (Exception e) {
        return false;
      }
    });
    // the form is built from GET /api/schema: a member-of tie shows the fields that only it
    // carries, with the schema's vocabulary; the supplies-arms tie above hides them
    assertThat(browser.findElement(By.cssSelector("[data-field='votingWeight']")).isDisplayed()).isFalse();
    browser.findElement(By.id("edit-filter")).clear();
    browser.findElement(By.id("edit-filter")).sendKeys("t-chn-unsc-member");
    waiting().until(d -> d.findElements(By.cssSelector("#edit-list [data-id='t-chn-unsc-member']")).size() == 1);
    browser.findElement(By.cssSelector("#edit-list [data-id='t-chn-unsc-member']")).click();
    // the form is rebuilt for the chosen record: wait for the rebuilt one, with its values
    waiting().until(d -> d.findElement(By.cssSelector("[data-field='votingWeight']")).isDisplayed()
        && "1".equals(d.findElement(By.id("edit-votingWeight")).getAttribute("value"))
        && "true".equals(d.findElement(By.id("edit-veto")).getAttribute("value")));
    assertThat(browser.findElement(By.cssSelector("label[for='edit-votingWeight']")).getText()).isEqualTo("Voting weight");
    assertThat(browser.findElements(By.cssSelector("#edit-type option"))).hasSize(21); // 20 types and "choose"
    screenshot("06-edit-member-of");

    tab("cases");
    Path bad = Files.createTempFile("bad-case", ".json");
    Files.writeString(bad, """
        {"id": "bad", "title": "Bad", "asOf": "2020-01-01", "tempo": "rolling", "phase": "latent",
         "sources": [{"id": "s1", "citation": "x"}],
         "actors": [{"id": "a", "name": "A", "kind": "state", "position": 0, "capability": 0.5,
                     "salience": 0.5, "sources": ["s1"]}],
         "ties": [{"source": "a", "target": "nobody", "type": "influences", "strength": 7,
                   "polarity": "supportive", "channel": "diplomatic", "confidence": 0.5, "sources": ["s1"]}]}
        """);
    browser.findElement(By.id("import-file")).sendKeys(bad.toAbsolutePath().toString());
    browser.findElement(By.id("import-button")).click();
    waiting().until(d -> d.findElements(By.cssSelector("#import-result .problem li")).size() > 0);
    String problems = browser.findElement(By.id("import-result")).getText();
    assertThat(problems).contains(bad.getFileName().toString()).contains("line").contains("strength");
    assertThat(api("/api/cases").findValuesAsString("id")).doesNotContain("bad");
    screenshot("07-cases");
    accessible("cases");

    // the report holds what was run in the other views, with its reasons
    try (var old = Files.list(DOWNLOADS)) {
      old.forEach(f -> f.toFile().delete());
    }
    browser.findElement(By.id("report-markdown")).click();
    waiting().until(d -> {
      try (var files = Files.list(DOWNLOADS)) {
        return files.anyMatch(f -> f.toString().endsWith(".md"));
      } catch (java.io.IOException e) {
        return false;
      }
    });
    Path report;
    try (var files = Files.list(DOWNLOADS)) {
      report = files.filter(f -> f.toString().endsWith(".md")).findFirst().orElseThrow();
    }
    String markdown = Files.readString(report);
    assertThat(markdown).contains("# Fulcrum report: Darfur")
        .contains("## Leverage paths: United States of America → Omar Hassan Ahmad al-Bashir")
        .contains("supplies-arms").contains("Sources: ")
        .contains("## Patrons of").contains("## Engagement plan for United States of America")
        .contains("## Message consistency").contains("| sanctions |");
  }

  @Test
  @Order(6)
  void anotherCaseWaitsUntilTheUserDropsUnsavedEdits() throws Exception {
    showCase();
    tab("edit");
    browser.findElement(By.id("edit-type-actors")).click();
    WebElement filter = browser.findElement(By.id("edit-filter"));
    filter.clear();
    filter.sendKeys("egy");
    waiting().until(d -> d.findElements(By.cssSelector("#edit-list [data-id='egy']")).size() == 1);
    browser.findElement(By.cssSelector("#edit-list [data-id='egy']")).click();
    waiting().until(d -> d.findElements(By.id("edit-name")).size() == 1);
    browser.findElement(By.id("edit-name")).sendKeys(" (edited)");

    // another case in the picker: the form asks first; keeping the edits keeps the case
    tab("leverage");
    new Select(browser.findElement(By.id("case-select"))).selectByValue("kenya-2007-2008");
    waiting().until(d -> d.findElements(By.id("edit-discard")).size() == 1);
    assertThat(browser.findElement(By.id("view-edit")).isDisplayed()).isTrue();
    assertThat(browser.findElement(By.id("edit-confirm")).getText()).contains("unsaved changes").contains("egy");
    browser.findElement(By.id("edit-keep")).click();
    assertThat(new Select(browser.findElement(By.id("case-select"))).getFirstSelectedOption().getAttribute("value"))
        .isEqualTo(CASE);
    assertThat(browser.findElement(By.id("edit-name")).getAttribute("value")).endsWith(" (edited)");
    assertThat(browser.findElement(By.id("case-asof")).getText()).contains("2007-07-31");

    // a reload with the unsaved edits asks first
    assertThat(js("const e = new Event('beforeunload', { cancelable: true }); window.dispatchEvent(e); return e.defaultPrevented;"))
        .as("beforeunload with unsaved edits").isEqualTo(true);

    // dropping them opens the other case, and nothing was saved
    tab("leverage");
    browser.findElement(By.id("actor-search")).sendKeys("Egypt");
    new Select(browser.findElement(By.id("case-select"))).selectByValue("kenya-2007-2008");
    waiting().until(d -> d.findElements(By.id("edit-discard")).size() == 1);
    browser.findElement(By.id("edit-discard")).click();
    waiting().until(d -> d.findElement(By.id("case-asof")).getText().contains("2008-02-28"));
    assertThat(js("const e = new Event('beforeunload', { cancelable: true }); window.dispatchEvent(e); return e.defaultPrevented;"))
        .as("beforeunload with nothing unsaved").isEqualTo(false);
    // nothing of the last case stays: the search box, the status line; the slider spans the crisis
    tab("leverage");
    assertThat(browser.findElement(By.id("actor-search")).getAttribute("value")).isEmpty();
    assertThat(browser.findElement(By.id("status")).getText()).startsWith("Kenya");
    assertThat(browser.findElement(By.id("asof-range")).getText()).isEqualTo("2007-12-27 to 2008-02-29");
    screenshot("06-kenya");
    assertThat(api("/api/cases/" + CASE + "/actors/egy").get("name").asText()).doesNotEndWith(" (edited)");
    showCase();
  }

  @Test
  @Order(7)
  void tabsAreReachableByKeyboard() {
    // the first Tab stop is the skip link, and a focused control shows a visible outline
    browser.navigate().refresh();
    waiting().until(d -> new Select(d.findElement(By.id("case-select"))).getOptions().size() >= 3);
    browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
    WebElement skip = browser.switchTo().activeElement();
    assertThat(skip.getText()).isEqualTo("Skip to the analysis");
    assertThat(skip.getCssValue("outline-style")).isNotEqualTo("none");
    WebElement leverage = browser.findElement(By.id("tab-leverage"));
    leverage.click();
    leverage.sendKeys(Keys.ARROW_RIGHT);
    assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("tab-engagement");
    assertThat(browser.findElement(By.id("view-engagement")).isDisplayed()).isTrue();
    browser.switchTo().activeElement().sendKeys(Keys.END);
    assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("tab-cases");
  }

  @Test
  @Order(8)
  void everyViewFitsEightHundredPixels() throws Exception {
    browser.manage().window().setSize(new Dimension(800, 1000));
    try {
      for (String name : List.of("leverage", "engagement", "messages", "edit", "cases")) {
        tab(name);
        if (name.equals("messages")) {
          waiting().until(d -> d.findElements(By.cssSelector("#message-issues tbody tr")).size() > 0);
        }
        if (name.equals("leverage")) {
          new Select(browser.findElement(By.id("engager"))).selectByValue("usa");
          new Select(browser.findElement(By.id("target"))).selectByValue("bashir");
          browser.findElement(By.id("find-leverage")).click();
          waiting().until(d -> d.findElement(By.id("status")).getText().endsWith("done."));
          browser.findElement(By.cssSelector("#chokepoints-panel > summary")).click();
        }
        screenshot("08-800px-" + name);
        long width = ((Number) js("return document.documentElement.scrollWidth;")).longValue();
        assertThat(width).as("page width of " + name + " in a window 800 px wide").isLessThanOrEqualTo(800);
        fitsWidth(name + " in a window 800 px wide");
        WebElement asOf = browser.findElement(By.id("case-asof"));
        WebElement signOut = browser.findElement(By.id("sign-out"));
        var a = asOf.getRect();
        var b = signOut.getRect();
        boolean apart = a.getX() + a.getWidth() <= b.getX() || b.getX() + b.getWidth() <= a.getX()
            || a.getY() + a.getHeight() <= b.getY() || b.getY() + b.getHeight() <= a.getY();
        assertThat(apart).as("the as-of date clear of Sign out").isTrue();
      }
    } finally {
      browser.manage().window().setSize(new Dimension(1400, 1000));
    }
  }

  @Test
  @Order(9)
  void signingOutEndsTheSession() {
    browser.findElement(By.id("sign-out")).click();
    waiting().until(ExpectedConditions.urlContains("/login?signedOut"));
    assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("signed out");
    browser.get(url("/"));
    waiting().until(ExpectedConditions.urlContains("/login"));
  }
}
