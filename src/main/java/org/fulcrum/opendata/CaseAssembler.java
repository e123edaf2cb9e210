package org.fulcrum.opendata;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.fulcrum.casefile.Actor;
import org.fulcrum.casefile.CaseCodec;
import org.fulcrum.casefile.CaseFile;
import org.fulcrum.casefile.Message;
import org.fulcrum.casefile.Phase;
import org.fulcrum.casefile.Source;
import org.fulcrum.casefile.Tempo;
import org.fulcrum.casefile.Tie;

/**
 * Merges a generated draft with the case already stored under the same id, if any, and validates
 * the result as an import would. Generated records ({@value Ids#PREFIX} ids) are replaced; every
 * other record is kept as it is, with these rules:
 *
 * <ul>
 *   <li>the header (title, description, date, tempo, phase) of an existing case is kept;
 *   <li>a generated actor that exists keeps its hand-set capability, salience and target group
 *       (the open data does not measure them); its name, kind, country, position and sources are
 *       refreshed;
 *   <li>a generated actor or source that the re-build no longer produces is kept if a hand-made
 *       record still refers to it, so that nothing hand-made dangles.
 * </ul>
 */
public final class CaseAssembler {

  private final CaseCodec codec = new CaseCodec();

  /** The merged case and how many records of each kind were generated or kept. */
  public record Assembled(CaseFile caseFile, int generatedActors, int generatedTies,
      int keptActors, int keptTies, int keptMessages, int carriedOver) {}

  public Assembled assemble(OpenDataCaseBuilder.Build build, CaseFile existing) {
    BuildRequest req = build.request();
    CaseDraft draft = build.draft();
    Map<String, Actor> actors = new LinkedHashMap<>();
    Map<String, Actor> old = new HashMap<>();
    if (existing != null) {
      existing.actors().forEach(a -> old.put(a.id(), a));
    }
    for (Actor a : draft.actors()) {
      Actor before = old.get(a.id());
      actors.put(a.id(), before == null ? a : new Actor(a.id(), a.name(), a.kind(), a.country(),
          a.position(), before.capability(), before.salience(), before.targetGroup(),
          a.decisionRule(), a.decisionThreshold(), a.blockingMinority(), a.sources()));
    }
    List<Tie> ties = new ArrayList<>(draft.ties());
    Map<String, Source> sources = new LinkedHashMap<>();
    draft.sources().forEach(s -> sources.put(s.id(), s));
    int keptActors = 0;
    int keptTies = 0;
    List<Message> messages = List.of();
    int carried = 0;
    if (existing != null) {
      Map<String, Source> oldSources = existing.sources().stream()
          .collect(Collectors.toMap(Source::id, s -> s, (a, b) -> a, LinkedHashMap::new));
      Set<String> referenced = new HashSet<>();
      Set<String> cited = new HashSet<>();
      for (Actor a : existing.actors()) {
        if (!Ids.generated(a.id())) {
          actors.put(a.id(), a);
          keptActors++;
          cited.addAll(a.sources());
        }
      }
      for (Tie t : existing.ties()) {
        if (!Ids.generated(t.id())) {
          ties.add(t);
          keptTies++;
          referenced.add(t.source());
          referenced.add(t.target());
          cited.addAll(t.sources());
        }
      }
      messages = existing.messages();
      for (Message m : messages) {
        referenced.add(m.speaker());
        referenced.add(m.audience());
        if (m.forum() != null) {
          referenced.add(m.forum());
        }
        cited.addAll(m.sources());
      }
      for (String id : referenced) {
        Actor gone = old.get(id);
        if (gone != null && !actors.containsKey(id)) {
          actors.put(id, gone);
          cited.addAll(gone.sources());
          carried++;
        }
      }
      for (Source s : existing.sources()) {
        if (!Ids.generated(s.id())) {
          sources.putIfAbsent(s.id(), s);
        }
      }
      for (String id : cited) {
        if (!sources.containsKey(id) && oldSources.containsKey(id)) {
          sources.put(id, oldSources.get(id));
        }
      }
    }
    CaseFile merged = existing != null
        ? new CaseFile(req.caseId(), existing.title(), existing.description(), existing.asOf(),
            existing.tempo(), existing.phase(), List.copyOf(sources.values()),
            List.copyOf(actors.values()), ties, messages)
        : new CaseFile(req.caseId(), title(build), description(build), asOf(req), Tempo.ROLLING,
            Phase.ESCALATING, List.copyOf(sources.values()), List.copyOf(actors.values()), ties,
            messages);
    // Validated exactly as an import: a generated case that breaks a rule is a bug, a merged
    // one may break it through a hand edit; either way the problems name the records.
    CaseFile valid = codec.readJson("open-data build of " + req.caseId(),
        new ByteArrayInputStream(codec.toJson(merged)));
    return new Assembled(valid, draft.actors().size(), draft.ties().size(), keptActors, keptTies,
        messages.size(), carried);
  }

  static LocalDate asOf(BuildRequest req) {
    return LocalDate.of(req.to(), 12, 31);
  }

  static String title(OpenDataCaseBuilder.Build build) {
    BuildRequest r = build.request();
    return build.target().name() + " " + r.from() + "-" + r.to() + ": state-level leverage from"
        + " open data";
  }

  static String description(OpenDataCaseBuilder.Build build) {
    BuildRequest r = build.request();
    return "Generated by Fulcrum's open-data builder for " + build.target().name() + " ("
        + build.target().iso3() + "), " + r.from() + "-" + r.to() + ", from: "
        + r.sources().stream().map(OpenDataSource::label).collect(Collectors.joining(", "))
        + ". Records with ids starting 'od-' are regenerated on every re-build; add leaders,"
        + " units, businesses and media with other ids and they are kept. Tempo and phase are"
        + " placeholders: set them by hand. Rules: docs/open-data.md.";
  }
}
