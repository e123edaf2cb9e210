package org.fulcrum.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.fulcrum.casefile.Actor;
import org.fulcrum.casefile.CaseFile;
import org.fulcrum.casefile.CaseFormatException;
import org.fulcrum.casefile.CaseSummary;
import org.fulcrum.casefile.CaseValidator;
import org.fulcrum.casefile.ImportProblem;
import org.fulcrum.casefile.RawRecord;
import org.fulcrum.casefile.Tie;
import org.fulcrum.error.InvalidRequestException;
import org.fulcrum.store.SchemaMigrations;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way in to cases: import, export, delete, and edits of single actors, ties, messages and
 * sources, each validated exactly as an import would be and written in one transaction.
 */
@Service
public class CaseService {

  private final CaseGraphRepository repository;
  private final CaseHistory history;
  private final ObjectProvider<CaseGate> gate;
  private final ApplicationEventPublisher events;
  private final CaseValidator validator = new CaseValidator();

  private final CaseGraphPort graph;
  private final TransactionTemplate transactions;
  private final TransactionTemplate writes;
  private final StagedImport staged;

  CaseService(CaseGraphRepository repository, CaseHistory history, ObjectProvider<CaseGate> gate,
      ApplicationEventPublisher events, SchemaMigrations schema, CaseGraphPort graph,
      PlatformTransactionManager transactionManager, StagedImport staged) {
    this.repository = repository;
    this.history = history;
    this.gate = gate;
    this.events = events;
    this.graph = graph;
    this.transactions = new TransactionTemplate(transactionManager);
    this.transactions.setReadOnly(true);
    this.writes = new TransactionTemplate(transactionManager);
    this.staged = staged;
  }

  /** What an import did. */
  public record ImportResult(CaseSummary summary, boolean replaced) {}

  /**
   * Stores a validated case, replacing any case with the same id. Either way readers see the old
   * case or the new one, whole: a new case is written in batches and appears in the last
   * transaction ({@link StagedImport#write}); a replacement is written beside the old case in
   * batches and swapped in in one transaction of property writes ({@link StagedImport#replace}).
   * A concurrent import or replacement of the same id is answered 409.
   */
  public ImportResult importCase(CaseFile caseFile) {
    if (!visible(caseFile.id())) {
      throw new RecordInUseException("the case id '" + caseFile.id() + "' is taken; choose another",
          List.of("case " + caseFile.id()));
    }
    boolean replaced;
    if (staged.claim(caseFile.id())) {
      staged.write(caseFile, () -> history.record(caseFile.id(), "import", "case", caseFile.id(),
          List.of(), null, caseFile.summary()));
      replaced = false;
    } else {
      // in batches beside the old case, then swapped in in one transaction; one at a time (409)
      staged.replace(caseFile, before -> history.record(caseFile.id(), "replace", "case", caseFile.id(),
          List.of(), before, caseFile.summary()));
      replaced = true;
    }
    events.publishEvent(new CaseChangedEvent(caseFile.id()));
    return new ImportResult(caseFile.summary(), replaced);
  }

  @Transactional(readOnly = true)
  public List<CaseSummary> list() {
    return repository.list().stream().filter(c -> visible(c.id())).toList();
  }

  /** Whether the current user may see the case (always, without sign-in). */
  public boolean visible(String caseId) {
    CaseGate g = gate.getIfAvailable();
    return g == null || g.visible(caseId);
  }

  @Transactional(readOnly = true)
  public CaseSummary summary(String caseId) {
    return repository.summary(caseId).orElseThrow(() -> CaseNotFoundException.caseId(caseId));
  }

  @Transactional(readOnly = true)
  public boolean exists(String caseId) {
    return repository.exists(caseId);
  }

  @Transactional(readOnly = true)
  public CaseFile export(String caseId) {
    return repository.load(caseId).orElseThrow(() -> CaseNotFoundException.caseId(caseId));
  }

  /** A case's as-of date, actors and ties: the input of every analysis. */
  public record GraphContent(LocalDate asOf, List<Actor> actors, List<Tie> ties) {}

  /** The case's as-of date, without counting its contents. */
  @Transactional(readOnly = true)
  public LocalDate asOf(String caseId) {
    return repository.asOf(caseId).orElseThrow(() -> CaseNotFoundException.caseId(caseId));
  }

