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
import org.fulcrum.casefile.CaseValidator.References;
import org.fulcrum.casefile.ImportProblem;
import org.fulcrum.casefile.Message;
import org.fulcrum.casefile.RawRecord;
import org.fulcrum.casefile.Source;
import org.fulcrum.casefile.Tie;
import org.fulcrum.store.SchemaMigrations;
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
  private final ApplicationEventPublisher events;
  private final CaseValidator validator = new CaseValidator();

  private final EmbeddedCaseReader embedded;
  private final TransactionTemplate transactions;

  CaseService(CaseGraphRepository repository, ApplicationEventPublisher events,
      SchemaMigrations schema, EmbeddedCaseReader embedded, PlatformTransactionManager transactionManager) {
    this.repository = repository;
    this.events = events;
    this.embedded = embedded;
    this.transactions = new TransactionTemplate(transactionManager);
    this.transactions.setReadOnly(true);
  }

  /** What an import did. */
  public record ImportResult(CaseSummary summary, boolean replaced) {}

  /** Stores a validated case, replacing any case with the same id. */
  @Transactional
  public ImportResult importCase(CaseFile caseFile) {
    boolean replaced = repository.replace(caseFile);
    events.publishEvent(new CaseChangedEvent(caseFile.id()));
    return new ImportResult(caseFile.summary(), replaced);
  }

  @Transactional(readOnly = true)
  public List<CaseSummary> list() {
    return repository.list();
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
   * The analyses' input. On the embedded store actors and ties are read in process (faster on
   * large cases); the date, which also checks that the case exists, comes through the driver.
   */
  public GraphContent graphContent(String caseId) {
    LocalDate asOf = transactions.execute(status -> asOf(caseId));
    if (embedded.available()) {
      var content = embedded.read(caseId);
      return new GraphContent(asOf, content.actors(), content.ties());
    }
    return transactions.execute(status ->
        new GraphContent(asOf, repository.actors(caseId), repository.ties(caseId, false)));
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

  /** The same, always through the driver: the reference the embedded reader is tested against. */
  @Transactional(readOnly = true)
  public GraphContent graphContentOverBolt(String caseId) {
    return new GraphContent(asOf(caseId), repository.actors(caseId), repository.ties(caseId, false));
  }

  @Transactional
  public void delete(String caseId) {
    if (!repository.delete(caseId)) {
      throw CaseNotFoundException.caseId(caseId);
    }
    events.publishEvent(new CaseChangedEvent(caseId));
  }

  // ---- sources -----------------------------------------------------------------------------

  @Transactional(readOnly = true)
  public List<Source> sources(String caseId) {
    requireCase(caseId);
    return repository.sources(caseId);
  }

  @Transactional(readOnly = true)
  public Source source(String caseId, String id) {
    requireCase(caseId);
    return repository.source(caseId, id).orElseThrow(() -> CaseNotFoundException.record(caseId, "source", id));
  }

  @Transactional
  public Source saveSource(String caseId, RawRecord body, boolean create) {
    requireCase(caseId);
    Source s = valid(body, problems -> validator.source(body, problems));
    checkCreate(create, repository.source(caseId, s.id()).isPresent(), "source", s.id());
    repository.saveSource(caseId, s);
    changed(caseId);
    return s;
  }

  @Transactional
  public void deleteSource(String caseId, String id) {
    requireCase(caseId);
    List<String> uses = repository.usesOfSource(caseId, id);
    if (!uses.isEmpty()) {
      throw new RecordInUseException("source '" + id + "' is cited by " + String.join(", ", uses)
          + "; remove those citations first", uses);
    }
    if (!repository.deleteSource(caseId, id)) {
      throw CaseNotFoundException.record(caseId, "source", id);
    }
    changed(caseId);
  }

  // ---- actors ------------------------------------------------------------------------------

  @Transactional(readOnly = true)
  public List<Actor> actors(String caseId) {
    requireCase(caseId);
    return repository.actors(caseId);
  }

  @Transactional(readOnly = true)
  public Actor actor(String caseId, String id) {
    requireCase(caseId);
    return repository.actor(caseId, id).orElseThrow(() -> CaseNotFoundException.record(caseId, "actor", id));
  }

  @Transactional
  public Actor saveActor(String caseId, RawRecord body, boolean create) {
    References refs = references(caseId);
    Actor a = valid(body, problems -> validator.actor(body, refs, problems));
    checkCreate(create, refs.actors().containsKey(a.id()), "actor", a.id());
    var previous = refs.actors().get(a.id());
    if (previous != null && previous != a.kind()) {
      checkKindChange(caseId, a, body);
    }
    repository.saveActor(caseId, a);
    changed(caseId);
    return a;
  }

  /** An actor that stops being a forum must not leave member-of ties or messages pointing at it. */
  private void checkKindChange(String caseId, Actor a, RawRecord body) {
    var dependants = repository.ties(caseId).stream()
        .filter(t -> t.target().equals(a.id()) && t.type() == org.fulcrum.casefile.TieType.MEMBER_OF)
        .map(t -> "tie " + t.id()).toList();
    var inForum = repository.messages(caseId).stream().filter(m -> a.id().equals(m.forum()))
        .map(m -> "message " + m.id()).toList();
    List<String> uses = new ArrayList<>(dependants);
    uses.addAll(inForum);
    if (!uses.isEmpty() && a.kind() != org.fulcrum.casefile.ActorKind.FORUM) {
      throw new CaseFormatException(List.of(body.problem("kind", "'" + a.id()
          + "' is a forum used by " + String.join(", ", uses) + "; it must stay a forum")));
    }
  }

  @Transactional
  public void deleteActor(String caseId, String id) {
    requireCase(caseId);
    List<String> uses = repository.usesOfActor(caseId, id);
    if (!uses.isEmpty()) {
      throw new RecordInUseException("actor '" + id + "' is named by " + String.join(", ", uses)
          + "; delete or change those first", uses);
    }
    if (!repository.deleteActor(caseId, id)) {
      throw CaseNotFoundException.record(caseId, "actor", id);
    }
    changed(caseId);
  }

  // ---- ties --------------------------------------------------------------------------------

  @Transactional(readOnly = true)
  public List<Tie> ties(String caseId) {
    requireCase(caseId);
    return repository.ties(caseId);
  }

  @Transactional(readOnly = true)
  public Tie tie(String caseId, String id) {
    requireCase(caseId);
    return repository.tie(caseId, id).orElseThrow(() -> CaseNotFoundException.record(caseId, "tie", id));
  }

  @Transactional
  public Tie saveTie(String caseId, RawRecord body, boolean create) {
    References refs = references(caseId);
    Tie t = valid(body, problems -> validator.tie(body, refs, problems));
    checkCreate(create, repository.tie(caseId, t.id()).isPresent(), "tie", t.id());
    repository.saveTie(caseId, t);
    changed(caseId);
    return t;
  }

  @Transactional
  public void deleteTie(String caseId, String id) {
    requireCase(caseId);
    if (!repository.deleteTie(caseId, id)) {
      throw CaseNotFoundException.record(caseId, "tie", id);
    }
    changed(caseId);
  }

  // ---- messages ----------------------------------------------------------------------------

  @Transactional(readOnly = true)
  public List<Message> messages(String caseId) {
    requireCase(caseId);
    return repository.messages(caseId);
  }

  @Transactional(readOnly = true)
  public Message message(String caseId, String id) {
    requireCase(caseId);
    return repository.message(caseId, id)
        .orElseThrow(() -> CaseNotFoundException.record(caseId, "message", id));
  }

  @Transactional
  public Message saveMessage(String caseId, RawRecord body, boolean create) {
    References refs = references(caseId);
    Message m = valid(body, problems -> validator.message(body, refs, problems));
    checkCreate(create, repository.message(caseId, m.id()).isPresent(), "message", m.id());
    repository.saveMessage(caseId, m);
    changed(caseId);
    return m;
  }

  @Transactional
  public void deleteMessage(String caseId, String id) {
    requireCase(caseId);
    if (!repository.deleteMessage(caseId, id)) {
      throw CaseNotFoundException.record(caseId, "message", id);
    }
    changed(caseId);
  }

  // ---- helpers -----------------------------------------------------------------------------

  private References references(String caseId) {
    requireCase(caseId);
    return repository.references(caseId);
  }

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
