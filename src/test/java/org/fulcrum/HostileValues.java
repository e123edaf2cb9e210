package org.fulcrum;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.fulcrum.casefile.Actor;
import org.fulcrum.casefile.ActorKind;
import org.fulcrum.casefile.CaseFile;
import org.fulcrum.casefile.Channel;
import org.fulcrum.casefile.Message;
import org.fulcrum.casefile.Phase;
import org.fulcrum.casefile.Polarity;
import org.fulcrum.casefile.Source;
import org.fulcrum.casefile.Stance;
import org.fulcrum.casefile.Tempo;
import org.fulcrum.casefile.Tie;
import org.fulcrum.casefile.TieType;

/**
 * Text that has hurt other systems: Cypher and SQL fragments, markup, spreadsheet formulas,
 * invisible and direction-changing characters, path traversal, format strings, and the lengths at
 * the limit. Fulcrum must store each one inertly and give it back unchanged, or refuse it with a
 * problem that names the field; never run it, never let it change anything else.
 */
public final class HostileValues {

  private HostileValues() {}

  /** Longest text a field may hold ({@code CaseValidator.MAX_TEXT_LENGTH}). */
  public static final int MAX_TEXT = 20_000;

  /** Values with no leading or trailing whitespace (which every reader trims by design). */
  public static final List<String> TEXT = List.of(
      "'}) DETACH DELETE n //",
      "\"}) MATCH (n) DETACH DELETE n RETURN 1 //",
      "x` {id: 1}) DETACH DELETE n //",
      "$caseId",
      "Robert'); DROP TABLE cases;--",
      "<script>alert(1)</script>",
      "<img src=x onerror=alert(1)>",
      "=HYPERLINK(\"http://x\",\"click\")",
      "+cmd|' /C calc'!A0",
      "-2+3+cmd|' /C calc'!A0",
      "@SUM(1+1)*cmd|' /C calc'!A0",
      "=1+2",
      "-3+4",
      "+5",
      "@A1",
      "'=1+1",
      "''already marked",
      "\u202Eevil.exe\u202C",
      "nul\u0000byte",
      "bell\u0007and\u001Bescape",
      "../../etc/passwd",
      "..\\..\\windows\\win.ini",
      "\uD83D\uDD25\uD83D\uDCA3 \u26A0\uFE0F \uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67",
      "Z\u0324\u0354\u0367\u0311\u0313",
      "${jndi:ldap://127.0.0.1/a}",
      "%s%n%x{0}",
      "line one\nline two\r\n\"quoted\", comma; semicolon",
      "\uFEFFbom inside",
      "a".repeat(MAX_TEXT));

  /** Values every field must refuse, each with a problem naming the field. */
  public static final List<String> REFUSED_TEXT = List.of(
      "b".repeat(MAX_TEXT + 1),
      "lone \uD800 surrogate",
      "reversed \uDC00\uD800 pair");

  /**
   * Hostile ids that are refused (they hold '/', '\\', ';', control characters or a lone surrogate, or
   * are a path segment of their own): an id appears in URLs and in the CSV {@code sources} lists.
   */
  public static boolean refusedAsId(String value) {
    return value.length() > 200 || value.contains("/") || value.contains("\\")
        || value.contains(";") || value.contains("%")
        || value.chars().anyMatch(Character::isISOControl) || value.equals(".")
        || value.equals("..") || hasLoneSurrogate(value);
  }

  static boolean hasLoneSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
          continue;
        }
        return true;
      }
      if (Character.isLowSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A valid case that carries every accepted hostile value in every free-text field (title,
   * description, citation, actor name, message channel, issue and text) and, where an id may hold
   * it, as a source, actor, tie and message id.
   */
  public static CaseFile hostileCase(String caseId) {
    List<Source> sources = new ArrayList<>();
    List<Actor> actors = new ArrayList<>();
    List<Tie> ties = new ArrayList<>();
    List<Message> messages = new ArrayList<>();
    sources.add(new Source("s0", "a plain source", "https://example.org/s0"));
    actors.add(new Actor("a0", "a plain actor", ActorKind.STATE, "SDN", -0.5, 0.5, 0.5, null, null,
        List.of("s0")));
    for (int i = 0; i < TEXT.size(); i++) {
      String v = TEXT.get(i);
      boolean asId = !refusedAsId(v);
      String sourceId = asId ? v : "s" + (i + 1);
      String actorId = asId ? "actor " + v : "a" + (i + 1);
      sources.add(new Source(sourceId, v, "https://example.org/?q=" + i));
      actors.add(new Actor(actorId, v, ActorKind.NGO, null, 0.25, 0.5, 0.5, null, null,
          List.of(sourceId, "s0")));
      ties.add(new Tie(asId ? "tie " + v : "t" + (i + 1), actorId, "a0", TieType.LOBBIES, 0.5,
          Polarity.HOSTILE, Channel.INFORMATIONAL, 0.9, null, null, null, null, List.of(sourceId)));
      messages.add(new Message(asId ? "message " + v : "m" + (i + 1), actorId, v, null, "a0", v,
          Stance.DEMAND, 0.5, LocalDate.of(2005, 1, 1).plusDays(i), v, List.of(sourceId)));
    }
    return new CaseFile(caseId, TEXT.get(0), TEXT.get(1), LocalDate.of(2005, 6, 1), Tempo.ROLLING,
        Phase.ESCALATING, sources, actors, ties, messages);
  }
}
