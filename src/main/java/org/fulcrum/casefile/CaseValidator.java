package org.fulcrum.casefile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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

  static final List<String> CASE_FIELDS =
      List.of("id", "title", "description", "asOf", "tempo", "phase");
  static final List<String> SOURCE_FIELDS = CaseSchema.SOURCE.names();
  static final List<String> ACTOR_FIELDS = CaseSchema.ACTOR.names();
  static final List<String> TIE_FIELDS = CaseSchema.TIE.names();
  static final List<String> MESSAGE_FIELDS = CaseSchema.MESSAGE.names();

  /** What the records of a case may refer to. */
  public record References(Map<String, ActorKind> actors, Set<String> sources) {}

  public CaseFile validate(RawCase raw) {
    List<ImportProblem> problems = new ArrayList<>(raw.problems());
    Fields header = new Fields(raw.header(), CASE_FIELDS, problems);
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
    Fields f = new Fields(r, SOURCE_FIELDS, problems);
    Values v = f.read(CaseSchema.SOURCE, null);
    return f.ok() ? CaseSchema.SOURCE.create(v.all()) : null;
  }

  /** Validates one actor's own fields and its sources against {@code refs}. */
  public Actor actor(RawRecord r, References refs, List<ImportProblem> problems) {
    Fields f = new Fields(r, ACTOR_FIELDS, problems);
    Values v = f.read(CaseSchema.ACTOR, refs);
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
      problems.add(r.problem("decisionThreshold", "value " + Fields.fmt(threshold)
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
    Fields f = new Fields(r, TIE_FIELDS, problems);
    Values v = f.read(CaseSchema.TIE, refs);
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
    Fields f = new Fields(r, MESSAGE_FIELDS, problems);
    Values v = f.read(CaseSchema.MESSAGE, refs);
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

  /** A record's field values as read, in its descriptor's order; {@code null} where absent or bad. */
  private record Values(RecordSchema<?> schema, Object[] all) {

    Object get(String name) {
      return all[schema.indexOf(name)];
    }

    void set(String name, Object value) {
      all[schema.indexOf(name)] = value;
    }

    @SuppressWarnings("unchecked")
    List<String> sources() {
      return (List<String>) get("sources");
    }
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

  /** Reads the fields of one record, adding a problem for each bad value. */
  private static final class Fields {
    private final RawRecord record;
    private final List<ImportProblem> problems;
    private final int problemsBefore;

    Fields(RawRecord record, List<String> allowed, List<ImportProblem> problems) {
      this.record = record;
      this.problems = problems;
      this.problemsBefore = problems.size();
      Set<String> unknown = new LinkedHashSet<>(record.values().keySet());
      allowed.forEach(unknown::remove);
      for (String name : unknown) {
        problems.add(record.problem(name, "unknown field '" + name + "'; expected one of "
            + String.join(", ", allowed)));
      }
    }

    boolean ok() {
      return problems.size() == problemsBefore;
    }

    /**
     * Every field of the record as its descriptor says, each problem reported on the way; a field
     * that applies only to some records ({@link Field#condition()}) is checked against the value
     * read before it.
     */
    Values read(RecordSchema<?> schema, References refs) {
      List<Field> fields = schema.fields();
      Object[] values = new Object[fields.size()];
      for (int i = 0; i < values.length; i++) {
        Field field = fields.get(i);
        String name = field.name();
        Object value = switch (field.type()) {
          case ID -> id(name, field.isRequired());
          case TEXT -> text(field);
          case NUMBER -> number(name, field.range(), field.isRequired());
          case BOOLEAN -> bool(name);
          case DATE -> date(name, field.isRequired());
          case VOCABULARY -> label(field);
          case ACTOR_ID -> actorRef(name, refs, field.isRequired());
          case SOURCE_IDS -> sources();
        };
        values[i] = value;
        Field.Condition c = field.condition();
        if (c != null && value != null) {
          Object other = values[schema.indexOf(c.field())];
          if (other != null && other != c.value()) {
            problem(name, c.problem().apply((Label) other));
          }
        }
      }
      return new Values(schema, values);
    }

    private void problem(String field, String message) {
      problems.add(record.problem(field, message));
    }

    String id(String name, boolean required) {
      String id = string(name, required);
      if (id != null) {
        checkId(id);
      }
      return id;
    }

    String text(Field field) {
      String text = string(field.name(), field.isRequired());
      Field.Format format = field.format();
      if (text != null && format != null && !format.valid().test(text)) {
        problem(field.name(), "expected " + format.expected() + ", got '" + text + "'");
      }
      return text;
    }

    Label label(Field field) {
      String text = string(field.name(), field.isRequired());
      if (text == null) {
        return null;
      }
      Label value = field.vocabularyValue(text);
      if (value == null) {
        problem(field.name(), "unknown value '" + text + "'; expected one of " + field.allowed());
      }
      return value;
    }

    void checkId(String id) {
      if (id.length() > MAX_ID_LENGTH) {
        problem("id", "an id is at most " + MAX_ID_LENGTH + " characters");
      }
      // '/', '\' and the segments '.' and '..' would change (or, encoded, be refused in) the URL
      // that names the record, as would '%' (the HTTP firewall refuses an encoded percent sign);
      // ';' separates the ids of a CSV sources cell
      if (id.chars().anyMatch(c -> Character.isISOControl(c) || c == '/' || c == '\\' || c == ';' || c == '%')) {
        problem("id", "an id cannot contain '/', '\\', ';', '%' or control characters");
      }
      if (id.equals(".") || id.equals("..")) {
        problem("id", "an id cannot be '.' or '..'");
      }
    }

    String string(String name, boolean required) {
      Object v = record.values().get(name);
      if (v == null) {
        if (required) {
          problem(name, "missing required field '" + name + "'");
        }
        return null;
      }
      if (!(v instanceof String s)) {
        problem(name, "expected text, got " + describe(v));
        return null;
      }
      if (s.isBlank()) {
        if (required) {
          problem(name, "'" + name + "' must not be blank");
        }
        return null;
      }
      if (s.length() > MAX_TEXT_LENGTH) {
        problem(name, "text is longer than " + MAX_TEXT_LENGTH + " characters");
        return null;
      }
      int broken = loneSurrogate(s);
      if (broken >= 0) {
        // Neo4j and every UTF-8 writer would turn it into '?': refuse rather than change it
        problem(name, "text is not valid Unicode: a lone surrogate (U+"
            + Integer.toHexString(s.charAt(broken)).toUpperCase(Locale.ROOT) + ") at character "
            + (broken + 1));
        return null;
      }
      return s.strip();
    }

    String actorRef(String name, References refs, boolean required) {
      String id = string(name, required);
      if (id != null && !refs.actors().containsKey(id)) {
        problem(name, "unknown actor id '" + id + "'");
        return null;
      }
      return id;
    }

    <E extends Enum<E> & Label> E label(String name, Class<E> type, boolean required) {
      String text = string(name, required);
      if (text == null) {
        return null;
      }
      return Label.parse(type, text).orElseGet(() -> {
        problem(name, "unknown value '" + text + "'; expected one of " + Label.allowed(type));
        return null;
      });
    }

    Double number(String name, Field.Range range, boolean required) {
      Object v = record.values().get(name);
      if (v == null) {
        if (required) {
          problem(name, "missing required field '" + name + "'");
        }
        return null;
      }
      double d;
      if (v instanceof Number n) {
        d = n.doubleValue();
      } else if (v instanceof String s) {
        try {
          d = Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
          problem(name, "expected a number, got '" + s + "'");
          return null;
        }
      } else {
        problem(name, "expected a number, got " + describe(v));
        return null;
      }
      if (!range.contains(d)) {
        problem(name, "value " + fmt(d) + " is out of range; expected " + range);
        return null;
      }
      return d;
    }

    LocalDate date(String name, boolean required) {
      String text = string(name, required);
      if (text == null) {
        return null;
      }
      try {
        return LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        problem(name, "expected an ISO date (YYYY-MM-DD), got '" + text + "'");
        return null;
      }
    }

    Boolean bool(String name) {
      Object v = record.values().get(name);
      if (v == null || v instanceof Boolean) {
        return (Boolean) v;
      }
      if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
        return Boolean.valueOf(s);
      }
      problem(name, "expected true or false, got " + describe(v));
      return null;
    }

    List<String> sources() {
      Object v = record.values().get("sources");
      if (v == null) {
        problem("sources", "missing sources; every record cites at least one source id");
        return null;
      }
      List<?> items = v instanceof List<?> l ? l : List.of(v);
      List<String> ids = new ArrayList<>();
      for (Object item : items) {
        if (item instanceof String s && !s.isBlank()) {
          ids.add(s.strip());
        } else {
          problem("sources", "expected source ids (text), got " + describe(item));
          return null;
        }
      }
      if (ids.isEmpty()) {
        problem("sources", "missing sources; every record cites at least one source id");
        return null;
      }
      return ids;
    }

    /** The index of the first UTF-16 surrogate without its partner, or -1. */
    private static int loneSurrogate(String s) {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 < s.length()
            && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else if (Character.isSurrogate(c)) {
          return i;
        }
      }
      return -1;
    }

    private static String describe(Object v) {
      if (v == null) {
        return "null";
      }
      if (v instanceof List) {
        return "a list";
      }
      if (v instanceof String s) {
        return "'" + s + "'";
      }
      return v.toString();
    }

    private static String fmt(double d) {
      if (!Double.isFinite(d)) {
        return Double.isNaN(d) ? "NaN" : d > 0 ? "too large (infinite)" : "too small (-infinite)";
      }
      return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
  }
}
