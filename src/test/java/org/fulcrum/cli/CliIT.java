package org.fulcrum.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.fulcrum.TestStores;
import org.fulcrum.casefile.CaseCodec;
import org.fulcrum.store.EmbeddedNeo4j;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;

/** The jar's command line, against the embedded store and against a server given by URI. */
class CliIT {

  static final Path MINI = Path.of("src/test/resources/cases/mini.json");

  record Run(int exit, String out, String err) {}

  static Run run(Map<String, Object> store, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = FulcrumCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true), store);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void aFreshStoreHintsAtTheBundledCasesAndEveryCommandSpeaksJson(@TempDir Path tmp) throws Exception {
    var store = TestStores.embedded(TestStores.newDataDir("cli-fresh"));
    Run empty = run(store, "list", "--json");
    assertThat(empty.exit()).isZero();
    assertThat(empty.out().strip()).isEqualTo("[ ]");
    assertThat(empty.err()).contains("fulcrum import --bundled");
    Run bundled = run(store, "import", "--bundled", "--json");
    assertThat(bundled.exit()).as(bundled.err()).isZero();
    var imported = tools.jackson.databind.json.JsonMapper.builder().build().readTree(bundled.out());
    assertThat(imported.size()).isEqualTo(3);
    assertThat(imported.get(0).get("id").asString()).isEqualTo("darfur-2003-2008");
    assertThat(imported.get(0).get("actors").asInt()).isEqualTo(88);
    var listed = tools.jackson.databind.json.JsonMapper.builder().build()
        .readTree(run(store, "list", "--json").out());
    assertThat(listed.size()).isEqualTo(3);
    Path gexf = tmp.resolve("darfur.gexf");
    Run exported = run(store, "export", "darfur-2003-2008", "--format", "gexf", "--out",
        gexf.toString(), "--json");
    assertThat(exported.exit()).as(exported.err()).isZero();
    assertThat(exported.out()).contains("\"format\" : \"gexf\"", "\"ties\" : 218");
    assertThat(java.nio.file.Files.readString(gexf)).contains("tieType");
    Path graphml = tmp.resolve("darfur.graphml");
    assertThat(run(store, "export", "darfur-2003-2008", "--format", "graphml", "--out",
        graphml.toString()).exit()).isZero();
    Run back = run(store, "import", graphml.toString());
    assertThat(back.exit()).as(back.err()).isZero();
    assertThat(back.out()).contains("replaced case darfur-2003-2008: 88 actors, 218 ties, 0 messages");
  }

  @Test
  void importListAndExportAgainstTheEmbeddedStore(@TempDir Path tmp) throws Exception {
    var store = TestStores.embedded(TestStores.newDataDir("cli"));
    Run imported = run(store, "import", MINI.toString());
    assertThat(imported.exit()).as(imported.err()).isZero();
    assertThat(imported.out()).contains("imported case mini: 5 actors, 5 ties, 2 messages, 2 sources");

    Run listed = run(store, "list");
    assertThat(listed.out()).contains("mini").contains("A hand-checkable case");

    Path json = tmp.resolve("mini-export.json");
    assertThat(run(store, "export", "mini", "--out", json.toString()).exit()).isZero();
    CaseCodec codec = new CaseCodec();
    assertThat(codec.read(json)).isEqualTo(codec.read(MINI));

    Path csv = tmp.resolve("mini-csv");
    assertThat(run(store, "export", "mini", "--format", "csv", "--out", csv.toString()).exit()).isZero();
    assertThat(Files.exists(csv.resolve("ties.csv"))).isTrue();
    assertThat(codec.read(csv)).isEqualTo(codec.read(MINI));

    Run again = run(store, "import", csv.toString());
    assertThat(again.out()).contains("replaced case mini");
  }

  @Test
  void aBadFileIsReportedLineByLineAndNothingIsWritten(@TempDir Path tmp) throws Exception {
    var store = TestStores.embedded(TestStores.newDataDir("cli-bad"));
    Path bad = tmp.resolve("bad.json");
    Files.writeString(bad, Files.readString(MINI)
        .replace("\"strength\": 0.7", "\"strength\": 7")
        .replace("\"stance\": \"demand\"", "\"stance\": \"ultimatum\""));
    Run run = run(store, "import", MINI.toString(), bad.toString());
    assertThat(run.exit()).isEqualTo(FulcrumCli.BAD_INPUT);
    assertThat(run.err()).contains("2 problem(s); nothing was written:")
        .contains("bad.json:21 $.ties[1].strength: value 7 is out of range; expected (0, 1]")
        .contains("$.messages[0].stance: unknown value 'ultimatum'");
    assertThat(run.err()).doesNotContain("\tat ");
    assertThat(run(store, "list").out()).as("mini.json was valid but is not written either")
        .doesNotContain("mini");
  }

  @Test
  void usageMistakesCostNothing() {
    Run run = run(Map.of(), "export");
    assertThat(run.exit()).isEqualTo(FulcrumCli.USAGE);
    assertThat(run.err()).contains("Missing required parameter: 'CASE_ID'");
    assertThat(run(Map.of(), "import", "--frobnicate", "x").exit()).isEqualTo(FulcrumCli.USAGE);
  }

  @Test
  void unknownCaseOrMissingFileIsAClearMessage() {
    var store = TestStores.embedded(TestStores.newDataDir("cli-missing"));
    Run missing = run(store, "export", "nope");
    assertThat(missing.exit()).isEqualTo(FulcrumCli.BAD_INPUT);
    assertThat(missing.err()).contains("no case with id 'nope'");
    Run noFile = run(store, "import", "no/such/file.json");
    assertThat(noFile.err()).contains("no such file or folder: no/such/file.json");
  }

  @Test
  void worksThroughABoltUriWithoutOpeningAStoreOfItsOwn(@TempDir Path unusedDataDir) {
    try (EmbeddedNeo4j server = EmbeddedNeo4j.start(TestStores.newDataDir("cli-server"), "127.0.0.1", 0, "64m")) {
      Map<String, Object> store = new HashMap<>();
      store.put("fulcrum.data-dir", unusedDataDir.resolve("never").toString());
      Run run = run(store, "--uri", server.boltUri(), "import", MINI.toString());
      assertThat(run.exit()).as(run.err()).isZero();
      assertThat(Files.exists(unusedDataDir.resolve("never"))).as("no embedded store was started").isFalse();
      try (var driver = GraphDatabase.driver(server.boltUri(), AuthTokens.none());
          var session = driver.session()) {
        long actors = session.run("MATCH (a:Actor {caseId: 'mini'}) RETURN count(a)").single().get(0).asLong();
        assertThat(actors).isEqualTo(5);
      }
    }
  }

  @Test
  void anUnreachableUriIsReportedNotThrown() {
    Run run = run(Map.of(), "--uri", "bolt://127.0.0.1:1", "list");
    assertThat(run.exit()).isEqualTo(FulcrumCli.STORE_UNAVAILABLE);
    assertThat(run.err()).startsWith("error:").doesNotContain("\tat ");
  }

  @Test
  void engagementCommandsPrintTheirReasonsOnDarfur() {
    var store = TestStores.embedded(TestStores.newDataDir("cli-engage"));
    assertThat(run(store, "import", "datasets/darfur-2003-2008.json").exit()).isZero();

    Run plan = run(store, "plan", "darfur-2003-2008", "--engager", "usa", "--budget", "10");
    assertThat(plan.exit()).as(plan.err()).isZero();
    assertThat(plan.out()).contains("PICK").contains("unsc").contains("guarantee:").contains("expected pressure");

    Run redTeam = run(store, "red-team", "darfur-2003-2008", "--engager", "usa", "--budget", "10",
        "--target", "bashir", "--json");
    assertThat(redTeam.exit()).as(redTeam.err()).isZero();
    assertThat(redTeam.out()).contains("\"pressureBefore\"").contains("\"best\"").contains("lean-on-patron");

    Run forums = run(store, "forums", "darfur-2003-2008", "--target", "bashir", "--engager", "usa");
    assertThat(forums.exit()).as(forums.err()).isZero();
    assertThat(forums.out()).contains("forum-shopping risk for bashir: 0.4935").contains("lead channel: unsc")
        .contains("escape venue: arab-league");

    Run playbook = run(store, "playbook", "darfur-2003-2008", "--engager", "usa", "--target", "bashir");
    assertThat(playbook.exit()).as(playbook.err()).isZero();
    assertThat(playbook.out()).contains("planners:").contains("targeted-sanctions").contains("sdn-gov");

    Run patrons = run(store, "patrons", "darfur-2003-2008", "--target", "bashir", "--engager", "usa",
        "--coalition", "nor");
    assertThat(patrons.exit()).as(patrons.err()).isZero();
    assertThat(patrons.out()).contains("coalition: ").contains("us-cia").contains("coalition lever: Norway")
        .doesNotContain("\nnor ");
    Run unknownPartner = run(store, "forums", "darfur-2003-2008", "--target", "bashir", "--engager", "usa",
        "--coalition", "nobody");
    assertThat(unknownPartner.exit()).isEqualTo(FulcrumCli.BAD_INPUT);
    assertThat(unknownPartner.err()).contains("coalition").contains("nobody");

    Run bad = run(store, "plan", "darfur-2003-2008", "--engager", "nobody", "--budget", "10");
    assertThat(bad.exit()).isEqualTo(FulcrumCli.BAD_INPUT);
    assertThat(bad.err()).contains("engager").contains("nobody");
  }
}
