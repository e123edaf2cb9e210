package org.fulcrum.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.fulcrum.FulcrumApplication;
import org.fulcrum.TestStores;
import org.fulcrum.cases.CaseService;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The embedded store keeps its data across restarts, and the bundled cases load only once. */
class RestartIT {

  static ConfigurableApplicationContext start(Path dataDir) {
    Map<String, Object> props = new HashMap<>(TestStores.embedded(dataDir));
    props.put("spring.main.banner-mode", "off");
    return new SpringApplicationBuilder(FulcrumApplication.class).web(WebApplicationType.NONE)
        .run(TestStores.args(props));
  }

  @Test
  void dataSurvivesARestartAndDeletedBundledCasesStayDeleted() {
    Path dataDir = TestStores.newDataDir("restart");
    try (var first = start(dataDir)) {
      CaseService cases = first.getBean(CaseService.class);
      assertThat(cases.exists("rwanda-1994")).isTrue();
      cases.delete("rwanda-1994");
      assertThat(cases.exists("kenya-2007-2008")).isTrue();
    }
    try (var second = start(dataDir)) {
      CaseService cases = second.getBean(CaseService.class);
      assertThat(cases.exists("kenya-2007-2008")).isTrue();
      assertThat(cases.summary("kenya-2007-2008").actors()).isGreaterThanOrEqualTo(30);
      assertThat(cases.exists("rwanda-1994")).as("not re-imported on the second start").isFalse();
      assertThat(second.getBean(GraphStore.class).embedded().home()).isEqualTo(dataDir.toAbsolutePath());
    }
  }

  @Test
  void aStoreInUseIsAClearError() {
    Path dataDir = TestStores.newDataDir("locked");
    try (var server = EmbeddedNeo4j.start(dataDir, "127.0.0.1", 0, "64m")) {
      try {
        EmbeddedNeo4j.start(dataDir, "127.0.0.1", 0, "64m").close();
        throw new AssertionError("a second server on the same store should not start");
      } catch (StoreUnavailableException e) {
        assertThat(e.getMessage()).contains("is in use by another process");
      }
    }
  }

  @Test
  void aChangedBoltPasswordTakesEffectOnTheNextStart() {
    Path dataDir = TestStores.newDataDir("password");
    try (var first = EmbeddedNeo4j.startSecured(dataDir, "127.0.0.1", 0, "64m", "first-password")) {
      assertThat(signsIn(first, "first-password")).isTrue();
    }
    try (var second = EmbeddedNeo4j.startSecured(dataDir, "127.0.0.1", 0, "64m", "second-password")) {
      assertThat(signsIn(second, "second-password")).isTrue();
      assertThat(signsIn(second, "first-password")).isFalse();
    }
    try (var third = EmbeddedNeo4j.startSecured(dataDir, "127.0.0.1", 0, "64m", "second-password")) {
      assertThat(signsIn(third, "second-password")).as("an unchanged password still works").isTrue();
    }
  }

  private static boolean signsIn(EmbeddedNeo4j server, String password) {
    try (var driver = GraphDatabase.driver(server.boltUri(), AuthTokens.basic("neo4j", password))) {
      driver.verifyConnectivity();
      return true;
    } catch (AuthenticationException e) {
      return false;
    }
  }
}
