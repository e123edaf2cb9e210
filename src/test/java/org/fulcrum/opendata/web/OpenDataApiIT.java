package org.fulcrum.opendata.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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

/** POST /api/open-data/cases, then the analyses on the built case, a re-build and bad input. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenDataApiIT {

  static final JsonMapper JSON = JsonMapper.builder().build();

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    Map<String, Object> props = new HashMap<>(TestStores.embedded(TestStores.newDataDir("open-data")));
    props.put("fulcrum.load-bundled-cases", false);
    props.forEach((k, v) -> registry.add(k, () -> v));
  }

  @LocalServerPort int port;
  final HttpClient http = HttpClient.newHttpClient();

  record Answer(int status, JsonNode json) {}

  Answer call(String method, String path, String body) throws Exception {
    var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", org.fulcrum.TestStores.admin())
        .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body))
        .header("Content-Type", "application/json").build();
    var response = http.send(request, BodyHandlers.ofString());
    return new Answer(response.statusCode(), JSON.readTree(response.body()));
  }

  @Test
  void buildsSudanFromArmsAndThePatronsAreItsSuppliers() throws Exception {
    Answer built = call("POST", "/api/open-data/cases",
        "{\"country\": \"SDN\", \"from\": 2003, \"to\": 2007, \"sources\": [\"arms\"]}");
    assertThat(built.status()).as(built.json().toString()).isEqualTo(201);
    assertThat(built.json().get("caseId").asString()).isEqualTo("od-sdn-2003-2007");
    // seven suppliers of Sudan, and the second ring's one SIPRI dyad between the USA (the default
    // engager) and them: Ukraine's 2005 order to the USA
    assertThat(built.json().get("ties").asInt()).isEqualTo(8);
    assertThat(call("GET", "/api/cases/od-sdn-2003-2007/ties/od-arms-ukr-usa", null).status()).isEqualTo(200);

    Answer patrons = call("GET", "/api/cases/od-sdn-2003-2007/patrons?target=od-sdn", null);
    assertThat(patrons.status()).isEqualTo(200);
    JsonNode first = patrons.json().get("patrons").get(0);
    assertThat(first.get("name").asString()).isEqualTo("Russia");
    assertThat(first.get("shieldShare").asDouble()).isCloseTo(0.4734, within(1e-4));
    assertThat(patrons.json().get("patrons").get(1).get("name").asString()).isEqualTo("China");
  }

  @Test
  void aRebuildKeepsAHandMadeActorAndItsTie() throws Exception {
    String body = "{\"country\": \"SYR\", \"from\": 2011, \"to\": 2014, \"sources\": \"vetoes\"}";
    body = body.replace("\"vetoes\"", "[\"vetoes\"]");
    assertThat(call("POST", "/api/open-data/cases", body).status()).isEqualTo(201);
    assertThat(call("POST", "/api/cases/od-syr-2011-2014/sources",
        "{\"id\": \"s-hrw\", \"citation\": \"HRW, World Report 2013: Syria\"}").status()).isEqualTo(201);
    assertThat(call("POST", "/api/cases/od-syr-2011-2014/actors",
        "{\"id\": \"assad\", \"name\": \"Bashar al-Assad\", \"kind\": \"leader\", \"country\": \"SYR\","
            + " \"position\": -0.95, \"capability\": 0.9, \"salience\": 1, \"sources\": [\"s-hrw\"]}")
        .status()).isEqualTo(201);
    assertThat(call("POST", "/api/cases/od-syr-2011-2014/ties",
        "{\"id\": \"t-assad\", \"source\": \"assad\", \"target\": \"od-syr\", \"type\": \"controls\","
            + " \"strength\": 0.95, \"polarity\": \"supportive\", \"channel\": \"command\","
            + " \"confidence\": 0.9, \"sources\": [\"s-hrw\"]}").status()).isEqualTo(201);

    Answer rebuilt = call("POST", "/api/open-data/cases",
        "{\"country\": \"SYR\", \"from\": 2011, \"to\": 2014, \"sources\": [\"vetoes\", \"contiguity\"]}");
    assertThat(rebuilt.status()).isEqualTo(201);
    assertThat(rebuilt.json().get("replaced").asBoolean()).isTrue();
    assertThat(rebuilt.json().get("keptActors").asInt()).isEqualTo(1);
    assertThat(rebuilt.json().get("keptTies").asInt()).isEqualTo(1);
    assertThat(call("GET", "/api/cases/od-syr-2011-2014/actors/assad", null).status()).isEqualTo(200);
    assertThat(call("GET", "/api/cases/od-syr-2011-2014/ties/t-assad", null).status()).isEqualTo(200);
    assertThat(call("GET", "/api/cases/od-syr-2011-2014/ties/od-border-tur-syr", null).status()).isEqualTo(200);

    // Veto holders shield the regime, through the hand-made leader as well.
    Answer patrons = call("GET", "/api/cases/od-syr-2011-2014/patrons?target=assad", null);
    List<String> ids = new ArrayList<>();
    patrons.json().get("patrons").forEach(p -> ids.add(p.get("id").asString()));
    assertThat(ids).contains("od-chn", "od-rus");
    Answer tie = call("GET", "/api/cases/od-syr-2011-2014/ties/od-veto-rus-syr", null);
    String sourceId = tie.json().get("sources").get(0).asString();
    assertThat(call("GET", "/api/cases/od-syr-2011-2014/sources/" + sourceId, null).json()
        .get("citation").asString()).contains("S/2011/612", "S/2014/348");
  }

  @Test
  void badInputIsA400ThatSaysWhy() throws Exception {
    Answer notIso = call("POST", "/api/open-data/cases", "{\"country\": \"Sudan\", \"from\": 2003, \"to\": 2007}");
    assertThat(notIso.status()).isEqualTo(400);
    assertThat(notIso.json().get("detail").asString()).contains("ISO 3166 alpha-3");
    Answer unknown = call("POST", "/api/open-data/cases", "{\"country\": \"XYZ\", \"from\": 2003, \"to\": 2007}");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().get("detail").asString()).contains("'XYZ' is not an ISO 3166 alpha-3 code");
    assertThat(call("POST", "/api/open-data/cases", "{\"country\": \"SDN\", \"from\": 2007, \"to\": 2003}")
        .status()).isEqualTo(400);
    Answer source = call("POST", "/api/open-data/cases",
        "{\"country\": \"SDN\", \"from\": 2003, \"to\": 2007, \"sources\": [\"tanks\"]}");
    assertThat(source.json().get("detail").asString()).contains("unknown source 'tanks'");
    assertThat(call("POST", "/api/open-data/cases", "{\"country\": \"SDN\"}").status()).isEqualTo(400);
  }
}
