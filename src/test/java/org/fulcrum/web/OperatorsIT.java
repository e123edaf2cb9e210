package org.fulcrum.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import org.fulcrum.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What an operator sees: Prometheus metrics with a timer per analysis and per import, for admins
 * only; health details for admins only; an access log line per request without secrets.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class OperatorsIT {

  static final Path DATA = TestStores.newDataDir("operators");

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    TestStores.embedded(DATA).forEach((k, v) -> registry.add(k, () -> v));
  }

  @LocalServerPort int port;
  final HttpClient http = HttpClient.newHttpClient();

  HttpResponse<String> get(String path, String authorization) throws Exception {
    var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), BodyHandlers.ofString());
  }

  @Test
  void healthDetailsAreForAdminsOnly() throws Exception {
    HttpResponse<String> anonymous = get("/actuator/health", null);
    assertThat(anonymous.statusCode()).isEqualTo(200);
    assertThat(anonymous.body()).contains("\"status\":\"UP\"").doesNotContain("components",
        "details", "bolt", DATA.toString());
    HttpResponse<String> admin = get("/actuator/health", TestStores.admin());
    assertThat(admin.body()).contains("components");
  }

  @Test
  void prometheusAnswersAdminsWithTimersPerAnalysisAndImport(CapturedOutput output) throws Exception {
    assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
    assertThat(get("/api/cases/darfur-2003-2008/centrality", TestStores.admin()).statusCode())
        .isEqualTo(200);
    var importCase = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/cases"))
        .header("Authorization", TestStores.admin()).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"id\": \"x\"}")).build();
    assertThat(http.send(importCase, BodyHandlers.ofString()).statusCode()).isEqualTo(400);
    HttpResponse<String> metrics = get("/actuator/prometheus", TestStores.admin());
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body())
        .contains("fulcrum_analysis_seconds_count{operation=\"rankBrokerCentrality\",outcome=\"success\"} 1")
        .contains("fulcrum_import_seconds_count{operation=\"importCase\",outcome=\"client-error\"} 1");

    assertThat(output.getOut()).containsPattern(
        "fulcrum\\.access .*GET /api/cases/darfur-2003-2008/centrality 200 \\d+ms user=admin");
    assertThat(output.getOut()).containsPattern("fulcrum\\.access .*GET /actuator/prometheus 401 \\d+ms user=-");
    assertThat(output.getOut()).doesNotContain(TestStores.ADMIN_PASSWORD);
  }
}
