package org.fulcrum.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fulcrum.casefile.CaseCodec;
import org.fulcrum.casefile.CaseFile;
import org.fulcrum.cases.CaseService;
import org.fulcrum.interchange.GraphExporter;
import org.fulcrum.interchange.GraphFormat;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Export a case as JSON (to stdout or --out), as a folder of CSV files, or as a"
        + " graph: GraphML, GEXF or Cytoscape.js JSON (to stdout or --out).")
class ExportCommand implements FulcrumCli.CliCommand {

  @Parameters(index = "0", paramLabel = "CASE_ID")
  String caseId;

  @Option(names = "--out", description = "file (json, graph formats) or folder (csv) to write;"
      + " default for all but csv: stdout")
  Path out;

  @Option(names = "--format", defaultValue = "json",
      description = "json, csv, graphml, gexf or cytoscape (default: ${DEFAULT-VALUE})")
  String format;

  @Option(names = "--json", description = "with --out: print what was written as JSON (case, format,"
      + " file, counts)")
  boolean json;

  @Override
  public int run(ConfigurableApplicationContext context, PrintWriter stdout, PrintWriter err) {
    GraphFormat graph = GraphFormat.parse(format).orElse(null);
    if (!format.equals("json") && !format.equals("csv") && graph == null) {
      throw new CliException("--format must be json, csv, " + GraphFormat.labels() + ", got '"
          + format + "'", FulcrumCli.USAGE);
    }
    if (format.equals("csv") && out == null) {
      throw new CliException("--format csv writes a folder: give it with --out", FulcrumCli.USAGE);
    }
    CaseService service = context.getBean(CaseService.class);
    if (!service.exists(caseId)) {
      throw new CliException("no case with id '" + caseId + "'", FulcrumCli.BAD_INPUT);
    }
    CaseFile c = service.export(caseId);
    CaseCodec codec = new CaseCodec();
    if (graph != null) {
      byte[] bytes = new GraphExporter().toBytes(c, graph);
      if (out == null) {
        stdout.print(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        stdout.flush();
      } else {
        try {
          Files.write(out, bytes);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        err.println("wrote " + out);
      }
    } else if (format.equals("csv")) {
      codec.writeCsvFolder(c, out);
      err.println("wrote " + out.resolve("case.csv").getParent());
    } else if (out == null) {
      stdout.println(new String(codec.toJson(c), java.nio.charset.StandardCharsets.UTF_8));
    } else {
      try (OutputStream file = Files.newOutputStream(out)) {
        codec.writeJson(c, file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      err.println("wrote " + out);
    }
    if (json && out != null) {
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("id", c.id());
      summary.put("format", format);
      summary.put("out", out.toAbsolutePath().toString());
      summary.put("actors", c.actors().size());
      summary.put("ties", c.ties().size());
      summary.put("messages", c.messages().size());
      summary.put("sources", c.sources().size());
      stdout.println(ListCommand.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(summary));
    }
    return FulcrumCli.OK;
  }
}
