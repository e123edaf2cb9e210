package org.fulcrum.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fulcrum.TestStores;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The API description as a generated client sees it: it parses without messages, declares its
 * security schemes, names every operation, declares problem+json errors and one schema per answer;
 * and real answers of the analysis and case endpoints validate against it, with no undeclared field
 * (Atlassian's OpenAPI request validator, additional properties refused).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiContractIT {

  static final Path DATA = TestStores.newDataDir("openapi");
  static final String CASE = "/api/cases/darfur-2003-2008";

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    TestStores.embedded(DATA).forEach((k, v) -> registry.add(k, () -> v));
  }

  @LocalServerPort int port;
  final HttpClient http = HttpClient.newHttpClient();
  String spec;
  OpenAPI api;

  @BeforeAll
  void readDescription() throws Exception {
    spec = call("GET", "/v3/api-docs", Map.of(), null).body();
    // kept for other linters (redocly, openapi-generator): target/openapi.json
    java.nio.file.Files.writeString(Path.of("target/openapi.json"), spec);
    var parsed = new OpenAPIParser().readContents(spec, null, null);
    api = parsed.getOpenAPI();
    assertThat(parsed.getMessages()).as("parser messages").isEmpty();
  }

  HttpResponse<String> call(String method, String path, Map<String, String> query, String body)
      throws Exception {
    StringBuilder uri = new StringBuilder("http://127.0.0.1:" + port + path);
    String sep = "?";
    for (var q : query.entrySet()) {
      uri.append(sep).append(q.getKey()).append('=')
          .append(URLEncoder.encode(q.getValue(), StandardCharsets.UTF_8));
      sep = "&";
    }
    var request = HttpRequest.newBuilder(URI.create(uri.toString()))
        .header("Authorization", TestStores.admin())
        .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return http.send(request.build(), BodyHandlers.ofString());
  }

  @Test
  void theDescriptionIsLintClean() {
    assertThat(api.getOpenapi()).startsWith("3.0");
    assertThat(api.getInfo().getTitle()).isEqualTo("Fulcrum API");
    assertThat(api.getInfo().getVersion()).isNotBlank().isNotEqualTo("v0");
    assertThat(api.getInfo().getContact().getName()).isNotBlank();
    Map<String, SecurityScheme> schemes = api.getComponents().getSecuritySchemes();
    assertThat(schemes.get("basicAuth").getScheme()).isEqualTo("basic");
    assertThat(schemes.get("bearerAuth").getScheme()).isEqualTo("bearer");
    assertThat(api.getSecurity()).isNotEmpty();

    List<String> problems = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
      String where = method + " " + path;
      if (op.getOperationId() == null || op.getOperationId().matches(".*_\\d+$")
          || !ids.add(op.getOperationId())) {
        problems.add(where + ": operation id " + op.getOperationId());
      }
      if (op.getResponses().keySet().stream().noneMatch(s -> s.startsWith("4")
          && op.getResponses().get(s).getContent() != null
          && op.getResponses().get(s).getContent().containsKey("application/problem+json"))) {
        problems.add(where + ": no problem+json error declared");
      }
      if (op.getResponses().keySet().stream().noneMatch(s -> s.startsWith("2"))) {
        problems.add(where + ": no success answer");
      }
      if (op.getRequestBody() != null) {
        op.getRequestBody().getContent().forEach((type, media) -> {
          if (type.contains("json") && media.getSchema() != null
              && "string".equals(media.getSchema().getType())) {
            problems.add(where + ": JSON body described as a string");
          }
        });
      }
    }));
    assertThat(problems).isEmpty();
  }

  @Test
  void statusesBodiesAndSchemasAreTheRealOnes() {
    Operation createSource = api.getPaths().get("/api/cases/{caseId}/sources").getPost();
    assertThat(createSource.getResponses()).containsKey("201").doesNotContainKey("200");
    assertThat(createSource.getRequestBody().getContent().get("application/json").getSchema().get$ref())
        .endsWith("/Source");
    assertThat(api.getPaths().get("/api/cases/{caseId}/sources/{id}").getDelete().getResponses())
        .containsKey("204").doesNotContainKey("200");
    assertThat(api.getComponents().getSchemas().get("Source").getRequired())
        .contains("id", "citation");
    // answers of one simple class name each keep their own schema
    assertThat(answerSchema("/api/cases/{caseId}/centrality", "get"))
        .isNotEqualTo(answerSchema("/api/cases/{caseId}/patrons", "get"));
    assertThat(answerSchema("/api/cases/{caseId}/playbook", "get"))
        .isNotEqualTo(answerSchema("/api/cases/{caseId}/engagement-plan", "post"));
    // the history's changes are not the what-if difference's changes
    String historyItem = api.getPaths().get("/api/cases/{caseId}/history").getGet().getResponses()
        .get("200").getContent().values().iterator().next().getSchema().getItems().get$ref();
    assertThat(historyItem).endsWith("/CaseHistoryChange");
    assertThat(api.getComponents().getSchemas()).containsKeys("PatronAnalysisRanking",
        "BrokerCentralityRanking", "PlaybookPlan", "EngagementPlannerPlan");
  }

  private String answerSchema(String path, String method) {
    Operation op = api.getPaths().get(path).readOperationsMap().entrySet().stream()
        .filter(e -> e.getKey().name().equalsIgnoreCase(method)).findFirst().orElseThrow().getValue();
    var content = op.getResponses().get("200").getContent();
    return content.values().iterator().next().getSchema().get$ref();
  }

  record Call(String method, String path, Map<String, String> query, String body) {}

  static Call get(String path, String... query) {
    Map<String, String> q = new LinkedHashMap<>();
    for (int i = 0; i < query.length; i += 2) {
      q.put(query[i], query[i + 1]);
    }
    return new Call("GET", path, q, null);
  }

  @Test
  void realAnswersValidateAgainstTheDescriptionWithNoUndeclaredField() throws Exception {
    OpenApiInteractionValidator validator = OpenApiInteractionValidator
        .createForInlineApiSpecification(spec)
        .withLevelResolver(LevelResolver.create()
            .withLevel("validation.schema.additionalProperties", ValidationReport.Level.ERROR)
            .build())
        .build();
    List<Call> calls = List.of(
        get("/api/cases"),
        get(CASE),
        get(CASE + "/history", "limit", "3"),
        get(CASE + "/actors"),
        get(CASE + "/ties"),
        get(CASE + "/messages"),
        get(CASE + "/sources"),
        get("/api/schema"),
        get(CASE + "/paths", "from", "usa", "to", "bashir", "k", "3"),
        get(CASE + "/influence", "target", "sdn-gov", "samples", "500", "seed", "1"),
        get(CASE + "/patrons", "target", "bashir", "engager", "usa"),
        get(CASE + "/chokepoints", "to", "janjaweed"),
        get(CASE + "/centrality"),
        get(CASE + "/forum-shopping", "target", "bashir", "engager", "usa"),
        get(CASE + "/playbook", "engager", "usa", "target", "bashir"),
        get(CASE + "/message-consistency"),
        new Call("POST", CASE + "/engagement-plan", Map.of(), "{\"engager\": \"usa\", \"budget\": 10}"),
        new Call("POST", CASE + "/red-team", Map.of(),
            "{\"engager\": \"usa\", \"budget\": 10, \"target\": \"bashir\"}"),
        new Call("POST", CASE + "/what-if", Map.of(), "{\"analysis\": \"paths\", \"parameters\":"
            + " {\"from\": \"usa\", \"to\": \"bashir\"}, \"changes\": {\"removeTies\": []}}"),
        get("/api/cases/nobody"),
        get(CASE + "/paths", "from", "usa"));
    List<String> failures = new ArrayList<>();
    for (Call c : calls) {
      HttpResponse<String> answer = call(c.method(), c.path(), c.query(), c.body());
      SimpleRequest.Builder request = new SimpleRequest.Builder(Request.Method.valueOf(c.method()), c.path())
          .withHeader("Authorization", TestStores.admin());
      c.query().forEach(request::withQueryParam);
      if (c.body() != null) {
        request.withContentType("application/json").withBody(c.body());
      }
      SimpleResponse response = SimpleResponse.Builder.status(answer.statusCode())
          .withContentType(answer.headers().firstValue("Content-Type").orElse("application/json"))
          .withBody(answer.body()).build();
      ValidationReport report = validator.validate(request.build(), response);
      if (report.hasErrors()) {
        failures.add(c.method() + " " + c.path() + " " + c.query() + " -> " + answer.statusCode()
            + ": " + report.getMessages());
      }
    }
    assertThat(failures).isEmpty();
  }
}
