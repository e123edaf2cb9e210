package org.fulcrum.opendata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.fulcrum.error.InvalidRequestException;

/**
 * GDELT 1.0 and 2.0 event export rows. The raw exports are tab-separated without a header; CSV
 * copies with the GDELT header row (as R or pandas write them) are read too. The first 35 columns,
 * which are all this reader uses, are the same in both versions: SQLDATE (1), Actor1Code (5),
 * Actor1Name (6), Actor2Code (15), Actor2Name (16), EventCode (26), QuadClass (29),
 * GoldsteinScale (30). Rows without both actors are skipped (GDELT codes many one-sided events).
 */
public final class GdeltEventReader implements EventReader {

  static final int SQLDATE = 1;
  static final int ACTOR1_CODE = 5;
  static final int ACTOR1_NAME = 6;
  static final int ACTOR2_CODE = 15;
  static final int ACTOR2_NAME = 16;
  static final int EVENT_CODE = 26;
  static final int QUAD_CLASS = 29;
  static final int GOLDSTEIN = 30;
  private static final DateTimeFormatter SQL = DateTimeFormatter.BASIC_ISO_DATE;

  private final String file;
  private final IcewsEventReader.BufferedReaderSupplier open;
  private final CameoCodes cameo;
  private final EventActorResolver resolver;
  private final Map<String, EventActor> actors = new HashMap<>();

  public GdeltEventReader(String file, IcewsEventReader.BufferedReaderSupplier open,
      CameoCodes cameo, EventActorResolver resolver) {
    this.file = file;
    this.open = open;
    this.cameo = cameo;
    this.resolver = resolver;
  }

  @Override
  public Counts read(LocalDate from, LocalDate to, Consumer<CodedEvent> sink) {
    long rows = 0;
    long inWindow = 0;
    long uncoded = 0;
    try (BufferedReader in = open.open()) {
      in.mark(1 << 16);
      String first = in.readLine();
      in.reset();
      boolean tabs = first != null && first.indexOf('\t') >= 0;
      CSVFormat format = (tabs ? CSVFormat.TDF.builder().setQuote(null) : CSVFormat.RFC4180.builder())
          .setIgnoreEmptyLines(true).get();
      try (CSVParser csv = CSVParser.builder().setReader(in).setFormat(format).get()) {
        for (CSVRecord r : csv) {
          if (r.size() <= GOLDSTEIN || r.get(0).equalsIgnoreCase("GLOBALEVENTID")) {
            continue;
          }
          rows++;
          LocalDate day;
          try {
            day = LocalDate.parse(r.get(SQLDATE).strip(), SQL);
          } catch (DateTimeParseException e) {
            continue;
          }
          if (day.isBefore(from) || day.isAfter(to)) {
            continue;
          }
          inWindow++;
          String a1 = value(r.get(ACTOR1_CODE));
          String a2 = value(r.get(ACTOR2_CODE));
          var code = cameo.code(value(r.get(EVENT_CODE)));
          if (a1 == null || a2 == null || code.isEmpty()) {
            uncoded++;
            continue;
          }
          Integer quad = CountryCodes.integer(value(r.get(QUAD_CLASS)));
          double goldstein;
          try {
            goldstein = Double.parseDouble(r.get(GOLDSTEIN));
          } catch (NumberFormatException e) {
            goldstein = code.get().goldstein();
          }
          EventActor source = actor(a1, r.get(ACTOR1_NAME), day);
          EventActor target = actor(a2, r.get(ACTOR2_NAME), day);
          sink.accept(new CodedEvent(source, target, day, code.get(),
              quad == null ? code.get().quadClass() : quad, goldstein, file, rows));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      // the CSV parser reports a malformed row (an unterminated quote, say) while iterating: the
      // file is bad input, reported with its name (a 400 over the API, exit 1 on the command line)
      throw new InvalidRequestException("cannot read " + file + " after row " + rows + ": "
          + e.getMessage(), e);
    }
    return new Counts(rows, inWindow, uncoded);
  }

  private EventActor actor(String code, String name, LocalDate day) {
    return actors.computeIfAbsent(code, c -> resolver.code(c, value(name), day));
  }

  private static String value(String s) {
    return s == null || s.isBlank() || "NA".equals(s.strip()) ? null : s.strip();
  }
}
