package org.fulcrum.analysis.consistency;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.fulcrum.casefile.Stance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cue phrases that {@link StanceClassifier} looks for, read from a data file
 * ({@value #DEFAULT_RESOURCE} on the classpath; its format is described in the README next to it).
 *
 * <p>A cue is a lower-case phrase of one or more words. It matches whole words in a message's
 * text; a trailing {@code *} lets its last word match any word that starts with it
 * ({@code condemn*} matches "condemned" and "condemnation").
 */
public final class StanceLexicon {

  public static final String DEFAULT_RESOURCE = "/lexicon/stance-lexicon.json";

  /** A phrase with its weight: a stance cue's evidence, or an intensity adjustment. */
  public record Cue(String phrase, double weight) {

    public Cue {
      Objects.requireNonNull(phrase, "phrase");
      if (phrase.isBlank()) {
        throw new IllegalArgumentException("a cue needs a phrase");
      }
    }
  }

  /** The cues of one stance and the intensity a message of that stance starts from. */
  public record StanceCues(Stance stance, double baseIntensity, List<Cue> cues) {

    public StanceCues {
      if (!(baseIntensity >= 0 && baseIntensity <= 1)) {
        throw new IllegalArgumentException(stance.label() + ": baseIntensity must be in [0, 1], got " + baseIntensity);
      }
      cues = List.copyOf(cues);
    }
  }

  private final int version;
  private final Map<Stance, StanceCues> stances;
  private final List<Stance> tieOrder;
  private final List<Cue> intensityCues;
  private final List<String> actionCues;

  public StanceLexicon(int version, Map<Stance, StanceCues> stances, List<Stance> tieOrder,
      List<Cue> intensityCues, List<String> actionCues) {
    this.version = version;
    this.stances = Map.copyOf(stances);
    this.tieOrder = List.copyOf(tieOrder);
    this.intensityCues = List.copyOf(intensityCues);
    this.actionCues = List.copyOf(actionCues);
    for (Stance s : Stance.values()) {
      if (!this.stances.containsKey(s) || !this.tieOrder.contains(s)) {
        throw new IllegalArgumentException("the lexicon must give cues and a tie order place for every"
            + " stance; missing: " + s.label());
      }
    }
  }

  /** The lexicon that ships with Fulcrum. */
  public static StanceLexicon bundled() {
    return Holder.BUNDLED;
  }

  private static final class Holder {
    static final StanceLexicon BUNDLED = read(DEFAULT_RESOURCE);
  }

  /** Reads a lexicon from a classpath resource. */
  public static StanceLexicon read(String resource) {
    try (InputStream in = StanceLexicon.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no lexicon resource " + resource);
      }
      return parse(JsonMapper.builder().build().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static StanceLexicon parse(JsonNode root) {
    Map<Stance, StanceCues> stances = new EnumMap<>(Stance.class);
    JsonNode stanceNodes = root.required("stances");
    for (Map.Entry<String, JsonNode> e : stanceNodes.properties()) {
      Stance stance = stance(e.getKey());
      stances.put(stance, new StanceCues(stance, e.getValue().required("baseIntensity").asDouble(),
          cues(e.getValue().required("cues"))));
    }
    List<Stance> tieOrder = new ArrayList<>();
    root.required("tieOrder").forEach(n -> tieOrder.add(stance(n.asString())));
    List<Cue> intensity = new ArrayList<>(cues(root.required("intensifiers")));
    intensity.addAll(cues(root.required("softeners")));
    List<String> actions = new ArrayList<>();
    root.required("actionCues").forEach(n -> actions.add(n.asString().toLowerCase(Locale.ROOT)));
    return new StanceLexicon(root.required("version").asInt(), stances, tieOrder, intensity, actions);
  }

  private static List<Cue> cues(JsonNode object) {
    Map<String, Double> ordered = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : object.properties()) {
      ordered.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().asDouble());
    }
    return ordered.entrySet().stream().map(e -> new Cue(e.getKey(), e.getValue())).toList();
  }

  private static Stance stance(String label) {
    for (Stance s : Stance.values()) {
      if (s.label().equals(label)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown stance '" + label + "' in the lexicon");
  }

  public int version() {
    return version;
  }

  public StanceCues cues(Stance stance) {
    return stances.get(stance);
  }

  /** Stances in the order that breaks a tie between equal scores. */
  public List<Stance> tieOrder() {
    return tieOrder;
  }

  /** Intensifiers (positive weights) and softeners (negative weights). */
  public List<Cue> intensityCues() {
    return intensityCues;
  }

  /** Phrases that record a measure taken (imposed, designated, froze...), not a word spoken. */
  public List<String> actionCues() {
    return actionCues;
  }
}
