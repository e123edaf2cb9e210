package org.fulcrum.robust;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.fulcrum.TestStores;
import org.fulcrum.store.GraphStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.GraphDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The races of issue 20, over HTTP against one server, each driven by threads released together
 * (a {@link CyclicBarrier}): of ten PUTs naming one version exactly one wins, five rounds running;
 * of ten creates of one id exactly one creates it; the history stays one entry per version; no
 * answer is a 5xx. And replacements of one case: one at a time, the others 409.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConcurrencyIT {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final int WRITERS = 10;
  static ExecutorService pool;

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    TestStores.embedded(TestStores.newDataDir("concurrency")).forEach((k, v) -> registry.add(k, () -> v));
  }

  @LocalServerPort int port;
  @Autowired GraphStore store;
  final HttpClient http = HttpClient.newHttpClient();
  byte[] mini;

  @BeforeAll
  static void threads() {
    pool = Executors.newFixedThreadPool(WRITERS);
  }

  @AfterAll
  static void stopThreads() {
    pool.shutdownNow();
  }

  @BeforeEach
  void importMini() throws Exception {
    mini = ConcurrencyIT.class.getResourceAsStream("/cases/mini.json").readAllBytes();
    assertThat(send("POST", "/api/cases", mini, null).status()).isEqualTo(201);
  }

  record Answer(int status, String body, String etag) {
    JsonNode json() {
      return JSON.readTree(body);
    }
  }

  Answer send(String method, String path, byte[] body, String ifMatch) throws Exception {
    var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", TestStores.admin())
        .timeout(java.time.Duration.ofMinutes(2))
        .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    HttpResponse<String> response = http.send(request.build(), BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.body(),
        response.headers().firstValue("ETag").orElse(null));
  }

  /** Runs the calls on as many threads, released together; their answers in call order. */
  static List<Answer> together(List<Callable<Answer>> calls) throws Exception {
    CyclicBarrier start = new CyclicBarrier(calls.size());
    List<Future<Answer>> running = new ArrayList<>();
    for (Callable<Answer> call : calls) {
      running.add(pool.submit(() -> {
        start.await(1, TimeUnit.MINUTES);
        return call.call();
      }));
    }
    List<Answer> answers = new ArrayList<>();
    for (Future<Answer> f : running) {
      answers.add(f.get(5, TimeUnit.MINUTES));
    }
    return answers;
  }

  static String actor(String name) {
    return """
        {"name": "%s", "kind": "state", "position": -0.5, "capability": 0.9, "salience": 0.6,
         "sources": ["s1"]}""".formatted(name);
  }

  static long count(List<Answer> answers, int status) {
    return answers.stream().filter(a -> a.status() == status).count();
  }

  static void noServerErrors(List<Answer> answers) {
    assertThat(answers).as("no 5xx").allSatisfy(a -> assertThat(a.status()).as(a.body()).isLessThan(500));
  }

  @Test
  void ofTenPutsNamingOneVersionExactlyOneWinsInEveryRound() throws Exception {
    String path = "/api/cases/mini/actors/chn";
    for (int round = 1; round <= 5; round++) {
      String etag = send("GET", path, null, null).etag();
      assertThat(etag).isEqualTo("\"" + round + "\"");
      List<Callable<Answer>> puts = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        String name = "China, round " + round + ", writer " + w;
        puts.add(() -> send("PUT", path, actor(name).getBytes(), etag));
      }
      List<Answer> answers = together(puts);
      noServerErrors(answers);
      assertThat(count(answers, 200)).as("round " + round + ": winners").isEqualTo(1);
      assertThat(count(answers, 409)).as("round " + round + ": the others, 409").isEqualTo(WRITERS - 1);
      Answer winner = answers.stream().filter(a -> a.status() == 200).findFirst().orElseThrow();
      assertThat(winner.etag()).isEqualTo("\"" + (round + 1) + "\"");
      Answer now = send("GET", path, null, null);
      assertThat(now.json().get("name").asString()).as("the winner's value is the one stored")
          .isEqualTo(winner.json().get("name").asString());
      for (Answer loser : answers) {
        if (loser.status() == 409) {
          assertThat(loser.json().get("currentVersion").asLong()).isEqualTo(round + 1);
        }
      }
    }
    JsonNode history = send("GET", "/api/cases/mini/history?actor=chn&limit=1000", null, null).json();
    List<String> updates = new ArrayList<>();
    history.forEach(change -> {
      if (change.get("item").asString().equals("chn") && change.get("action").asString().equals("update")) {
        updates.add(change.get("after").get("name").asString());
      }
    });
    assertThat(updates).as("one history entry per version, a linear account").hasSize(5);
    for (int i = 0; i + 1 < updates.size(); i++) {
      String newer = updates.get(i);
      String older = updates.get(i + 1);
      assertThat(newer).startsWith("China, round " + (5 - i) + ",");
      assertThat(older).startsWith("China, round " + (4 - i) + ",");
    }
  }

  @Test
  void ofTenCreatesOfOneIdExactlyOneCreatesIt() throws Exception {
    for (int round = 1; round <= 5; round++) {
      String id = "newcomer" + round;
      List<Callable<Answer>> creates = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        String name = "Newcomer, writer " + w;
        if (w % 2 == 0) {
          ObjectNode body = (ObjectNode) JSON.readTree(actor(name));
          body.put("id", id);
          creates.add(() -> send("POST", "/api/cases/mini/actors", JSON.writeValueAsBytes(body), null));
        } else {
          creates.add(() -> send("PUT", "/api/cases/mini/actors/" + id, actor(name).getBytes(), null));
        }
      }
      List<Answer> answers = together(creates);
      noServerErrors(answers);
      long created = answers.stream().filter(a -> a.status() == 201 || a.status() == 200).count();
      assertThat(created).as("round " + round + ": creators").isEqualTo(1);
      for (int w = 0; w < WRITERS; w++) {
        Answer a = answers.get(w);
        if (a.status() >= 300) {
          // a POST of a taken id is 409; a PUT without If-Match of an existing record is 428 (docs/api.md)
          assertThat(a.status()).as(a.body()).isEqualTo(w % 2 == 0 ? 409 : 428);
        }
      }
      Answer stored = send("GET", "/api/cases/mini/actors/" + id, null, null);
      assertThat(stored.etag()).isEqualTo("\"1\"");
      JsonNode history = send("GET", "/api/cases/mini/history?item=" + id, null, null).json();
      assertThat(history.size()).as("one create in the history").isEqualTo(1);
      assertThat(history.get(0).get("action").asString()).isEqualTo("create");
    }
  }

  @Test
  void concurrentReplacementsOfOneCaseAreOneAtATimeAndTheOthers409() throws Exception {
    byte[] large = largeMini(2_000, 6_000);
    assertThat(send("POST", "/api/cases", large, null).status()).isEqualTo(201);
    List<Callable<Answer>> replacements = new ArrayList<>();
    for (int w = 0; w < 3; w++) {
      ObjectNode c = (ObjectNode) JSON.readTree(large);
      c.put("title", "replacement " + w);
      byte[] body = JSON.writeValueAsBytes(c);
      replacements.add(() -> send("POST", "/api/cases", body, null));
    }
    List<Answer> answers = together(replacements);
    noServerErrors(answers);
    assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.body()).isIn(201, 409));
    long winners = count(answers, 201);
    assertThat(winners).isGreaterThanOrEqualTo(1);
    for (Answer a : answers) {
      if (a.status() == 409) {
        assertThat(a.json().get("detail").asString()).contains("is being imported by another request");
      }
    }
    JsonNode summary = send("GET", "/api/cases/mini", null, null).json();
    assertThat(summary.get("title").asString()).startsWith("replacement ");
    assertThat(summary.get("actors").asInt()).isEqualTo(5 + 2_000);
    assertThat(summary.get("ties").asInt()).as("whole, not two cases mixed").isEqualTo(mini().get("ties").size() + 6_000);
    JsonNode history = send("GET", "/api/cases/mini/history?item=mini&limit=1000", null, null).json();
    long replaces = 0;
    for (JsonNode change : history) {
      if (change.get("action").asString().equals("replace")) {
        replaces++;
      }
    }
    // the large import itself replaced the mini case, then each winner replaced it once more; the
    // @BeforeEach imports of other tests may have added replacements before this one
    assertThat(replaces).isGreaterThanOrEqualTo(1 + winners);
  }

  @Test
  void aReplacementThatFailsValidationWritesNothing() throws Exception {
    String before = send("GET", "/api/cases/mini/export", null, null).body();
    ObjectNode broken = (ObjectNode) mini();
    broken.put("title", "must not be stored");
    ((ObjectNode) broken.get("actors").get(0)).put("position", 7);
    Answer refused = send("POST", "/api/cases", JSON.writeValueAsBytes(broken), null);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(send("GET", "/api/cases/mini/export", null, null).body()).as("nothing written").isEqualTo(before);
    assertThat(send("POST", "/api/cases", mini, null).status()).as("no marker left behind").isEqualTo(201);
  }

  // ---- outside Bolt clients -------------------------------------------------------------------

  void overBolt(String cypher) {
    try (var driver = GraphDatabase.driver(store.uri(), store.embedded().authToken());
        var session = driver.session()) {
      session.run(cypher).consume();
    }
  }

  /** The history entries of one record written by a Bolt client, waited for (they follow the commit). */
  List<JsonNode> boltChanges(String item) throws Exception {
    List<JsonNode> found = new ArrayList<>();
    for (int attempt = 0; attempt < 100 && found.isEmpty(); attempt++) {
      for (JsonNode change : send("GET", "/api/cases/mini/history?item=" + item, null, null).json()) {
        if (change.get("author").asString().equals("bolt:neo4j")) {
          found.add(change);
        }
      }
      if (found.isEmpty()) {
        Thread.sleep(100);
      }
    }
    return found;
  }

  @Test
  void aStrengthChangedOverBoltIsSeenByTheNextAnalysisAndIsInTheHistory() throws Exception {
    String paths = "/api/cases/mini/paths?from=usa&to=militia&k=3";
    // usa -sanctions 0.27-> sdn -controls 0.63-> militia
    assertThat(send("GET", paths, null, null).json().get("paths").get(0).get("strength").asDouble())
        .isCloseTo(0.1701, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(send("GET", "/api/cases/mini/ties/t3", null, null).etag()).isEqualTo("\"1\"");

    overBolt("MATCH ()-[t:TIE {caseId: 'mini', id: 't3'}]->() SET t.strength = 0.01");

    // controls is now 0.01 x 0.7: the cached snapshot was dropped when the commit landed
    assertThat(send("GET", paths, null, null).json().get("paths").get(0).get("strength").asDouble())
        .isCloseTo(0.27 * 0.007, org.assertj.core.api.Assertions.within(1e-9));
    List<JsonNode> changes = boltChanges("t3");
    assertThat(changes).hasSize(1);
    JsonNode change = changes.get(0);
    assertThat(change.get("action").asString()).isEqualTo("update");
    assertThat(change.get("kind").asString()).isEqualTo("tie");
    assertThat(change.get("before").get("strength").asDouble()).isEqualTo(0.9);
    assertThat(change.get("after").get("strength").asDouble()).isEqualTo(0.01);
    assertThat(change.get("actors").toString()).contains("sdn", "militia");
    assertThat(send("GET", "/api/cases/mini/ties/t3", null, null).etag()).as("the version moved")
        .isEqualTo("\"2\"");
  }

  @Test
  void aPolarityBrokenOverBoltIsANamedProblemEverywhereAndAPutRepairsIt() throws Exception {
    overBolt("MATCH ()-[t:TIE {caseId: 'mini', id: 't1'}]->() SET t.polarity = 'friendly'");
    for (String path : List.of("/api/cases/mini/ties/t1", "/api/cases/mini/ties", "/api/cases/mini/export",
        "/api/cases/mini/paths?from=usa&to=militia", "/api/cases/mini/influence?target=militia")) {
      Answer a = send("GET", path, null, null);
      assertThat(a.status()).as(path + ": " + a.body()).isEqualTo(409);
      assertThat(a.json().get("detail").asString()).as(path)
          .contains("tie 't1'", "case 'mini'", "polarity", "'friendly'", "supportive, hostile");
      assertThat(a.json().get("field").asString()).isEqualTo("polarity");
      assertThat(a.json().get("found").asString()).isEqualTo("'friendly'");
    }
    assertThat(boltChanges("t1")).hasSize(1);

    String repaired = """
        {"source": "usa", "target": "chn", "type": "trades-with", "strength": 0.5,
         "polarity": "supportive", "channel": "economic", "confidence": 0.9, "sources": ["s1"]}""";
    Answer blind = send("PUT", "/api/cases/mini/ties/t1", repaired.getBytes(), null);
    assertThat(blind.status()).as(blind.body()).isEqualTo(428);
    Answer put = send("PUT", "/api/cases/mini/ties/t1", repaired.getBytes(), blind.etag());
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    assertThat(send("GET", "/api/cases/mini/ties/t1", null, null).json().get("polarity").asString())
        .isEqualTo("supportive");
    assertThat(send("GET", "/api/cases/mini/paths?from=usa&to=militia", null, null).status()).isEqualTo(200);
    assertThat(send("GET", "/api/cases/mini/export", null, null).status()).isEqualTo(200);
    JsonNode history = send("GET", "/api/cases/mini/history?item=t1", null, null).json();
    assertThat(history.get(0).get("action").asString()).isEqualTo("update");
    assertThat(history.get(0).get("author").asString()).isEqualTo("admin");
  }

  @Test
  void aWrongPasswordFloodForNeo4jOnTheBoltPortDoesNotStopFulcrum() throws Exception {
    List<Callable<Answer>> work = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      work.add(() -> {
        try (var driver = GraphDatabase.driver(store.uri(),
            org.neo4j.driver.AuthTokens.basic("neo4j", "wrong-password"))) {
          driver.verifyConnectivity();
          return new Answer(200, "signed in with a wrong password", null);
        } catch (org.neo4j.driver.exceptions.Neo4jException refused) {
          return new Answer(401, refused.getMessage(), null);
        }
      });
    }
    List<Answer> flood = new ArrayList<>();
    for (int round = 0; round < 5; round++) {
      flood.addAll(together(work.subList(round * 10, round * 10 + 10)));
    }
    assertThat(flood).allSatisfy(a -> assertThat(a.status()).isEqualTo(401));
    // neo4j is now locked (Neo4j's auth lockout); Fulcrum's own connections, new ones too, are not
    try (var driver = GraphDatabase.driver(store.uri(), store.embedded().internalAuthToken())) {
      driver.verifyConnectivity();
    }
    List<Callable<Answer>> signedIn = new ArrayList<>();
    for (int i = 0; i < WRITERS; i++) {
      signedIn.add(() -> send("GET", "/api/cases/mini/actors", null, null));
    }
    for (int round = 0; round < 3; round++) {
      assertThat(together(signedIn)).allSatisfy(a -> assertThat(a.status()).as(a.body()).isEqualTo(200));
    }
  }

  JsonNode mini() {
    return JSON.readTree(mini);
  }

  /** The mini case with {@code actors} more actors and {@code ties} more ties among them. */
  byte[] largeMini(int actors, int ties) {
    ObjectNode c = (ObjectNode) mini();
    var actorList = (tools.jackson.databind.node.ArrayNode) c.get("actors");
    for (int i = 0; i < actors; i++) {
      ObjectNode a = (ObjectNode) JSON.readTree(actor("Generated " + i));
      a.put("id", "g" + i);
      actorList.add(a);
    }
    var tieList = (tools.jackson.databind.node.ArrayNode) c.get("ties");
    ObjectNode template = (ObjectNode) tieList.get(0);
    for (int i = 0; i < ties; i++) {
      ObjectNode t = template.deepCopy();
      t.put("id", "gt" + i);
      t.put("source", "g" + (i % actors));
      t.put("target", "g" + ((i * 7 + 1) % actors));
      tieList.add(t);
    }
    return JSON.writeValueAsBytes(c);
  }
}
