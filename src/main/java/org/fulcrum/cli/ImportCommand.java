package org.fulcrum.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fulcrum.casefile.CaseCodec;
import org.fulcrum.casefile.CaseFile;
import org.fulcrum.cases.CaseService;
import org.fulcrum.interchange.GraphMlReader;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Import cases: JSON files, zips of CSV files, folders of CSV files, or GraphML"
        + " files (.graphml). Every file"
        + " is validated first; if any has a problem, nothing is written.")
class ImportCommand implements FulcrumCli.CliCommand {

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "case.json, case.zip, case.graphml or a CSV folder")
  List<Path> paths;

  @Override
  public int run(ConfigurableApplicationContext context, PrintWriter out, PrintWriter err) {
    CaseCodec codec = new CaseCodec();
    List<CaseFile> cases = new ArrayList<>();
    for (Path path : paths) {
      if (!Files.exists(path)) {
        throw new CliException("no such file or folder: " + path, FulcrumCli.BAD_INPUT);
      }
      cases.add(path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".graphml")
          ? readGraphMl(path) : codec.read(path));
    }
    CaseService service = context.getBean(CaseService.class);
    for (CaseFile c : cases) {
      var result = service.importCase(c);
      var s = result.summary();
      out.printf("%s case %s: %d actors, %d ties, %d messages, %d sources%n",
          result.replaced() ? "replaced" : "imported", s.id(), s.actors(), s.ties(), s.messages(),
          s.sources());
    }
    return FulcrumCli.OK;
  }

  private static CaseFile readGraphMl(Path path) {
    try (var in = Files.newInputStream(path)) {
      return new GraphMlReader().read(path.getFileName().toString(), in);
    } catch (java.io.IOException e) {
      throw new CliException("cannot read " + path + ": " + e.getMessage(), FulcrumCli.BAD_INPUT);
    }
  }
}
