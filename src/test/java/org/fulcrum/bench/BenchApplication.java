package org.fulcrum.bench;

import org.fulcrum.FulcrumApplication;
import org.fulcrum.store.EmbeddedNeo4j;
import org.fulcrum.store.GraphStore;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The application on a benchmark's own embedded server, seen by the application as its embedded
 * store: the benchmark starts the server itself (it needs settings and procedures of its own for
 * GDS), and a primary {@link GraphStore} bean hands that server to the application, so that
 * analyses project cases in process as they do on an application's own embedded store. Without
 * it the application would see only a Bolt URI, take the store for an external one and project
 * over the driver. The server stays the benchmark's to close.
 */
final class BenchApplication {

  private BenchApplication() {}

  static ConfigurableApplicationContext start(EmbeddedNeo4j server) {
    String[] appArgs = {"--fulcrum.neo4j.uri=" + server.boltUri(), "--fulcrum.load-bundled-cases=false",
        "--spring.main.banner-mode=off", "--logging.level.root=WARN"};
    return new SpringApplicationBuilder(FulcrumApplication.class)
        .web(WebApplicationType.NONE)
        .initializers(context -> ((GenericApplicationContext) context).registerBean("benchGraphStore",
            GraphStore.class, () -> new GraphStore(server.boltUri(), server), definition -> {
              definition.setPrimary(true);
              definition.setDestroyMethodName(""); // the benchmark closes the server, not the context
            }))
        .run(appArgs);
  }
}
