package org.fulcrum.opendata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.fulcrum.casefile.Actor;
import org.fulcrum.casefile.ActorKind;
import org.fulcrum.casefile.Channel;
import org.fulcrum.casefile.Polarity;
import org.fulcrum.casefile.TieType;
import org.fulcrum.error.InvalidRequestException;

/**
 * Event data -> signed ties (rule "events" in docs/open-data.md). Events between two actors in
 * the window are grouped by (source, target, tie type, polarity):
 *
 * <ul>
 *   <li>polarity: CAMEO quad classes 1-2 (cooperation) are supportive, 3-4 (conflict) hostile;
 *       events with Goldstein weight 0 (plain statements) are neutral and skipped;
 *   <li>tie type and channel from the CAMEO root code ({@link #TYPE_BY_ROOT});
 *   <li>strength = (1 - e^(-n/5)) x (0.5 + 0.5 x mean |Goldstein| / 10) for n events;
 *   <li>confidence = 0.5 + 0.4 x (1 - e^(-(d-1)/3)) for events on d distinct days.
 * </ul>
 * An event is kept when either actor belongs to the target country. One streaming pass per file;
 * memory grows with the number of distinct actor pairs, not with the rows.
 */
public final class EventAggregation implements BuildStep {

  public static final double VOLUME_SCALE = 5.0;
  public static final double DAYS_SCALE = 3.0;
  public static final int EVIDENCE_ROWS = 12;

  /** Tie type and channel by CAMEO root code; 045 (mediate) is a {@code mediates} tie. */
  public record Kind(TieType type, Channel channel) {}

  public static final Map<String, Kind> TYPE_BY_ROOT = Map.ofEntries(
      Map.entry("01", new Kind(TieType.INFLUENCES, Channel.DIPLOMATIC)),
      Map.entry("02", new Kind(TieType.INFLUENCES, Channel.DIPLOMATIC)),
      Map.entry("03", new Kind(TieType.INFLUENCES, Channel.DIPLOMATIC)),
      Map.entry("04", new Kind(TieType.INFLUENCES, Channel.DIPLOMATIC)),
      Map.entry("05", new Kind(TieType.INFLUENCES, Channel.DIPLOMATIC)),
      Map.entry("06", new Kind(TieType.INFLUENCES, Channel.ECONOMIC)),
      Map.entry("07", new Kind(TieType.PROVIDES_AID, Channel.ECONOMIC)),
      Map.entry("08", new Kind(TieType.INFLUENCES, Channel.DIPLOMATIC)),
      Map.entry("09", new Kind(TieType.INFLUENCES, Channel.LEGAL)),
      Map.entry("10", new Kind(TieType.INFLUENCES, Channel.DIPLOMATIC)),
      Map.entry("11", new Kind(TieType.INFLUENCES, Channel.DIPLOMATIC)),
      Map.entry("12", new Kind(TieType.INFLUENCES, Channel.DIPLOMATIC)),
      Map.entry("13", new Kind(TieType.THREATENS, Channel.DIPLOMATIC)),
      Map.entry("14", new Kind(TieType.INFLUENCES, Channel.SOCIAL)),
      Map.entry("15", new Kind(TieType.THREATENS, Channel.MILITARY)),
      Map.entry("16", new Kind(TieType.SANCTIONS, Channel.ECONOMIC)),
      Map.entry("17", new Kind(TieType.THREATENS, Channel.MILITARY)),
      Map.entry("18", new Kind(TieType.THREATENS, Channel.MILITARY)),
      Map.entry("19", new Kind(TieType.THREATENS, Channel.MILITARY)),
      Map.entry("20", new Kind(TieType.THREATENS, Channel.MILITARY)));
  static final Kind MEDIATION = new Kind(TieType.MEDIATES, Channel.DIPLOMATIC);

  private final CountryCodes codes;
  private final List<EventReader> readers;
  private final List<String> fileNames;

  public EventAggregation(CountryCodes codes, List<EventReader> readers, List<String> fileNames) {
    this.codes = codes;
    this.readers = List.copyOf(readers);
    this.fileNames = List.copyOf(fileNames);
  }

