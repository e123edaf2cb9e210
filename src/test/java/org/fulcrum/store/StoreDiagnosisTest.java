package org.fulcrum.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import org.fulcrum.TestStores;
import org.junit.jupiter.api.Test;

/**
 * A store that cannot be opened is diagnosed as what it is: in use by another process (naming the
 * Bolt address that process really listens on), or read-only (not "in use").
 */
class StoreDiagnosisTest {

  @Test
  void aStoreInUseNamesTheBoltAddressOfTheProcessHoldingIt() {
    Path home = TestStores.newDataDir("diagnosis");
    try (EmbeddedNeo4j first = EmbeddedNeo4j.start(home, "127.0.0.1", 0, "8m")) {
      Throwable second = catchThrowable(() -> EmbeddedNeo4j.start(home, "127.0.0.1", 0, "8m"));
      assertThat(second).isInstanceOf(StoreUnavailableException.class);
      assertThat(second.getMessage()).contains("in use by another process")
          .contains("--uri " + first.boltUri());
      assertThat(first.boltUri()).doesNotEndWith(":" + FulcrumProperties.Bolt.PORT_DEFAULT);
    }
  }

  @Test
  void withoutARecordedAddressTheHintFallsBackToTheConfiguredPort() {
    Path home = TestStores.newDataDir("diagnosis-none");
    assertThat(EmbeddedNeo4j.runningBoltUri(home, "127.0.0.1", 7700)).isEqualTo("bolt://127.0.0.1:7700");
    assertThat(EmbeddedNeo4j.runningBoltUri(home, "127.0.0.1", 0))
        .isEqualTo("bolt://127.0.0.1:" + FulcrumProperties.Bolt.PORT_DEFAULT);
  }

  @Test
  void aStoreNeo4jCannotWriteIsReportedReadOnlyNotInUse() throws Exception {
    Path home = TestStores.newDataDir("diagnosis-ro");
    // Neo4j reports an unwritable store as a lock it could not take; the cause says why
    var failure = new RuntimeException("Unable to obtain lock on store lock file",
        new java.nio.file.AccessDeniedException(home.resolve("store_lock").toString()));
    assertThat(EmbeddedNeo4j.describe(home, "127.0.0.1", 7687, failure)).contains("is read-only")
        .doesNotContain("in use");
    var readOnlyFs = new RuntimeException("Unable to obtain lock", new java.io.IOException("Read-only file system"));
    assertThat(EmbeddedNeo4j.describe(home, "127.0.0.1", 7687, readOnlyFs)).contains("is read-only");
    var locked = new RuntimeException("Lock file has been locked by another process");
    Files.writeString(home.resolve(EmbeddedNeo4j.BOLT_URI_FILE), "bolt://127.0.0.1:7999\n");
    assertThat(EmbeddedNeo4j.describe(home, "127.0.0.1", 0, locked)).contains("in use by another process")
        .contains("--uri bolt://127.0.0.1:7999");
  }
}
