package org.fulcrum.opendata.web;

import java.nio.file.Path;
import java.util.List;
import org.fulcrum.casefile.CaseFile;
import org.fulcrum.cases.CaseService;
import org.fulcrum.opendata.BuildRequest;
import org.fulcrum.opendata.BuildStep;
import org.fulcrum.opendata.CaseAssembler;
import org.fulcrum.opendata.DataFiles;
import org.fulcrum.opendata.OpenDataCaseBuilder;
import org.springframework.stereotype.Service;

/**
 * The one way in to open-data cases: build the generated records, merge them with the stored case
 * of the same id (keeping every hand-made record), validate, and import all-or-nothing.
 */
@Service
public class OpenDataService {

  private final CaseService cases;
  private final OpenDataProperties properties;

  OpenDataService(CaseService cases, OpenDataProperties properties) {
    this.cases = cases;
    this.properties = properties;
  }

  /** What a build did. */
  public record BuildResult(String caseId, boolean replaced, int actors, int ties, int sources,
      int generatedActors, int generatedTies, int keptActors, int keptTies, int keptMessages,
      List<BuildStep.Outcome> steps, String dataDir) {}

  public BuildResult build(BuildRequest request) {
    return build(request, (Path) null);
  }

  /** Builds from {@code dataDir}, or from {@code fulcrum.open-data.dir} when it is null. */
  public BuildResult build(BuildRequest request, Path dataDir) {
    return build(request, files(dataDir));
  }

  /**
   * The files of {@code dataDir}, or of {@code fulcrum.open-data.dir} when it is null, with the
   * bundled copy behind them. One object shared by several builds reads each file once.
   */
  public DataFiles files(Path dataDir) {
    return new DataFiles(dataDir == null ? properties.dir() : dataDir);
  }

  /** Builds from the given files (shared by the watch list's builds). */
  public BuildResult build(BuildRequest request, DataFiles files) {
    Path dir = files.dir();
    var build = new OpenDataCaseBuilder(files).build(request);
    CaseFile existing = cases.exists(request.caseId()) ? cases.export(request.caseId()) : null;
    var assembled = new CaseAssembler().assemble(build, existing);
    var imported = cases.importCase(assembled.caseFile());
    var s = imported.summary();
    return new BuildResult(s.id(), imported.replaced(), s.actors(), s.ties(), s.sources(),
        assembled.generatedActors(), assembled.generatedTies(), assembled.keptActors(),
        assembled.keptTies(), assembled.keptMessages(), build.steps(), dir.toString());
  }
}
