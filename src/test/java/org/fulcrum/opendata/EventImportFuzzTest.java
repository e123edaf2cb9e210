package org.fulcrum.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.BufferedReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.fulcrum.casefile.CaseFormatException;

/**
 * Fuzzes the event importer with event rows as a user's file would hold them: ICEWS-style
 * {@code source, event text, target, date} rows or GDELT 1.0/2.0 export rows. The only outcomes are
 * events read (and aggregated into a case that validates) or a report naming the file; never an
 * unhandled exception.
 */
class EventImportFuzzTest {

  private static final DataFiles FILES = new DataFiles(Path.of("datasets/open-data"));
  private static final CountryCodes CODES = CountryCodes.load(FILES);
  private static final CameoCodes CAMEO = CameoCodes.load(FILES);
  private static final EventActorResolver RESOLVER =
      new EventActorResolver(CODES, PhoenixDictionary.load(FILES));

  @FuzzTest(maxDuration = "10s")
  @DictionaryEntries({"Mwai Kibaki", "Kenya", "Police (Kenya)", "Make statement", "Use conventional military force",
      "2008-01-03", "\\x09", "KEN", "KENGOV", "042", "190", "20080103", "-10.0", "\\x22"})
  void readsEventsOrReportsTheFile(FuzzedDataProvider data) {
    boolean gdelt = data.consumeBoolean();
    String text = data.consumeRemainingAsString();
    EventReader reader = gdelt
        ? new GdeltEventReader("fuzz.csv", () -> new BufferedReader(new StringReader(text)), CAMEO, RESOLVER)
        : new IcewsEventReader("fuzz.tsv", () -> new BufferedReader(new StringReader(text)), CAMEO, RESOLVER);
    List<Object> events = new ArrayList<>();
    try {
      reader.read(LocalDate.of(1900, 1, 1), LocalDate.of(2100, 12, 31), events::add);
    } catch (UncheckedIOException | IllegalArgumentException e) {
      assertThat(e.getMessage()).startsWith("cannot read fuzz.");
      return;
    }
    // what was read aggregates into ties of a case that passes validation
    var aggregation = new EventAggregation(CODES, List.of(reader), List.of("fuzz"));
    var all = aggregation.aggregate(LocalDate.of(1900, 1, 1), LocalDate.of(2100, 12, 31), e -> true);
    var draft = new CaseDraft(BuildRequest.of("KEN", 2000, 2010, EnumSet.of(OpenDataSource.EVENTS)),
        CODES.require("KEN"));
    aggregation.addTies(draft, all);
    try {
      new CaseAssembler().assemble(new OpenDataCaseBuilder.Build(draft.request(), draft.target(), draft,
          List.of()), null);
    } catch (CaseFormatException e) {
      assertThat(e.problems()).isNotEmpty();
    }
  }
}