  /** The event files in a folder: {@code icews*} as ICEWS-style rows, {@code gdelt*} and
   * {@code *.export.CSV} as GDELT exports (plain or gzipped). A folder without event files (or
   * no folder) reads the bundled ICEWS subset, so full files never count next to it. */
  public static EventAggregation discover(DataFiles files, CountryCodes codes,
      CameoCodes cameo, EventActorResolver resolver) {
    List<EventReader> readers = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<Path> paths = List.of();
    if (Files.isDirectory(files.dir())) {
      try (Stream<Path> list = Files.list(files.dir())) {
        paths = list.filter(Files::isRegularFile).sorted().toList();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + files.dir() + ": " + e.getMessage(), e);
      }
    }
    for (Path p : paths) {
      String name = p.getFileName().toString();
      String lower = name.toLowerCase(Locale.ROOT);
      String logical = lower.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
      if (!logical.equals(name) && files.find(logical) != null
          && !files.find(logical).getFileName().toString().equals(name)) {
        continue; // NAME and NAME.gz both present: the plain one is read
      }
      if (lower.startsWith("icews") && (lower.contains(".tsv") || lower.contains(".txt"))) {
        readers.add(new IcewsEventReader(name, () -> files.reader(logical), cameo, resolver));
        names.add(name);
      } else if ((lower.startsWith("gdelt") && (lower.contains(".csv") || lower.contains(".tsv")))
          || lower.contains(".export.csv")) {
        readers.add(new GdeltEventReader(name, () -> files.reader(logical), cameo, resolver));
        names.add(name);
      }
    }
    if (readers.isEmpty() && files.bundled(DataFiles.ICEWS_EVENTS) != null) {
      readers.add(new IcewsEventReader(DataFiles.ICEWS_EVENTS,
          () -> files.reader(DataFiles.ICEWS_EVENTS), cameo, resolver));
      names.add(DataFiles.ICEWS_EVENTS + " (bundled)");
    }
    if (readers.isEmpty()) {
      throw new InvalidRequestException("no event files in " + files.dir().toAbsolutePath()
          + ": expected icews*.tsv (ICEWS-style rows) or gdelt*.csv / *.export.CSV (GDELT rows);"
          + " leave the events source out or add a file");
    }
    return new EventAggregation(codes, readers, names);
  }

  @Override
  public OpenDataSource source() {
    return OpenDataSource.EVENTS;
  }

  /** The events of one (source, target, type, polarity) group. */
  public static final class Group {
    final EventActor source;
    final EventActor target;
    final Kind kind;
    final Polarity polarity;
    int events;
    double goldsteinSum;
    final TreeSet<LocalDate> days = new TreeSet<>();
    final Map<String, Integer> byCode = new TreeMap<>();
    final List<String> rows = new ArrayList<>();

    Group(EventActor source, EventActor target, Kind kind, Polarity polarity) {
      this.source = source;
      this.target = target;
      this.kind = kind;
      this.polarity = polarity;
    }

    void add(CodedEvent e) {
      events++;
      goldsteinSum += Math.abs(e.goldstein());
      days.add(e.date());
      byCode.merge(e.code().code() + " " + e.code().name() + " (Goldstein "
          + ArmsDependence.fmt(e.goldstein()) + ")", 1, Integer::sum);
      if (rows.size() < EVIDENCE_ROWS) {
        rows.add(e.file() + ":" + e.row());
      }
    }

    public EventActor source() {
      return source;
    }

    public EventActor target() {
      return target;
    }

    public TieType type() {
      return kind.type();
    }

    public Polarity polarity() {
      return polarity;
    }

    public int events() {
      return events;
    }

    public int days() {
      return days.size();
    }

    public double meanIntensity() {
      return goldsteinSum / events;
    }

    public double strength() {
      return (1 - Math.exp(-events / VOLUME_SCALE)) * (0.5 + 0.5 * meanIntensity() / 10);
    }

    public double confidence() {
      return 0.5 + 0.4 * (1 - Math.exp(-(days.size() - 1) / DAYS_SCALE));
    }
  }

  /** The groups built from every reader, and what the reads saw. */
  public record Aggregate(Map<String, Group> groups, long rows, long inWindow, long uncoded,
      long neutral, long kept) {}

  public Aggregate aggregate(LocalDate from, LocalDate to, Predicate<CodedEvent> keep) {
    Map<String, Group> groups = new LinkedHashMap<>();
    long[] neutral = {0};
    long[] kept = {0};
    long rows = 0;
    long inWindow = 0;
    long uncoded = 0;
    for (EventReader reader : readers) {
      var counts = reader.read(from, to, e -> {
        if (e.source().id().equals(e.target().id()) || !keep.test(e)) {
          return;
        }
        if (e.goldstein() == 0) {
          neutral[0]++;
          return;
        }
        kept[0]++;
        Kind kind = e.code().code().startsWith("045") ? MEDIATION
            : TYPE_BY_ROOT.getOrDefault(e.code().root(), TYPE_BY_ROOT.get("01"));
        Polarity polarity = e.quadClass() <= 2 ? Polarity.SUPPORTIVE : Polarity.HOSTILE;
        String key = e.source().id() + "|" + e.target().id() + "|" + kind.type() + "|" + polarity;
        groups.computeIfAbsent(key, k -> new Group(e.source(), e.target(), kind, polarity)).add(e);
      });
      rows += counts.rows();
      inWindow += counts.inWindow();
      uncoded += counts.uncoded();
    }
    return new Aggregate(groups, rows, inWindow, uncoded, neutral[0], kept[0]);
  }

  @Override
  public Outcome apply(CaseDraft draft) {
    String iso3 = draft.target().iso3();
    Aggregate a = aggregate(draft.windowStart(), draft.windowEnd(),
        e -> iso3.equals(e.source().iso3()) || iso3.equals(e.target().iso3()));
    int before = draft.actors().size();
    int ties = addTies(draft, a);
    return new Outcome(source(), (int) a.rows(), (int) a.kept(), draft.actors().size() - before,
        ties, String.format(Locale.ROOT, "%s; %d events in the window, %d kept, %d neutral,"
            + " %d with an unknown CAMEO code", String.join(", ", fileNames), a.inWindow(),
            a.kept(), a.neutral(), a.uncoded()));
  }

  /** Adds the groups' actors and ties to the draft; returns the number of ties. */
  public int addTies(CaseDraft draft, Aggregate a) {
    int ties = 0;
    for (Group g : a.groups().values()) {
      String source = actor(draft, g.source);
      String target = actor(draft, g.target);
      String stem = stem(source) + "-" + g.kind.type().label() + "-"
          + (g.polarity == Polarity.SUPPORTIVE ? "pos" : "neg") + "-" + stem(target);
      String sourceId = draft.source(Ids.PREFIX + "src-ev-" + stem, String.format(Locale.ROOT,
          "Event data (%s): %s -> %s, %d %s event(s) on %d day(s), %s to %s: %s; rows %s%s."
              + " Rule 'events' (docs/open-data.md): strength = (1 - e^(-%d/5)) x (0.5 + 0.5 x"
              + " %.2f/10), confidence = 0.5 + 0.4 x (1 - e^(-(%d-1)/3))",
          String.join(", ", fileNames), g.source.name(), g.target.name(), g.events,
          g.polarity == Polarity.SUPPORTIVE ? "cooperative" : "conflictual", g.days(),
          g.days.first(), g.days.last(), codes(g), String.join(", ", g.rows),
          g.events > g.rows.size() ? " and " + (g.events - g.rows.size()) + " more" : "",
          g.events, g.meanIntensity(), g.days()), null);
      draft.tie(Ids.PREFIX + "ev-" + stem, source, target, g.kind.type(),
          CaseDraft.unit(g.strength()), g.polarity, g.kind.channel(),
          CaseDraft.unit(g.confidence()), List.of(sourceId));
      ties++;
    }
    return ties;
  }

  private static String codes(Group g) {
    List<String> parts = new ArrayList<>();
    g.byCode.forEach((code, n) -> parts.add(n + " x " + code));
    return String.join(", ", parts);
  }

  private String actor(CaseDraft draft, EventActor a) {
    if (a.state()) {
      return draft.state(codes.require(a.iso3()));
    }
    if (!draft.hasActor(a.id())) {
      String sourceId = draft.source(Ids.PREFIX + "src-actor-" + stem(a.id()), String.format(
          Locale.ROOT, "Event data actor '%s' (%s), resolved as %s%s%s. Rule 'event actors'"
              + " (docs/open-data.md)", a.name(), String.join(", ", fileNames), a.kind().label(),
          a.iso3() == null ? "" : " of " + a.iso3(), a.how() == null ? "" : " by " + a.how()), null);
      draft.actor(new Actor(a.id(), a.name(), a.kind(), a.iso3(), 0.0,
          CaseDraft.CAPABILITY_DEFAULT, CaseDraft.SALIENCE_DEFAULT, null, null, List.of(sourceId)));
    }
    return a.id();
  }

  private static String stem(String id) {
    String s = id.startsWith(Ids.PREFIX) ? id.substring(Ids.PREFIX.length()) : id;
    return s.startsWith("ev-") ? s.substring(3) : s;
  }
}
