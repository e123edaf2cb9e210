package org.fulcrum.leverage;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.fulcrum.analysis.LeverageGraph;
import org.fulcrum.cases.CaseChangedEvent;
import org.fulcrum.cases.CaseService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Immutable leverage-graph snapshots of cases, one per case and day, projected out of Neo4j once
 * and shared by every analysis until the case changes. A change (after its transaction commits)
 * bumps the case's version and drops its snapshots; a projection that raced with a change is used
 * once but not cached, so the cache never holds a graph older than the last commit.
 */
@Component
public class CaseSnapshots {

  private record Key(String caseId, LocalDate asOf) {}

  private record Cached(long version, LeverageGraph graph) {}

  private final CaseService cases;
  private final Map<Key, Cached> cache = new ConcurrentHashMap<>();
  private final Map<String, LocalDate> caseDays = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> versions = new ConcurrentHashMap<>();

  CaseSnapshots(CaseService cases) {
    this.cases = cases;
  }

  /**
   * The case's graph on a day: ties valid on {@code asOf}, or on the case's own as-of date when
   * {@code asOf} is {@code null}.
   */
  public LeverageGraph snapshot(String caseId, LocalDate asOf) {
    long version = version(caseId).get();
    LocalDate day = asOf != null ? asOf
        : caseDays.computeIfAbsent(caseId, cases::asOf);
    Key key = new Key(caseId, day);
    Cached cached = cache.get(key);
    if (cached != null && cached.version() == version) {
      return cached.graph();
    }
    var content = cases.graphContent(caseId);
    LeverageGraph graph = LeverageGraph.of(caseId, day, content.actors(), content.ties());
    if (version(caseId).get() == version) {
      cache.put(key, new Cached(version, graph));
    }
    return graph;
  }

  /**
   * The neighbourhood within {@code hops} ties of the given actors, on a day: read for this
   * request only, never cached (it serves cases too large to hold whole).
   */
  public LeverageGraph neighbourhood(String caseId, LocalDate asOf, Collection<String> actorIds, int hops) {
    var content = cases.neighbourhoodContent(caseId, actorIds, hops);
    LocalDate day = asOf != null ? asOf : content.asOf();
    return LeverageGraph.of(caseId, day, content.actors(), content.ties());
  }

  private AtomicLong version(String caseId) {
    return versions.computeIfAbsent(caseId, id -> new AtomicLong());
  }

  @TransactionalEventListener(fallbackExecution = true)
  void onChange(CaseChangedEvent event) {
    version(event.caseId()).incrementAndGet();
    caseDays.remove(event.caseId());
    cache.keySet().removeIf(k -> k.caseId().equals(event.caseId()));
  }
}
