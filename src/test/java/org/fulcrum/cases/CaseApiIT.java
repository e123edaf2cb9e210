package org.fulcrum.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fulcrum.TestStores;
import org.fulcrum.bench.GeneratedLeverageGraph;
import org.fulcrum.casefile.CaseCodec;
import org.fulcrum.casefile.CaseFile;
import org.fulcrum.casefile.CaseSchema;
import org.fulcrum.casefile.EveryFieldCase;
import org.fulcrum.casefile.RecordSchema;
import org.fulcrum.store.GraphStore;
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

/** The REST API end to end, on an embedded Neo4j that starts empty and loads the bundled cases. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseApiIT {

  static final Path DATA = TestStores.newDataDir("api");
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final CaseCodec CODEC = new CaseCodec();

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    TestStores.embedded(DATA).forEach((k, v) -> registry.add(k, () -> v));
  }

  @LocalServerPort int port;
  @Autowired GraphStore store;
  @Autowired CaseService cases;
  final HttpClient http = HttpClient.newHttpClient();

  byte[] mini;

  @BeforeEach
  void readMini() throws IOException {
    mini = getClass().getResourceAsStream("/cases/mini.json").readAllBytes();
  }

  record Answer(int status, byte[] body, String etag) {
    JsonNode json() {
      return JSON.readTree(body);
    }
  }

  Answer send(String method, String path, String type, byte[] body) throws Exception {
    return send(method, path, type, body, null);
  }

  Answer send(String method, String path, String type, byte[] body, String ifMatch) throws Exception {
    var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", org.fulcrum.TestStores.admin())
        .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body));
    if (type != null) {
      request.header("Content-Type", type);
    }
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    HttpResponse<byte[]> response = http.send(request.build(), BodyHandlers.ofByteArray());
    return new Answer(response.statusCode(), response.body(),
        response.headers().firstValue("ETag").orElse(null));
  }

  Answer get(String path) throws Exception {
    return send("GET", path, null, null);
  }

  Answer postJson(String path, String json) throws Exception {
    return send("POST", path, "application/json", json.getBytes());
  }

  Answer putJson(String path, String json) throws Exception {
    return send("PUT", path, "application/json", json.getBytes());
  }

  Answer putJson(String path, String json, String ifMatch) throws Exception {
    return send("PUT", path, "application/json", json.getBytes(), ifMatch);
  }

  CaseFile exported(String caseId) throws Exception {
    return CODEC.readJson("export", new ByteArrayInputStream(get("/api/cases/" + caseId + "/export").body()));
  }

  long countInStore(String cypher, String caseId) {
    try (var driver = GraphDatabase.driver(store.uri(), store.embedded().authToken());
        var session = driver.session()) {
      return session.run(cypher, Map.of("caseId", caseId)).single().get(0).asLong();
    }
  }

  @Test
  void bundledCasesAreLoadedOnFirstStart() throws Exception {
    List<String> bundled;
    try (var files = Files.list(Path.of("datasets"))) {
      bundled = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
          .map(n -> n.substring(0, n.length() - 5)).toList();
    }
    JsonNode cases = get("/api/cases").json();
    List<String> ids = cases.valueStream().map(c -> c.get("id").asString()).toList();
    assertThat(ids).containsAll(bundled);
    assertThat(bundled).contains("kenya-2007-2008", "rwanda-1994");
  }

  @Test
  void importThenReadThenExportGivesTheSameCase() throws Exception {
    Answer created = send("POST", "/api/cases", "application/json", mini);
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("actors").asInt()).isEqualTo(5);
    assertThat(created.json().get("ties").asInt()).isEqualTo(5);

    JsonNode summary = get("/api/cases/mini").json();
    assertThat(summary.get("messages").asInt()).isEqualTo(2);
    assertThat(summary.get("sources").asInt()).isEqualTo(2);

    CaseFile original = CODEC.readJson("mini.json", new ByteArrayInputStream(mini));
    assertThat(exported("mini")).isEqualTo(original);
  }

  @Test
  void reimportUpdatesWithoutDuplicatesAndBoltSeesTheSameGraph() throws Exception {
    send("POST", "/api/cases", "application/json", mini);
    Answer again = send("POST", "/api/cases", "application/json",
        new String(mini).replace("\"name\": \"China\"", "\"name\": \"People's Republic of China\"").getBytes());
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.json().get("replaced").asBoolean()).isTrue();
    assertThat(countInStore("MATCH (a:Actor {caseId: $caseId}) RETURN count(a)", "mini")).isEqualTo(5);
    assertThat(countInStore("MATCH ()-[t:TIE {caseId: $caseId}]->() RETURN count(t)", "mini")).isEqualTo(5);
    assertThat(countInStore("MATCH (m:Message {caseId: $caseId}) RETURN count(m)", "mini")).isEqualTo(2);
    assertThat(get("/api/cases/mini/actors/chn").json().get("name").asString())
        .isEqualTo("People's Republic of China");
  }

  @Test
  void aFileWithFiveMistakesGetsOneAnswerNamingAllFiveAndChangesNothing() throws Exception {
    send("POST", "/api/cases", "application/json", mini);
    CaseFile before = exported("mini");
    String broken = new String(mini)
        .replace("\"position\": 0.6", "\"position\": 1.5")
        .replace("\"kind\": \"armed-group\"", "\"kind\": \"militia\"")
        .replace("\"target\": \"chn\"", "\"target\": \"prc\"")
        .replace("\"date\": \"2004-08-02\"", "\"date\": \"2 Aug 2004\"")
        .replace("\"id\": \"m2\"", "\"id\": \"m1\"")
        .replace("\"title\": \"A hand-checkable case\"", "\"title\": \"Changed\"");
    Answer answer = postJson("/api/cases", broken);
    assertThat(answer.status()).isEqualTo(400);
    JsonNode problem = answer.json();
    assertThat(problem.get("title").asString()).isEqualTo("Invalid input");
    assertThat(problem.get("errors").valueStream().map(e -> e.get("path").asString()).toList())
        .containsExactlyInAnyOrder("$.actors[0].position", "$.actors[3].kind", "$.ties[0].target",
            "$.messages[1].date", "$.messages[1].id");
    assertThat(problem.get("errors").get(0).get("line").asInt()).isPositive();
    assertThat(exported("mini")).isEqualTo(before);
  }

  @Test
  void importsAZipOfCsvFiles() throws Exception {
    CaseFile original = CODEC.readJson("mini.json", new ByteArrayInputStream(mini));
    CaseFile renamed = new CaseFile("mini-csv", original.title(), original.description(),
        original.asOf(), original.tempo(), original.phase(), original.sources(), original.actors(),
        original.ties(), original.messages());
    var zip = new ByteArrayOutputStream();
    CODEC.writeCsvZip(renamed, zip);
    Answer created = send("POST", "/api/cases", "application/zip", zip.toByteArray());
    assertThat(created.status()).isEqualTo(201);
    assertThat(exported("mini-csv")).isEqualTo(renamed);
    Answer csv = get("/api/cases/mini-csv/export?format=csv");
    assertThat(CODEC.readCsvZip("export.zip", new ByteArrayInputStream(csv.body()))).isEqualTo(renamed);
  }

  @Test
  void exportsGraphFormatsAndImportsGraphMl() throws Exception {
    CaseFile original = CODEC.readJson("mini.json", new ByteArrayInputStream(mini));
    CaseFile graph = new CaseFile("mini-graphml", original.title(), original.description(),
        original.asOf(), original.tempo(), original.phase(), original.sources(), original.actors(),
        original.ties(), java.util.List.of());
    var exporter = new org.fulcrum.interchange.GraphExporter();
    Answer created = send("POST", "/api/cases", "application/graphml+xml",
        exporter.toBytes(graph, org.fulcrum.interchange.GraphFormat.GRAPHML));
    assertThat(created.status()).isEqualTo(201);
    assertThat(exported("mini-graphml")).isEqualTo(graph);
    Answer graphml = get("/api/cases/mini-graphml/export?format=graphml");
    assertThat(graphml.status()).isEqualTo(200);
    assertThat(new org.fulcrum.interchange.GraphMlReader()
        .read("export.graphml", new ByteArrayInputStream(graphml.body()))).isEqualTo(graph);
    Answer gexf = get("/api/cases/mini-graphml/export?format=gexf");
    assertThat(gexf.status()).isEqualTo(200);
    assertThat(new String(gexf.body())).contains("title=\"tieType\"").doesNotContain("title=\"type\"");
    JsonNode cy = get("/api/cases/mini-graphml/export?format=cytoscape").json();
    assertThat(cy.get("elements").get("nodes").size()).isEqualTo(graph.actors().size());
    assertThat(cy.get("elements").get("edges").size()).isEqualTo(graph.ties().size());
    Answer bad = get("/api/cases/mini-graphml/export?format=dot");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(new String(bad.body())).contains("graphml, gexf, cytoscape");
    Answer broken = send("POST", "/api/cases", "application/graphml+xml",
        "<graphml><graph edgedefault=\"directed\"><node id=\"a\"/></graph></graphml>".getBytes());
    assertThat(broken.status()).isEqualTo(400);
    assertThat(new String(broken.body())).contains("missing required field 'name'");
  }

  @Test
  void actorsTiesMessagesAndSourcesHaveValidatedCrud() throws Exception {
    send("POST", "/api/cases", "application/json", mini);
    String base = "/api/cases/mini";

    Answer created = postJson(base + "/actors", """
        {"id": "tcd", "name": "Chad", "kind": "state", "country": "TCD", "position": 0.1,
         "capability": 0.3, "salience": 0.8, "targetGroup": "other-foreign", "sources": ["s2"]}""");
    assertThat(created.status()).isEqualTo(201);
    assertThat(postJson(base + "/actors", """
        {"id": "tcd", "name": "Chad", "kind": "state", "position": 0.1, "capability": 0.3,
         "salience": 0.8, "sources": ["s2"]}""").status()).as("duplicate id").isEqualTo(409);

    Answer invalid = putJson(base + "/actors/tcd", """
        {"name": "Chad", "kind": "country", "position": 0.1, "capability": 3, "salience": 0.8,
         "sources": ["s2"]}""");
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
        .containsExactlyInAnyOrder("kind", "capability");

    Answer updated = putJson(base + "/actors/tcd", """
        {"name": "Republic of Chad", "kind": "state", "position": 0.2, "capability": 0.3,
         "salience": 0.8, "sources": ["s2"]}""", created.etag());
    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.etag()).isEqualTo("\"2\"");
    assertThat(get(base + "/actors/tcd").json().get("name").asString()).isEqualTo("Republic of Chad");

    Answer badTie = postJson(base + "/ties", """
        {"source": "tcd", "target": "jem", "type": "supplies-arms", "strength": 0.4,
         "polarity": "supportive", "channel": "military", "confidence": 0.6, "sources": ["s2"]}""");
    assertThat(badTie.status()).isEqualTo(400);
    assertThat(badTie.json().get("errors").get(0).get("message").asString())
        .isEqualTo("unknown actor id 'jem'");

    Answer tie = postJson(base + "/ties", """
        {"source": "tcd", "target": "sdn", "type": "borders", "strength": 0.3,
         "polarity": "supportive", "channel": "social", "confidence": 1, "sources": ["s2"]}""");
    assertThat(tie.status()).isEqualTo(201);
    assertThat(tie.json().get("id").asString()).isEqualTo("tcd:borders:sdn");

    Answer inUse = send("DELETE", base + "/actors/tcd", null, null);
    assertThat(inUse.status()).isEqualTo(409);
    assertThat(inUse.json().get("conflicts").get(0).asString()).isEqualTo("tie tcd:borders:sdn");

    Answer message = postJson(base + "/messages", """
        {"id": "m3", "speaker": "tcd", "channel": "press", "audience": "sdn", "issue": "border",
         "stance": "condemnation", "intensity": 0.6, "date": "2005-12-23",
         "text": "Chad declares a state of belligerence with Sudan.", "sources": ["s2"]}""");
    assertThat(message.status()).isEqualTo(201);
    assertThat(get(base + "/messages").json().size()).isEqualTo(3);

    assertThat(send("DELETE", base + "/messages/m3", null, null).status()).isEqualTo(204);
    assertThat(send("DELETE", base + "/ties/tcd:borders:sdn", null, null).status()).isEqualTo(204);
    assertThat(send("DELETE", base + "/actors/tcd", null, null).status()).isEqualTo(204);
    assertThat(get(base + "/actors/tcd").status()).isEqualTo(404);

    assertThat(send("DELETE", base + "/sources/s1", null, null).status()).as("cited").isEqualTo(409);
    assertThat(postJson(base + "/sources", """
        {"id": "s3", "citation": "HRW, Entrenching Impunity (2005)",
         "url": "https://www.hrw.org/report/2005/12/11/entrenching-impunity/government-responsibility-international-crimes-darfur"}""")
        .status()).isEqualTo(201);
    assertThat(send("DELETE", base + "/sources/s3", null, null).status()).isEqualTo(204);
  }

  @Test
  void unknownCasesAndRecordsAre404Problems() throws Exception {
    Answer missing = get("/api/cases/no-such-case");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().get("detail").asString()).isEqualTo("no case with id 'no-such-case'");
    send("POST", "/api/cases", "application/json", mini);
    assertThat(get("/api/cases/mini/ties/nope").status()).isEqualTo(404);
    assertThat(get("/api/cases/mini/export?format=xml").status()).isEqualTo(400);
  }

  @Test
  void malformedBodiesAreProblemsNotStackTraces() throws Exception {
    Answer answer = postJson("/api/cases", "{\"id\": \"x\",");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(new String(answer.body())).contains("malformed JSON").doesNotContain("at org.");
  }

  @Test
  void deleteRemovesTheWholeCaseButNotItsHistory() throws Exception {
    send("POST", "/api/cases", "application/json", new String(mini).replace("\"id\": \"mini\"", "\"id\": \"doomed\"").getBytes());
    assertThat(send("DELETE", "/api/cases/doomed", null, null).status()).isEqualTo(204);
    assertThat(get("/api/cases/doomed").status()).isEqualTo(404);
    assertThat(countInStore("MATCH (n {caseId: $caseId}) WHERE NOT n:Change AND NOT n:ChangeCounter RETURN count(n)", "doomed")).isZero();
    assertThat(countInStore("MATCH (n:Change {caseId: $caseId}) RETURN count(n)", "doomed"))
        .as("the import and the delete stay on record").isEqualTo(2);
  }

  @Test
  void healthReportsTheStoreAndOpenApiDescribesTheApi() throws Exception {
    JsonNode health = get("/actuator/health").json();
    assertThat(health.get("status").asString()).isEqualTo("UP");
    assertThat(health.get("components").get("neo4j").get("status").asString()).isEqualTo("UP");
    String openApi = new String(get("/v3/api-docs").body());
    assertThat(openApi).contains("/api/cases/{caseId}/ties/{id}", "/api/cases/{caseId}/export");
    assertThat(get("/swagger-ui/index.html").status()).isEqualTo(200);
  }

  @Test
  void theExampleQueriesInCypherExamplesRunOnTheBundledCases() throws Exception {
    try (var files = Files.list(Path.of("cypher/examples"));
        var driver = GraphDatabase.driver(store.uri(), store.embedded().authToken());
        var session = driver.session()) {
      for (Path file : files.sorted().toList()) {
        Map<String, Object> params = new java.util.HashMap<>();
        StringBuilder cypher = new StringBuilder();
        for (String line : Files.readAllLines(file)) {
          var param = java.util.regex.Pattern.compile(":param (\\w+) => '([^']*)';").matcher(line.strip());
          if (param.matches()) {
            params.put(param.group(1), param.group(2));
          } else if (!line.strip().startsWith("//")) {
            cypher.append(line).append('\n');
          }
        }
        String statement = cypher.toString().strip().replaceAll(";$", "");
        var rows = session.run(statement, params).list();
        assertThat(rows).as(file.toString()).isNotEmpty();
      }
    }
  }

  @Test
  void theInProcessProjectionReadsExactlyWhatTheDriverReads() {
    for (String caseId : List.of("darfur-2003-2008", "kenya-2007-2008", "rwanda-1994")) {
      var inProcess = cases.graphContent(caseId);
      var overBolt = cases.graphContentOverBolt(caseId);
      assertThat(inProcess.actors()).as(caseId).containsExactlyElementsOf(overBolt.actors());
      assertThat(inProcess.ties()).as(caseId).containsExactlyInAnyOrderElementsOf(overBolt.ties());
      assertThat(inProcess.asOf()).isEqualTo(overBolt.asOf());
    }
  }

  @Test
  void aCaseOfManyChunksIsReadOnSeveralThreadsExactlyAsTheDriverReadsIt() {
    // more actors than one chunk of the in-process reader, so that its threads share the ties
    CaseFile generated = GeneratedLeverageGraph.generate("chunked", 7_000, 30_000, 0.5, 3);
    cases.importCase(generated);
    try {
      var inProcess = cases.graphContent("chunked");
      var overBolt = cases.graphContentOverBolt("chunked");
      assertThat(inProcess.actors()).containsExactlyElementsOf(generated.actors());
      assertThat(inProcess.actors()).containsExactlyElementsOf(overBolt.actors());
      assertThat(inProcess.ties()).containsExactlyInAnyOrderElementsOf(overBolt.ties());
      assertThat(inProcess.ties()).containsExactlyInAnyOrderElementsOf(generated.ties());
      // ties come actor by actor in file order, whichever thread read them, and the same every time
      Map<String, Integer> position = new java.util.HashMap<>();
      for (int i = 0; i < generated.actors().size(); i++) {
        position.put(generated.actors().get(i).id(), i);
      }
      assertThat(inProcess.ties().stream().map(t -> position.get(t.source())).toList()).isSorted();
      assertThat(cases.graphContent("chunked").ties()).containsExactlyElementsOf(inProcess.ties());
    } finally {
      cases.delete("chunked");
    }
  }

  @Test
  void everyFieldOfEveryKindSurvivesTheStoreOnEveryReadPath() throws Exception {
    // the case's records are sampled from the descriptors: a field added to one and forgotten by
    // a store path (a property not written, a column not returned, a slot not read) fails here
    CaseFile every = EveryFieldCase.build();
    cases.importCase(every);
    try {
      CaseFile exported = cases.export(EveryFieldCase.ID); // map projections and driver columns
      EveryFieldCase.assertEveryFieldSet(exported);
      assertThat(exported).isEqualTo(every);
      var inProcess = cases.graphContent(EveryFieldCase.ID); // the embedded kernel reader
      assertThat(inProcess.actors()).containsExactlyElementsOf(every.actors());
      assertThat(inProcess.ties()).containsExactlyElementsOf(every.ties());
      var overBolt = cases.graphContentOverBolt(EveryFieldCase.ID);
      assertThat(overBolt.actors()).containsExactlyElementsOf(every.actors());
      assertThat(overBolt.ties()).containsExactlyElementsOf(every.ties());
      var around = cases.neighbourhoodContent(EveryFieldCase.ID, List.of("actor-1"), 1);
      assertThat(around.actors()).containsExactlyElementsOf(every.actors());
      assertThat(around.ties()).containsExactlyElementsOf(every.ties());
      for (RecordSchema<?> kind : CaseSchema.KINDS) {
        assertEachReadsBackThroughTheApi(kind, every);
      }
    } finally {
      cases.delete(EveryFieldCase.ID);
    }
  }

  /** GET of each record of the kind answers the record as it was imported. */
  private <R extends Record> void assertEachReadsBackThroughTheApi(RecordSchema<R> kind, CaseFile c)
      throws Exception {
    for (R r : kind.records(c)) {
      Answer one = get("/api/cases/" + c.id() + "/" + kind.collection() + "/" + kind.value(r, "id"));
      assertThat(one.status()).as(kind.kind()).isEqualTo(200);
      assertThat(one.json()).as(kind.kind()).isEqualTo(JSON.valueToTree(r));
    }
  }

  @Test
  void theSecondWriterGetsAConflictWithTheCurrentVersion() throws Exception {
    send("POST", "/api/cases", "application/json", mini);
    String path = "/api/cases/mini/actors/chn";
    Answer read = get(path);
    assertThat(read.etag()).isEqualTo("\"1\"");
    String body = """
        {"name": "%s", "kind": "state", "position": -0.5, "capability": 0.9, "salience": 0.6,
         "sources": ["s1"]}""";
    Answer first = putJson(path, body.formatted("China (first writer)"), read.etag());
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.etag()).isEqualTo("\"2\"");
    Answer second = putJson(path, body.formatted("China (second writer)"), read.etag());
    assertThat(second.status()).isEqualTo(409);
    assertThat(second.json().get("currentVersion").asLong()).isEqualTo(2);
    assertThat(second.json().get("current").get("name").asString()).isEqualTo("China (first writer)");
    assertThat(second.json().get("detail").asString()).contains("changed by someone else");
    assertThat(get(path).json().get("name").asString()).as("not overwritten").isEqualTo("China (first writer)");

    Answer blind = putJson(path, body.formatted("China (blind)"));
    assertThat(blind.status()).as("replacing without If-Match").isEqualTo(428);
    assertThat(blind.json().get("currentVersion").asLong()).isEqualTo(2);
    assertThat(send("DELETE", "/api/cases/mini/ties/t1", null, null, "\"7\"").status()).isEqualTo(409);
    assertThat(putJson(path, body.formatted("x"), "three").status()).isEqualTo(400);
  }

  @Autowired StagedImport staged;

  @Test
  void aReplacementWhileAnotherHoldsTheIdIs409AndChangesNothing() throws Exception {
    send("POST", "/api/cases", "application/json", mini);
    String before = new String(get("/api/cases/mini/export").body());
    staged.claimReplacement("mini");
    try {
      Answer blocked = send("POST", "/api/cases", "application/json", mini);
      assertThat(blocked.status()).isEqualTo(409);
      assertThat(blocked.json().get("detail").asString()).contains("is being imported by another request");
    } finally {
      staged.release("mini");
    }
    assertThat(new String(get("/api/cases/mini/export").body())).isEqualTo(before);
    assertThat(send("POST", "/api/cases", "application/json", mini).status()).isEqualTo(201);
  }

  @Test
  void everyChangeIsInTheHistoryWithWhatItWasBeforeAndAfter() throws Exception {
    send("POST", "/api/cases", "application/json", mini);
    send("POST", "/api/cases", "application/json", mini); // a replacement
    String base = "/api/cases/mini";
    postJson(base + "/actors", """
        {"id": "tcd", "name": "Chad", "kind": "state", "position": 0.1, "capability": 0.3,
         "salience": 0.8, "sources": ["s2"]}""");
    putJson(base + "/actors/tcd", """
        {"name": "Republic of Chad", "kind": "state", "position": 0.1, "capability": 0.3,
         "salience": 0.8, "sources": ["s2"]}""", "\"1\"");
    send("DELETE", base + "/ties/t1", null, null);
    send("DELETE", base + "/actors/tcd", null, null);

    JsonNode history = get(base + "/history").json();
    assertThat(history.findValuesAsString("action")).startsWith("delete", "delete", "update", "create", "replace");
    JsonNode update = history.get(2);
    assertThat(update.get("kind").asString()).isEqualTo("actor");
    assertThat(update.get("item").asString()).isEqualTo("tcd");
    assertThat(update.get("before").get("name").asString()).isEqualTo("Chad");
    assertThat(update.get("after").get("name").asString()).isEqualTo("Republic of Chad");
    assertThat(update.get("author").asString()).isNotBlank();
    assertThat(update.get("at").asString()).isNotBlank();
    JsonNode tieDelete = history.get(1);
    assertThat(tieDelete.get("item").asString()).isEqualTo("t1");
    assertThat(tieDelete.get("after").isNull()).isTrue();

    assertThat(get(base + "/history?tie=t1").json().findValuesAsString("item")).containsOnly("t1");
    assertThat(get(base + "/history?actor=usa").json().findValuesAsString("item")).contains("t1")
        .doesNotContain("tcd");
    JsonNode exported = get(base + "/export?history=true").json();
    assertThat(exported.get("history").size()).isEqualTo(history.size());
    assertThat(postJson("/api/cases", exported.toString()).status()).as("history is skipped on import")
        .isEqualTo(201);

    send("DELETE", base, null, null);
    assertThat(get(base + "/history").json().get(0).get("action").asString()).as("outlives the case")
        .isEqualTo("delete");
    assertThat(get("/api/cases/never-was/history").status()).isEqualTo(404);
  }

  @Test
  void theEmbeddedBoltConnectorRequiresThePasswordKeptInTheDataDirectory() throws Exception {
    Path file = DATA.resolve("bolt-password");
    assertThat(file).exists();
    assertThat(java.nio.file.Files.getPosixFilePermissions(file))
        .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    try (var anonymous = GraphDatabase.driver(store.uri(), org.neo4j.driver.AuthTokens.none())) {
      org.assertj.core.api.Assertions.assertThatThrownBy(anonymous::verifyConnectivity)
          .isInstanceOf(org.neo4j.driver.exceptions.AuthenticationException.class);
    }
    String password = java.nio.file.Files.readString(file).strip();
    try (var driver = GraphDatabase.driver(store.uri(), org.neo4j.driver.AuthTokens.basic("neo4j", password))) {
      driver.verifyConnectivity();
    }
  }
}
