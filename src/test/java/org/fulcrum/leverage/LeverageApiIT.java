package org.fulcrum.leverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
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

/** The leverage endpoints on the hand-checkable mini case (see src/test/resources/cases/mini.json). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LeverageApiIT {

  static final Path DATA = TestStores.newDataDir("leverage");
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
    return call(method, path, body, null);
  }

  Answer call(String method, String path, String body, String ifMatch) throws Exception {
    var builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", org.fulcrum.TestStores.admin())
        .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body))
        .header("Content-Type", "application/json");
    if (ifMatch != null) {
      builder.header("If-Match", ifMatch);
    }
    var request = builder.build();
    var response = http.send(request, BodyHandlers.ofString());
    return new Answer(response.statusCode(), JSON.readTree(response.body()));
  }

  @BeforeEach
  void importMini() throws Exception {
    assertThat(call("POST", "/api/cases", Files.readString(Path.of("src/test/resources/cases/mini.json")))
        .status()).isEqualTo(201);
  }

  @Test
  void pathsCarryTheirHopsAndEvidence() throws Exception {
    Answer a = call("GET", "/api/cases/mini/paths?from=usa&to=militia&k=3", null);
    assertThat(a.status()).isEqualTo(200);
    JsonNode paths = a.json().get("paths");
    // usa -trades 0.45-> chn -arms 0.56-> sdn -controls 0.63-> militia = 0.15876
    // usa -sanctions 0.27-> sdn -controls 0.63-> militia = 0.1701
    assertThat(paths.size()).isEqualTo(2);
    assertThat(paths.get(0).get("strength").asDouble()).isCloseTo(0.1701, within(1e-9));
    assertThat(paths.get(1).get("strength").asDouble()).isCloseTo(0.15876, within(1e-9));
    JsonNode hop = paths.get(1).get("hops").get(1);
    assertThat(hop.get("tie").asString()).isEqualTo("t2");
    assertThat(hop.get("type").asString()).isEqualTo("supplies-arms");
    assertThat(hop.get("channel").asString()).isEqualTo("military");
    assertThat(hop.get("polarity").asString()).isEqualTo("supportive");
    assertThat(hop.get("tool").get("mode").asString()).isEqualTo("cooperative");
    assertThat(hop.get("sources").get(0).asString()).isEqualTo("s2");
    assertThat(paths.get(0).get("hops").get(0).get("tool").get("mode").asString()).isEqualTo("coercive");
  }

  @Test
  void badParametersAre400ProblemsThatSayWhy() throws Exception {
    Answer unknown = call("GET", "/api/cases/mini/paths?from=usa&to=rsf", null);
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().get("detail").asString()).isEqualTo("to: no actor 'rsf' in case mini (as of 2005-06-01)");
    assertThat(call("GET", "/api/cases/mini/paths?from=usa&to=sdn&k=0", null).json().get("detail").asString())
        .isEqualTo("k must be between 1 and 100, got 0");
    assertThat(call("GET", "/api/cases/mini/paths?from=usa&to=sdn&types=owns", null).json().get("detail").asString())
        .startsWith("types: unknown value 'owns'");
    assertThat(call("GET", "/api/cases/mini/influence", null).status()).isEqualTo(400);
    assertThat(call("GET", "/api/cases/nope/patrons?target=sdn", null).status()).isEqualTo(404);
  }

  @Test
  void parametersAreTypedAndUnknownOnesAreRefused() throws Exception {
    Answer notANumber = call("GET", "/api/cases/mini/paths?from=usa&to=sdn&k=abc", null);
    assertThat(notANumber.status()).isEqualTo(400);
    assertThat(notANumber.json().get("detail").asString()).isEqualTo("k must be a whole number, got 'abc'");
    Answer colour = call("GET", "/api/cases/mini/paths?from=usa&to=sdn&colour=red", null);
    assertThat(colour.status()).isEqualTo(400);
    assertThat(colour.json().get("detail").asString())
        .startsWith("unknown parameter 'colour'; expected one of from, to, k, maxHops,");
    assertThat(colour.json().get("unknown").toString()).isEqualTo("[\"colour\"]");
    assertThat(call("GET", "/api/cases/mini/forum-shopping?target=sdn&engager=usa&egnager=usa", null).json()
        .get("detail").asString()).startsWith("unknown parameter 'egnager'");
    Answer mode = call("GET", "/api/cases/mini/chokepoints?to=militia&mode=cables", null);
    assertThat(mode.status()).isEqualTo(400);
    assertThat(mode.json().get("detail").asString()).isEqualTo("mode: unknown value 'cables'; expected one of ties, actors");

    Answer misspelt = call("POST", "/api/cases/mini/what-if", """
        {"analysis": "paths", "parameters": {"from": "usa", "to": "militia", "maxhops": 2},
         "changes": {"removeTies": ["t1"]}}""");
    assertThat(misspelt.status()).isEqualTo(400);
    assertThat(misspelt.json().get("detail").asString())
        .startsWith("unknown parameter 'maxhops'; expected one of ").contains("maxHops");
    Answer wrongType = call("POST", "/api/cases/mini/what-if", """
        {"analysis": "paths", "parameters": {"from": "usa", "to": "militia", "k": "abc"}, "changes": {}}""");
    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(wrongType.json().get("detail").asString()).isEqualTo("k must be a whole number, got 'abc'");
    // the web interface sends the day it shows among the parameters: after 2008 China shields no one
    Answer later = call("POST", "/api/cases/mini/what-if", """
        {"analysis": "patrons", "parameters": {"target": "sdn", "engager": "usa", "asOf": "2010-01-01"},
         "changes": {"removeTies": ["t1"]}}""");
    assertThat(later.status()).isEqualTo(200);
    assertThat(later.json().get("baseline").get("patrons").size()).isZero();
    Answer numbers = call("POST", "/api/cases/mini/what-if", """
        {"analysis": "paths", "parameters": {"from": "usa", "to": "militia", "k": 1, "maxHops": 2,
         "types": ["sanctions", "controls"]}, "changes": {"removeTies": ["t1"]}}""");
    assertThat(numbers.status()).isEqualTo(200);
    // usa -sanctions-> sdn -controls-> militia, the only path of at most two hops with those types
    assertThat(numbers.json().get("baseline").get("paths").size()).isEqualTo(1);
    assertThat(numbers.json().get("baseline").get("paths").get(0).get("strength").asDouble())
        .isCloseTo(0.1701, within(1e-9));
  }

  @Test
  void theApiDescriptionTypesTheNumbers() throws Exception {
    JsonNode parameters = call("GET", "/v3/api-docs", null).json().get("paths").get("/api/cases/{caseId}/paths")
        .get("get").get("parameters");
    Map<String, String> types = new HashMap<>();
    parameters.forEach(p -> types.put(p.get("name").asString(), p.get("schema").get("type").asString()));
    assertThat(types).containsEntry("k", "integer").containsEntry("maxHops", "integer")
        .containsEntry("within", "integer").containsEntry("types", "array");
    JsonNode influence = call("GET", "/v3/api-docs", null).json().get("paths")
        .get("/api/cases/{caseId}/influence").get("get").get("parameters");
    influence.forEach(p -> types.put("influence." + p.get("name").asString(), p.get("schema").get("type").asString()));
    assertThat(types).containsEntry("influence.samples", "integer").containsEntry("influence.seed", "integer");
  }

  @Test
  void influenceExactAndSampledAgree() throws Exception {
    JsonNode exact = call("GET", "/api/cases/mini/influence?target=militia&method=exact", null).json();
    JsonNode sampled = call("GET", "/api/cases/mini/influence?target=militia&samples=50000&seed=3", null).json();
    assertThat(sampled.get("samples").asInt()).isEqualTo(50000);
    Map<String, Double> truth = new HashMap<>();
    exact.get("actors").forEach(a -> truth.put(a.get("id").asString(), a.get("reach").asDouble()));
    // sdn reaches militia with 0.63; usa via sdn (0.27 x 0.63) or via chn and sdn
    assertThat(truth.get("sdn")).isCloseTo(0.63, within(1e-12));
    sampled.get("actors").forEach(a -> {
      double p = truth.get(a.get("id").asString());
      assertThat(a.get("reach").asDouble()).isCloseTo(p, within(5 * Math.sqrt(p * (1 - p) / 50000) + 1e-9));
      assertThat(a.get("low").asDouble()).isLessThanOrEqualTo(a.get("reach").asDouble());
    });
  }

  @Test
  void patronsWithTheirShareLeverageAndVeto() throws Exception {
    JsonNode r = call("GET", "/api/cases/mini/patrons?target=sdn&engager=usa", null).json();
    JsonNode chn = r.get("patrons").get(0);
    assertThat(chn.get("id").asString()).isEqualTo("chn");
    assertThat(chn.get("shieldShare").asDouble()).isEqualTo(1.0);
    assertThat(chn.get("leverage").asDouble()).isCloseTo(0.45, within(1e-12));
    // China's veto alone blocks the Council, the lead: pressing it unlocks it, 0.45 x (1 + 1)
    assertThat(chn.get("vetoCover").get("unlock").asDouble()).isEqualTo(1.0);
    assertThat(chn.get("pressurePotential").asDouble()).isCloseTo(0.9, within(1e-12));
    assertThat(chn.get("ties").get(0).get("tie").asString()).isEqualTo("t2");
    // after the arms tie ends (2008-12-31) China no longer shields Khartoum in this case
    JsonNode later = call("GET", "/api/cases/mini/patrons?target=sdn&engager=usa&asOf=2010-01-01", null).json();
    assertThat(later.get("patrons").size()).isZero();
  }

  @Test
  void aCoalitionPartnerIsNoPatronButALeverAndAnUnknownOneIsRefusedByName() throws Exception {
    JsonNode r = call("GET", "/api/cases/mini/patrons?target=sdn&engager=usa&coalition=chn", null).json();
    assertThat(r.get("patrons").size()).isZero();
    assertThat(r.get("coalition").toString()).contains("\"chn\"", "\"usa\"");
    assertThat(r.get("coalitionLevers").get(0).get("id").asString()).isEqualTo("chn");
    assertThat(r.get("coalitionLevers").get(0).get("shieldShare").asDouble()).isEqualTo(1.0);
    for (String path : new String[] {"patrons?target=sdn&engager=usa", "forum-shopping?target=sdn&engager=usa",
        "playbook?target=sdn&engager=usa"}) {
      Answer unknown = call("GET", "/api/cases/mini/" + path + "&coalition=chn,nobody", null);
      assertThat(unknown.status()).as(path).isEqualTo(400);
      assertThat(unknown.json().get("detail").asString()).as(path).startsWith("coalition: no actor 'nobody' in case mini");
    }
    Answer plan = call("POST", "/api/cases/mini/engagement-plan", """
        {"engager": "usa", "budget": 10, "coalition": ["nobody"]}""");
    assertThat(plan.status()).isEqualTo(400);
    assertThat(plan.json().get("detail").asString()).startsWith("coalition: no actor 'nobody' in case mini");
  }

  @Test
  void chokepointsAndCentrality() throws Exception {
    JsonNode cut = call("GET", "/api/cases/mini/chokepoints?to=militia", null).json();
    assertThat(cut.get("cut").get(0).get("id").asString()).isEqualTo("t2");
    assertThat(cut.get("capacity").asDouble()).isCloseTo(0.56, within(1e-12));
    JsonNode brokers = call("GET", "/api/cases/mini/centrality?measure=betweenness", null).json();
    assertThat(brokers.get("actors").get(0).get("id").asString()).isEqualTo("sdn");
    assertThat(call("GET", "/api/cases/mini/centrality?measure=pagerank", null).status()).isEqualTo(400);
  }

  @Test
  void whatIfAnswersBaselineScenarioAndDifference() throws Exception {
    Answer a = call("POST", "/api/cases/mini/what-if", """
        {"analysis": "paths", "parameters": {"from": "usa", "to": "militia", "k": "3"},
         "changes": {"removeTies": ["usa:sanctions:sdn:2004-07-30"],
                     "reweightTies": [{"id": "t1", "strength": 1.0}]}}""");
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.json().get("baseline").get("paths").size()).isEqualTo(2);
    assertThat(a.json().get("scenario").get("paths").size()).isEqualTo(1);
    // usa -trades 0.9-> chn -arms 0.56-> sdn -controls 0.63-> militia
    assertThat(a.json().get("scenario").get("paths").get(0).get("strength").asDouble())
        .isCloseTo(0.9 * 0.56 * 0.63, within(1e-9));
    assertThat(a.json().get("difference").size()).isEqualTo(2);
    // in words: the path by its actors and tie types, not its tie ids
    assertThat(a.json().get("summary").asString()).startsWith("2 items changed; the largest change is the path ")
        .doesNotContain("t1", " > ");

    Answer added = call("POST", "/api/cases/mini/what-if", """
        {"analysis": "patrons", "parameters": {"target": "sdn", "engager": "usa"},
         "changes": {"addTies": [{"source": "usa", "target": "sdn", "type": "provides-aid",
           "strength": 0.4, "polarity": "supportive", "channel": "economic", "confidence": 1}]}}""");
    // the engager's own aid is a lever it holds, not a second patron: China stays the only patron
    // (0.56 of 0.96), the US's aid is 0.4 of 0.96
    assertThat(added.json().get("scenario").get("patrons").size()).isEqualTo(1);
    assertThat(added.json().get("scenario").get("coalitionLevers").get(0).get("id").asString()).isEqualTo("usa");
    assertThat(added.json().get("scenario").get("coalitionLevers").get(0).get("shieldShare").asDouble())
        .isCloseTo(0.4 / 0.96, within(1e-9));

    Answer bad = call("POST", "/api/cases/mini/what-if", """
        {"analysis": "paths", "parameters": {"from": "usa", "to": "militia"},
         "changes": {"removeActors": ["ghost"], "reweightTies": [{"id": "t1", "strength": 3}]}}""");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("errors").size()).isEqualTo(2);
  }

  @Test
  void anEditIsSeenByTheNextAnalysis() throws Exception {
    double before = call("GET", "/api/cases/mini/paths?from=usa&to=chn&k=1", null).json()
        .get("paths").get(0).get("strength").asDouble();
    assertThat(call("PUT", "/api/cases/mini/ties/t1", """
        {"source": "usa", "target": "chn", "type": "trades-with", "strength": 0.2,
         "polarity": "supportive", "channel": "economic", "confidence": 0.9, "sources": ["s1"]}""", "\"1\"")
        .status()).isEqualTo(200);
    double after = call("GET", "/api/cases/mini/paths?from=usa&to=chn&k=1", null).json()
        .get("paths").get(0).get("strength").asDouble();
    assertThat(before).isCloseTo(0.45, within(1e-12));
    assertThat(after).isCloseTo(0.18, within(1e-12));
  }

  @Test
  void engagementPlanPicksWithCostsGainsPathsAndAnInterval() throws Exception {
    Answer a = call("POST", "/api/cases/mini/engagement-plan",
        "{\"engager\": \"usa\", \"budget\": 10, \"targetGroups\": {\"planners\": 1, \"perpetrators\": 1}}");
    assertThat(a.status()).isEqualTo(200);
    JsonNode pick = a.json().get("picks").get(0);
    // chn: base 3 for a state / access 0.45 (usa -trades-> chn); sdn (3 / 0.27) and militia
    // (2 / 0.1701) cost more than the budget
    assertThat(a.json().get("picks").size()).isEqualTo(1);
    assertThat(pick.get("id").asString()).isEqualTo("chn");
    assertThat(pick.get("cost").asDouble()).isCloseTo(3 / 0.45, within(1e-9));
    assertThat(pick.get("access").get("hops").get(0).get("tie").asString()).isEqualTo("t1");
    assertThat(pick.get("tools").toString()).contains("military").contains("cooperative");
    // exact: chn reaches sdn with 0.56 and militia with 0.56 x 0.63
    double exact = 0.56 + 0.56 * 0.63;
    // seed 42, 10,000 samples: 0.8928 [0.8734, 0.9123], 2.0 standard errors (0.0100) below the
    // exact value; over seeds 1 to 200 the mean is 0.9127 and 8 of the 95% intervals miss it
    assertThat(a.json().get("expectedPressure").asDouble()).isCloseTo(exact, within(3 * 0.0100));
    assertThat(a.json().get("guarantee").asString()).contains("0.316");
    // numbers without binary noise (0.56 x 0.63 is written 0.3528, not 0.35280000000000006)
    assertThat(a.json().toString()).doesNotContainPattern("\\d\\.\\d*(0{8,}|9{8,})\\d");
    assertThat(a.json().get("totalWeight").asDouble()).isEqualTo(2.0);

    Answer noBudget = call("POST", "/api/cases/mini/engagement-plan", "{\"engager\": \"usa\"}");
    assertThat(noBudget.status()).isEqualTo(400);
    assertThat(noBudget.json().toString()).contains("budget");
    Answer badGroup = call("POST", "/api/cases/mini/engagement-plan",
        "{\"engager\": \"usa\", \"budget\": 5, \"targetGroups\": {\"bystanders\": 1}}");
    assertThat(badGroup.status()).isEqualTo(400);
    assertThat(badGroup.json().toString()).contains("bystanders").contains("planners");
    Answer misspelt = call("POST", "/api/cases/mini/engagement-plan",
        "{\"engager\": \"usa\", \"budjet\": 5}");
    assertThat(misspelt.status()).isEqualTo(400);
    assertThat(misspelt.json().get("detail").asString())
        .startsWith("unknown field 'budjet' in the request body; expected one of ").contains("budget");
    Answer whatIfTypo = call("POST", "/api/cases/mini/what-if",
        "{\"analysis\": \"patrons\", \"parameters\": {\"target\": \"sdn\"}, \"chnages\": {}}");
    assertThat(whatIfTypo.status()).isEqualTo(400);
    assertThat(whatIfTypo.json().get("detail").asString()).contains("'chnages'").contains("changes");
  }

  @Test
  void redTeamFindsThePatronToLeanOnAndTheHedge() throws Exception {
    Answer a = call("POST", "/api/cases/mini/red-team", "{\"engager\": \"usa\", \"budget\": 10,"
        + " \"target\": \"sdn\", \"targetGroups\": {\"planners\": 1, \"perpetrators\": 1}}");
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.json().get("plan").toString()).isEqualTo("[\"chn\"]");
    JsonNode best = a.json().get("best");
    // sdn leans on its arms supplier chn, the one actor the plan engaged: no pressure is left
    assertThat(best.get("kind").asString()).isEqualTo("lean-on-patron");
    assertThat(best.get("actor").asString()).isEqualTo("chn");
    assertThat(best.get("pressureAfter").asDouble()).isZero();
    assertThat(best.get("removed").asDouble()).isEqualTo(a.json().get("pressureBefore").asDouble());
    assertThat(a.json().get("moves").findValuesAsString("kind")).doesNotContain("shop-to-forum")
        .as("the mini case's one forum is no friendlier to sdn than the lead: no escape venue");
    JsonNode hedge = a.json().get("hedge");
    assertThat(hedge.get("id").asString()).isEqualTo("militia");
    assertThat(hedge.get("fitsBudget").asBoolean()).isFalse();

    Answer noTarget = call("POST", "/api/cases/mini/red-team", "{\"engager\": \"usa\", \"budget\": 10}");
    assertThat(noTarget.status()).isEqualTo(400);
    assertThat(noTarget.json().toString()).contains("target");
  }

  @Test
  void forumShoppingAndPlaybookAnswerWithTheirReasons() throws Exception {
    Answer forums = call("GET", "/api/cases/mini/forum-shopping?target=sdn&engager=usa", null);
    assertThat(forums.status()).isEqualTo(200);
    double risk = forums.json().get("risk").asDouble();
    assertThat(risk).isBetween(0.0, 1.0);
    assertThat(forums.json().get("parts").size()).isEqualTo(4);
    assertThat(forums.json().get("forums").get(0).get("id").asString()).isEqualTo("unsc");
    assertThat(forums.json().get("explanation").asString()).isNotBlank();
    Answer noEngager = call("GET", "/api/cases/mini/forum-shopping?target=sdn", null);
    assertThat(noEngager.status()).isEqualTo(400);
    assertThat(noEngager.json().toString()).contains("engager");

    Answer playbook = call("GET", "/api/cases/mini/playbook?engager=usa&target=sdn&phase=mass-atrocity&tempo=volcanic", null);
    assertThat(playbook.status()).isEqualTo(200);
    assertThat(playbook.json().get("tempo").asString()).isEqualTo("volcanic");
    for (JsonNode group : playbook.json().get("groups")) {
      for (JsonNode option : group.get("options")) {
        assertThat(option.get("path").get("hops").size()).as("every option rests on a path").isPositive();
        assertThat(option.get("why").asString()).isNotBlank();
      }
    }
    Answer badTempo = call("GET", "/api/cases/mini/playbook?engager=usa&target=sdn&tempo=fast", null);
    assertThat(badTempo.status()).isEqualTo(400);
    assertThat(badTempo.json().toString()).contains("tempo").contains("volcanic");
  }

  @Test
  void withinProjectsOnlyTheNeighbourhoodOfTheActorsNamed() throws Exception {
    Answer whole = call("GET", "/api/cases/mini/influence?target=militia&samples=2000", null);
    assertThat(whole.json().get("actors").findValuesAsString("id")).containsExactlyInAnyOrder("sdn", "chn", "usa");
    // one tie from militia: only sdn (sdn -controls-> militia) is in the neighbourhood
    Answer near = call("GET", "/api/cases/mini/influence?target=militia&samples=2000&within=1", null);
    assertThat(near.status()).isEqualTo(200);
    assertThat(near.json().get("actors").findValuesAsString("id")).containsExactly("sdn");
    // usa and militia within one tie: usa, chn, sdn, militia; both paths are inside it
    Answer paths = call("GET", "/api/cases/mini/paths?from=usa&to=militia&k=3&within=1", null);
    assertThat(paths.json().get("paths").size()).isEqualTo(2);

    Answer zero = call("GET", "/api/cases/mini/paths?from=usa&to=militia&within=0", null);
    assertThat(zero.status()).isEqualTo(400);
    assertThat(zero.json().get("detail").asString()).contains("within must be between 1 and 10");
    Answer whole2 = call("GET", "/api/cases/mini/centrality?within=2", null);
    assertThat(whole2.status()).isEqualTo(400);
    assertThat(whole2.json().get("detail").asString()).contains("whole case");
  }
}
