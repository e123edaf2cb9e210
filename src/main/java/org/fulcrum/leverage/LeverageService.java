package org.fulcrum.leverage;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.fulcrum.analysis.LeverageGraph;
import org.fulcrum.analysis.WorkBudget;
import org.fulcrum.casefile.Actor;
import org.fulcrum.casefile.ActorKind;
import org.fulcrum.casefile.CaseFormatException;
import org.fulcrum.casefile.CaseValidator;
import org.fulcrum.casefile.ImportProblem;
import org.fulcrum.casefile.RawRecord;
import org.fulcrum.casefile.Tie;
import org.fulcrum.cases.CaseService;
import org.fulcrum.error.InvalidRequestException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The one way in to leverage analyses: takes the case's snapshot for the day asked and runs the
 * analysis on it; for a what-if, runs it on the snapshot and on a changed copy and reports what
 * moved. Nothing here writes to the store.
 */
@Service
public class LeverageService {

  /** The source id that ties added in a what-if cite when they give none. */
  public static final String WHAT_IF_SOURCE = "what-if";

  private final CaseSnapshots snapshots;
  private final CaseService cases;

  /** The default time budget of one analysis request, {@code fulcrum.limits.analysis-time}. */
  public static final Duration ANALYSIS_TIME_DEFAULT = Duration.ofSeconds(60);

  private final Duration analysisTime;

  LeverageService(CaseSnapshots snapshots, CaseService cases,
      @Value("${fulcrum.limits.analysis-time:60s}") Duration analysisTime) {
    this.snapshots = snapshots;
    this.cases = cases;
    if (analysisTime.isNegative() || analysisTime.isZero()) {
      throw new IllegalArgumentException("fulcrum.limits.analysis-time must be positive, got " + analysisTime);
    }
    this.analysisTime = analysisTime;
  }

  /**
   * Runs one analysis on the case as of a day, on the whole case or with {@code within} on the
   * neighbourhood of the actors the query names. What the query leaves to the case (a playbook's
   * phase and tempo) is taken from it.
   */
  public <Q, R> R run(String caseId, LocalDate asOf, Integer within, Analysis<Q, R> analysis, Q query) {
    Q completed = analysis.withCaseDefaults(query, () -> cases.summary(caseId));
    return WorkBudget.within(analysisTime,
        () -> analysis.run(graph(caseId, asOf, analysis.focus(completed), within), completed));
  }

  /** The most changes one what-if may make. */
  public static final int WHAT_IF_CHANGES_MAX = 1_000;

  @SafeVarargs
  private static <R> R[] pair(R... both) {
    return both;
  }

  /** The most hops a neighbourhood projection may span. */
  public static final int WITHIN_MAX = 10;

  /**
   * The whole case's snapshot, or with {@code within=N} only the actors within N ties (either
   * direction) of those the request names, and the ties among them. A neighbourhood answer sees
   * only paths inside it: it is for cases too large to project whole.
   */
  private LeverageGraph graph(String caseId, LocalDate asOf, List<String> focus, Integer within) {
    if (within == null) {
      return snapshots.snapshot(caseId, asOf);
    }
    if (within < 1 || within > WITHIN_MAX) {
      throw new InvalidRequestException("within must be between 1 and " + WITHIN_MAX + " hops, got " + within);
    }
    if (focus.isEmpty()) {
      throw new InvalidRequestException("within: this analysis looks at the whole case; a neighbourhood"
          + " needs an analysis that names actors (paths, influence, patrons, chokepoints, plan, red-team,"
          + " forums, playbook)");
    }
    return snapshots.neighbourhood(caseId, asOf, focus, within);
  }

  /**
   * Runs the analysis named in the body on the case and on a changed copy. Its {@code parameters}
   * bind into the analysis's query as the GET endpoint's query parameters do (with {@code within}
   * and {@code asOf}); a name the analysis does not take is refused.
   */
  public WhatIfAnswer whatIf(String caseId, LocalDate asOf, WhatIfRequest body) {
    if (body == null) {
      throw new InvalidRequestException("a body with analysis, parameters and changes is required");
    }
    return whatIf(caseId, asOf, body, Analyses.named(body.analysis()));
  }

