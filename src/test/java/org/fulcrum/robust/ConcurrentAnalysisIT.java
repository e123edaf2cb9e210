package org.fulcrum.robust;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.fulcrum.TestStores;
import org.fulcrum.bench.AnalysisLoad;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A short run of the load generator: 16 clients for 8 seconds on the Darfur analyses while a writer
 * edits the case (invalidating its snapshots) every 200 ms. Every answer must equal the
 * single-threaded one; none may fail. The 60-second, 50-client run is the benchmark
 * ({@code AnalysisLoadBenchmark}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConcurrentAnalysisIT {

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    TestStores.embedded(TestStores.newDataDir("concurrent")).forEach((k, v) -> registry.add(k, () -> v));
  }

  @LocalServerPort int port;

  @Test
  void concurrentReadsAndWritesGiveTheSingleThreadedAnswers() throws Exception {
    var result = AnalysisLoad.run(port, 16, Duration.ofSeconds(8), Duration.ofMillis(200));
    assertThat(result.errors()).as(result.report()).isZero();
    assertThat(result.wrongAnswers()).as(result.report()).isZero();
    assertThat(result.writes()).as("snapshots were invalidated under load").isPositive();
    assertThat(result.requests()).isGreaterThan(50);
  }
}
