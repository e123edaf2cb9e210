package org.fulcrum.cases;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.fulcrum.casefile.Actor;
import org.fulcrum.casefile.ActorKind;
import org.fulcrum.casefile.Channel;
import org.fulcrum.casefile.DecisionRule;
import org.fulcrum.casefile.Label;
import org.fulcrum.casefile.Message;
import org.fulcrum.casefile.Polarity;
import org.fulcrum.casefile.Source;
import org.fulcrum.casefile.Stance;
import org.fulcrum.casefile.TargetGroup;
import org.fulcrum.casefile.Tie;
import org.fulcrum.casefile.TieType;

/**
 * How case records become node and relationship properties and back. Vocabulary is stored with its
 * dataset spelling ({@code supplies-arms}), dates as Neo4j dates, so that Cypher written by an
 * analyst reads like the dataset.
 */
final class CaseGraphMapping {

  private CaseGraphMapping() {}

  static Map<String, Object> props(Source s) {
    Map<String, Object> m = new HashMap<>();
    m.put("id", s.id());
    m.put("citation", s.citation());
    m.put("url", s.url());
    return m;
  }

  static Map<String, Object> props(Actor a) {
    Map<String, Object> m = new HashMap<>();
    m.put("id", a.id());
    m.put("name", a.name());
    m.put("kind", a.kind().label());
    m.put("country", a.country());
    m.put("position", a.position());
    m.put("capability", a.capability());
    m.put("salience", a.salience());
    m.put("targetGroup", label(a.targetGroup()));
    m.put("decisionRule", label(a.decisionRule()));
    m.put("sources", a.sources());
    return m;
  }

  static Map<String, Object> props(Tie t) {
    Map<String, Object> m = new HashMap<>();
    m.put("id", t.id());
    m.put("source", t.source());
    m.put("target", t.target());
    m.put("type", t.type().label());
    m.put("strength", t.strength());
    m.put("polarity", t.polarity().label());
    m.put("channel", t.channel().label());
    m.put("confidence", t.confidence());
    m.put("from", t.from());
    m.put("to", t.to());
    m.put("veto", t.veto());
    m.put("votingWeight", t.votingWeight());
    m.put("sources", t.sources());
    return m;
  }

  static Map<String, Object> props(Message x) {
    Map<String, Object> m = new HashMap<>();
    m.put("id", x.id());
    m.put("speaker", x.speaker());
    m.put("channel", x.channel());
    m.put("forum", x.forum());
    m.put("audience", x.audience());
    m.put("issue", x.issue());
    m.put("stance", label(x.stance()));
    m.put("intensity", x.intensity());
    m.put("date", x.date());
    m.put("text", x.text());
    m.put("sources", x.sources());
    return m;
  }

  static Source source(Map<String, Object> m) {
    return new Source(str(m, "id"), str(m, "citation"), str(m, "url"));
  }

  static Actor actor(Map<String, Object> m) {
    return new Actor(str(m, "id"), str(m, "name"), vocab(ActorKind.class, m, "kind"), str(m, "country"),
        num(m, "position"), num(m, "capability"), num(m, "salience"),
        vocab(TargetGroup.class, m, "targetGroup"), vocab(DecisionRule.class, m, "decisionRule"),
        strings(m, "sources"));
  }

  static Tie tie(Map<String, Object> m) {
    return new Tie(str(m, "id"), str(m, "source"), str(m, "target"), vocab(TieType.class, m, "type"),
        num(m, "strength"), vocab(Polarity.class, m, "polarity"), vocab(Channel.class, m, "channel"),
        num(m, "confidence"), (LocalDate) m.get("from"), (LocalDate) m.get("to"),
        (Boolean) m.get("veto"), m.get("votingWeight") == null ? null : ((Number) m.get("votingWeight")).doubleValue(),
        strings(m, "sources"));
  }

  /** An actor from the columns of {@code CaseGraphRepository.actors}, in that order. */
  static Actor actor(Record r) {
    return new Actor(r.get(0).asString(), r.get(1).asString(), vocab(ActorKind.class, r.get(2)),
        nullableString(r.get(3)), r.get(4).asDouble(), r.get(5).asDouble(), r.get(6).asDouble(),
        vocab(TargetGroup.class, r.get(7)), vocab(DecisionRule.class, r.get(8)),
        r.get(9).asList(Value::asString));
  }

  /** A tie from the columns of {@code CaseGraphRepository.ties}, in that order. */
  static Tie tie(Record r) {
    return new Tie(r.get(0).asString(), r.get(1).asString(), r.get(2).asString(),
        vocab(TieType.class, r.get(3)), r.get(4).asDouble(), vocab(Polarity.class, r.get(5)),
        vocab(Channel.class, r.get(6)), r.get(7).asDouble(),
        r.get(8).isNull() ? null : r.get(8).asLocalDate(), r.get(9).isNull() ? null : r.get(9).asLocalDate(),
        r.get(10).isNull() ? null : r.get(10).asBoolean(), r.get(11).isNull() ? null : r.get(11).asDouble(),
        r.get(12).asList(Value::asString));
  }

  private static String nullableString(Value v) {
    return v.isNull() ? null : v.asString();
  }

  private static <E extends Enum<E> & Label> E vocab(Class<E> type, Value v) {
    if (v.isNull()) {
      return null;
    }
    String text = v.asString();
    return Label.parse(type, text).orElseThrow(() -> new IllegalStateException(
        "stored value '" + text + "' is not a known " + type.getSimpleName()));
  }

  static Message message(Map<String, Object> m) {
    return new Message(str(m, "id"), str(m, "speaker"), str(m, "channel"), str(m, "forum"),
        str(m, "audience"), str(m, "issue"), vocab(Stance.class, m, "stance"),
        (Double) m.get("intensity"), (LocalDate) m.get("date"), str(m, "text"), strings(m, "sources"));
  }

  private static String label(Label l) {
    return l == null ? null : l.label();
  }

  private static String str(Map<String, Object> m, String key) {
    return (String) m.get(key);
  }

  private static double num(Map<String, Object> m, String key) {
    return ((Number) m.get(key)).doubleValue();
  }

  /** A list property: a List from the driver, a String[] from the embedded API. */
  private static List<String> strings(Map<String, Object> m, String key) {
    Object v = m.get(key);
    if (v == null) {
      return List.of();
    }
    return v instanceof String[] array ? List.of(array)
        : ((List<?>) v).stream().map(String::valueOf).toList();
  }

  private static <E extends Enum<E> & Label> E vocab(Class<E> type, Map<String, Object> m, String key) {
    Object v = m.get(key);
    if (v == null) {
      return null;
    }
    return Label.parse(type, (String) v).orElseThrow(() -> new IllegalStateException(
        "stored " + key + " '" + v + "' is not a known " + type.getSimpleName()));
  }
}
