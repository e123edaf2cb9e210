package org.fulcrum.analysis.consistency;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.fulcrum.casefile.Stance;

/**
 * Derives a message's stance and intensity from its text with a cue lexicon
 * ({@link StanceLexicon}).
 *
 * <ul>
 *   <li>stance: every stance scores the sum of the weights of its cues found in the text (each cue
 *       counted once); the highest score wins, ties broken by the lexicon's {@code tieOrder}. No
 *       cue found: no stance ({@code null}), and the message is reported as unclassified.
 *   <li>intensity: the winning stance's base intensity plus the weights of the intensifiers and
 *       softeners found, clipped to [{@value #MIN_INTENSITY}, 1] and rounded to 0.05 (the
 *       curators' grain).
 * </ul>
 * O(cues x words) per text. Stateless and thread-safe.
 */
public final class StanceClassifier {

  public static final double MIN_INTENSITY = 0.1;

  /** What the classifier derived, with the cues it found (the evidence for the derivation). */
  public record Derivation(Stance stance, Double intensity, double score, List<String> cues) {

    public Derivation {
      cues = List.copyOf(cues);
    }

    public boolean classified() {
      return stance != null;
    }
  }

  private final StanceLexicon lexicon;
  private final List<Matcher> stanceMatchers = new ArrayList<>();
  private final List<Matcher> intensityMatchers = new ArrayList<>();
  private final List<Matcher> actionMatchers = new ArrayList<>();

  private record Matcher(Stance stance, String phrase, String[] words, boolean prefix, double weight) {

    static Matcher of(Stance stance, String phrase, double weight) {
      boolean prefix = phrase.endsWith("*");
      String body = prefix ? phrase.substring(0, phrase.length() - 1) : phrase;
      return new Matcher(stance, phrase, StanceClassifier.words(body), prefix, weight);
    }

    boolean foundIn(String[] text) {
      outer:
      for (int i = 0; i + words.length <= text.length; i++) {
        for (int j = 0; j < words.length; j++) {
          boolean last = j == words.length - 1;
          String w = text[i + j];
          if (!(last && prefix ? w.startsWith(words[j]) : w.equals(words[j]))) {
            continue outer;
          }
        }
        return true;
      }
      return false;
    }
  }

  public StanceClassifier(StanceLexicon lexicon) {
    this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
    for (Stance s : Stance.values()) {
      lexicon.cues(s).cues().forEach(c -> stanceMatchers.add(Matcher.of(s, c.phrase(), c.weight())));
    }
    lexicon.intensityCues().forEach(c -> intensityMatchers.add(Matcher.of(null, c.phrase(), c.weight())));
    lexicon.actionCues().forEach(c -> actionMatchers.add(Matcher.of(null, c, 1)));
  }

  /** The classifier on the bundled lexicon. */
  public static StanceClassifier bundled() {
    return new StanceClassifier(StanceLexicon.bundled());
  }

  public StanceLexicon lexicon() {
    return lexicon;
  }

  /** Stance and intensity of a text; a {@code null} or empty text derives nothing. */
  public Derivation classify(String text) {
    String[] words = words(text == null ? "" : text);
    Map<Stance, Double> scores = new EnumMap<>(Stance.class);
    Map<Stance, List<String>> found = new EnumMap<>(Stance.class);
    for (Matcher m : stanceMatchers) {
      if (m.foundIn(words)) {
        scores.merge(m.stance(), m.weight(), Double::sum);
        found.computeIfAbsent(m.stance(), s -> new ArrayList<>()).add(m.phrase());
      }
    }
    Stance best = null;
    double bestScore = 0;
    for (Stance s : lexicon.tieOrder()) {
      double score = scores.getOrDefault(s, 0.0);
      if (score > bestScore + 1e-12) {
        best = s;
        bestScore = score;
      }
    }
    if (best == null) {
      return new Derivation(null, null, 0, List.of());
    }
    List<String> cues = new ArrayList<>(found.get(best));
    return new Derivation(best, intensity(best, words, cues), bestScore, cues);
  }

  /** The intensity of a text read as the given stance (used when only the intensity is missing). */
  public double intensity(Stance stance, String text) {
    return intensity(stance, words(text == null ? "" : text), new ArrayList<>());
  }

  private double intensity(Stance stance, String[] words, List<String> cues) {
    double v = lexicon.cues(stance).baseIntensity();
    for (Matcher m : intensityMatchers) {
      if (m.foundIn(words)) {
        v += m.weight();
        cues.add((m.weight() >= 0 ? "+" : "") + m.phrase());
      }
    }
    v = Math.max(MIN_INTENSITY, Math.min(1, v));
    return Math.round(v * 20) / 20.0;
  }

  /** Whether the text records a measure taken (an action cue of the lexicon). */
  public boolean recordsAction(String text) {
    if (text == null) {
      return false;
    }
    String[] words = words(text);
    for (Matcher m : actionMatchers) {
      if (m.foundIn(words)) {
        return true;
      }
    }
    return false;
  }

  static String[] words(String text) {
    String normalised = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'')
        .replaceAll("[^\\p{L}\\p{N}']+", " ").strip();
    return normalised.isEmpty() ? new String[0] : normalised.split(" ");
  }
}
