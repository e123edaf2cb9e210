package org.fulcrum.opendata;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fulcrum.casefile.Actor;
import org.fulcrum.casefile.ActorKind;
import org.fulcrum.casefile.Channel;
import org.fulcrum.casefile.Polarity;
import org.fulcrum.casefile.Source;
import org.fulcrum.casefile.Tie;
import org.fulcrum.casefile.TieType;

/**
 * What the steps of one build have generated so far: actors, ties and the sources they cite, all
 * in the {@value Ids#PREFIX} namespace. Steps add to it in order; the assembler turns it into a
 * case.
 */
public final class CaseDraft {

  /** Defaults for what the open data does not measure; see docs/open-data.md, rule "actors". */
  public static final double CAPABILITY_DEFAULT = 0.5;
  public static final double SALIENCE_DEFAULT = 0.5;
  public static final double TARGET_POSITION = -0.8;

  private final BuildRequest request;
  private final Country target;
  private final Map<String, Actor> actors = new LinkedHashMap<>();
  private final Map<String, Tie> ties = new LinkedHashMap<>();
  private final Map<String, Source> sources = new LinkedHashMap<>();

  public CaseDraft(BuildRequest request, Country target) {
    this.request = request;
    this.target = target;
    state(target);
  }

  public BuildRequest request() {
    return request;
  }

  public Country target() {
    return target;
  }

  public LocalDate windowStart() {
    return LocalDate.of(request.from(), 1, 1);
  }

  public LocalDate windowEnd() {
    return LocalDate.of(request.to(), 12, 31);
  }

  /** The state actor for a country, created on first use citing its crosswalk row. */
  public String state(Country c) {
    String id = c.actorId();
    if (!actors.containsKey(id)) {
      String sourceId = source(Ids.PREFIX + "src-state-" + c.iso3().toLowerCase(Locale.ROOT),
          "Country crosswalk (countrycode_crosswalk.csv, vincentarelbundock/countrycode), data row "
              + c.row() + ": " + c.name() + ", ISO3 " + c.iso3()
              + (c.iso2() == null ? "" : ", ISO2 " + c.iso2())
              + (c.cow() == null ? "" : ", COW " + c.cow())
              + "; rule 'actors' (docs/open-data.md): one state actor per ISO3 code",
          "https://github.com/vincentarelbundock/countrycode");
      boolean isTarget = c.iso3().equals(target == null ? c.iso3() : target.iso3());
      actors.put(id, new Actor(id, c.name(), ActorKind.STATE, c.iso3(),
          isTarget ? TARGET_POSITION : 0.0, CAPABILITY_DEFAULT, isTarget ? 1.0 : SALIENCE_DEFAULT,
          null, null, List.of(sourceId)));
    }
    return id;
  }

  /** Adds (or keeps) a non-state actor. */
  public String actor(Actor actor) {
    actors.putIfAbsent(actor.id(), actor);
    return actor.id();
  }

  public boolean hasActor(String id) {
    return actors.containsKey(id);
  }

  public Actor actorById(String id) {
    return actors.get(id);
  }

  /** Replaces an actor's record, e.g. to set its position from voting alignment. */
  public void replaceActor(Actor actor) {
    if (!actors.containsKey(actor.id())) {
      throw new IllegalStateException("no actor " + actor.id());
    }
    actors.put(actor.id(), actor);
  }

  /** Registers a source (id must be in the namespace) and returns its id. */
  public String source(String id, String citation, String url) {
    if (!Ids.generated(id)) {
      throw new IllegalArgumentException("generated source id must start with " + Ids.PREFIX);
    }
    sources.putIfAbsent(id, new Source(id, citation, url));
    return id;
  }

  /** Adds a tie valid over the window; ids are unique, a second tie with the same id is an error. */
  public Tie tie(String id, String source, String target, TieType type, double strength,
      Polarity polarity, Channel channel, double confidence, List<String> sourceIds) {
    Tie t = new Tie(id, source, target, type, strength, polarity, channel, confidence,
        windowStart(), windowEnd(), null, null, sourceIds);
    if (ties.putIfAbsent(id, t) != null) {
      throw new IllegalStateException("duplicate generated tie id " + id);
    }
    return t;
  }

  public void replaceTie(Tie tie) {
    ties.put(tie.id(), tie);
  }

  public Collection<Actor> actors() {
    return actors.values();
  }

  public List<Tie> ties() {
    return new ArrayList<>(ties.values());
  }

  public Collection<Source> sources() {
    return sources.values();
  }

  /** Rounds a generated number to 4 decimals (the evidence shows the unrounded inputs). */
  public static double round(double x) {
    return Math.round(x * 10_000) / 10_000.0;
  }

  /** A strength or confidence for the case: rounded, and at least 0.0001 so it stays in (0, 1]. */
  public static double unit(double x) {
    return Math.max(0.0001, Math.min(1.0, round(x)));
  }
}
