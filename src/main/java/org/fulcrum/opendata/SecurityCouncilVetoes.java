package org.fulcrum.opendata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.fulcrum.casefile.Channel;
import org.fulcrum.casefile.Polarity;
import org.fulcrum.casefile.TieType;

/**
 * Diplomatic cover from UN Security Council vetoes: for every permanent member that vetoed a draft
 * whose crisis topic names the target during the window, a {@code shields} tie to the target
 * citing the draft symbols. Strength = 1 - 0.5^k for k such vetoes (rule "vetoes").
 */
public final class SecurityCouncilVetoes implements BuildStep {

  public static final double CONFIDENCE = 0.95;
  static final String URL = "https://research.un.org/en/docs/sc/quick/veto";

  /** The veto file's member names, as ISO3 (the USSR's seat passed to Russia, COW code 365). */
  static final Map<String, String> MEMBERS = Map.of("China", "CHN", "France", "FRA",
      "Russia", "RUS", "USSR", "RUS", "USA", "USA", "UK", "GBR");

  private final DataFiles files;
  private final CountryCodes codes;

  public SecurityCouncilVetoes(DataFiles files, CountryCodes codes) {
    this.files = files;
    this.codes = codes;
  }

  @Override
  public OpenDataSource source() {
    return OpenDataSource.VETOES;
  }

  /** One vetoed draft about the target. */
  public record Veto(int row, String date, String draft, String meeting, String topic,
      List<String> members) {
    String evidence() {
      return draft + " (" + date + ", " + meeting + ", row " + row + ")";
    }
  }

  public List<Veto> vetoesAbout(Country target, int from, int to) {
    List<Veto> out = new ArrayList<>();
    try (CSVParser csv = files.csv(DataFiles.VETOES)) {
      for (CSVRecord r : csv) {
        Integer year = CountryCodes.integer(r.get("year"));
        if (year == null || year < from || year > to || !codes.mentions(target, r.get("crisis_topic"))) {
          continue;
        }
        List<String> members = new ArrayList<>();
        for (String col : List.of("member_veto1", "member_veto2", "member_veto3")) {
          String m = r.get(col).strip();
          if (!m.isEmpty() && !members.contains(m)) {
            members.add(m);
          }
        }
        out.add(new Veto((int) r.getRecordNumber(), r.get("date").strip(), clean(r.get("draft")),
            clean(r.get("meeting_record")), r.get("crisis_topic").strip(), members));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  @Override
  public Outcome apply(CaseDraft draft) {
    Country target = draft.target();
    BuildRequest req = draft.request();
    List<Veto> vetoes = vetoesAbout(target, req.from(), req.to());
    Map<String, List<Veto>> byMember = new LinkedHashMap<>();
    for (Veto v : vetoes) {
      for (String m : v.members()) {
        String iso3 = MEMBERS.get(m);
        if (iso3 != null) {
          byMember.computeIfAbsent(iso3, x -> new ArrayList<>()).add(v);
        }
      }
    }
    int before = draft.actors().size();
    int ties = 0;
    for (var e : byMember.entrySet()) {
      Country member = codes.require(e.getKey());
      if (member.iso3().equals(target.iso3())) {
        continue;
      }
      String id = draft.state(member);
      int k = e.getValue().size();
      String pair = id.substring(Ids.PREFIX.length()) + "-" + target.iso3().toLowerCase(Locale.ROOT);
      String sourceId = draft.source(Ids.PREFIX + "src-veto-" + pair, String.format(Locale.ROOT,
          "UN Security Council vetoes 1946-Sept 2022 (%s, Dag Hammarskjold Library list): %s vetoed"
              + " %d draft(s) on '%s' in %d-%d: %s. Rule 'vetoes' (docs/open-data.md): strength ="
              + " 1 - 0.5^%d",
          DataFiles.VETOES, member.name(), k, e.getValue().get(0).topic(), req.from(), req.to(),
          String.join("; ", e.getValue().stream().map(Veto::evidence).toList()), k), URL);
      draft.tie(Ids.PREFIX + "veto-" + pair, id, target.actorId(), TieType.SHIELDS,
          CaseDraft.unit(1 - Math.pow(0.5, k)), Polarity.SUPPORTIVE, Channel.DIPLOMATIC,
          CONFIDENCE, List.of(sourceId));
      ties++;
    }
    return new Outcome(source(), -1, vetoes.size(), draft.actors().size() - before, ties,
        vetoes.size() + " vetoed drafts about " + target.name());
  }

  private static String clean(String s) {
    return s.strip().replaceAll("\\s+", " ");
  }
}