  private <Q, R> WhatIfAnswer whatIf(String caseId, LocalDate asOf, WhatIfRequest body, Analysis<Q, R> analysis) {
    QueryParameters parameters = QueryParameters.of(body.parameters());
    Integer within = parameters.get("within", Integer.class);
    LocalDate day = parameters.get("asOf", LocalDate.class);
    Q query = parameters.bind(analysis);
    if (day != null && asOf != null && !day.equals(asOf)) {
      throw new InvalidRequestException("asOf: the query parameter says " + asOf + ", parameters.asOf "
          + day + "; give one");
    }
    query = analysis.withCaseDefaults(query, () -> cases.summary(caseId));
    Scenario changes = body.changes() == null ? new Scenario(null, null, null, null) : body.changes();
    int asked = changes.removeActors().size() + changes.removeTies().size() + changes.addTies().size()
        + changes.reweightTies().size();
    if (asked > WHAT_IF_CHANGES_MAX) {
      throw new InvalidRequestException("changes: at most " + WHAT_IF_CHANGES_MAX + " in one what-if"
          + " (removed actors, removed, added and re-weighted ties together), got " + asked);
    }
    LeverageGraph baseline = graph(caseId, asOf != null ? asOf : day, analysis.focus(query), within);
    LeverageGraph changed = apply(baseline, changes);
    Q completed = query;
    // one budget for both runs: a what-if is one request
    R[] answers = WorkBudget.within(analysisTime, () -> {
      R baselineAnswer = analysis.run(baseline, completed);
      WorkBudget.check(); // the budget spent on the baseline: the scenario is not started
      return pair(baselineAnswer, analysis.run(changed, completed));
    });
    R before = answers[0];
    R after = answers[1];
    List<WhatIfAnswer.Change> difference = difference(analysis.items(query, before), analysis.items(query, after));
    return new WhatIfAnswer(body.analysis(), changes, before, after, analysis.measure(query), difference,
        summary(difference, baseline, changed));
  }

  static LeverageGraph apply(LeverageGraph g, Scenario s) {
    List<ImportProblem> problems = new ArrayList<>();
    Set<String> removedActors = new HashSet<>();
    for (int i = 0; i < s.removeActors().size(); i++) {
      String id = s.removeActors().get(i);
      if (g.indexOf(id).isEmpty()) {
        problems.add(new ImportProblem("changes", null, "$.changes.removeActors[" + i + "]", "removeActors",
            "no actor '" + id + "' in the case's graph"));
      }
      removedActors.add(id);
    }
    Set<String> removedTies = new HashSet<>();
    for (int i = 0; i < s.removeTies().size(); i++) {
      String id = s.removeTies().get(i);
      if (g.tieIndexOf(id).isEmpty()) {
        problems.add(new ImportProblem("changes", null, "$.changes.removeTies[" + i + "]", "removeTies",
            "no tie '" + id + "' valid on " + g.asOf()));
      }
      removedTies.add(id);
    }
    Map<String, Scenario.Reweight> reweights = new HashMap<>();
    for (int i = 0; i < s.reweightTies().size(); i++) {
      Scenario.Reweight r = s.reweightTies().get(i);
      String path = "$.changes.reweightTies[" + i + "]";
      if (r.id() == null || g.tieIndexOf(r.id()).isEmpty()) {
        problems.add(new ImportProblem("changes", null, path + ".id", "id", "no tie '" + r.id() + "' valid on " + g.asOf()));
      }
      checkUnit(r.strength(), path + ".strength", "strength", problems);
      checkUnit(r.confidence(), path + ".confidence", "confidence", problems);
      reweights.put(r.id(), r);
    }
    List<Actor> actors = g.actors().stream().filter(a -> !removedActors.contains(a.id())).toList();
    Map<String, ActorKind> kinds = new HashMap<>();
    actors.forEach(a -> kinds.put(a.id(), a.kind()));
    Set<String> sources = new LinkedHashSet<>();
    g.ties().forEach(t -> sources.addAll(t.sources()));
    g.actors().forEach(a -> sources.addAll(a.sources()));
    sources.add(WHAT_IF_SOURCE);
    var refs = new CaseValidator.References(kinds, sources);
    List<Tie> ties = new ArrayList<>();
    for (Tie t : g.ties()) {
      if (removedTies.contains(t.id()) || removedActors.contains(t.source())
          || removedActors.contains(t.target())) {
        continue;
      }
      Scenario.Reweight r = reweights.get(t.id());
      ties.add(r == null ? t : t.withStrength(r.strength() == null ? t.strength() : r.strength())
          .withConfidence(r.confidence() == null ? t.confidence() : r.confidence()));
    }
    CaseValidator validator = new CaseValidator();
    Set<String> tieIds = new HashSet<>();
    ties.forEach(t -> tieIds.add(t.id()));
    for (int i = 0; i < s.addTies().size(); i++) {
      Map<String, Object> values = new HashMap<>(s.addTies().get(i));
      values.putIfAbsent("sources", List.of(WHAT_IF_SOURCE));
      RawRecord raw = new RawRecord("changes", 0, "$.changes.addTies[" + i + "]", values);
      Tie t = validator.tie(raw, refs, problems);
      if (t != null && !tieIds.add(t.id())) {
        problems.add(raw.problem("id", "a tie with id '" + t.id() + "' already exists; give the new tie another id"));
      } else if (t != null) {
        ties.add(t);
      }
    }
    if (!problems.isEmpty()) {
      throw new CaseFormatException(problems);
    }
    return LeverageGraph.of(g.caseId(), g.asOf(), actors, ties);
  }

