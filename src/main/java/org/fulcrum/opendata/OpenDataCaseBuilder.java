package org.fulcrum.opendata;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.fulcrum.error.InvalidRequestException;

/**
 * The pipeline: resolves the target country, checks that every file the requested sources need
 * is present (so a missing file fails before anything is read), then runs one step per source in
 * a fixed order. States are added by the arms, contiguity, alliance, veto and event steps; the
 * UNGA and IGO steps only weigh states already in the case. The engagers' states are added
 * first; after the steps, {@link SecondRing} reads the engagers' dyads with the states the steps
 * found (its outcomes are reported under the source they read, noted "second ring").
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
    CountryCodes codes = CountryCodes.of(files);
    Country target = codes.require(request.country());
    List<Country> engagers = new ArrayList<>();
    for (String e : request.engagers()) {
      engagers.add(codes.iso3(e).orElseThrow(() -> new InvalidRequestException("engager: '" + e
          + "' is not an ISO 3166 alpha-3 code in the country crosswalk (e.g. USA, GBR, FRA)")));
    }
    CaseDraft draft = new CaseDraft(request, target);
    // The engagers are in the case from the start, so the UNGA and IGO steps weigh their own
    // ties to the target as they weigh every other state's.
    engagers.forEach(draft::state);
    List<BuildStep.Outcome> outcomes = new ArrayList<>();
    EventAggregation events = null;
    for (BuildStep step : steps(request, codes)) {
      outcomes.add(step.apply(draft));
      if (step instanceof EventAggregation e) {
        events = e;
      }
    }
    if (!engagers.isEmpty()) {
      outcomes.addAll(new SecondRing(files, codes, events).apply(draft, engagers));
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
        case EVENTS -> EventAggregation.discover(files, codes,
            files.memo("cameo", () -> CameoCodes.load(files)),
            new EventActorResolver(codes, files.memo("phoenix", () -> PhoenixDictionary.load(files))));
        case UNGA -> new GeneralAssemblyAffinity(files, codes);
        case IGO -> new IgoCoMembership(files, codes);
      });
    }
    return steps;
  }
}
