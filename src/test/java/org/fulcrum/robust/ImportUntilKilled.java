package org.fulcrum.robust;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.fulcrum.FulcrumApplication;
import org.fulcrum.TestStores;
import org.fulcrum.bench.GeneratedLeverageGraph;
import org.fulcrum.cases.CaseService;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The child process of {@link KillDuringImportIT}: opens Fulcrum on the embedded store in {@code
 * args[0]}, generates a case ({@code args[1]} actors, {@code args[2]} ties, seed {@code args[3]}),
 * prints {@link #STARTED} just before the import and {@link #FINISHED} after it. It is meant to be
 * killed in between.
 */
public final class ImportUntilKilled {

  public static final String STARTED = "IMPORT STARTED";
  public static final String FINISHED = "IMPORT FINISHED";
  public static final String CASE_ID = "killed";

  private ImportUntilKilled() {}

  static Map<String, Object> properties(Path dataDir) {
    Map<String, Object> props = new HashMap<>(TestStores.embedded(dataDir));
    props.put("fulcrum.load-bundled-cases", false);
    props.put("spring.main.banner-mode", "off");
    props.put("logging.level.root", "WARN");
    return props;
  }

  public static void main(String[] args) {
    var generated = GeneratedLeverageGraph.generate(CASE_ID, Integer.parseInt(args[1]),
        Integer.parseInt(args[2]), 1.0, Long.parseLong(args[3]));
    try (var context = new SpringApplicationBuilder(FulcrumApplication.class)
        .web(WebApplicationType.NONE).run(TestStores.args(properties(Path.of(args[0]))))) {
      System.out.println(STARTED);
      System.out.flush();
      context.getBean(CaseService.class).importCase(generated);
      System.out.println(FINISHED);
      System.out.flush();
    }
  }
}
