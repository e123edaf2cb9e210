package org.fulcrum.opendata;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 * Neighbours from COW Direct Contiguity (directed master records): a {@code borders} tie from each
 * state contiguous with the target during the window, strength by contiguity type (rule
 * "borders"). The closest type wins when a pair has several records.
 */
public final class Contiguity implements BuildStep {

  /** Strength by COW contiguity type 1 (land) .. 5 (up to 400 miles of water). */
  public static final double[] STRENGTH_BY_TYPE = {0, 0.6, 0.4, 0.3, 0.2, 0.1};
  public static final double CONFIDENCE = 0.95;
  static final String URL = "https://correlatesofwar.org/data-sets/direct-contiguity/";
  static final String[] TYPE_NAMES = {"", "land or river border", "separated by 12 miles of water"
      + " or less", "separated by 24 miles of water or less", "separated by 150 miles of water or"
      + " less", "separated by 400 miles of water or less"};

  private final DataFiles files;
  private final CountryCodes codes;

  public Contiguity(DataFiles files, CountryCodes codes) {
    this.files = files;
    this.codes = codes;
  }

  @Override
  public OpenDataSource source() {
    return OpenDataSource.CONTIGUITY;
  }

  private record Record(int row, int type, String start, String end) {}

  @Override
  public Outcome apply(CaseDraft draft) {
    Country target = draft.target();
    if (target.cow() == null) {
      return new Outcome(source(), 0, 0, 0, 0, target.iso3() + " has no COW code");
    }
    String windowStart = draft.windowStart().toString();
    String windowEnd = draft.windowEnd().toString();
    Map<Integer, Record> closest = new LinkedHashMap<>();
    int read = 0;
    try (CSVParser csv = files.csv(DataFiles.CONTIGUITY)) {
      for (CSVRecord r : csv) {
        read++;
        Integer c1 = CountryCodes.integer(r.get("ccode1"));
        Integer c2 = CountryCodes.integer(r.get("ccode2"));
        Integer type = CountryCodes.integer(r.get("conttype"));
        if (c1 == null || c2 == null || type == null || type < 1 || type > 5
            || c2.intValue() != target.cow()) {
          continue;
        }
        String start = r.get("stdate");
        String end = r.get("enddate");
        // ISO dates compare as text: the record overlaps the window.
        if (start.compareTo(windowEnd) > 0 || end.compareTo(windowStart) < 0) {
          continue;
        }
        Record rec = new Record((int) r.getRecordNumber(), type, start, end);
        closest.merge(c1, rec, (a, b) -> b.type() < a.type() ? b : a);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int before = draft.actors().size();
    int ties = 0;
    for (var e : closest.entrySet()) {
      var neighbour = codes.cow(e.getKey());
      if (neighbour.isEmpty()) {
        continue;
      }
      Record rec = e.getValue();
      String id = draft.state(neighbour.get());
      String pair = id.substring(Ids.PREFIX.length()) + "-" + target.iso3().toLowerCase(Locale.ROOT);
      String sourceId = draft.source(Ids.PREFIX + "src-border-" + pair, String.format(Locale.ROOT,
          "COW Direct Contiguity v3.2 (%s), data row %d: ccode1 %d (%s) -> ccode2 %d (%s),"
              + " conttype %d (%s), %s to %s. Rule 'borders' (docs/open-data.md): strength by"
              + " contiguity type, 1 -> 0.6 ... 5 -> 0.1",
          DataFiles.CONTIGUITY, rec.row(), e.getKey(), neighbour.get().name(), target.cow(),
          target.name(), rec.type(), TYPE_NAMES[rec.type()], rec.start(), rec.end()), URL);
      draft.tie(Ids.PREFIX + "border-" + pair, id, target.actorId(), TieType.BORDERS,
          STRENGTH_BY_TYPE[rec.type()], Polarity.SUPPORTIVE, Channel.MILITARY, CONFIDENCE,
          List.of(sourceId));
      ties++;
    }
    return new Outcome(source(), read, closest.size(), draft.actors().size() - before, ties,
        closest.size() + " neighbours");
  }
}
