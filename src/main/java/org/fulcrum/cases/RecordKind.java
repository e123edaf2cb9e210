package org.fulcrum.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.fulcrum.casefile.Actor;
import org.fulcrum.casefile.ActorKind;
import org.fulcrum.casefile.CaseFormatException;
import org.fulcrum.casefile.CaseValidator;
import org.fulcrum.casefile.CaseValidator.References;
import org.fulcrum.casefile.ImportProblem;
import org.fulcrum.casefile.Message;
import org.fulcrum.casefile.RawRecord;
import org.fulcrum.casefile.Source;
import org.fulcrum.casefile.Tie;
import org.fulcrum.casefile.TieType;

/**
 * One kind of record a case holds (actors, ties, messages, sources) and everything the single
 * record path ({@link CaseService#save}, {@link CaseService#delete(RecordKind, String, String,
 * Long)}, {@link CaseRecordController}) needs to know about it: its name in messages, history and
 * URLs, how a request body is validated, how the record is read, written and deleted in the store,
 * which actors it names (for the history's actor filter), and what keeps it from being replaced or
 * deleted. Adding a kind of record is one more constant here and its mappings in the controller.
 *
 * @param <T> the record type
 */
public final class RecordKind<T> {

  public static final RecordKind<Actor> ACTOR = new RecordKind<>("actor", "actors", Actor::id,
      (v, body, refs, problems) -> v.actor(body, refs.get(), problems),
      CaseGraphRepository::actors, CaseGraphRepository::actor, CaseGraphRepository::saveActor,
      CaseGraphRepository::deleteActor, a -> List.of(a.id()),
      new Uses(CaseGraphRepository::usesOfActor, "is named by", "delete or change those first"),
      RecordKind::forumStaysForum);

  public static final RecordKind<Tie> TIE = new RecordKind<>("tie", "ties", Tie::id,
      (v, body, refs, problems) -> v.tie(body, refs.get(), problems),
      CaseGraphRepository::ties, CaseGraphRepository::tie, CaseGraphRepository::saveTie,
      CaseGraphRepository::deleteTie, t -> List.of(t.source(), t.target()), null, null);

  public static final RecordKind<Message> MESSAGE = new RecordKind<>("message", "messages", Message::id,
      (v, body, refs, problems) -> v.message(body, refs.get(), problems),
      CaseGraphRepository::messages, CaseGraphRepository::message, CaseGraphRepository::saveMessage,
      CaseGraphRepository::deleteMessage, RecordKind::messageActors, null, null);

  public static final RecordKind<Source> SOURCE = new RecordKind<>("source", "sources", Source::id,
      (v, body, refs, problems) -> v.source(body, problems),
      CaseGraphRepository::sources, CaseGraphRepository::source, CaseGraphRepository::saveSource,
      CaseGraphRepository::deleteSource, s -> List.of(),
      new Uses(CaseGraphRepository::usesOfSource, "is cited by", "remove those citations first"),
      null);

  /** Checks a request body as an import would; {@code refs} is read only if the kind needs it. */
  @FunctionalInterface
  interface Validation<T> {
    T check(CaseValidator validator, RawRecord body, Supplier<References> refs, List<ImportProblem> problems);
  }

  @FunctionalInterface
  interface Lister<T> {
    List<T> all(CaseGraphRepository store, String caseId);
  }

  @FunctionalInterface
  interface Finder<T> {
    Optional<T> find(CaseGraphRepository store, String caseId, String id);
  }

  @FunctionalInterface
  interface Writer<T> {
    void save(CaseGraphRepository store, String caseId, T record, long version);
  }

  @FunctionalInterface
  interface Remover {
    boolean delete(CaseGraphRepository store, String caseId, String id);
  }

  /** A rule a replacement must keep, given the record before and after, or a problem thrown. */
  @FunctionalInterface
  interface ReplaceRule<T> {
    void check(CaseGraphRepository store, String caseId, T before, T after, RawRecord body);
  }

  /**
   * What refers to a record and so keeps it from being deleted: the referring records ("tie t1"),
   * and how the refusal reads ("actor 'a' is named by tie t1; delete or change those first").
   */
  record Uses(Referrers of, String relation, String advice) {}

  @FunctionalInterface
  interface Referrers {
    List<String> of(CaseGraphRepository store, String caseId, String id);
  }

