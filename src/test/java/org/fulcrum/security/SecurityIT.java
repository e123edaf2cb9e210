package org.fulcrum.security;

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
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.fulcrum.TestStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Sign-in, roles, API tokens and restricted cases, over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityIT {

  static final Path DATA = TestStores.newDataDir("security");
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String VIEWER = TestStores.basic("vera", "vera-password-1");
  static final String ANALYST = TestStores.basic("anna", "anna-password-1");
  static final String ANALYST2 = TestStores.basic("alex", "alex-password-1");
  static final String ADMIN = TestStores.admin();

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    Map<String, Object> props = new HashMap<>(TestStores.embedded(DATA));
    props.put("fulcrum.load-bundled-cases", false);
    // a back-off far longer than any test takes, so that "blocked" never depends on timing
    props.put("fulcrum.security.sign-in.backoff-base", "60s");
    props.forEach((k, v) -> registry.add(k, () -> v));
  }

  @LocalServerPort int port;
  @Autowired UserStore store;
  final HttpClient http = HttpClient.newHttpClient();

  record Answer(int status, JsonNode json) {}

  Answer call(String auth, String method, String path, String body) throws Exception {
    var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body))
        .header("Content-Type", "application/json");
    if (auth != null) {
      request.header("Authorization", auth);
    }
    var response = http.send(request.build(), BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.body().isBlank() ? null : JSON.readTree(response.body()));
  }

  @BeforeEach
  void usersAndCase() throws Exception {
    call(ADMIN, "POST", "/api/users", "{\"username\": \"vera\", \"password\": \"vera-password-1\", \"role\": \"viewer\"}");
    call(ADMIN, "POST", "/api/users", "{\"username\": \"anna\", \"password\": \"anna-password-1\", \"role\": \"analyst\"}");
    call(ADMIN, "POST", "/api/users", "{\"username\": \"alex\", \"password\": \"alex-password-1\", \"role\": \"analyst\"}");
    call(ADMIN, "PUT", "/api/cases/mini/access", "{\"users\": []}");
    assertThat(call(ANALYST, "POST", "/api/cases", Files.readString(Path.of("src/test/resources/cases/mini.json")))
        .status()).isEqualTo(201);
  }

  @Test
  void withoutCredentialsOnlyHealthAnswers() throws Exception {
    assertThat(call(null, "GET", "/actuator/health", null).status()).isEqualTo(200);
    for (String path : new String[] {"/api/cases", "/api/cases/mini", "/api/cases/mini/paths?from=usa&to=sdn",
        "/api/cases/mini/history", "/v3/api-docs", "/api/users"}) {
      Answer a = call(null, "GET", path, null);
      assertThat(a.status()).as(path).isEqualTo(401);
      assertThat(a.json().get("detail").asString()).as(path).contains("sign in");
    }
    assertThat(call(null, "POST", "/api/cases", "{}").status()).isEqualTo(401);
    assertThat(call(null, "DELETE", "/api/cases/mini", null).status()).isEqualTo(401);
    assertThat(call(TestStores.basic("vera", "wrong-password"), "GET", "/api/cases", null).status())
        .isEqualTo(401);
  }

  @Test
  void viewersReadAndAnalyseButCannotWrite() throws Exception {
    assertThat(call(VIEWER, "GET", "/api/cases/mini/actors", null).status()).isEqualTo(200);
    assertThat(call(VIEWER, "GET", "/api/cases/mini/paths?from=usa&to=militia", null).status()).isEqualTo(200);
    assertThat(call(VIEWER, "POST", "/api/cases/mini/engagement-plan", "{\"engager\": \"usa\", \"budget\": 10}")
        .status()).as("an analysis, though a POST").isEqualTo(200);
    Answer write = call(VIEWER, "POST", "/api/cases/mini/actors",
        "{\"id\": \"x\", \"name\": \"X\", \"kind\": \"state\", \"position\": 0, \"capability\": 0, \"salience\": 0, \"sources\": [\"s1\"]}");
    assertThat(write.status()).isEqualTo(403);
    assertThat(write.json().get("detail").asString()).contains("your role does not allow");
    assertThat(call(VIEWER, "DELETE", "/api/cases/mini/ties/t1", null).status()).isEqualTo(403);
    assertThat(call(VIEWER, "GET", "/api/users", null).status()).isEqualTo(403);
  }

  @Test
  void analystsWriteAndAreTheAuthorsInTheHistoryButOnlyAdminsDeleteCases() throws Exception {
    Answer put = call(ANALYST, "POST", "/api/cases/mini/sources",
        "{\"id\": \"s9\", \"citation\": \"A citation\"}");
    assertThat(put.status()).isEqualTo(201);
    assertThat(call(ANALYST, "GET", "/api/cases/mini/history?item=s9", null).json().get(0).get("author")
        .asString()).isEqualTo("anna");
    assertThat(call(ANALYST, "DELETE", "/api/cases/mini", null).status()).isEqualTo(403);
    assertThat(call(ADMIN, "DELETE", "/api/cases/mini", null).status()).isEqualTo(204);
    assertThat(call(ADMIN, "GET", "/api/cases/mini/history", null).json().get(0).get("author").asString())
        .isEqualTo("admin");
  }

  @Test
  void personalApiTokensActWithTheirOwnersRoleUntilRevoked() throws Exception {
    Answer issued = call(VIEWER, "POST", "/api/users/me/tokens", "{\"name\": \"laptop\"}");
    assertThat(issued.status()).isEqualTo(201);
    String token = issued.json().get("token").asString();
    assertThat(token).startsWith("fulcrum_");
    String bearer = "Bearer " + token;
    assertThat(call(bearer, "GET", "/api/cases", null).status()).isEqualTo(200);
    assertThat(call(bearer, "GET", "/api/users/me", null).json().get("role").asString()).isEqualTo("viewer");
    assertThat(call(bearer, "POST", "/api/cases/mini/sources", "{\"id\": \"s8\", \"citation\": \"c\"}").status())
        .isEqualTo(403);
    assertThat(call(VIEWER, "GET", "/api/users/me/tokens", null).json().toString()).contains("laptop")
        .doesNotContain(token);
    assertThat(call(VIEWER, "DELETE", "/api/users/me/tokens/" + issued.json().get("id").asString(), null)
        .status()).isEqualTo(204);
    assertThat(call(bearer, "GET", "/api/cases", null).status()).isEqualTo(401);
    assertThat(call("Bearer fulcrum_made-up", "GET", "/api/cases", null).status()).isEqualTo(401);
  }

  /** Tokens found once are remembered for a few seconds; a change of role or user is seen at once. */
  @Test
  void aTokenFollowsItsOwnersRoleChangesAndDeletionAtOnce() throws Exception {
    call(ADMIN, "POST", "/api/users", "{\"username\": \"tom\", \"password\": \"tom-password-1\", \"role\": \"viewer\"}");
    String bearer = "Bearer " + call(TestStores.basic("tom", "tom-password-1"), "POST", "/api/users/me/tokens",
        "{\"name\": \"script\"}").json().get("token").asString();
    assertThat(call(bearer, "GET", "/api/users/me", null).json().get("role").asString()).isEqualTo("viewer");
    // an import of an empty object: a viewer may not import (403); an analyst may, and gets the
    // file's problems (400); nothing is written either way
    assertThat(call(bearer, "POST", "/api/cases", "{}").status()).isEqualTo(403);

    assertThat(call(ADMIN, "PUT", "/api/users/tom/role", "{\"role\": \"analyst\"}").status()).isEqualTo(200);
    assertThat(call(bearer, "POST", "/api/cases", "{}").status()).isEqualTo(400);

    call(ADMIN, "DELETE", "/api/users/tom", null);
    assertThat(call(bearer, "GET", "/api/cases", null).status()).isEqualTo(401);
  }

  @Test
  void aRestrictedCaseIsInvisibleToEveryoneNotNamed() throws Exception {
    Answer restricted = call(ANALYST, "PUT", "/api/cases/mini/access", "{\"users\": [\"anna\"]}");
    assertThat(restricted.status()).isEqualTo(200);
    for (String path : new String[] {"/api/cases/mini", "/api/cases/mini/actors", "/api/cases/mini/history",
        "/api/cases/mini/paths?from=usa&to=militia", "/api/cases/mini/export"}) {
      assertThat(call(VIEWER, "GET", path, null).status()).as(path).isEqualTo(404);
      assertThat(call(ANALYST, "GET", path, null).status()).as(path).isEqualTo(200);
      assertThat(call(ADMIN, "GET", path, null).status()).as(path).isEqualTo(200);
    }
    assertThat(call(VIEWER, "GET", "/api/cases", null).json().findValuesAsString("id")).doesNotContain("mini");
    assertThat(call(ANALYST, "GET", "/api/cases", null).json().findValuesAsString("id")).contains("mini");
    Answer overwrite = call(ANALYST2, "POST", "/api/cases", Files.readString(Path.of("src/test/resources/cases/mini.json")));
    assertThat(overwrite.status()).as("another analyst cannot replace it").isEqualTo(409);
    assertThat(call(ANALYST2, "DELETE", "/api/cases/mini/ties/t1", null).status()).isEqualTo(404);
    assertThat(call(ANALYST, "PUT", "/api/cases/mini/access", "{\"users\": [\"nobody\"]}").status())
        .isEqualTo(400);

    // the access change is in the case's access history and the admins' audit
    JsonNode changes = call(ANALYST, "GET", "/api/cases/mini/access/history", null).json();
    assertThat(changes.get(0).get("action").asString()).isEqualTo("case-access");
    assertThat(changes.get(0).get("author").asString()).isEqualTo("anna");
    assertThat(changes.get(0).get("before").asString()).isEqualTo("every signed-in user");
    assertThat(changes.get(0).get("after").asString()).isEqualTo("anna");
    assertThat(call(VIEWER, "GET", "/api/cases/mini/access/history", null).status()).isEqualTo(404);
    assertThat(call(ANALYST, "GET", "/api/audit", null).status()).isEqualTo(403);
    JsonNode audit = call(ADMIN, "GET", "/api/audit?caseId=mini&limit=1", null).json();
    assertThat(audit).hasSize(1);
    assertThat(audit.get(0).get("after").asString()).isEqualTo("anna");
  }

  @Test
  void roleChangesAreAudited() throws Exception {
    call(ADMIN, "POST", "/api/users", "{\"username\": \"rita\", \"password\": \"rita-password-1\", \"role\": \"viewer\"}");
    assertThat(call(ADMIN, "PUT", "/api/users/rita/role", "{\"role\": \"analyst\"}").status()).isEqualTo(200);
    JsonNode audit = call(ADMIN, "GET", "/api/audit?user=rita", null).json();
    assertThat(audit.get(0).get("action").asString()).isEqualTo("user-role");
    assertThat(audit.get(0).get("before").asString()).isEqualTo("viewer");
    assertThat(audit.get(0).get("after").asString()).isEqualTo("analyst");
    assertThat(audit.get(0).get("author").asString()).isEqualTo("admin");
    assertThat(audit.findValuesAsString("action")).contains("user-create");
  }

  /**
   * Wrong passwords are throttled per user and address: the 6th in a row is answered 429 without
   * checking it, even if it is right; the same user from another address still signs in; a success
   * starts the count again. (The back-off is set to a minute here, so nothing depends on timing.)
   */
  @Test
  void wrongPasswordsInARowAreThrottledPerUserAndAddress() throws Exception {
    call(ADMIN, "POST", "/api/users", "{\"username\": \"gus\", \"password\": \"gus-password-12\", \"role\": \"viewer\"}");
    String wrong = "Authorization: " + TestStores.basic("gus", "wrong-password");
    String right = "Authorization: " + TestStores.basic("gus", "gus-password-12");
    for (int i = 1; i <= 5; i++) {
      assertThat(org.fulcrum.web.RawHttp.send("127.0.0.2", port, "GET", "/api/users/me", wrong).status())
          .as("failure %d", i).isEqualTo(401);
    }
    var sixth = org.fulcrum.web.RawHttp.send("127.0.0.2", port, "GET", "/api/users/me", wrong);
    assertThat(sixth.status()).isEqualTo(429);
    assertThat(sixth.contentType()).startsWith("application/problem+json");
    assertThat(Long.parseLong(sixth.headers().get("retry-after"))).isBetween(1L, 60L);
    assertThat(JSON.readTree(sixth.body()).get("detail").asString()).contains("gus");
    assertThat(org.fulcrum.web.RawHttp.send("127.0.0.2", port, "GET", "/api/users/me", right).status())
        .as("blocked: not even the right password is checked").isEqualTo(429);
    assertThat(org.fulcrum.web.RawHttp.send("127.0.0.1", port, "GET", "/api/users/me", right).status())
        .as("the right password from another address").isEqualTo(200);

    // the count starts again after a success: 4 failures, a success, 4 more failures: no 429
    call(ADMIN, "POST", "/api/users", "{\"username\": \"hal\", \"password\": \"hal-password-12\", \"role\": \"viewer\"}");
    String halWrong = "Authorization: " + TestStores.basic("hal", "wrong-password");
    String halRight = "Authorization: " + TestStores.basic("hal", "hal-password-12");
    for (int round = 0; round < 2; round++) {
      for (int i = 1; i <= 4; i++) {
        assertThat(org.fulcrum.web.RawHttp.send("127.0.0.3", port, "GET", "/api/users/me", halWrong).status())
            .as("round %d failure %d", round, i).isEqualTo(401);
      }
      assertThat(org.fulcrum.web.RawHttp.send("127.0.0.3", port, "GET", "/api/users/me", halRight).status())
          .as("round %d success", round).isEqualTo(200);
    }
  }

  @Test
  void usersAreManagedByAdminsAndPasswordsChangedByTheirOwners() throws Exception {
    assertThat(call(ADMIN, "POST", "/api/users", "{\"username\": \"vera\", \"password\": \"another-password\", \"role\": \"viewer\"}")
        .status()).isEqualTo(409);
    assertThat(call(ADMIN, "POST", "/api/users", "{\"username\": \"bob\", \"password\": \"short\", \"role\": \"viewer\"}")
        .json().get("detail").asString()).contains("at least 12");
    assertThat(call(ADMIN, "POST", "/api/users", "{\"username\": \"bob\", \"password\": \"long-enough-pw\", \"role\": \"boss\"}")
        .json().get("detail").asString()).contains("viewer, analyst, admin");
    assertThat(call(ADMIN, "PUT", "/api/users/admin/role", "{\"role\": \"viewer\"}").status())
        .as("the last admin stays").isEqualTo(409);
    assertThat(call(ADMIN, "POST", "/api/users", "{\"username\": \"VERA\", \"password\": \"another-password\", \"role\": \"viewer\"}")
        .status()).as("names are unique without regard to case").isEqualTo(409);
    assertThat(call(ADMIN, "POST", "/api/users", "{\"username\": \"Admin\", \"password\": \"another-password\", \"role\": \"admin\"}")
        .status()).isEqualTo(409);
    String token = "Bearer " + call(VIEWER, "POST", "/api/users/me/tokens", "{\"name\": \"old\"}").json()
        .get("token").asString();
    assertThat(call(token, "GET", "/api/users/me", null).status()).isEqualTo(200);
    assertThat(call(VIEWER, "PUT", "/api/users/me/password",
        "{\"current\": \"vera-password-1\", \"password\": \"vera-password-2\"}").status()).isEqualTo(204);
    assertThat(call(token, "GET", "/api/users/me", null).status()).as("a password change revokes the tokens")
        .isEqualTo(401);
    assertThat(call(TestStores.basic("vera", "vera-password-2"), "GET", "/api/users/me/tokens", null).json())
        .isEmpty();
    assertThat(call(TestStores.basic("vera", "vera-password-2"), "GET", "/api/users/me", null).status()).isEqualTo(200);
    assertThat(call(ADMIN, "PUT", "/api/users/vera/role", "{\"role\": \"analyst\"}").status()).isEqualTo(200);
    call(ADMIN, "DELETE", "/api/users/vera", null);
    assertThat(call(TestStores.basic("vera", "vera-password-2"), "GET", "/api/cases", null).status()).isEqualTo(401);
  }

  /**
   * The last-admin rule holds when admins are demoted or deleted at the same moment: of three
   * admins changed at once, exactly two changes pass and one admin is left, however they interleave
   * (a check before the write, outside its transaction, let all three through).
   */
  @Test
  void concurrentDemotionsAndDeletionsNeverLeaveTheStoreWithoutAnAdmin() throws Exception {
    List<String> admins = List.of("admin", "ada", "abe");
    var pool = Executors.newFixedThreadPool(admins.size());
    try {
      for (int round = 0; round < 20; round++) {
        for (String name : admins) {
          store.create(name, "{noop}not-used-to-sign-in", Role.ADMIN);
          assertThat(store.setRole(name, Role.ADMIN)).isEqualTo(UserStore.AdminChange.DONE);
        }
        boolean deleting = round % 2 == 1;
        var together = new CyclicBarrier(admins.size());
        List<Future<UserStore.AdminChange>> changes = new ArrayList<>();
        for (String name : admins) {
          changes.add(pool.submit(() -> {
            together.await();
            return deleting && name.equals("abe") ? store.delete(name) : store.setRole(name, Role.VIEWER);
          }));
        }
        List<UserStore.AdminChange> outcomes = new ArrayList<>();
        for (var change : changes) {
          outcomes.add(change.get(60, TimeUnit.SECONDS));
        }
        assertThat(outcomes).as("round %d", round).containsExactlyInAnyOrder(UserStore.AdminChange.DONE,
            UserStore.AdminChange.DONE, UserStore.AdminChange.LAST_ADMIN);
        assertThat(store.list()).as("round %d", round).filteredOn(u -> u.role() == Role.ADMIN).hasSize(1);
      }
    } finally {
      pool.shutdownNow();
      store.setRole("admin", Role.ADMIN);
      store.delete("ada");
      store.delete("abe");
    }
    assertThat(call(ADMIN, "GET", "/api/users", null).status()).isEqualTo(200);
  }

  /**
   * The web interface's session: the sign-in form opens it, a change through it needs the CSRF
   * token, and API clients (Basic, tokens) still open none and need no token.
   */
  @Test
  void browserSessionsNeedTheCsrfTokenAndApiClientsOpenNoSession() throws Exception {
    String base = "http://127.0.0.1:" + port;
    var noRedirects = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    // a page asks for sign-in by redirect, an API call (or the interface's own calls) by 401 without
    // a Basic challenge that would pop up the browser's own dialog
    var page = noRedirects.send(HttpRequest.newBuilder(URI.create(base + "/")).build(), BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    var xhr = noRedirects.send(HttpRequest.newBuilder(URI.create(base + "/api/cases"))
        .header("X-Requested-With", "XMLHttpRequest").build(), BodyHandlers.ofString());
    assertThat(xhr.statusCode()).isEqualTo(401);
    assertThat(xhr.headers().firstValue("WWW-Authenticate")).isEmpty();
    assertThat(xhr.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));

    // Basic opens no session
    var basic = noRedirects.send(HttpRequest.newBuilder(URI.create(base + "/api/cases"))
        .header("Authorization", ADMIN).build(), BodyHandlers.ofString());
    assertThat(basic.statusCode()).isEqualTo(200);
    assertThat(basic.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));

    // the sign-in form: its page carries the CSRF token, a post with it opens a session
    var cookies = new java.net.CookieManager();
    var browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    String form = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), BodyHandlers.ofString()).body();
    var token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
    assertThat(token.find()).as(form).isTrue();
    var wrong = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(BodyPublishers.ofString("username=vera&password=nope&_csrf=" + token.group(1))).build(), BodyHandlers.ofString());
    assertThat(wrong.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
    form = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), BodyHandlers.ofString()).body();
    token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
    assertThat(token.find()).isTrue();
    var signIn = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(BodyPublishers.ofString("username=anna&password=anna-password-1&_csrf=" + token.group(1))).build(), BodyHandlers.ofString());
    assertThat(signIn.statusCode()).isEqualTo(302);
    assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
    var me = browser.send(HttpRequest.newBuilder(URI.create(base + "/api/users/me")).build(), BodyHandlers.ofString());
    assertThat(JSON.readTree(me.body()).get("username").asString()).isEqualTo("anna");

    // a change riding on the session cookie alone is refused; with the XSRF-TOKEN cookie's value
    // echoed in the header it goes through
    String actor = "{\"id\": \"csrf-test\", \"name\": \"CSRF test\", \"kind\": \"ngo\", \"position\": 0.5,"
        + " \"capability\": 0.1, \"salience\": 0.1, \"sources\": [\"s1\"]}";
    var forged = browser.send(HttpRequest.newBuilder(URI.create(base + "/api/cases/mini/actors"))
        .header("Content-Type", "application/json").POST(BodyPublishers.ofString(actor)).build(), BodyHandlers.ofString());
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(forged.body()).get("title").asString()).isEqualTo("Missing or stale CSRF token");
    assertThat(call(ADMIN, "GET", "/api/cases/mini/actors/csrf-test", null).status()).isEqualTo(404);
    // an Authorization header that is not a credential Fulcrum checks does not make the request
    // stateless: it still rides on the cookie, so it still needs the token
    for (String notACredential : new String[] {"Foo", "Negotiate x", "Basic", "Bearer "}) {
      var tricked = browser.send(HttpRequest.newBuilder(URI.create(base + "/api/cases/mini/actors"))
          .header("Content-Type", "application/json").header("Authorization", notACredential)
          .POST(BodyPublishers.ofString(actor)).build(), BodyHandlers.ofString());
      assertThat(tricked.statusCode()).as(notACredential).isEqualTo(403);
      assertThat(JSON.readTree(tricked.body()).get("title").asString()).isEqualTo("Missing or stale CSRF token");
    }
    // real-looking credentials that are wrong are a 401, whatever session comes with them
    for (String bad : new String[] {TestStores.basic("anna", "not-annas-password"), "Bearer fulcrum_made-up",
        "Bearer some-other-token"}) {
      var withSession = browser.send(HttpRequest.newBuilder(URI.create(base + "/api/cases/mini/actors"))
          .header("Content-Type", "application/json").header("Authorization", bad)
          .POST(BodyPublishers.ofString(actor)).build(), BodyHandlers.ofString());
      assertThat(withSession.statusCode()).as(bad).isEqualTo(401);
    }
    assertThat(call(ADMIN, "GET", "/api/cases/mini/actors/csrf-test", null).status()).isEqualTo(404);
    String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .findFirst().orElseThrow().getValue();
    var genuine = browser.send(HttpRequest.newBuilder(URI.create(base + "/api/cases/mini/actors"))
        .header("Content-Type", "application/json").header("X-XSRF-TOKEN", xsrf)
        .POST(BodyPublishers.ofString(actor)).build(), BodyHandlers.ofString());
    assertThat(genuine.statusCode()).as(genuine.body()).isEqualTo(201);

    // signing out ends the session
    var out = browser.send(HttpRequest.newBuilder(URI.create(base + "/logout")).header("X-XSRF-TOKEN", xsrf)
        .POST(BodyPublishers.noBody()).build(), BodyHandlers.ofString());
    assertThat(out.statusCode()).as("a script's sign-out gets 204; a page's form post is redirected").isEqualTo(204);
    var after = browser.send(HttpRequest.newBuilder(URI.create(base + "/api/users/me"))
        .header("X-Requested-With", "XMLHttpRequest").build(), BodyHandlers.ofString());
    assertThat(after.statusCode()).isEqualTo(401);
  }
}
