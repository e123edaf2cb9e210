package org.fulcrum.opendata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.fulcrum.casefile.Actor;
import org.fulcrum.casefile.ActorKind;
import org.fulcrum.casefile.Channel;
import org.fulcrum.casefile.Polarity;
import org.fulcrum.casefile.Tie;
import org.fulcrum.casefile.TieType;

/**
 * UN General Assembly voting alignment (Voeten's roll calls) between each state in the case and
 * the target over the window (rule "unga"): agreement a in [0, 1] is the mean over roll calls
 * both voted in of 1 (same vote), 0.5 (one abstained) or 0 (yes against no); affinity = 2a - 1.
 *
 * <ul>
 *   <li>position of each state = -0.8 x affinity (voting with the target reads as defending it);
 *   <li>{@code allied-with} ties into the target are scaled by (0.5 + 0.5 a);
 *   <li>a state with positive affinity gets an {@code influences} tie to the target, strength =
 *       affinity, confidence = 0.9 x (1 - e^(-n/20)) for n shared roll calls.
 * </ul>
 * The roll calls are read first to select the window's ids; the votes file is then streamed and
 * only those roll calls are held (a few hundred x ~190 votes).
 */
public final class GeneralAssemblyAffinity implements BuildStep {

  public static final double POSITION_SCALE = 0.8;
  static final String URL = "https://doi.org/10.7910/DVN/LEJUQZ";

  private final DataFiles files;
  private final CountryCodes codes;

  public GeneralAssemblyAffinity(DataFiles files, CountryCodes codes) {
    this.files = files;
    this.codes = codes;
  }

  @Override
  public OpenDataSource source() {
    return OpenDataSource.UNGA;
  }

  /** Agreement of one state with the target. */
  public record Alignment(String iso3, int votes, double agreement) {
    public double affinity() {
      return 2 * agreement - 1;
    }
  }