  private final String name;
  private final String plural;
  private final Function<T, String> id;
  private final Validation<T> validation;
  private final Lister<T> lister;
  private final Finder<T> finder;
  private final Writer<T> writer;
  private final Remover remover;
  private final Function<T, List<String>> actorsNamed;
  private final Uses uses;
  private final ReplaceRule<T> replaceRule;

  private RecordKind(String name, String plural, Function<T, String> id, Validation<T> validation,
      Lister<T> lister, Finder<T> finder, Writer<T> writer, Remover remover,
      Function<T, List<String>> actorsNamed, Uses uses, ReplaceRule<T> replaceRule) {
    this.name = name;
    this.plural = plural;
    this.id = id;
    this.validation = validation;
    this.lister = lister;
    this.finder = finder;
    this.writer = writer;
    this.remover = remover;
    this.actorsNamed = actorsNamed;
    this.uses = uses;
    this.replaceRule = replaceRule;
  }

  /** The kind's name in messages, the history and the store: actor, tie, message, source. */
  public String name() {
    return name;
  }

  /** The kind's path segment under {@code /api/cases/{caseId}}: actors, ties, messages, sources. */
  public String plural() {
    return plural;
  }

  String id(T record) {
    return id.apply(record);
  }

  T validate(CaseValidator validator, RawRecord body, Supplier<References> refs, List<ImportProblem> problems) {
    return validation.check(validator, body, refs, problems);
  }

  List<T> all(CaseGraphRepository store, String caseId) {
    return lister.all(store, caseId);
  }

  Optional<T> find(CaseGraphRepository store, String caseId, String recordId) {
    return finder.find(store, caseId, recordId);
  }

  void save(CaseGraphRepository store, String caseId, T record, long version) {
    writer.save(store, caseId, record, version);
  }

  boolean delete(CaseGraphRepository store, String caseId, String recordId) {
    return remover.delete(store, caseId, recordId);
  }

  /** The actors the record names after and before a change (either may be null), for the history. */
  List<String> actorsNamed(T before, T after) {
    List<String> actors = new ArrayList<>();
    if (after != null) {
      actors.addAll(actorsNamed.apply(after));
    }
    if (before != null) {
      actors.addAll(actorsNamed.apply(before));
    }
    return actors;
  }

  /** Refuses to replace {@code before} by {@code after} where that would break the case. */
  void checkReplace(CaseGraphRepository store, String caseId, T before, T after, RawRecord body) {
    if (replaceRule != null && before != null) {
      replaceRule.check(store, caseId, before, after, body);
    }
  }

  /** Refuses to delete a record other records still refer to. */
  void checkUnused(CaseGraphRepository store, String caseId, String recordId) {
    if (uses == null) {
      return;
    }
    List<String> referrers = uses.of().of(store, caseId, recordId);
    if (!referrers.isEmpty()) {
      throw new RecordInUseException(name + " '" + recordId + "' " + uses.relation() + " "
          + String.join(", ", referrers) + "; " + uses.advice(), referrers);
    }
  }

  @Override
  public String toString() {
    return name;
  }

  /** An actor that stops being a forum must not leave member-of ties or messages pointing at it. */
  private static void forumStaysForum(CaseGraphRepository store, String caseId, Actor before, Actor a,
      RawRecord body) {
    if (before.kind() == a.kind()) {
      return;
    }
    List<String> uses = new ArrayList<>(store.ties(caseId).stream()
        .filter(t -> t.target().equals(a.id()) && t.type() == TieType.MEMBER_OF)
        .map(t -> "tie " + t.id()).toList());
    uses.addAll(store.messages(caseId).stream().filter(m -> a.id().equals(m.forum()))
        .map(m -> "message " + m.id()).toList());
    if (!uses.isEmpty() && a.kind() != ActorKind.FORUM) {
      throw new CaseFormatException(List.of(body.problem("kind", "'" + a.id()
          + "' is a forum used by " + String.join(", ", uses) + "; it must stay a forum")));
    }
  }

  private static List<String> messageActors(Message m) {
    List<String> actors = new ArrayList<>();
    actors.add(m.speaker());
    actors.add(m.audience());
    actors.add(m.forum());
    return actors;
  }
}
