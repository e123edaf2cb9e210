package org.fulcrum.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.util.List;
import org.fulcrum.TestStores;
import org.fulcrum.casefile.CaseSchema;
import org.fulcrum.casefile.CaseValidator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /api/schema} answers the dataset's descriptors to any signed-in user. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SchemaApiIT {

  static final Path DATA = TestStores.newDataDir("schema");
  static final JsonMapper JSON = JsonMapper.builder().build();

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    TestStores.embedded(DATA).forEach((k, v) -> registry.add(k, () -> v));
  }

  @LocalServerPort int port;
  final HttpClient http = HttpClient.newHttpClient();

  record Answer(int status, String body) {
    JsonNode json() {
      return JSON.readTree(body);
    }
  }

  Answer call(String authorization, String method, String path, String json) throws Exception {
    var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .method(method, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    var response = http.send(request.build(), BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.body());
  }

  static JsonNode field(JsonNode schema, String collection, String name) {
    JsonNode kind = schema.get("kinds").valueStream()
        .filter(k -> k.get("collection").asString().equals(collection)).findFirst().orElseThrow();
    return kind.get("fields").valueStream().filter(f -> f.get("name").asString().equals(name))
        .findFirst().orElseThrow();
  }

  @Test
  void anySignedInUserReadsTheFieldsOfEveryKind() throws Exception {
    call(TestStores.admin(), "POST", "/api/users",
        "{\"username\": \"schema-viewer\", \"password\": \"viewer-password-1\", \"role\": \"viewer\"}");
    Answer answer = call(TestStores.basic("schema-viewer", "viewer-password-1"), "GET", "/api/schema", null);
    assertThat(answer.status()).isEqualTo(200);
    JsonNode schema = answer.json();

    assertThat(schema.get("maxIdLength").asInt()).isEqualTo(CaseValidator.MAX_ID_LENGTH);
    assertThat(schema.get("maxTextLength").asInt()).isEqualTo(CaseValidator.MAX_TEXT_LENGTH);
    assertThat(schema.get("kinds").valueStream().map(k -> k.get("kind").asString()).toList())
        .containsExactly("source", "actor", "tie", "message");
    JsonNode ties = schema.get("kinds").get(2);
    assertThat(ties.get("fields").valueStream().map(f -> f.get("name").asString()).toList())
        .isEqualTo(CaseSchema.TIE.names());

    JsonNode weight = field(schema, "ties", "votingWeight");
    assertThat(weight.get("type").asString()).isEqualTo("number");
    assertThat(weight.get("required").asBoolean()).isFalse();
    assertThat(weight.get("min").asDouble()).isEqualTo(0);
    assertThat(weight.get("minInclusive").asBoolean()).isFalse();
    assertThat(weight.has("max")).isFalse();
    assertThat(weight.get("onlyWhen").get("field").asString()).isEqualTo("type");
    assertThat(weight.get("onlyWhen").get("value").asString()).isEqualTo("member-of");

    JsonNode strength = field(schema, "ties", "strength");
    assertThat(strength.get("required").asBoolean()).isTrue();
    assertThat(List.of(strength.get("min").asDouble(), strength.get("max").asDouble())).containsExactly(0.0, 1.0);
    assertThat(strength.get("minInclusive").asBoolean()).isFalse();
    assertThat(strength.get("maxInclusive").asBoolean()).isTrue();

    JsonNode type = field(schema, "ties", "type");
    assertThat(type.get("type").asString()).isEqualTo("vocabulary");
    assertThat(type.get("values").valueStream().map(JsonNode::asString).toList())
        .contains("supplies-arms", "member-of").hasSize(20);
    assertThat(field(schema, "ties", "channel").get("values").get(0).asString()).isEqualTo("diplomatic");
    assertThat(field(schema, "actors", "kind").get("values").valueStream().map(JsonNode::asString))
        .startsWith("state", "government-body");
    assertThat(field(schema, "actors", "country").get("format").asString())
        .isEqualTo("an ISO 3166 alpha-3 country code such as SDN");
    assertThat(field(schema, "messages", "speaker").get("type").asString()).isEqualTo("actor-id");
    assertThat(field(schema, "sources", "id").get("required").asBoolean()).isTrue();
  }

  @Test
  void theSchemaNeedsASignedInUser() throws Exception {
    assertThat(call(null, "GET", "/api/schema", null).status()).isEqualTo(401);
  }

  @Test
  void theApiDescriptionDocumentsIt() throws Exception {
    JsonNode api = call(TestStores.admin(), "GET", "/v3/api-docs", null).json();
    JsonNode get = api.get("paths").get("/api/schema").get("get");
    assertThat(get.get("tags").get(0).asString()).isEqualTo("Schema");
    assertThat(get.get("summary").asString()).contains("actors, ties, messages and sources");
  }
}
