package org.fulcrum.opendata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.fulcrum.error.InvalidRequestException;

/**
 * ICEWS-style rows: tab-separated {@code source, event text, target, date} (further columns are
 * ignored), with or without a header row, as in the ICEWS05-15 temporal knowledge graph files.
 * The event text is matched to its CAMEO code ({@link CameoCodes#text}); actors are resolved by
 * name on the day of their first event in the window, then cached.
 */
public final class IcewsEventReader implements EventReader {

  private static final CSVFormat FORMAT =
      CSVFormat.TDF.builder().setQuote(null).setIgnoreEmptyLines(true).setTrim(true).get();

  private final String file;
  private final BufferedReaderSupplier open;
  private final CameoCodes cameo;
  private final EventActorResolver resolver;
  private final Map<String, EventActor> actors = new HashMap<>();

  /** Opens the file afresh for each read. */
  public interface BufferedReaderSupplier {
    BufferedReader open();
  }

  public IcewsEventReader(String file, BufferedReaderSupplier open, CameoCodes cameo,
      EventActorResolver resolver) {
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
    try (CSVParser csv = CSVParser.builder().setReader(open.open()).setFormat(FORMAT).get()) {
      for (CSVRecord r : csv) {
        if (r.size() < 4 || (r.getRecordNumber() == 1 && "source".equalsIgnoreCase(r.get(0)))) {
          continue;
        }
        rows++;
        LocalDate day;
        try {
          day = LocalDate.parse(r.get(3));
        } catch (DateTimeParseException e) {
          continue;
        }
        if (day.isBefore(from) || day.isAfter(to)) {
          continue;
        }
        inWindow++;
        var code = cameo.text(r.get(1));
        if (code.isEmpty()) {
          uncoded++;
          continue;
        }
        EventActor source = actor(r.get(0), day);
        EventActor target = actor(r.get(2), day);
        sink.accept(new CodedEvent(source, target, day, code.get(), code.get().quadClass(),
            code.get().goldstein(), file, rows));
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

  private EventActor actor(String name, LocalDate day) {
    EventActor a = actors.get(name);
    if (a == null) {
      a = resolver.name(name, day);
      actors.put(name, a);
    }
    return a;
  }
}
