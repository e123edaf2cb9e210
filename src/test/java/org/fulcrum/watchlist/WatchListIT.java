package org.fulcrum.watchlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fulcrum.TestStores;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * POST /api/watch-list for the USA in 2015: the countries of concern from open data, each built
 * with its second ring and ranked. The open-data folder is set to one that does not exist, so
 * every file comes from the classpath copy (as from the jar).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WatchListIT {

  static final JsonMapper JSON = JsonMapper.builder().build();

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    Map<String, Object> props = new HashMap<>(TestStores.embedded(TestStores.newDataDir("watch-list")));
    props.put("fulcrum.load-bundled-cases", false);
    props.put("fulcrum.open-data.dir", "target/no-such-open-data-folder");
    props.forEach((k, v) -> registry.add(k, () -> v));
  }

  @LocalServerPort int port;
  final HttpClient http = HttpClient.newHttpClient();

  record Answer(int status, JsonNode json, String location) {}

  Answer call(String method, String path, String body) throws Exception {
    var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", TestStores.admin())
        .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body))
        .header("Content-Type", "application/json").build();
    var response = http.send(request, BodyHandlers.ofString());
    return new Answer(response.statusCode(), JSON.readTree(response.body()),
        response.headers().firstValue("Location").orElse(null));
  }

  /** The list: at once (200), or through the job's status URL (202) on a slow machine. */
  JsonNode list(String body) throws Exception {
    Answer a = call("POST", "/api/watch-list", body);
    if (a.status() == 200) {
      return a.json();
    }
    assertThat(a.status()).as(a.json().toString()).isEqualTo(202);
    assertThat(a.location()).startsWith("/api/watch-list/jobs/");
    for (int i = 0; i < 600; i++) {
      Answer s = call("GET", a.location(), null);
      assertThat(s.status()).isEqualTo(200);
      if (s.json().get("status").asString().equals("done")) {
        return s.json().get("result");
      }
      assertThat(s.json().get("status").asString()).isIn("queued", "running");
      Thread.sleep(1000);
    }
    throw new AssertionError("the watch-list job did not finish in 10 minutes");
  }

  @Test
  void theUsaList2015RanksFifteenOrMoreCountriesWithEveryField() throws Exception {
    JsonNode list = list("{\"engager\": \"USA\", \"year\": 2015}");
    JsonNode rows = list.get("rows");
    assertThat(rows.size()).isGreaterThanOrEqualTo(15);
    assertThat(list.get("window").asString()).isEqualTo("2011-2015");
    List<String> countries = new ArrayList<>();
    double previous = Double.MAX_VALUE;
    for (int i = 0; i < rows.size(); i++) {
      JsonNode r = rows.get(i);
      countries.add(r.get("country").asString());
      assertThat(r.get("rank").asInt()).isEqualTo(i + 1);
      for (String field : List.of("country", "caseId", "episodes", "leverage", "reach", "topPatron",
          "forumShoppingRisk", "leadChannel", "priority", "explanation", "question")) {
        assertThat(r.has(field)).as(r.get("country") + " has " + field).isTrue();
      }
      assertThat(r.get("caseId").asString()).endsWith("-2011-2015");
      assertThat(r.get("episodes").size()).isPositive();
      assertThat(r.get("episodes").get(0).get("name").asString()).isNotBlank();
      assertThat(r.get("forumShoppingRisk").has("escapeVenues")).isTrue();
      double priority = r.get("priority").asDouble();
      assertThat(priority).isLessThanOrEqualTo(previous).isBetween(0.0, 1.0);
      previous = priority;
      assertThat(r.get("explanation").asString()).startsWith(r.get("name").asString() + " ranks " + (i + 1));
      JsonNode top = r.get("topPatron");
      if (!top.isNull()) {
        assertThat(top.get("id").asString()).isNotEqualTo("od-usa");
        assertThat(top.has("leverage")).isTrue();
        if (top.get("leverage").asDouble() == 0) {
          assertThat(top.get("channel").asString()).isEqualTo("no channel in the data");
        }
      }
    }
    assertThat(countries).contains("SYR", "SDN", "SSD", "NGA", "MMR").doesNotContain("USA");
    // with the second ring the USA reaches some top patrons through the data
    assertThat(rows.valueStream().filter(r -> !r.get("topPatron").isNull())
        .anyMatch(r -> r.get("topPatron").get("leverage").asDouble() > 0)).isTrue();
    // a country where only non-state groups kill: the state is the regime, asked to protect civilians
    JsonNode nonState = rows.valueStream().filter(r -> !r.get("stateLed").asBoolean()).findFirst()
        .orElseThrow();
    assertThat(nonState.get("regime").asString()).isEqualTo("od-" + nonState.get("country").asString().toLowerCase());
    assertThat(nonState.get("question").asString()).contains("protect");

    // the built case is there, and its patrons never list the engager
    String syria = rows.valueStream().filter(r -> r.get("country").asString().equals("SYR"))
        .findFirst().orElseThrow().get("caseId").asString();
    Answer patrons = call("GET", "/api/cases/" + syria + "/patrons?target=od-syr&engager=od-usa", null);
    assertThat(patrons.status()).isEqualTo(200);
    assertThat(patrons.json().get("patrons").valueStream().map(p -> p.get("id").asString()))
        .doesNotContain("od-usa");
  }

  @Test
  void badInputIsA400AndAnUnknownJobA404() throws Exception {
    Answer noYear = call("POST", "/api/watch-list", "{\"engager\": \"USA\"}");
    assertThat(noYear.status()).isEqualTo(400);
    assertThat(noYear.json().get("detail").asString()).contains("year (e.g. 2015) or years");
    Answer badEngager = call("POST", "/api/watch-list", "{\"engager\": \"U5\", \"year\": 2015}");
    assertThat(badEngager.status()).isEqualTo(400);
    assertThat(badEngager.json().get("detail").asString()).contains("engager");
    Answer badSource = call("POST", "/api/watch-list", "{\"year\": 2015, \"sources\": [\"tea\"]}");
    assertThat(badSource.status()).isEqualTo(400);
    assertThat(call("GET", "/api/watch-list/jobs/nope", null).status()).isEqualTo(404);
  }

  @Test
  void aListOfNamedCountriesForACoalition() throws Exception {
    JsonNode list = list("{\"engager\": \"USA\", \"year\": 2015, \"coalition\": [\"GBR\"],"
        + " \"countries\": [\"SYR\", \"MMR\"], \"sources\": [\"arms\", \"alliances\", \"unga\", \"vetoes\"]}");
    assertThat(list.get("rows").valueStream().map(r -> r.get("country").asString()))
        .containsExactlyInAnyOrder("SYR", "MMR");
    assertThat(list.get("rows").valueStream().filter(r -> !r.get("topPatron").isNull())
        .map(r -> r.get("topPatron").get("id").asString())).doesNotContain("od-usa", "od-gbr");
  }

  @Test
  void yearsSideBySide() throws Exception {
    JsonNode h = list("{\"years\": \"2014-2015\", \"countries\": [\"SYR\", \"MMR\"],"
        + " \"sources\": [\"arms\", \"alliances\", \"vetoes\"]}");
    assertThat(h.get("lists").size()).isEqualTo(2);
    assertThat(h.get("lists").get(0).get("year").asInt()).isEqualTo(2014);
    assertThat(h.get("lists").get(1).get("window").asString()).isEqualTo("2011-2015");
    assertThat(h.get("countries").valueStream().map(c -> c.get("country").asString()))
        .containsExactlyInAnyOrder("SYR", "MMR");
    assertThat(h.get("countries").get(0).get("years").size()).isEqualTo(2);
    assertThat(call("POST", "/api/watch-list", "{\"years\": \"2016-2012\"}").status()).isEqualTo(400);
    assertThat(call("POST", "/api/watch-list", "{\"year\": 2015, \"years\": \"2014-2015\"}").status())
        .isEqualTo(400);
  }
}
