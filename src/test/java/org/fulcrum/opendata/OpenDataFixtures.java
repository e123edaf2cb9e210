package org.fulcrum.opendata;

import java.nio.file.Path;
import java.util.EnumSet;
import org.fulcrum.analysis.LeverageGraph;
import org.fulcrum.casefile.CaseFile;

/** The bundled open-data folder and helpers shared by the step tests. */
final class OpenDataFixtures {

  static final DataFiles FILES = new DataFiles(Path.of("datasets/open-data"));
  static final CountryCodes CODES = CountryCodes.load(FILES);

  private OpenDataFixtures() {}

  static OpenDataCaseBuilder.Build build(String iso3, int from, int to, OpenDataSource first,
      OpenDataSource... rest) {
    return new OpenDataCaseBuilder(FILES).build(BuildRequest.of(iso3, from, to, EnumSet.of(first, rest)));
  }

  static CaseFile caseOf(OpenDataCaseBuilder.Build build) {
    return new CaseAssembler().assemble(build, null).caseFile();
  }

  static LeverageGraph graph(CaseFile c) {
    return LeverageGraph.of(c.id(), c.asOf(), c.actors(), c.ties());
  }
}
