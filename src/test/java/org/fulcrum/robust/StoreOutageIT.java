package org.fulcrum.robust;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.fulcrum.FulcrumApplication;
import org.fulcrum.TestStores;
import org.fulcrum.store.EmbeddedNeo4j;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Fulcrum on an external Neo4j that goes away and comes back: while it is gone, health is DOWN
 * (503) and the API answers 503 with a problem that says so, quickly; when it is back, on the same
 * data and port, everything answers again without restarting Fulcrum.
 */
class StoreOutageIT {

  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  record Answer(int status, String body, long millis) {}

  Answer send(int port, String method, String path, String json) throws Exception {
    long start = System.nanoTime();
    var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(60))
        .method(method, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (!path.startsWith("/actuator/health")) { // health needs no sign-in (and must not depend on one)
      request.header("Authorization", TestStores.admin());
    }
    var response = http.send(request.build(), BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.body(), (System.nanoTime() - start) / 1_000_000);
  }

  @Test
  void healthIsDownAndTheApiAnswers503UntilTheStoreReturnsThenAllRecoversWithoutARestart()
      throws Exception {
    Path data = TestStores.newDataDir("outage");
    EmbeddedNeo4j server = EmbeddedNeo4j.start(data, "127.0.0.1", 0, "64m");
    int boltPort = URI.create(server.boltUri()).getPort();
    Map<String, Object> props = new HashMap<>(Map.of("fulcrum.neo4j.uri", server.boltUri(),
        "fulcrum.load-bundled-cases", false, "server.port", 0, "spring.main.banner-mode", "off",
        "fulcrum.security.admin-password", TestStores.ADMIN_PASSWORD));
    try (var app = new SpringApplicationBuilder(FulcrumApplication.class).run(TestStores.args(props))) {
      int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
      String mini = Files.readString(Path.of("src/test/resources/cases/mini.json"));
      assertThat(send(port, "POST", "/api/cases", mini).status()).isEqualTo(201);
      assertThat(send(port, "GET", "/actuator/health", null).status()).isEqualTo(200);
      assertThat(send(port, "GET", "/api/cases/mini/paths?from=usa&to=sdn", null).status()).isEqualTo(200);

      server.close();

      // even an analysis whose snapshot is in memory cannot answer: the user's credentials are
      // checked against the store, so without it nobody can be signed in
      Answer cached = send(port, "GET", "/api/cases/mini/paths?from=usa&to=sdn", null);
      assertThat(cached.status()).as(cached.body()).isEqualTo(503);
      assertThat(cached.body()).contains("the graph store cannot be reached right now");
      Answer health = send(port, "GET", "/actuator/health", null);
      assertThat(health.status()).as(health.body()).isEqualTo(503);
      assertThat(health.body()).contains("\"DOWN\"");
      for (String[] call : new String[][] {
          {"GET", "/api/cases/mini", null},
          {"GET", "/api/cases", null},
          {"GET", "/api/cases/mini/influence?target=sdn&asOf=2004-01-01", null},
          {"PUT", "/api/cases/mini/sources/s3", "{\"citation\": \"written during the outage\"}"},
          {"POST", "/api/cases", mini}}) {
        Answer down = send(port, call[0], call[1], call[2]);
        assertThat(down.status()).as("%s %s: %s", call[0], call[1], down.body()).isEqualTo(503);
        assertThat(down.body()).contains("the graph store cannot be reached right now")
            .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(down.millis()).as("%s %s fails fast", call[0], call[1]).isLessThan(10_000);
      }

      server = EmbeddedNeo4j.start(data, "127.0.0.1", boltPort, "64m");
      Answer back = null;
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (System.nanoTime() < deadline) {
        back = send(port, "GET", "/api/cases/mini", null);
        if (back.status() == 200) {
          break;
        }
        Thread.sleep(200);
      }
      assertThat(back.status()).as(back.body()).isEqualTo(200);
      assertThat(send(port, "GET", "/actuator/health", null).status()).isEqualTo(200);
      assertThat(send(port, "GET", "/api/cases/mini/sources/s3", null).status())
          .as("the write refused during the outage did not happen").isEqualTo(404);
      assertThat(send(port, "PUT", "/api/cases/mini/sources/s3", "{\"citation\": \"after\"}").status())
          .isEqualTo(200);
      assertThat(send(port, "GET", "/api/cases/mini/paths?from=usa&to=sdn", null).status()).isEqualTo(200);
    } finally {
      server.close();
    }
  }
}