  /**
   * The analyses' input, through the {@link CaseGraphPort} (in process on the embedded store); the
   * date, which also checks that the case exists, comes through the driver.
   */
  public GraphContent graphContent(String caseId) {
    LocalDate asOf = transactions.execute(status -> asOf(caseId));
    CaseGraphPort.Snapshot content = graph.read(caseId);
    return new GraphContent(asOf, content.actors(), content.ties());
  }

  /**
   * The analyses' input restricted to the actors within {@code hops} ties (either direction) of
   * the given ones, and the ties among them: for cases too large to project whole.
   */
  @Transactional(readOnly = true)
  public GraphContent neighbourhoodContent(String caseId, Collection<String> actorIds, int hops) {
    LocalDate asOf = asOf(caseId);
    Set<String> ids = repository.neighbourhood(caseId, actorIds, hops);
    return new GraphContent(asOf, repository.actors(caseId, ids), repository.tiesAmong(caseId, ids));
  }

  /** The same, always through the driver: the reference the in-process adapter is tested against. */
  @Transactional(readOnly = true)
  public GraphContent graphContentOverBolt(String caseId) {
    return new GraphContent(asOf(caseId), repository.actors(caseId), repository.ties(caseId, false));
  }

  @Transactional
  public void delete(String caseId) {
    CaseSummary before = repository.summary(caseId).orElse(null);
    if (!repository.delete(caseId)) {
      throw CaseNotFoundException.caseId(caseId);
    }
    history.record(caseId, "delete", "case", caseId, List.of(), before, null);
    events.publishEvent(new CaseChangedEvent(caseId));
  }

  // ---- records: one path for actors, ties, messages and sources (RecordKind) ----------------

  @Transactional(readOnly = true)
  public <T> List<T> records(RecordKind<T> kind, String caseId) {
    requireCase(caseId);
    return kind.all(repository, caseId);
  }

  /**
   * Creates ({@code create}: 409 if the id is taken) or creates-or-replaces a record, validated as
   * an import would validate it; a replacement must name the current version ({@code ifMatch}).
   *
   * <p>One transaction that first takes the case node's write lock ({@link
   * CaseGraphRepository#lockCase}), then reads the record and its version, checks them and writes:
   * concurrent writes to one case take turns, so of N writers naming the same version exactly one
   * wins and the others see the version it wrote (409), of N creating one id exactly one creates it,
   * and the history gets one entry per version. A transaction Neo4j rolls back as a deadlock is
   * tried again, a bounded number of times ({@link ConcurrentChangeException#retried}).
   */
  public <T> Versioned<T> save(RecordKind<T> kind, String caseId, RawRecord body, boolean create,
      Long ifMatch) {
    return ConcurrentChangeException.retried("saving " + kind.name() + " in case '" + caseId + "'",
        () -> writes.execute(status -> {
          lockCase(caseId);
          T record = valid(body, problems ->
              kind.validate(validator, body, () -> repository.references(caseId), problems));
          String id = kind.id(record);
          Current<T> now = current(kind, caseId, id);
          T before = now.record();
          checkCreate(create, now.exists(), kind.name(), id);
          long version = nextVersion(caseId, kind.name(), id, ifMatch, before);
          kind.checkReplace(repository, caseId, before, record, body);
          kind.save(repository, caseId, record, version);
          recorded(caseId, kind, id, now, record);
          return new Versioned<>(record, version);
        }));
  }

  /**
   * Deletes a record no other record refers to; {@code ifMatch}, when given, must be current. Under
   * the case's lock, as {@link #save} is.
   */
  public <T> void delete(RecordKind<T> kind, String caseId, String id, Long ifMatch) {
    ConcurrentChangeException.retried("deleting " + kind.name() + " '" + id + "' in case '" + caseId + "'",
        () -> writes.execute(status -> {
          lockCase(caseId);
          Current<T> now = current(kind, caseId, id);
          if (!now.exists()) {
            throw CaseNotFoundException.record(caseId, kind.name(), id);
          }
          checkDelete(caseId, kind.name(), id, ifMatch, now.record());
          kind.checkUnused(repository, caseId, id);
          if (!kind.delete(repository, caseId, id)) {
            throw CaseNotFoundException.record(caseId, kind.name(), id);
          }
          recorded(caseId, kind, id, now, null);
          return null;
        }));
  }

  /**
   * A record as stored now: absent, readable, or present with a value Fulcrum cannot read (written
   * past it, over Bolt), which a save or delete through the API may then replace: the repair.
   */
  private record Current<T>(T record, UnreadableRecordException unreadable) {
    boolean exists() {
      return record != null || unreadable != null;
    }

