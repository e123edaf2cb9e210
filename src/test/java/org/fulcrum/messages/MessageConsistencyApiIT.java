package org.fulcrum.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fulcrum.TestStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** GET /api/cases/{caseId}/message-consistency on the curated Darfur case and the mini case. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MessageConsistencyApiIT {

  static final Path DATA = TestStores.newDataDir("messages");
  static final JsonMapper JSON = JsonMapper.builder().build();

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    Map<String, Object> props = new HashMap<>(TestStores.embedded(DATA));
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
    return new Answer(response.statusCode(), response.body().isEmpty() ? null : JSON.readTree(response.body()));
  }

  @BeforeEach
  void importCases() throws Exception {
    for (String file : List.of("datasets/darfur-2003-2008.json", "src/test/resources/cases/mini.json")) {
      assertThat(call("POST", "/api/cases", Files.readString(Path.of(file))).status()).isIn(200, 201);
    }
  }

  static List<String> ids(JsonNode finding) {
    List<String> ids = new ArrayList<>();
    finding.get("messages").forEach(m -> ids.add(m.asString()));
    return ids;
  }

  @Test
  void darfurAnswersScoreIssuesFindingsAndTimelines() throws Exception {
    Answer a = call("GET", "/api/cases/darfur-2003-2008/message-consistency", null);
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.json().get("score").asDouble()).isBetween(0.0, 1.0);
    JsonNode sanctions = null;
    for (JsonNode issue : a.json().get("issues")) {
      if (issue.get("issue").asString().equals("sanctions")) {
        sanctions = issue;
      }
    }
    assertThat(sanctions).isNotNull();
    List<String> kinds = new ArrayList<>();
    List<List<String>> cited = new ArrayList<>();
    sanctions.get("findings").forEach(f -> {
      kinds.add(f.get("kind").asString());
      cited.add(ids(f));
      assertThat(f.get("explanation").asString()).isNotBlank();
    });
    assertThat(kinds).contains("reversal", "across-channels", "no-follow-through", "repeated-empty-threats");
    assertThat(cited).contains(List.of("m-natsios-2006-11-20"));
    assertThat(sanctions.get("timeline").get(0).get("entries").get(0).has("stance")).isTrue();
  }

  @Test
  void filtersByCoalitionIssueAndWindow() throws Exception {
    JsonNode us = call("GET", "/api/cases/darfur-2003-2008/message-consistency?coalition=usa&issue=genocide-label&window=30",
        null).json();
    assertThat(us.get("windowDays").asInt()).isEqualTo(30);
    assertThat(us.get("issues").size()).isEqualTo(1);
    JsonNode finding = us.get("issues").get(0).get("findings").get(0);
    assertThat(finding.get("kind").asString()).isEqualTo("reversal");
    assertThat(ids(finding)).contains("m-powell-2004-09-09-no-action", "m-zoellick-2005-04-14");
  }

  @Test
  void asOfADaySeesNothingLaterAndJudgesPendingOnThatDay() throws Exception {
    // 15 August 2004: resolution 1556 and Danforth's threat of 30 July are two weeks old
    Answer a = call("GET", "/api/cases/darfur-2003-2008/message-consistency?asOf=2004-08-15", null);
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.json().get("asOf").asString()).isEqualTo("2004-08-15");
    assertThat(a.json().get("explanation").asString()).startsWith("as of 2004-08-15:");
    List<String> pending = new ArrayList<>();
    a.json().get("pendingThreats").forEach(p -> pending.add(p.get("message").asString()));
    assertThat(pending).containsExactly("m-unsc-1556-2004-07-30", "m-usa-danforth-2004-07-30");
    List<String> seen = new ArrayList<>();
    List<String> cited = new ArrayList<>();
    for (JsonNode issue : a.json().get("issues")) {
      issue.get("timeline").forEach(t -> t.get("entries").forEach(e -> {
        assertThat(e.get("date").asString()).isLessThanOrEqualTo("2004-08-15");
        seen.add(e.get("message").asString());
      }));
      issue.get("findings").forEach(f -> cited.addAll(ids(f)));
    }
    assertThat(seen).contains("m-usa-danforth-2004-07-30").doesNotContain("m-natsios-2006-11-20");
    assertThat(seen).containsAll(cited);
    // the case's own date by default: the same as asking for it
    JsonNode byDefault = call("GET", "/api/cases/darfur-2003-2008/message-consistency", null).json();
    assertThat(byDefault.get("asOf").asString()).isEqualTo("2007-07-31");
    assertThat(byDefault.get("score")).isEqualTo(
        call("GET", "/api/cases/darfur-2003-2008/message-consistency?asOf=2007-07-31", null).json().get("score"));
    assertThat(call("GET", "/api/cases/darfur-2003-2008/message-consistency?asOf=soon", null).json()
        .get("detail").asString()).isEqualTo("asOf must be an ISO date (yyyy-mm-dd), got 'soon'");
  }

  @Test
  void aMessageAddedThroughTheApiIsReviewedWithADerivedStance() throws Exception {
    // mini: usa demands on disarm-janjaweed at the UN (m1); a text-only message from usa that yields
    Answer created = call("POST", "/api/cases/mini/messages", """
        {"id": "m3", "speaker": "usa", "channel": "bilateral", "audience": "sdn",
         "issue": "disarm-janjaweed", "date": "2004-08-15", "sources": ["s1"],
         "text": "Washington abstained and said more pressure would not help."}""");
    assertThat(created.status()).isEqualTo(201);
    JsonNode r = call("GET", "/api/cases/mini/message-consistency", null).json();
    assertThat(r.get("derived").get(0).get("message").asString()).isEqualTo("m3");
    assertThat(r.get("derived").get(0).get("stance").asString()).isEqualTo("accommodation");
    assertThat(r.get("derived").get(0).get("stanceDerived").asBoolean()).isTrue();
    JsonNode finding = r.get("issues").get(0).get("findings").get(0);
    assertThat(finding.get("kind").asString()).isEqualTo("reversal");
    assertThat(ids(finding)).containsExactly("m1", "m3");
    assertThat(r.get("issues").get(0).get("score").asDouble()).isEqualTo(0.25);
  }

  @Test
  void badParametersAre400AndAnUnknownCase404() throws Exception {
    Answer negative = call("GET", "/api/cases/darfur-2003-2008/message-consistency?coalition=chn", null);
    assertThat(negative.status()).isEqualTo(400);
    assertThat(negative.json().get("detail").asString()).contains("chn has position -0.35");
    assertThat(call("GET", "/api/cases/darfur-2003-2008/message-consistency?issue=oil", null).json()
        .get("detail").asString()).startsWith("issue: no message on issue 'oil'");
    assertThat(call("GET", "/api/cases/darfur-2003-2008/message-consistency?window=-3", null).json()
        .get("detail").asString()).isEqualTo("window must be between 0 and 3650 days, got -3");
    assertThat(call("GET", "/api/cases/darfur-2003-2008/message-consistency?window=soon", null).status())
        .isEqualTo(400);
    assertThat(call("GET", "/api/cases/darfur-2003-2008/message-consistency?window=soon", null).json()
        .get("detail").asString()).isEqualTo("window must be a whole number, got 'soon'");
    assertThat(call("GET", "/api/cases/darfur-2003-2008/message-consistency?windw=30", null).json()
        .get("detail").asString())
        .isEqualTo("unknown parameter 'windw'; expected one of coalition, issue, window, followThrough, asOf");
    assertThat(call("GET", "/api/cases/nope/message-consistency", null).status()).isEqualTo(404);
  }
}