  private static void checkUnit(Double v, String path, String field, List<ImportProblem> problems) {
    if (v != null && !(v > 0 && v <= 1)) {
      problems.add(new ImportProblem("changes", null, path, field, "value " + v + " is out of range; expected (0, 1]"));
    }
  }

  static List<WhatIfAnswer.Change> difference(Map<String, Double> before, Map<String, Double> after) {
    Set<String> ids = new LinkedHashSet<>(before.keySet());
    ids.addAll(after.keySet());
    List<WhatIfAnswer.Change> changes = new ArrayList<>();
    for (String id : ids) {
      Double b = before.get(id);
      Double a = after.get(id);
      double change = (a == null ? 0 : a) - (b == null ? 0 : b);
      if (b == null || a == null || Math.abs(change) > 1e-12) {
        changes.add(new WhatIfAnswer.Change(id, b, a, change));
      }
    }
    changes.sort(Comparator.comparingDouble((WhatIfAnswer.Change c) -> Math.abs(c.change())).reversed()
        .thenComparing(WhatIfAnswer.Change::id));
    return List.copyOf(changes);
  }

  private static String summary(List<WhatIfAnswer.Change> difference, LeverageGraph before,
      LeverageGraph after) {
    if (difference.isEmpty()) {
      return "the changes do not alter the result";
    }
    var top = difference.get(0);
    return String.format(Locale.ROOT, "%d item%s changed; the largest change is %s, from %s to %s",
        difference.size(), difference.size() == 1 ? "" : "s", words(top.id(), before, after),
        fmt(top.before()), fmt(top.after()));
  }

  /**
   * An item of an analysis's answer in words: actor ids by name, a path (tie ids joined by
   * " > ") as the chain of actors and tie types it runs along, other words as they are.
   */
  static String words(String item, LeverageGraph before, LeverageGraph after) {
    if (item.contains(" > ")) {
      StringBuilder chain = new StringBuilder();
      for (String id : item.split(" > ")) {
        LeverageGraph g = before.tieIndexOf(id).isPresent() ? before : after;
        var e = g.tieIndexOf(id);
        if (e.isEmpty()) {
          return item;
        }
        if (chain.isEmpty()) {
          chain.append(g.actor(g.source(e.get())).name());
        }
        chain.append(" -").append(g.tie(e.get()).type().label()).append("-> ")
            .append(g.actor(g.target(e.get())).name());
      }
      return "the path " + chain;
    }
    return java.util.Arrays.stream(item.split(" ")).map(w -> before.indexOf(w)
            .or(() -> after.indexOf(w)).map(v -> (before.indexOf(w).isPresent() ? before : after)
                .actor(v).name()).orElse(w))
        .collect(java.util.stream.Collectors.joining(" "));
  }

  private static String fmt(Double v) {
    return v == null ? "absent" : String.format(Locale.ROOT, "%.3g", v);
  }
}