  /** The votes of the window's roll calls (rcid -> ISO2 -> vote), read once per window. */
  Map<String, Map<String, Integer>> votes(int from, int to) {
    return files.memo("unga:" + from + "-" + to, () -> {
      Set<String> window = new HashSet<>();
      try (CSVParser csv = files.csv(DataFiles.UNGA_ROLL_CALLS)) {
        for (CSVRecord r : csv) {
          String date = r.get("date");
          Integer year = date.length() >= 4 ? CountryCodes.integer(date.substring(0, 4)) : null;
          if (year != null && year >= from && year <= to) {
            window.add(r.get("rcid").strip());
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Map<String, Map<String, Integer>> votes = new HashMap<>();
      try (CSVParser csv = files.csv(DataFiles.UNGA_VOTES)) {
        for (CSVRecord r : csv) {
          String rcid = r.get("rcid").strip();
          if (!window.contains(rcid)) {
            continue;
          }
          Integer v = vote(r.get("vote"));
          String iso2 = r.get("country_code").strip();
          if (v != null && !iso2.isEmpty()) {
            votes.computeIfAbsent(rcid, x -> new HashMap<>()).put(iso2, v);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return votes;
    });
  }

  /** Alignment with the target of every state with an ISO2 code, over the window's roll calls. */
  public Map<String, Alignment> alignments(Country target, int from, int to) {
    return files.memo("unga-alignments:" + target.iso3() + ":" + from + "-" + to,
        () -> Map.copyOf(align(target, from, to)));
  }

  private Map<String, Alignment> align(Country target, int from, int to) {
    Map<String, double[]> sums = new HashMap<>();
    for (Map<String, Integer> call : votes(from, to).values()) {
      Integer t = call.get(target.iso2());
      if (t == null) {
        continue;
      }
      call.forEach((iso2, v) -> {
        double agree = v.equals(t) ? 1 : (v == 0 || t == 0) ? 0.5 : 0;
        double[] s = sums.computeIfAbsent(iso2, x -> new double[2]);
        s[0] += agree;
        s[1]++;
      });
    }
    Map<String, Alignment> out = new HashMap<>();
    sums.forEach((iso2, s) -> codes.iso2(iso2).ifPresent(c ->
        out.put(c.iso3(), new Alignment(c.iso3(), (int) s[1], s[0] / s[1]))));
    return out;
  }

  /** The {@code influences} tie's confidence for n shared roll calls: 0.9 x (1 - e^(-n/20)). */
  static double confidence(int votes) {
    return CaseDraft.unit(0.9 * (1 - Math.exp(-votes / 20.0)));
  }

  /** The factor a pledge's strength is scaled by for agreement a: 0.5 + 0.5 a. */
  static double allianceScale(double agreement) {
    return 0.5 + 0.5 * agreement;
  }

  /** yes 1, abstain 0, no -1; anything else (absent) is not a vote. */
  static Integer vote(String v) {
    return switch (v.strip().toLowerCase(Locale.ROOT)) {
      case "yes", "1" -> 1;
      case "abstain", "2" -> 0;
      case "no", "3" -> -1;
      default -> null;
    };
  }

  @Override
  public Outcome apply(CaseDraft draft) {
    Country target = draft.target();
    BuildRequest req = draft.request();
    if (target.iso2() == null) {
      return new Outcome(source(), 0, 0, 0, 0, target.iso3() + " has no ISO2 code");
    }
    Map<String, Alignment> alignments = alignments(target, req.from(), req.to());
    int ties = 0;
    int weighed = 0;
    for (Actor a : new ArrayList<>(draft.actors())) {
      if (a.kind() != ActorKind.STATE || a.country() == null || a.country().equals(target.iso3())) {
        continue;
      }
      Alignment al = alignments.get(a.country());
      if (al == null || al.votes() == 0) {
        continue;
      }
      weighed++;
      String pair = a.id().substring(Ids.PREFIX.length()) + "-" + target.iso3().toLowerCase(Locale.ROOT);
      String sourceId = draft.source(Ids.PREFIX + "src-unga-" + pair, String.format(Locale.ROOT,
          "UN General Assembly roll calls, Voeten via unvotes (%s, %s): %s and %s voted in %d"
              + " roll calls held %d-%d; agreement %.3f (same vote 1, one abstention 0.5, yes"
              + " against no 0), affinity %.3f. Rule 'unga' (docs/open-data.md): position ="
              + " -0.8 x affinity; allied-with x (0.5 + 0.5 x agreement); influences = affinity",
          DataFiles.UNGA_VOTES, DataFiles.UNGA_ROLL_CALLS, a.name(), target.name(), al.votes(),
          req.from(), req.to(), al.agreement(), al.affinity()), URL);
      List<String> actorSources = new ArrayList<>(a.sources());
      actorSources.add(sourceId);
      draft.replaceActor(new Actor(a.id(), a.name(), a.kind(), a.country(),
          CaseDraft.round(-POSITION_SCALE * al.affinity()), a.capability(), a.salience(),
          a.targetGroup(), a.decisionRule(), a.decisionThreshold(), a.blockingMinority(),
          actorSources));
      for (Tie t : draft.ties()) {
        if (t.type() == TieType.ALLIED_WITH && t.source().equals(a.id())
            && t.target().equals(target.actorId())) {
          List<String> tieSources = new ArrayList<>(t.sources());
          tieSources.add(sourceId);
          draft.replaceTie(t.withStrength(CaseDraft.unit(t.strength() * allianceScale(al.agreement())))
              .withSources(tieSources));
        }
      }
      if (al.affinity() > 0) {
        draft.tie(Ids.PREFIX + "unga-" + pair, a.id(), target.actorId(), TieType.INFLUENCES,
            CaseDraft.unit(al.affinity()), Polarity.SUPPORTIVE, Channel.DIPLOMATIC,
            confidence(al.votes()), List.of(sourceId));
        ties++;
      }
    }
    return new Outcome(source(), 0, alignments.size(), 0, ties,
        weighed + " states in the case weighed by voting agreement");
  }
}
