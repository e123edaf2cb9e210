package org.fulcrum.analysis.consistency;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.fulcrum.casefile.Stance;

/**
 * The five rules on what a coalition says, message against message ({@link FindingKind}): two
 * messages whose stances cannot both hold, told to one audience (across-channels) or to two
 * (across-audiences); and, along one voice's messages to one audience in date order, a switch
 * between pressing and yielding (reversal), a regular escalation the adversary can read
 * (rigid-ladder) and a run of ever softer pressure (eroding-pressure), with the thresholds
 * {@link MessageConsistency} publishes. O(n + p) for n messages and p pairs within the window.
 */
final class StanceContradictions {

  private static final double EPS = MessageConsistency.EPS;

  private StanceContradictions() {}

  /** Whether two stances cannot both hold: one presses and the other yields, or threat and reassurance. */
  static boolean incompatible(Stance a, Stance b) {
    int da = ReviewedMessage.direction(a);
    int db = ReviewedMessage.direction(b);
    if (da * db < 0) {
      return true;
    }
    return (a == Stance.THREAT && b == Stance.REASSURANCE) || (a == Stance.REASSURANCE && b == Stance.THREAT);
  }

  /** Across-channels and across-audiences: incompatible pairs at most {@code window} days apart. */
  static void pairs(List<ReviewedMessage> entries, int window, List<DraftFinding> out) {
    for (int i = 0; i < entries.size(); i++) {
      ReviewedMessage a = entries.get(i);
      for (int j = i + 1; j < entries.size(); j++) {
        ReviewedMessage b = entries.get(j);
        long days = ChronoUnit.DAYS.between(a.date(), b.date());
        if (days > window) {
          break;
        }
        if (!incompatible(a.stance(), b.stance())) {
          continue;
        }
        boolean sameAudience = a.m().audience().equals(b.m().audience());
        if (sameAudience && a.voice().equals(b.voice()) && a.direction() * b.direction() < 0) {
          continue; // one voice pressing then yielding to one audience: a reversal, reported below
        }
        if (sameAudience) {
          out.add(new DraftFinding(FindingKind.ACROSS_CHANNELS, List.of(a, b), String.format(Locale.ROOT,
              "%s and %s, both to %s within %d day(s) (%s): %s and %s cannot both hold",
              a.describe(), b.describe(), a.name(a.m().audience()), days, venues(a, b), article(a.stance()),
              article(b.stance()))));
        } else {
          out.add(new DraftFinding(FindingKind.ACROSS_AUDIENCES, List.of(a, b), String.format(Locale.ROOT,
              "%s told %s one thing and %s told %s another within %d day(s): %s vs %s",
              a.name(a.m().speaker()), a.name(a.m().audience()), b.name(b.m().speaker()),
              b.name(b.m().audience()), days, a.describe(),
              b.describe())));
        }
      }
    }
  }

  private static String article(Stance s) {
    return (s == Stance.ACCOMMODATION || s == Stance.INDUCEMENT ? "an " : "a ") + s.label();
  }

  private static String venues(ReviewedMessage a, ReviewedMessage b) {
    String va = a.venue();
    String vb = b.venue();
    return va.equals(vb) ? "both in " + va + (a.voice().equals(b.voice()) ? "" : ", by different members")
        : va + " vs " + vb;
  }

  /** Reversals, rigid ladders and eroding pressure along each voice's line to each audience. */
  static void timelines(List<ReviewedMessage> entries, List<DraftFinding> out) {
    Map<String, List<ReviewedMessage>> lines = new LinkedHashMap<>();
    for (ReviewedMessage e : entries) {
      lines.computeIfAbsent(e.voice() + "\u0000" + e.m().audience(), k -> new ArrayList<>()).add(e);
    }
    for (List<ReviewedMessage> line : lines.values()) {
      reversals(line, out);
      pressingRuns(line, out);
    }
  }

  private static void reversals(List<ReviewedMessage> line, List<DraftFinding> out) {
    List<List<ReviewedMessage>> runs = new ArrayList<>();
    int direction = 0;
    for (ReviewedMessage e : line) {
      int d = e.direction();
      if (d == 0) {
        continue;
      }
      if (d != direction) {
        runs.add(new ArrayList<>());
        direction = d;
      }
      runs.get(runs.size() - 1).add(e);
    }
    for (int k = 1; k < runs.size(); k++) {
      List<ReviewedMessage> before = runs.get(k - 1);
      List<ReviewedMessage> after = runs.get(k);
      ReviewedMessage last = before.get(before.size() - 1);
      ReviewedMessage first = after.get(0);
      List<ReviewedMessage> cited = new ArrayList<>(before);
      cited.addAll(after);
      out.add(new DraftFinding(FindingKind.REVERSAL, cited, String.format(Locale.ROOT,
          "%s %s %s (%s) and then %s (%s); the switch: %s, then %s, %d day(s) later", last.voice(),
          first.direction() < 0 ? "pressed" : "accommodated", last.m().audience(), run(before),
          first.direction() < 0 ? "accommodated" : "pressed", run(after), last.describe(), first.describe(),
          ChronoUnit.DAYS.between(last.date(), first.date()))));
    }
  }

