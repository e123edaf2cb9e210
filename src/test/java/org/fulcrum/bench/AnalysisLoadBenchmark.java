package org.fulcrum.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.fulcrum.FulcrumApplication;
import org.fulcrum.TestStores;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The load figures of docs/benchmarks.md: Fulcrum on a fresh embedded store with the bundled cases,
 * then {@link AnalysisLoad} with 50 clients for 60 s on loopback. Exits 1 on any error or wrong
 * answer.
 *
 * <pre>./mvnw -Pbench test-compile exec:exec -Dbench.main=org.fulcrum.bench.AnalysisLoadBenchmark \
 *     -Dbench.args="--clients 50 --seconds 60" -Dbench.heap=-Xmx4g</pre>
 */
public final class AnalysisLoadBenchmark {

  private AnalysisLoadBenchmark() {}

  public static void main(String[] args) throws Exception {
    int clients = AnalysisLoad.intArg(args, "--clients", 50);
    int seconds = AnalysisLoad.intArg(args, "--seconds", 60);
    int writeMillis = AnalysisLoad.intArg(args, "--write-every-ms", 500);
    Map<String, Object> props = new HashMap<>(TestStores.embedded(TestStores.newDataDir("load")));
    props.put("server.port", 0);
    props.put("spring.main.banner-mode", "off");
    props.put("logging.level.root", "WARN");
    props.put("server.tomcat.threads.max", 200);
    try (var app = new SpringApplicationBuilder(FulcrumApplication.class).run(TestStores.args(props))) {
      int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
      System.out.printf("warm-up: 8 clients, 10 s%n");
      System.out.print(AnalysisLoad.run(port, 8, Duration.ofSeconds(10), Duration.ofMillis(writeMillis)).report());
      var result = AnalysisLoad.run(port, clients, Duration.ofSeconds(seconds), Duration.ofMillis(writeMillis));
      System.out.printf("Java %s, %d cores, max heap %d MiB%n", System.getProperty("java.version"),
          Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
      System.out.print(result.report());
      if (result.errors() > 0 || result.wrongAnswers() > 0) {
        System.exit(1);
      }
    }
    System.exit(0);
  }
}
