package org.fulcrum.robust;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.fulcrum.HostileValues;
import org.fulcrum.TestStores;
import org.fulcrum.casefile.CaseCodec;
import org.fulcrum.casefile.CaseFile;
import org.fulcrum.store.GraphStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every write endpoint and importer against {@link HostileValues}: each value is either stored and
 * read back unchanged (and exported inertly to CSV), or refused with a 400 that names the field;
 * nothing else in the store changes. Oversized and over-nested requests are refused naming the limit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostileInputIT {

  static final Path DATA = TestStores.newDataDir("hostile");
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final CaseCodec CODEC = new CaseCodec();
  static final int MAX_BODY = 256 * 1024;
  static final int MAX_IMPORT = 2 * 1024 * 1024;

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    TestStores.embedded(DATA).forEach((k, v) -> registry.add(k, () -> v));
    registry.add("fulcrum.limits.max-body-size", () -> MAX_BODY + "B");
    registry.add("fulcrum.limits.max-import-size", () -> MAX_IMPORT + "B");
  }

  @LocalServerPort int port;
  @Autowired GraphStore store;

  /** The running app's embedded store, reached as the command line would: by URI, user and password. */
  Map<String, Object> boltOfTheApp() throws Exception {
    return Map.of("fulcrum.neo4j.uri", store.uri(), "fulcrum.neo4j.username", "neo4j",
        "fulcrum.neo4j.password", java.nio.file.Files.readString(DATA.resolve("bolt-password")).strip());
  }
  final HttpClient http = HttpClient.newHttpClient();

  record Answer(int status, byte[] body) {
    JsonNode json() {
      return JSON.readTree(body);
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  Answer send(String method, String path, String type, byte[] body) throws Exception {
    var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", TestStores.admin())
        .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body));
    if (method.equals("PUT")) {
      // a replacement names the version it read (optimistic locking)
      var current = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .header("Authorization", TestStores.admin()).build(), BodyHandlers.ofByteArray());
      if (current.statusCode() == 200) {
        current.headers().firstValue("ETag").ifPresent(etag -> request.header("If-Match", etag));
      }
    }
    if (type != null) {
      request.header("Content-Type", type);
    }
    var response = http.send(request.build(), BodyHandlers.ofByteArray());
    return new Answer(response.statusCode(), response.body());
  }

  Answer get(String path) throws Exception {
    return send("GET", path, null, null);
  }

  Answer json(String method, String path, JsonNode body) throws Exception {
    return send(method, path, "application/json", JSON.writeValueAsBytes(body));
  }

  static String segment(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Everything a client can read back about the store outside the record under test. */
  String everythingElse() throws Exception {
    StringBuilder all = new StringBuilder();
    for (String id : List.of("darfur-2003-2008", "kenya-2007-2008", "base")) {
      all.append(get("/api/cases/" + id + "/export").text());
    }
    return all.toString();
  }

  @BeforeEach
  void base() throws Exception {
    byte[] mini = getClass().getResourceAsStream("/cases/mini.json").readAllBytes();
    String based = new String(mini, StandardCharsets.UTF_8).replace("\"id\": \"mini\"", "\"id\": \"base\"");
    assertThat(send("POST", "/api/cases", "application/json", based.getBytes(StandardCharsets.UTF_8))
        .status()).isEqualTo(201);
    send("DELETE", "/api/cases/scratch", null, null);
    var scratch = based.replace("\"id\": \"base\"", "\"id\": \"scratch\"");
    assertThat(send("POST", "/api/cases", "application/json", scratch.getBytes(StandardCharsets.UTF_8))
        .status()).isEqualTo(201);
  }

  /** One record of each kind carrying {@code v} in its text fields and, where allowed, its id. */
  static Map<String, ObjectNode> records(String v, int n) {
    boolean asId = !HostileValues.refusedAsId(v);
    String sourceId = asId ? v : "s-" + n;
    String actorId = asId ? "actor " + v : "a-" + n;
    Map<String, ObjectNode> records = new LinkedHashMap<>();
    ObjectNode source = JSON.createObjectNode().put("id", sourceId).put("citation", v);
    records.put("sources", source);
    ObjectNode actor = JSON.createObjectNode().put("id", actorId).put("name", v).put("kind", "ngo")
        .put("position", -0.25).put("capability", 0.5).put("salience", 0.5);
    actor.putArray("sources").add(sourceId);
    records.put("actors", actor);
    ObjectNode tie = JSON.createObjectNode().put("id", asId ? "tie " + v : "t-" + n)
        .put("source", actorId).put("target", "usa").put("type", "lobbies").put("strength", 0.5)
        .put("polarity", "hostile").put("channel", "informational").put("confidence", 0.9);
    tie.putArray("sources").add(sourceId);
    records.put("ties", tie);
    ObjectNode message = JSON.createObjectNode().put("id", asId ? "message " + v : "m-" + n)
        .put("speaker", actorId).put("channel", v).put("audience", "sdn").put("issue", v)
        .put("stance", "demand").put("date", "2005-01-01").put("text", v);
    message.putArray("sources").add(sourceId);
    records.put("messages", message);
    return records;
  }

  @Test
  void everyAcceptedValueIsStoredAndReadBackUnchangedThroughPostAndPut() throws Exception {
    String before = everythingElse();
    for (int n = 0; n < HostileValues.TEXT.size(); n++) {
      String v = HostileValues.TEXT.get(n);
      for (var record : records(v, n).entrySet()) {
        String kind = record.getKey();
        ObjectNode body = record.getValue();
        String path = "/api/cases/scratch/" + kind;
        Answer created = json("POST", path, body);
        assertThat(created.status()).as("POST %s with %s: %s", kind, v, created.text()).isEqualTo(201);
        assertThat(created.json()).as("POST answer").isEqualTo(body);
        String one = path + "/" + segment(body.get("id").asString());
        Answer read = get(one);
        assertThat(read.status()).as("GET %s", one).isEqualTo(200);
        assertThat(read.json()).as("read back %s with %s", kind, v).isEqualTo(body);
        Answer replaced = json("PUT", one, body);
        assertThat(replaced.status()).as("PUT %s: %s", one, replaced.text()).isEqualTo(200);
        assertThat(get(one).json()).isEqualTo(body);
      }
    }
    assertThat(everythingElse()).as("other cases unchanged").isEqualTo(before);
    assertCsvExportIsInert("scratch");
    CaseFile scratch = CODEC.readJson("export", new ByteArrayInputStream(get("/api/cases/scratch/export").body()));
    assertThat(scratch.actors()).hasSize(5 + HostileValues.TEXT.size());
  }

  @Test
  void hostileIdsAndOverlongOrBrokenTextAreA400NamingTheFieldAndChangeNothing() throws Exception {
    String before = everythingElse() + get("/api/cases/scratch/export").text();
    List<String> refusedIds = HostileValues.TEXT.stream().filter(HostileValues::refusedAsId).toList();
    assertThat(refusedIds).hasSizeGreaterThan(5);
    int n = 0;
    for (String bad : refusedIds) {
      for (var record : records("plain", n++).entrySet()) {
        ObjectNode body = record.getValue().deepCopy().put("id", bad);
        expectRefused("POST", "/api/cases/scratch/" + record.getKey(), body, "id");
      }
    }
    for (String bad : HostileValues.REFUSED_TEXT) {
      Map<String, ObjectNode> records = records("plain", n++);
      expectRefused("POST", "/api/cases/scratch/sources", records.get("sources").put("citation", bad), "citation");
      expectRefused("POST", "/api/cases/scratch/actors", records.get("actors").put("name", bad), "name");
      expectRefused("PUT", "/api/cases/scratch/actors/usa", records.get("actors").put("id", "usa"), "name");
      for (String field : List.of("channel", "issue", "text")) {
        expectRefused("POST", "/api/cases/scratch/messages",
            records("plain", n++).get("messages").put(field, bad), field);
      }
      expectRefused("POST", "/api/cases/scratch/ties", records.get("ties").put("target", bad), "target");
    }
    assertThat(everythingElse() + get("/api/cases/scratch/export").text()).isEqualTo(before);
  }

  private void expectRefused(String method, String path, JsonNode body, String field) throws Exception {
    Answer answer = json(method, path, body);
    assertThat(answer.status()).as("%s %s %s", method, path, answer.text()).isEqualTo(400);
    List<String> fields = answer.json().get("errors").valueStream()
        .map(e -> e.path("field").asString()).toList();
    assertThat(fields).as(answer.text()).contains(field);
    assertThat(answer.text()).doesNotContain("\tat ").doesNotContain("Exception");
  }

  @Test
  void aHostileCaseImportsIdenticallyAsJsonAsACsvZipAndThroughTheCli(@TempDir Path tmp) throws Exception {
    String before = everythingElse();
    CaseFile asJson = HostileValues.hostileCase("hostile-json");
    assertThat(send("POST", "/api/cases", "application/json", CODEC.toJson(asJson)).status()).isEqualTo(201);
    assertThat(exported("hostile-json")).isEqualTo(asJson);

    CaseFile asZip = HostileValues.hostileCase("hostile-zip");
    var zip = new ByteArrayOutputStream();
    CODEC.writeCsvZip(asZip, zip);
    Answer zipped = send("POST", "/api/cases", "application/zip", zip.toByteArray());
    assertThat(zipped.status()).as(zipped.text()).isEqualTo(201);
    assertThat(exported("hostile-zip")).isEqualTo(asZip);
    assertCsvExportIsInert("hostile-zip");

    CaseFile viaCli = HostileValues.hostileCase("hostile-cli");
    Path csvFolder = tmp.resolve("hostile-cli");
    CODEC.writeCsvFolder(viaCli, csvFolder);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = org.fulcrum.cli.FulcrumCli.run(new String[] {"import", csvFolder.toString()},
        new PrintWriter(out, true), new PrintWriter(err, true), boltOfTheApp());
    assertThat(exit).as(err.toString()).isZero();
    assertThat(exported("hostile-cli")).isEqualTo(viaCli);

    // the same case with one overlong name is refused whole, by the API and by the CLI
    String bad = new String(CODEC.toJson(HostileValues.hostileCase("hostile-bad")), StandardCharsets.UTF_8)
        .replace("\"a plain actor\"", "\"" + "x".repeat(HostileValues.MAX_TEXT + 1) + "\"");
    Answer refused = send("POST", "/api/cases", "application/json", bad.getBytes(StandardCharsets.UTF_8));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("errors").get(0).get("path").asString()).isEqualTo("$.actors[0].name");
    Files.writeString(tmp.resolve("bad.json"), bad);
    int badExit = org.fulcrum.cli.FulcrumCli.run(new String[] {"import", tmp.resolve("bad.json").toString()},
        new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), boltOfTheApp());
    assertThat(badExit).isEqualTo(org.fulcrum.cli.FulcrumCli.BAD_INPUT);
    assertThat(err.toString()).contains("$.actors[0].name");
    assertThat(get("/api/cases/hostile-bad").status()).isEqualTo(404);
    assertThat(everythingElse()).isEqualTo(before);
  }

  CaseFile exported(String caseId) throws Exception {
    return CODEC.readJson("export", new ByteArrayInputStream(get("/api/cases/" + caseId + "/export").body()));
  }

  private void assertCsvExportIsInert(String caseId) throws Exception {
    Answer zip = get("/api/cases/" + caseId + "/export?format=csv");
    assertThat(zip.status()).isEqualTo(200);
    List<String> formulaCells = new ArrayList<>();
    try (var in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(zip.body()))) {
      for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        String csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        String file = entry.getName();
        try (var parser = org.apache.commons.csv.CSVParser.parse(csv,
            org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
          for (var row : parser) {
            row.toMap().forEach((column, cell) -> {
              boolean number = Stream.of("position", "capability", "salience", "strength",
                  "confidence", "votingWeight", "intensity").anyMatch(column::equals);
              if (!number && !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
                formulaCells.add(file + " " + column + ": " + cell);
              }
            });
          }
        }
      }
    }
    assertThat(formulaCells).isEmpty();
  }

  // ---- request limits ---------------------------------------------------------------------------

  @Test
  void oversizedBodiesAreA413NamingTheLimitAndChangeNothing() throws Exception {
    String before = everythingElse();
    byte[] bigCase = new byte[MAX_IMPORT + 1];
    java.util.Arrays.fill(bigCase, (byte) ' ');
    Answer tooBig = send("POST", "/api/cases", "application/json", bigCase);
    assertThat(tooBig.status()).isEqualTo(413);
    assertThat(tooBig.json().get("detail").asString()).contains("fulcrum.limits.max-import-size")
        .contains(String.valueOf(MAX_IMPORT));
    assertThat(tooBig.json().get("property").asString()).isEqualTo("fulcrum.limits.max-import-size");

    ObjectNode actor = records("plain", 1).get("actors");
    actor.put("name", "y".repeat(MAX_BODY));
    Answer bigRecord = json("POST", "/api/cases/base/actors", actor);
    assertThat(bigRecord.status()).isEqualTo(413);
    assertThat(bigRecord.json().get("detail").asString()).contains("fulcrum.limits.max-body-size");

    // without a Content-Length (chunked): read up to the limit, refused at the first byte beyond
    var chunked = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/cases"))
        .header("Authorization", TestStores.admin()).header("Content-Type", "application/json")
        .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bigCase))).build();
    var answer = http.send(chunked, BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(413);
    assertThat(answer.body()).contains("fulcrum.limits.max-import-size");

    // a body just under the limit is read and validated as usual
    Answer fits = send("POST", "/api/cases", "application/json", new byte[MAX_IMPORT - 1]);
    assertThat(fits.status()).isEqualTo(400);
    assertThat(everythingElse()).isEqualTo(before);
  }

  @Test
  void deeplyNestedJsonIsA400NamingTheNestingLimit() throws Exception {
    String before = everythingElse();
    String nested = "{\"id\": \"deep\", \"title\": " + "[".repeat(5000) + "]".repeat(5000) + "}";
    Answer asCase = send("POST", "/api/cases", "application/json", nested.getBytes(StandardCharsets.UTF_8));
    assertThat(asCase.status()).isEqualTo(400);
    assertThat(asCase.text()).contains("nesting depth").contains("nests at most 16 levels");
    Answer asRecord = send("POST", "/api/cases/base/actors", "application/json",
        nested.getBytes(StandardCharsets.UTF_8));
    assertThat(asRecord.status()).isEqualTo(400);
    assertThat(asRecord.text()).contains("nests at most 16 levels");
    assertThat(everythingElse()).isEqualTo(before);
  }
}