  private static String run(List<ReviewedMessage> run) {
    return run.size() + " message(s), " + run.get(0).date()
        + (run.size() > 1 ? " to " + run.get(run.size() - 1).date() : "");
  }

  /** Rigid ladders and eroding pressure: runs of consecutive pressing messages of one voice. */
  private static void pressingRuns(List<ReviewedMessage> line, List<DraftFinding> out) {
    int start = 0;
    while (start < line.size()) {
      if (line.get(start).direction() <= 0) {
        start++;
        continue;
      }
      int end = start;
      while (end + 1 < line.size() && line.get(end + 1).direction() > 0) {
        end++;
      }
      List<ReviewedMessage> pressing = line.subList(start, end + 1);
      ladders(pressing, out);
      erosions(pressing, out);
      start = end + 1;
    }
  }

  private static void ladders(List<ReviewedMessage> pressing, List<DraftFinding> out) {
    int i = 0;
    while (i < pressing.size()) {
      int j = i;
      while (j + 1 < pressing.size()
          && pressing.get(j + 1).intensity() - pressing.get(j).intensity() >= MessageConsistency.LADDER_MIN_STEP - EPS) {
        j++;
      }
      if (j - i + 1 >= MessageConsistency.LADDER_MIN_MESSAGES) {
        List<ReviewedMessage> steps = pressing.subList(i, j + 1);
        double minStep = Double.MAX_VALUE, maxStep = 0;
        long minGap = Long.MAX_VALUE, maxGap = 0;
        for (int k = 1; k < steps.size(); k++) {
          double step = steps.get(k).intensity() - steps.get(k - 1).intensity();
          long gap = ChronoUnit.DAYS.between(steps.get(k - 1).date(), steps.get(k).date());
          minStep = Math.min(minStep, step);
          maxStep = Math.max(maxStep, step);
          minGap = Math.min(minGap, gap);
          maxGap = Math.max(maxGap, gap);
        }
        if (minGap > 0 && maxGap <= MessageConsistency.LADDER_REGULARITY * minGap + EPS
            && maxStep <= MessageConsistency.LADDER_REGULARITY * minStep + EPS) {
          ReviewedMessage first = steps.get(0);
          out.add(new DraftFinding(FindingKind.RIGID_LADDER, List.copyOf(steps), String.format(Locale.ROOT,
              "%s escalated toward %s in %d regular steps: intensity %s, every %d-%d days; a ladder"
                  + " this predictable can be read and gamed by the adversary",
              first.voice(), first.m().audience(), steps.size(), intensities(steps), minGap, maxGap)));
        }
      }
      i = j + 1;
    }
  }

  private static void erosions(List<ReviewedMessage> pressing, List<DraftFinding> out) {
    int i = 0;
    while (i < pressing.size()) {
      int j = i;
      while (j + 1 < pressing.size() && pressing.get(j + 1).intensity() < pressing.get(j).intensity() - EPS) {
        j++;
      }
      List<ReviewedMessage> run = pressing.subList(i, j + 1);
      double drop = run.get(0).intensity() - run.get(run.size() - 1).intensity();
      if (run.size() >= MessageConsistency.EROSION_MIN_MESSAGES && drop >= MessageConsistency.EROSION_MIN_DROP - EPS) {
        ReviewedMessage first = run.get(0);
        out.add(new DraftFinding(FindingKind.ERODING_PRESSURE, List.copyOf(run), String.format(Locale.ROOT,
            "%s kept pressing %s but ever more softly: intensity %s from %s to %s (down %.2f); no two"
                + " of these messages contradict each other, together they show resolve draining away",
            first.voice(), first.m().audience(), intensities(run), first.date(),
            run.get(run.size() - 1).date(), drop)));
      }
      i = j + 1;
    }
  }

  private static String intensities(List<ReviewedMessage> run) {
    return run.stream().map(e -> String.format(Locale.ROOT, "%.2f", e.intensity()))
        .collect(Collectors.joining(" -> "));
  }
}
