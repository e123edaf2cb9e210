package org.fulcrum.opendata;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fulcrum.casefile.ActorKind;

/**
 * Resolves event-data actor names and codes to case actors (rule "event actors" in
 * docs/open-data.md):
 *
 * <ol>
 *   <li>a country's name ("Kenya") or a bare ISO3 code ("KEN") is the state;
 *   <li>"Sector (Owner)" ("Police (Kenya)") is a body of the owner country, its kind from the
 *       sector's CAMEO agent type in the Phoenix agents dictionary (COP -> armed group, ...);
 *   <li>a name in the Phoenix actor dictionaries takes the CAMEO code valid on the day of its first
 *       event ("Mwai Kibaki" -> KENGOV in 2007): a person coded {@code <ISO3>GOV} is a leader,
 *       other people individuals; IGO codes are forums, NGO codes NGOs, MNC codes businesses;
 *   <li>a GDELT code ("KENGOV", "IGOUNO") resolves by its first three letters and its role;
 *   <li>otherwise names with Union, Nations, Council, Community, Organization or League are
 *       forums, Press, News, Media or Broadcasting media, Party, Movement or Alliance
 *       communities (political camps), and the rest individuals.
 * </ol>
 */
public final class EventActorResolver {

  private static final Pattern SECTOR = Pattern.compile("^(.+?)\\s*\\(([^()]+)\\)\\s*$");
  private static final Pattern FORUM_WORDS = Pattern.compile(
      "\\b(Union|Nations|Council|Community|Organi[sz]ation|League|Commission|Court|Assembly)\\b");
  private static final Pattern PARTY_WORDS = Pattern.compile("\\b(Party|Movement|Alliance)\\b");
  private static final Pattern MEDIA_WORDS =
      Pattern.compile("\\b(Press|News|Media|Broadcasting|Reuters|Radio|Television)\\b");

  /** CAMEO agent / role codes -> actor kind. */
  static final Map<String, ActorKind> KIND_BY_ROLE = Map.ofEntries(
      Map.entry("GOV", ActorKind.GOVERNMENT_BODY), Map.entry("LEG", ActorKind.GOVERNMENT_BODY),
      Map.entry("JUD", ActorKind.GOVERNMENT_BODY), Map.entry("ELI", ActorKind.INDIVIDUAL),
      Map.entry("COP", ActorKind.ARMED_GROUP), Map.entry("MIL", ActorKind.ARMED_GROUP),
      Map.entry("SPY", ActorKind.ARMED_GROUP), Map.entry("REB", ActorKind.ARMED_GROUP),
      Map.entry("INS", ActorKind.ARMED_GROUP), Map.entry("UAF", ActorKind.ARMED_GROUP),
      Map.entry("OPP", ActorKind.COMMUNITY), Map.entry("PTY", ActorKind.COMMUNITY),
      Map.entry("MED", ActorKind.MEDIA), Map.entry("BUS", ActorKind.BUSINESS),
      Map.entry("NGO", ActorKind.NGO), Map.entry("HRI", ActorKind.NGO),
      Map.entry("IGO", ActorKind.FORUM), Map.entry("CVL", ActorKind.COMMUNITY),
      Map.entry("EDU", ActorKind.COMMUNITY), Map.entry("LAB", ActorKind.COMMUNITY),
      Map.entry("REL", ActorKind.COMMUNITY), Map.entry("REF", ActorKind.COMMUNITY),
      Map.entry("AGR", ActorKind.COMMUNITY), Map.entry("HLH", ActorKind.COMMUNITY),
      Map.entry("CRM", ActorKind.COMMUNITY), Map.entry("DEV", ActorKind.NGO));

  private final CountryCodes countries;
  private final PhoenixDictionary phoenix;

  public EventActorResolver(CountryCodes countries, PhoenixDictionary phoenix) {
    this.countries = countries;
    this.phoenix = phoenix;
  }

