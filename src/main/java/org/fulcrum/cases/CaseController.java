package org.fulcrum.cases;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.util.List;
import org.fulcrum.casefile.CaseCodec;
import org.fulcrum.casefile.CaseFile;
import org.fulcrum.casefile.CaseSummary;
import org.fulcrum.casefile.JsonCaseReader;
import org.fulcrum.error.InvalidRequestException;
import org.fulcrum.interchange.GraphExporter;
import org.fulcrum.interchange.GraphFormat;
import org.fulcrum.interchange.GraphMlReader;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cases")
@Tag(name = "Cases", description = "Import, list, export and delete cases (analysis workspaces)")
class CaseController {

  private static final String ZIP = "application/zip";
  private static final String GRAPHML = "application/graphml+xml";

  private final CaseService cases;
  private final CaseCodec codec = new CaseCodec();
  private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
      .build();

  CaseController(CaseService cases) {
    this.cases = cases;
  }

  /** The answer to an import. */
  record ImportAnswer(String id, String title, int actors, int ties, int messages, int sources,
      boolean replaced) {
    static ImportAnswer of(CaseService.ImportResult r) {
      CaseSummary s = r.summary();
      return new ImportAnswer(s.id(), s.title(), s.actors(), s.ties(), s.messages(), s.sources(),
          r.replaced());
    }
  }

  @Operation(summary = "Import a case from JSON",
      description = "Validates the whole file and reports every problem at once (400 with `errors`,"
          + " nothing written); a valid case replaces any case with the same id.")
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ImportAnswer> importJson(@RequestBody byte[] body) {
    return imported(codec.readJson("request body", new ByteArrayInputStream(body)));
  }

  @Operation(summary = "Import a case from a zip of CSV files",
      description = "The zip holds case.csv, sources.csv, actors.csv and optionally ties.csv and"
          + " messages.csv.")
  @PostMapping(consumes = ZIP)
  ResponseEntity<ImportAnswer> importZip(@RequestBody byte[] body) {
    return imported(codec.readCsvZip("request body", new ByteArrayInputStream(body)));
  }

  @Operation(summary = "Import a case from GraphML",
      description = "Nodes are actors, directed edges ties, data keys named by attr.name their"
          + " fields; graph-level data holds the case header and `sources` (a JSON list). Validated"
          + " like every import.")
  @PostMapping(consumes = GRAPHML)
  ResponseEntity<ImportAnswer> importGraphMl(@RequestBody byte[] body) {
    return imported(new GraphMlReader().read("request body", new ByteArrayInputStream(body)));
  }

  private ResponseEntity<ImportAnswer> imported(CaseFile caseFile) {
    var result = cases.importCase(caseFile);
    return ResponseEntity.created(URI.create("/api/cases/" + caseFile.id()))
        .body(ImportAnswer.of(result));
  }

  @Operation(summary = "List cases with their counts")
  @GetMapping
  List<CaseSummary> list() {
    return cases.list();
  }

  @Operation(summary = "One case's header with counts of actors, ties, messages and sources")
  @GetMapping("/{caseId}")
  CaseSummary get(@PathVariable String caseId) {
    return cases.summary(caseId);
  }

  @Operation(summary = "Export a case",
      description = "format=json (default) gives the dataset JSON; format=csv a zip of the CSV files."
          + " Either imports back unchanged. format=graphml, gexf or cytoscape (Cytoscape.js JSON)"
          + " give the actors and ties as a graph with every field and the sources"
          + " (docs/dataset-format.md, \"Graph formats\"); GraphML imports back.")
  @GetMapping("/{caseId}/export")
  ResponseEntity<byte[]> export(@PathVariable String caseId,
      @RequestParam(defaultValue = "json") String format,
      @Parameter(description = "json only: add the case's change history as a top-level `history`"
          + " list (skipped when the file is imported again)") @RequestParam(defaultValue = "false") boolean history) {
    CaseFile caseFile = cases.export(caseId);
    if (format.equals("json")) {
      byte[] json = codec.toJson(caseFile);
      if (history) {
        var tree = (tools.jackson.databind.node.ObjectNode) JSON.readTree(json);
        tree.set(JsonCaseReader.HISTORY, JSON.valueToTree(cases.history(caseId, null, null, 10_000)));
        json = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(tree);
      }
      return attachment(json, MediaType.APPLICATION_JSON, caseId + ".json");
    }
    if (history) {
      throw new InvalidRequestException("history can be exported with format=json only");
    }
    if (format.equals("csv")) {
      var out = new ByteArrayOutputStream();
      codec.writeCsvZip(caseFile, out);
      return attachment(out.toByteArray(), MediaType.parseMediaType(ZIP), caseId + "-csv.zip");
    }
    var graph = GraphFormat.parse(format);
    if (graph.isPresent()) {
      return attachment(new GraphExporter().toBytes(caseFile, graph.get()),
          MediaType.parseMediaType(graph.get().mediaType()), caseId + graph.get().extension());
    }
    throw new InvalidRequestException("format must be json, csv, " + GraphFormat.labels()
        + ", got '" + format + "'");
  }

  @Operation(summary = "A case's change history, newest first",
      description = "Every import, create, update and delete: who (`author`), when (`at`), what"
          + " (`action`, `kind`, `item`) and the record before and after. Append-only; it outlives"
          + " the case. `actor` keeps changes to records that name that actor; `item` changes to"
          + " one record (an actor, tie, message or source id).")
  @GetMapping("/{caseId}/history")
  List<CaseHistory.Change> history(@PathVariable String caseId,
      @RequestParam(required = false) String actor, @RequestParam(required = false) String item,
      @RequestParam(required = false) String tie, @RequestParam(defaultValue = "100") int limit) {
    if (tie != null && item != null && !tie.equals(item)) {
      throw new InvalidRequestException("give either tie or item, not two different ids");
    }
    return cases.history(caseId, actor, tie != null ? tie : item, limit);
  }

  private static ResponseEntity<byte[]> attachment(byte[] body, MediaType type, String name) {
    return ResponseEntity.ok().contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name).build().toString())
        .body(body);
  }

  @Operation(summary = "Delete a case and everything in it")
  @DeleteMapping("/{caseId}")
  ResponseEntity<Void> delete(@PathVariable String caseId) {
    cases.delete(caseId);
    return ResponseEntity.noContent().build();
  }
}
