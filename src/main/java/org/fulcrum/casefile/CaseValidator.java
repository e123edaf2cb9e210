package org.fulcrum.casefile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a {@link RawCase} into a {@link CaseFile}, or reports every problem at once: missing or
 * unknown fields, values out of range, unknown vocabulary, bad dates, duplicate ids, references to
 * actors or sources that do not exist.
 *
 * <p>The same checks guard single-record writes through the API: {@link #actor}, {@link #tie},
 * {@link #message} and {@link #source} validate one record against the ids a case already has.
 */
public final class CaseValidator {

  public static final int MAX_ID_LENGTH = 200;
  public static final int MAX_TEXT_LENGTH = 20_000;
  private static final Pattern CASE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  public static final List<String> CASE_FIELDS =
      List.of("id", "title", "description", "asOf", "tempo", "phase");
  static final List<String> SOURCE_FIELDS = CaseSchema.SOURCE.names();
  static final List<String> ACTOR_FIELDS = CaseSchema.ACTOR.names();
  static final List<String> TIE_FIELDS = CaseSchema.TIE.names();
  static final List<String> MESSAGE_FIELDS = CaseSchema.MESSAGE.names();

  /** What the records of a case may refer to. */
  public record References(Map<String, ActorKind> actors, Set<String> sources) {}

  public CaseFile validate(RawCase raw) {
    List<ImportProblem> problems = new ArrayList<>(raw.problems());
    RecordFields header = new RecordFields(raw.header(), CASE_FIELDS, problems);
    String id = header.string("id", true);
    if (id != null && !CASE_ID.matcher(id).matches()) {
      problems.add(raw.header().problem("id",
          "case id must be 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit"));
    }
    String title = header.string("title", true);
    String description = header.string("description", false);
    LocalDate asOf = header.date("asOf", true);
    Tempo tempo = header.label("tempo", Tempo.class, true);
    Phase phase = header.label("phase", Phase.class, true);

    // Ids are collected before records are checked, so that a record with a bad field still
    // counts as present (one mistake gives one problem) and a tie may name an actor listed later.
    Set<String> sourceIds = ids(raw.sources(), "source", problems);
    Set<String> actorIds = ids(raw.actors(), "actor", problems);
    Map<String, ActorKind> actorKinds = new HashMap<>();
    for (RawRecord r : raw.actors()) {
      if (r.values().get("id") instanceof String actorId && actorIds.contains(actorId.strip())
          && r.values().get("kind") instanceof String kind) {
        actorKinds.put(actorId.strip(), Label.parse(ActorKind.class, kind).orElse(null));
      }
    }
    actorIds.forEach(a -> actorKinds.putIfAbsent(a, null));
    References refs = new References(actorKinds, sourceIds);
    List<Source> sources = new ArrayList<>();
    for (RawRecord r : raw.sources()) {
      Source s = source(r, problems);
      if (s != null) {
        sources.add(s);
      }
    }
    List<Actor> actors = new ArrayList<>();
    for (RawRecord r : raw.actors()) {
      Actor a = actor(r, refs, problems);
      if (a != null) {
        actors.add(a);
      }
    }
    List<Tie> ties = new ArrayList<>();
    Set<String> tieIds = new HashSet<>();
    for (RawRecord r : raw.ties()) {
      Tie t = tie(r, refs, problems);
      if (t != null && unique(r, t.id(), tieIds, "tie", problems)) {
        ties.add(t);
      }
    }
    ids(raw.messages(), "message", problems);
    List<Message> messages = new ArrayList<>();
    for (RawRecord r : raw.messages()) {
      Message m = message(r, refs, problems);
      if (m != null) {
        messages.add(m);
      }
    }
    if (!problems.isEmpty()) {
      throw new CaseFormatException(problems);
    }
    return new CaseFile(id, title, description, asOf, tempo, phase, sources, actors, ties, messages);
  }

  /** Validates one source; returns it, or {@code null} with problems added. */
  public Source source(RawRecord r, List<ImportProblem> problems) {
    RecordFields f = new RecordFields(r, SOURCE_FIELDS, problems);
    RecordValues v = f.read(CaseSchema.SOURCE, null);
    return f.ok() ? CaseSchema.SOURCE.create(v.all()) : null;
  }

  /** Validates one actor's own fields and its sources against {@code refs}. */
  public Actor actor(RawRecord r, References refs, List<ImportProblem> problems) {
    RecordFields f = new RecordFields(r, ACTOR_FIELDS, problems);
    RecordValues v = f.read(CaseSchema.ACTOR, refs);
    if (!f.ok()) {
      return null;
    }
    Actor a = CaseSchema.ACTOR.create(v.all());
    int before = problems.size();
    checkDecisionRule(r, a, problems);
    checkSources(r, a.sources(), refs, problems);
    return problems.size() == before ? a : null;
  }

  /**
   * A forum's threshold and blocking minority against its rule: {@code decisionThreshold} only
   * with a rule that reads one, required by {@code weighted-share} and {@code at-least-n-no-veto},
   * a share in (0, 1] for the share rules; {@code blockingMinority} only with a voting rule.
   */
  private static void checkDecisionRule(RawRecord r, Actor a, List<ImportProblem> problems) {
    DecisionRule rule = a.decisionRule();
    Double threshold = a.decisionThreshold();
    if (threshold != null && (rule == null || !rule.hasThreshold())) {
      problems.add(r.problem("decisionThreshold", "only the decision rules qualified-majority,"
          + " weighted-share and at-least-n-no-veto read a decision threshold; this forum's rule is "
          + (rule == null ? "not recorded" : rule.label())));
    } else if (threshold != null && rule.thresholdIsShare() && threshold > 1) {
      problems.add(r.problem("decisionThreshold", "value " + RecordFields.fmt(threshold)
          + " is out of range; expected a share of the voting weight in (0, 1] for " + rule.label()));
    }
    if (threshold == null && rule != null && rule.needsThreshold()) {
      problems.add(r.problem("decisionThreshold", "missing required field 'decisionThreshold'; "
          + rule.label() + " needs " + (rule.thresholdIsShare()
              ? "the share of voting weight that must vote yes, in (0, 1]"
              : "the number of yes votes needed, > 0")));
    }
    if (a.blockingMinority() != null && (rule == null || rule == DecisionRule.CONSENSUS)) {
      problems.add(r.problem("blockingMinority", "a blocking minority applies only to a voting rule"
          + " (not consensus, where every member blocks); this forum's rule is "
          + (rule == null ? "not recorded" : rule.label())));
    }
  }

  /** Validates one tie against the actors and sources in {@code refs}. */
  public Tie tie(RawRecord r, References refs, List<ImportProblem> problems) {
    RecordFields f = new RecordFields(r, TIE_FIELDS, problems);
    RecordValues v = f.read(CaseSchema.TIE, refs);
    String source = (String) v.get("source");
    String target = (String) v.get("target");
    if (source != null && source.equals(target)) {
      problems.add(r.problem("target", "a tie cannot run from an actor to itself ('" + source + "')"));
    }
    LocalDate from = (LocalDate) v.get("from");
    LocalDate to = (LocalDate) v.get("to");
    if (from != null && to != null && to.isBefore(from)) {
      problems.add(r.problem("to", "the tie ends (" + to + ") before it starts (" + from + ")"));
    }
    TieType type = (TieType) v.get("type");
    if (type == TieType.MEMBER_OF && target != null && refs.actors().get(target) != null
        && refs.actors().get(target) != ActorKind.FORUM) {
      problems.add(r.problem("target", "a member-of tie must point to a forum; '" + target
          + "' is a " + refs.actors().get(target).label()));
    }
    if (v.get("vote") == MemberVote.VETO && !Boolean.TRUE.equals(v.get("veto"))) {
      problems.add(r.problem("vote", "a vote 'veto' needs a member that holds a veto (veto: true);"
          + " expected yes, abstain or no for this member"));
    }
    checkSources(r, v.sources(), refs, problems);
    if (!f.ok()) {
      return null;
    }
    if (v.get("id") == null) {
      v.set("id", Tie.defaultId(source, type, target, from));
    }
    return CaseSchema.TIE.create(v.all());
  }

  /** Validates one message against the actors and sources in {@code refs}. */
  public Message message(RawRecord r, References refs, List<ImportProblem> problems) {
    RecordFields f = new RecordFields(r, MESSAGE_FIELDS, problems);
    RecordValues v = f.read(CaseSchema.MESSAGE, refs);
    String forum = (String) v.get("forum");
    if (forum != null && refs.actors().get(forum) != null
        && refs.actors().get(forum) != ActorKind.FORUM) {
      problems.add(r.problem("forum", "expected a forum actor; '" + forum + "' is a "
          + refs.actors().get(forum).label()));
    }
    if (v.get("stance") == null && v.get("text") == null && !r.values().containsKey("stance")) {
      problems.add(r.problem("stance", "a message needs a stance, or a text to derive it from"));
    }
    checkSources(r, v.sources(), refs, problems);
    if (!f.ok()) {
      return null;
    }
    return CaseSchema.MESSAGE.create(v.all());
  }


  private static void checkSources(
      RawRecord r, List<String> sources, References refs, List<ImportProblem> problems) {
    if (sources == null) {
      return;
    }
    for (String s : sources) {
      if (!refs.sources().contains(s)) {
        problems.add(r.problem("sources", "unknown source id '" + s
            + "'; every cited source must be listed in the case's sources"));
      }
    }
  }

  /** The ids of a list of records; reports duplicates (missing ids are reported per record). */
  private static Set<String> ids(List<RawRecord> records, String what, List<ImportProblem> problems) {
    Set<String> ids = new HashSet<>();
    for (RawRecord r : records) {
      if (r.values().get("id") instanceof String id && !id.isBlank()) {
        unique(r, id.strip(), ids, what, problems);
      }
    }
    return ids;
  }

  private static boolean unique(
      RawRecord r, String id, Set<String> seen, String what, List<ImportProblem> problems) {
    if (!seen.add(id)) {
      problems.add(r.problem("id", "duplicate " + what + " id '" + id + "'"));
      return false;
    }
    return true;
  }

}
