package org.fulcrum.opendata;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The pipeline: resolves the target country, checks that every file the requested sources need
 * is present (so a missing file fails before anything is read), then runs one step per source in
 * a fixed order. States are added by the arms, contiguity, alliance, veto and event steps; the
 * UNGA and IGO steps only weigh states already in the case.
 */
public final class OpenDataCaseBuilder {

  /** The steps' order, and the files each needs. */
  static final Map<OpenDataSource, List<String>> FILES = new EnumMap<>(Map.of(
      OpenDataSource.ARMS, List.of(DataFiles.SIPRI_TIV),
      OpenDataSource.CONTIGUITY, List.of(DataFiles.CONTIGUITY),
      OpenDataSource.ALLIANCES, List.of(DataFiles.ATOP),
      OpenDataSource.VETOES, List.of(DataFiles.VETOES),
      OpenDataSource.EVENTS, List.of(DataFiles.CAMEO_CODES),
      OpenDataSource.UNGA, List.of(DataFiles.UNGA_ROLL_CALLS, DataFiles.UNGA_VOTES),
      OpenDataSource.IGO, List.of(DataFiles.IGO)));

  private final DataFiles files;

  public OpenDataCaseBuilder(DataFiles files) {
    this.files = Objects.requireNonNull(files, "files");
  }

  /** A generated draft and what each step did. */
  public record Build(BuildRequest request, Country target, CaseDraft draft,
      List<BuildStep.Outcome> steps) {}

  public Build build(BuildRequest request) {
    if (!files.has(DataFiles.CROSSWALK)) {
      throw new DataFiles.MissingDataFileException(DataFiles.CROSSWALK, files.dir());
    }
    for (OpenDataSource s : request.sources()) {
      for (String f : FILES.get(s)) {
        if (!files.has(f)) {
          throw new DataFiles.MissingDataFileException(f, files.dir());
        }
      }
    }
    CountryCodes codes = CountryCodes.load(files);
    Country target = codes.require(request.country());
    CaseDraft draft = new CaseDraft(request, target);
    List<BuildStep.Outcome> outcomes = new ArrayList<>();
    for (BuildStep step : steps(request, codes)) {
      outcomes.add(step.apply(draft));
    }
    return new Build(request, target, draft, List.copyOf(outcomes));
  }

  private List<BuildStep> steps(BuildRequest request, CountryCodes codes) {
    List<BuildStep> steps = new ArrayList<>();
    for (OpenDataSource s : OpenDataSource.values()) {
      if (!request.uses(s)) {
        continue;
      }
      steps.add(switch (s) {
        case ARMS -> new ArmsDependence(files, codes);
        case CONTIGUITY -> new Contiguity(files, codes);
        case ALLIANCES -> new Alliances(files, codes);
        case VETOES -> new SecurityCouncilVetoes(files, codes);
        case EVENTS -> EventAggregation.discover(files, codes, CameoCodes.load(files),
            new EventActorResolver(codes, PhoenixDictionary.load(files)));
        case UNGA -> new GeneralAssemblyAffinity(files, codes);
        case IGO -> new IgoCoMembership(files, codes);
      });
    }
    return steps;
  }
}