    /** What the history shows as the record before the change. */
    Object shown() {
      return record != null ? record : unreadable == null ? null
          : java.util.Map.of("unreadable", unreadable.getMessage());
    }
  }

  private <T> Current<T> current(RecordKind<T> kind, String caseId, String id) {
    try {
      return new Current<>(kind.find(repository, caseId, id).orElse(null), null);
    } catch (UnreadableRecordException e) {
      return new Current<>(null, e.inCase(caseId));
    }
  }

  /** Takes the case's write lock for the rest of the transaction; 404 if there is no such case. */
  private void lockCase(String caseId) {
    if (!repository.lockCase(caseId)) {
      throw CaseNotFoundException.caseId(caseId);
    }
  }

  // ---- versions and history ----------------------------------------------------------------

  /** A record with its version (the HTTP ETag). */
  public record Versioned<T>(T record, long version) {}

  @Transactional(readOnly = true)
  public <T> Versioned<T> versioned(RecordKind<T> kind, String caseId, String id) {
    requireCase(caseId);
    T record = kind.find(repository, caseId, id)
        .orElseThrow(() -> CaseNotFoundException.record(caseId, kind.name(), id));
    return new Versioned<>(record, repository.version(caseId, kind.name(), id).orElse(1L));
  }

  /**
   * The version a save writes: 1 for a new record; for a replacement, one more than the current
   * version, which the writer must name ({@code If-Match}).
   */
  private long nextVersion(String caseId, String kind, String id, Long ifMatch, Object before) {
    Long current = repository.version(caseId, kind, id).orElse(null);
    if (current == null) {
      if (ifMatch != null) {
        throw new VersionConflictException(kind + " '" + id + "' no longer exists (version " + ifMatch
            + " was named); create it again without If-Match", false, null, null);
      }
      return 1;
    }
    if (ifMatch == null) {
      throw new VersionConflictException(kind + " '" + id + "' exists (version " + current
          + "); replacing it needs If-Match with the version you read, so no one's change is"
          + " overwritten unseen", true, current, before);
    }
    if (!ifMatch.equals(current)) {
      throw new VersionConflictException(kind + " '" + id + "' was changed by someone else: it is at"
          + " version " + current + ", not " + ifMatch + "; read it again and reapply your change",
          false, current, before);
    }
    return current + 1;
  }

  /** A delete may name the version it read; a different current version is a conflict. */
  private void checkDelete(String caseId, String kind, String id, Long ifMatch, Object before) {
    Long current = repository.version(caseId, kind, id).orElse(1L);
    if (ifMatch != null && !ifMatch.equals(current)) {
      throw new VersionConflictException(kind + " '" + id + "' was changed by someone else: it is at"
          + " version " + current + ", not " + ifMatch, false, current, before);
    }
  }

  private <T> void recorded(String caseId, RecordKind<T> kind, String id, Current<T> before, T after) {
    history.record(caseId, !before.exists() ? "create" : after == null ? "delete" : "update", kind.name(),
        id, kind.actorsNamed(before.record(), after), before.shown(), after);
    changed(caseId);
  }

  /**
   * The case's changes, newest first; the history outlives the case. {@code actor} keeps changes
   * whose record names that actor, {@code item} changes to that record.
   */
  @Transactional(readOnly = true)
  public List<CaseHistory.Change> history(String caseId, String actor, String item, int limit) {
    if (limit < 1 || limit > 10_000) {
      throw new InvalidRequestException("limit must be between 1 and 10000, got " + limit);
    }
    if (!repository.exists(caseId) && !history.any(caseId)) {
      throw CaseNotFoundException.caseId(caseId);
    }
    return history.list(caseId, actor, item, limit);
  }

  // ---- helpers -----------------------------------------------------------------------------

  private void requireCase(String caseId) {
    if (!repository.exists(caseId)) {
      throw CaseNotFoundException.caseId(caseId);
    }
  }

  private static <T> T valid(RawRecord body, Function<List<ImportProblem>, T> check) {
    List<ImportProblem> problems = new ArrayList<>();
    T value = check.apply(problems);
    if (!problems.isEmpty() || value == null) {
      throw new CaseFormatException(problems);
    }
    return value;
  }

  private static void checkCreate(boolean create, boolean exists, String what, String id) {
    if (create && exists) {
      throw new RecordInUseException(what + " '" + id + "' already exists; use PUT to replace it",
          List.of(what + " " + id));
    }
  }

  private void changed(String caseId) {
    repository.touch(caseId);
    events.publishEvent(new CaseChangedEvent(caseId));
  }
}
