package org.fulcrum.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fulcrum.casefile.CaseCodec;
import org.fulcrum.casefile.CaseFile;
import org.fulcrum.cases.CaseService;
import org.fulcrum.interchange.GraphMlReader;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.Resource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Import cases: JSON files, zips of CSV files, folders of CSV files, or GraphML"
        + " files (.graphml). Every file"
        + " is validated first; if any has a problem, nothing is written.")
class ImportCommand implements FulcrumCli.CliCommand {

  @Parameters(arity = "0..*", paramLabel = "PATH", description = "case.json, case.zip, case.graphml or a CSV folder")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--bundled", description = "also import the cases bundled with Fulcrum (Darfur,"
      + " Kenya, Rwanda)")
  boolean bundled;

  @Option(names = "--json", description = "print what was imported as JSON (one object per case)")
  boolean json;

  @Override
  public int run(ConfigurableApplicationContext context, PrintWriter out, PrintWriter err) {
    if (paths.isEmpty() && !bundled) {
      throw new CliException("give the files to import, or --bundled", FulcrumCli.USAGE);
    }
    CaseCodec codec = new CaseCodec();
    List<CaseFile> cases = new ArrayList<>();
    if (bundled) {
      cases.addAll(bundledCases(context, codec));
    }
    for (Path path : paths) {
      if (!Files.exists(path)) {
        throw new CliException("no such file or folder: " + path, FulcrumCli.BAD_INPUT);
      }
      cases.add(path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".graphml")
          ? readGraphMl(path) : codec.read(path));
    }
    CaseService service = context.getBean(CaseService.class);
    List<Map<String, Object>> summaries = new ArrayList<>();
    for (CaseFile c : cases) {
      var result = service.importCase(c);
      var s = result.summary();
      if (json) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("id", s.id());
        summary.put("title", s.title());
        summary.put("actors", s.actors());
        summary.put("ties", s.ties());
        summary.put("messages", s.messages());
        summary.put("sources", s.sources());
        summary.put("replaced", result.replaced());
        summaries.add(summary);
      } else {
        out.printf("%s case %s: %d actors, %d ties, %d messages, %d sources%n",
            result.replaced() ? "replaced" : "imported", s.id(), s.actors(), s.ties(), s.messages(),
            s.sources());
      }
    }
    if (json) {
      out.println(ListCommand.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(summaries));
    }
    return FulcrumCli.OK;
  }

  /** The dataset JSON files bundled in the jar ({@code datasets/*.json}), validated. */
  private static List<CaseFile> bundledCases(ConfigurableApplicationContext context, CaseCodec codec) {
    List<CaseFile> cases = new ArrayList<>();
    try {
      Resource[] resources = context.getResources("classpath*:datasets/*.json");
      java.util.Arrays.sort(resources, java.util.Comparator.comparing(Resource::getFilename));
      for (Resource r : resources) {
        try (var in = r.getInputStream()) {
          cases.add(codec.readJson(r.getFilename(), in));
        }
      }
    } catch (java.io.IOException e) {
      throw new CliException("cannot read the bundled cases: " + e.getMessage(), FulcrumCli.BAD_INPUT);
    }
    if (cases.isEmpty()) {
      throw new CliException("this build bundles no cases", FulcrumCli.BAD_INPUT);
    }
    return cases;
  }

  private static CaseFile readGraphMl(Path path) {
    try (var in = Files.newInputStream(path)) {
      return new GraphMlReader().read(path.getFileName().toString(), in);
    } catch (java.io.IOException e) {
      throw new CliException("cannot read " + path + ": " + e.getMessage(), FulcrumCli.BAD_INPUT);
    }
  }
}