  /** Resolves an ICEWS-style actor name as of a day. */
  public EventActor name(String name, LocalDate day) {
    String n = name.strip();
    Optional<Country> state = countries.exactName(n);
    if (state.isPresent()) {
      return state(state.get(), "country name in the crosswalk");
    }
    Matcher sector = SECTOR.matcher(n);
    if (sector.matches()) {
      String noun = sector.group(1).strip();
      String owner = sector.group(2).strip();
      Country c = countries.exactName(owner).orElse(null);
      String role = phoenix.agent(noun).orElse(null);
      ActorKind kind = role == null ? ActorKind.COMMUNITY
          : KIND_BY_ROLE.getOrDefault(role.length() > 3 ? role.substring(0, 3) : role, ActorKind.COMMUNITY);
      if (c == null && FORUM_WORDS.matcher(owner).find() && role == null) {
        kind = ActorKind.FORUM;
      }
      return new EventActor(Ids.PREFIX + "ev-" + Ids.slug(n), n, kind, c == null ? null : c.iso3(),
          role, "sector '" + noun + "'" + (role == null ? " (no Phoenix agent type)"
              : " -> Phoenix agent type " + role) + (c == null ? "" : " of " + c.name()));
    }
    Optional<PhoenixDictionary.Entry> entry = phoenix.actor(n);
    if (entry.isPresent()) {
      PhoenixDictionary.Entry e = entry.get();
      String code = e.codeOn(day);
      String how = e.file() + " line " + e.line() + " " + e.name() + " -> " + code + " on " + day;
      if (code != null && code.length() == 3 && countries.iso3(code).isPresent()) {
        return state(countries.iso3(code).get(), how);
      }
      return coded(n, code, how, true);
    }
    ActorKind kind = FORUM_WORDS.matcher(n).find() ? ActorKind.FORUM
        : MEDIA_WORDS.matcher(n).find() ? ActorKind.MEDIA
        : PARTY_WORDS.matcher(n).find() ? ActorKind.COMMUNITY : ActorKind.INDIVIDUAL;
    return new EventActor(Ids.PREFIX + "ev-" + Ids.slug(n), n, kind, null, null,
        "not in the dictionaries; kind from the name");
  }

  /** Resolves a GDELT actor (code and name columns). */
  public EventActor code(String code, String name, LocalDate day) {
    String c = code == null ? "" : code.strip();
    String n = name == null || name.isBlank() || "NA".equals(name) ? c : name.strip();
    if (c.length() == 3 && countries.iso3(c).isPresent()) {
      return state(countries.iso3(c).get(), "GDELT actor code " + c);
    }
    if (c.isEmpty()) {
      return name(n, day);
    }
    return coded(n + " (" + c + ")", c, "GDELT actor code " + c, false);
  }

  private EventActor coded(String name, String code, String how, boolean person) {
    String iso3 = null;
    String role = code;
    if (code != null && code.length() >= 3 && countries.iso3(code.substring(0, 3)).isPresent()) {
      iso3 = code.substring(0, 3);
      role = code.substring(3);
    }
    String role3 = role == null || role.length() < 3 ? role : role.substring(0, 3);
    ActorKind kind;
    if (person) {
      kind = "GOV".equals(role) ? ActorKind.LEADER
          : "IGO".equals(role3) ? ActorKind.FORUM
          : "NGO".equals(role3) ? ActorKind.NGO
          : "MNC".equals(role3) ? ActorKind.BUSINESS
          : "MED".equals(role3) ? ActorKind.MEDIA
          : ActorKind.INDIVIDUAL;
    } else {
      kind = role3 == null || role3.isEmpty() ? ActorKind.STATE
          : "MNC".equals(role3) ? ActorKind.BUSINESS
          : KIND_BY_ROLE.getOrDefault(role3, ActorKind.COMMUNITY);
    }
    return new EventActor(Ids.PREFIX + "ev-" + Ids.slug(name), name, kind, iso3, code, how);
  }

  private static EventActor state(Country c, String how) {
    return new EventActor(c.actorId(), c.name(), ActorKind.STATE, c.iso3(), c.iso3(), how);
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
