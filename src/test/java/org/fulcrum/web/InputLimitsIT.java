package org.fulcrum.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.fulcrum.TestStores;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile input at the edge: a zip bomb (500 MiB from about half a megabyte, under the documented
 * 512 MiB) is refused 413 naming the cap, three at once too, and the server stays healthy;
 * duplicate JSON keys are a 400 naming the key; URL tricks and every container-level error answer
 * a problem detail, never an HTML page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InputLimitsIT {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static byte[] bomb;

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    TestStores.embedded(TestStores.newDataDir("limits")).forEach((k, v) -> registry.add(k, () -> v));
    registry.add("fulcrum.load-bundled-cases", () -> false);
  }

  @LocalServerPort int port;
  final HttpClient http = HttpClient.newHttpClient();

  /** A zip whose ties.csv is 500 MiB of one repeated line: about 0.5 MB compressed. */
  @BeforeAll
  static void makeTheBomb() throws Exception {
    var out = new ByteArrayOutputStream();
    try (var zip = new ZipOutputStream(out)) {
      zip.setLevel(Deflater.BEST_COMPRESSION);
      zip.putNextEntry(new ZipEntry("case.csv"));
      zip.write("id,title\nbomb,Bomb\n".getBytes());
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("ties.csv"));
      byte[] block = new byte[1024 * 1024];
      java.util.Arrays.fill(block, (byte) 'a');
      for (int i = 0; i < 500; i++) {
        zip.write(block);
      }
      zip.closeEntry();
    }
    bomb = out.toByteArray();
    assertThat(bomb.length).isBetween(100_000, 1_000_000);
  }

  HttpResponse<String> post(String path, String type, byte[] body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", TestStores.admin()).header("Content-Type", type)
        .POST(BodyPublishers.ofByteArray(body)).build(), BodyHandlers.ofString());
  }

  int health() throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
        BodyHandlers.ofString()).statusCode();
  }

  @Test
  void aZipBombIsRefusedNamingTheCapAndTheServerStaysHealthy() throws Exception {
    var answer = post("/api/cases", "application/zip", bomb);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
    assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
        t -> assertThat(t).startsWith("application/problem+json"));
    JsonNode problem = JSON.readTree(answer.body());
    assertThat(problem.get("limit").asString()).isIn("ratio", "per-entry", "total");
    assertThat(problem.get("detail").asString()).contains("nothing was written");
    assertThat(health()).isEqualTo(200);
    var cases = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/cases/bomb"))
        .header("Authorization", TestStores.admin()).build(), BodyHandlers.ofString());
    assertThat(cases.statusCode()).as("nothing was written").isEqualTo(404);
  }

  @Test
  void threeZipBombsAtOnceAreAllRefusedAndTheServerStaysHealthy() throws Exception {
    var pool = Executors.newFixedThreadPool(3);
    try {
      var together = new CyclicBarrier(3);
      List<Future<HttpResponse<String>>> answers = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        answers.add(pool.submit(() -> {
          together.await();
          return post("/api/cases", "application/zip", bomb);
        }));
      }
      for (var answer : answers) {
        assertThat(answer.get(120, TimeUnit.SECONDS).statusCode()).isEqualTo(413);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(health()).isEqualTo(200);
    assertThat(post("/api/cases", "application/json", Files.readAllBytes(Path.of("src/test/resources/cases/mini.json")))
        .statusCode()).as("and still imports").isEqualTo(201);
  }

  @Test
  void aDuplicateJsonKeyIsRefusedNamingIt() throws Exception {
    var analysis = post("/api/cases/none/engagement-plan", "application/json",
        "{\"engager\": \"usa\", \"budget\": 10, \"budget\": 99}".getBytes());
    assertThat(analysis.statusCode()).as(analysis.body()).isIn(400);
    assertThat(JSON.readTree(analysis.body()).get("detail").asString()).contains("duplicate key 'budget'");
    var caseFile = post("/api/cases", "application/json",
        "{\"id\": \"dup\", \"title\": \"A\", \"id\": \"other\"}".getBytes());
    assertThat(caseFile.statusCode()).isEqualTo(400);
    assertThat(caseFile.body()).contains("duplicate key 'id'");
    var user = post("/api/users", "application/json",
        "{\"username\": \"eve\", \"password\": \"long-enough-pw\", \"role\": \"viewer\", \"role\": \"admin\"}".getBytes());
    assertThat(user.statusCode()).isEqualTo(400);
    assertThat(user.body()).contains("duplicate key 'role'");
  }

  @Test
  void urlTricksAndContainerErrorsAnswerProblemDetailsNotHtml() throws Exception {
    String auth = "Authorization: " + TestStores.admin();
    for (String path : new String[] {"/api/cases/..%2f..%2fetc", "/api/cases/a%00b", "/api/cases%2fmini",
        "/api/cases/%2e%2e/%2e%2e/actuator", "/api/%5c..%5cusers", "/api/cases/%zz"}) {
      for (String accept : new String[] {"Accept: text/html", "Accept: */*"}) {
        var answer = RawHttp.send("127.0.0.1", port, "GET", path, auth, accept);
        assertThat(answer.status()).as(path).isBetween(400, 404);
        assertThat(answer.contentType()).as(path + " " + answer.body()).startsWith("application/problem+json");
        assertThat(answer.body()).as(path).doesNotContain("<html").doesNotContain("Tomcat")
            .doesNotContain("Exception");
        assertThat(JSON.readTree(answer.body()).get("status").asInt()).isEqualTo(answer.status());
      }
    }
    var unknown = RawHttp.send("127.0.0.1", port, "GET", "/api/no-such-thing", auth, "Accept: text/html");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.contentType()).startsWith("application/problem+json");
    var wrongMethod = RawHttp.send("127.0.0.1", port, "PATCH", "/api/cases", auth, "Accept: text/html");
    assertThat(wrongMethod.status()).isEqualTo(405);
    assertThat(wrongMethod.contentType()).startsWith("application/problem+json");
    var noAuthUnknown = RawHttp.send("127.0.0.1", port, "GET", "/api/x%00y", "Accept: text/html");
    assertThat(noAuthUnknown.contentType()).startsWith("application/problem+json");
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", TestStores.admin()).build(), BodyHandlers.ofString());
  }

  /** The work caps answer 400 naming the cap; the adaptive influence mode stops at its precision. */
  @Test
  void workCapsAreNamedAndInfluenceHasAnAdaptiveMode() throws Exception {
    post("/api/cases", "application/json", Files.readAllBytes(Path.of("src/test/resources/cases/mini.json")));
    var adaptive = get("/api/cases/mini/influence?target=militia&precision=0.05");
    assertThat(adaptive.statusCode()).as(adaptive.body()).isEqualTo(200);
    JsonNode ranking = JSON.readTree(adaptive.body());
    assertThat(ranking.get("method").asString()).contains("adaptive");
    assertThat(ranking.get("samples").asInt()).isLessThan(1_000_000);
    for (JsonNode actor : ranking.get("actors")) {
      assertThat(actor.get("high").asDouble() - actor.get("low").asDouble()).isLessThanOrEqualTo(0.05);
    }
    var tooMany = get("/api/cases/mini/influence?target=militia&samples=1000001");
    assertThat(tooMany.statusCode()).isEqualTo(400);
    assertThat(tooMany.body()).contains("samples must be between 1 and 1000000");
    var tooFine = get("/api/cases/mini/influence?target=militia&precision=0.0001");
    assertThat(tooFine.statusCode()).isEqualTo(400);
    assertThat(tooFine.body()).contains("precision");
    StringBuilder removals = new StringBuilder();
    for (int i = 0; i < 1001; i++) {
      removals.append(i == 0 ? "" : ",").append("\"t").append(i).append('"');
    }
    var whatIf = post("/api/cases/mini/what-if", "application/json", ("{\"analysis\": \"influence\","
        + " \"parameters\": {\"target\": \"militia\"}, \"changes\": {\"removeTies\": [" + removals + "]}}")
        .getBytes());
    assertThat(whatIf.statusCode()).as(whatIf.body()).isEqualTo(400);
    assertThat(whatIf.body()).contains("at most 1000 in one what-if");
  }
}
