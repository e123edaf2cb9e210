package org.fulcrum.analysis.consistency;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fulcrum.casefile.CaseCodec;
import org.fulcrum.casefile.Message;
import org.fulcrum.casefile.Stance;

/**
 * The classifier's accuracy on the curated cases' messages: each message's text is classified
 * with its curated stance and intensity hidden, and the result compared with them. Prints the
 * Markdown of docs/message-consistency.md's accuracy section:
 *
 * <pre>java -cp target/classes:target/test-classes:$(cat cp.txt) org.fulcrum.analysis.consistency.StanceClassifierEvaluation</pre>
 * (or run {@code StanceClassifierTest}, which prints the same).
 */
public final class StanceClassifierEvaluation {

  public static final List<String> CASES = List.of("darfur-2003-2008", "kenya-2007-2008", "rwanda-1994");

  /** Messages whose stance was assigned for the consistency review, not by the curators. */
  public static final List<String> NOT_CURATED = List.of("m-unsc-1769-2007-07-31-sanctions");

  /** One labelled message and what the classifier made of it. */
  public record Row(String caseId, String message, Stance curated, double curatedIntensity,
      Stance derived, Double derivedIntensity) {}

  public record Result(List<Row> rows, int correct, double accuracy, double intensityMae,
      Map<Stance, Map<Stance, Integer>> confusion, int unclassified) {}

  public static Result evaluate(StanceClassifier classifier) {
    List<Row> rows = new ArrayList<>();
    CaseCodec codec = new CaseCodec();
    for (String name : CASES) {
      var c = codec.read(Path.of("datasets/" + name + ".json"));
      for (Message m : c.messages()) {
        if (m.stance() == null || m.intensity() == null || m.text() == null
            || NOT_CURATED.contains(m.id())) {
          continue; // only curated labels count
        }
        var d = classifier.classify(m.text());
        rows.add(new Row(c.id(), m.id(), m.stance(), m.intensity(), d.stance(), d.intensity()));
      }
    }
    Map<Stance, Map<Stance, Integer>> confusion = new EnumMap<>(Stance.class);
    int correct = 0;
    int unclassified = 0;
    double absError = 0;
    int intensities = 0;
    for (Row r : rows) {
      if (r.derived() == null) {
        unclassified++;
        continue;
      }
      confusion.computeIfAbsent(r.curated(), s -> new EnumMap<>(Stance.class)).merge(r.derived(), 1, Integer::sum);
      if (r.derived() == r.curated()) {
        correct++;
        absError += Math.abs(r.derivedIntensity() - r.curatedIntensity());
        intensities++;
      }
    }
    return new Result(rows, correct, correct / (double) rows.size(),
        intensities == 0 ? Double.NaN : absError / intensities, confusion, unclassified);
  }

  public static String markdown(Result r) {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "Labelled messages: %d (%s). Stance correct: %d (accuracy %.1f%%);"
        + " no cue found: %d. Intensity, where the stance is right: mean absolute error %.3f.%n%n",
        r.rows().size(), String.join(", ", CASES), r.correct(), 100 * r.accuracy(), r.unclassified(),
        r.intensityMae()));
    s.append("| curated \\ derived |");
    for (Stance d : Stance.values()) {
      s.append(' ').append(d.label()).append(" |");
    }
    s.append(" none | recall |\n|---|");
    s.append("---|".repeat(Stance.values().length + 2)).append('\n');
    for (Stance c : Stance.values()) {
      Map<Stance, Integer> row = r.confusion().getOrDefault(c, Map.of());
      long total = r.rows().stream().filter(x -> x.curated() == c).count();
      long none = r.rows().stream().filter(x -> x.curated() == c && x.derived() == null).count();
      s.append("| ").append(c.label()).append(" |");
      for (Stance d : Stance.values()) {
        int n = row.getOrDefault(d, 0);
        s.append(' ').append(c == d ? "**" + n + "**" : String.valueOf(n)).append(" |");
      }
      s.append(' ').append(none).append(String.format(Locale.ROOT, " | %s |%n",
          total == 0 ? "-" : String.format(Locale.ROOT, "%d/%d", row.getOrDefault(c, 0), total)));
    }
    return s.toString();
  }

  public static void main(String[] args) {
    System.out.print(markdown(evaluate(StanceClassifier.bundled())));
  }
}
