package org.fulcrum.opendata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.fulcrum.error.InvalidRequestException;

/**
 * The folder the builder reads, and the file each step expects in it. Every file may also be
 * stored gzipped as {@code NAME.gz}; the plain name wins. A file the folder does not hold (or a
 * folder that does not exist) is read from the copy of {@code datasets/open-data} packed into the
 * jar under {@value #BUNDLED}, so the folder is only needed for fuller files. Files are opened as
 * streams, never read whole.
 *
 * <p>{@link #memo} keeps what a step derived from a file (a window's roll calls, the country
 * codes) for the lifetime of this object: one object shared by many builds (the watch list) reads
 * each file once per window; a fresh object per build reads as before.
 */
public final class DataFiles {

  public static final String CROSSWALK = "countrycode_crosswalk.csv";
  public static final String SIPRI_COUNTRIES = "sipri_country_list_cow_iso.csv";
  public static final String SIPRI_TIV = "sipri_tiv_dyad_year_by_order_date_1950_2018.csv";
  public static final String CONTIGUITY = "cow_direct_contiguity_v3.2_directed.csv";
  public static final String ATOP = "atop_v5.1_alliance_directed_dyad_year.csv";
  public static final String IGO = "cow_igo_v3_joint_membership_dyads_crisis_years.csv";
  public static final String VETOES = "unsc_vetoes_1946_sept2022.csv";
  public static final String UNGA_ROLL_CALLS = "unga_roll_calls_unvotes.csv";
  public static final String UNGA_VOTES = "unga_votes_voeten_unvotes.csv";
  public static final String CAMEO_CODES = "cameo_event_codes_full_pygdelt.csv";
  public static final String ICEWS_EVENTS = "icews05-15_tkg_sample_crisis_countries_subset.tsv";
  public static final String GDELT_EVENTS = "gdelt_events.csv";
  public static final String PHOENIX_COUNTRIES = "Phoenix.Countries.actors.txt";
  public static final String PHOENIX_INTERNATIONAL = "Phoenix.International.actors.txt";
  public static final String PHOENIX_AGENTS = "Phoenix.agents.txt";
  public static final String EWP_EPISODES = "ewp_mass_killing_episodes_1945_2024.csv";
  public static final String UCDP_CONFLICTS = "ucdp_prio_armed_conflict_years.csv";

  /** Where the bundled files sit on the classpath (packed from datasets/open-data by pom.xml). */
  public static final String BUNDLED = "open-data/";

  public static final CSVFormat CSV =
      CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
  public static final CSVFormat TSV = CSVFormat.TDF.builder().setHeader().setSkipHeaderRecord(true)
      .setQuote(null).setIgnoreEmptyLines(true).get();

  private final Path dir;
  private final ClassLoader loader;
  private final ConcurrentHashMap<String, CompletableFuture<Object>> memo = new ConcurrentHashMap<>();

  public DataFiles(Path dir) {
    this(dir, DataFiles.class.getClassLoader());
  }

  /** With {@code loader == null} there is no bundled fallback (the folder alone is read). */
  public DataFiles(Path dir, ClassLoader loader) {
    this.dir = Objects.requireNonNull(dir, "dir");
    this.loader = loader;
  }

  public Path dir() {
    return dir;
  }

  /** The file as stored: {@code name} or {@code name.gz}, or {@code null} if neither exists. */
  public Path find(String name) {
    Path plain = dir.resolve(name);
    if (Files.isRegularFile(plain)) {
      return plain;
    }
    Path gz = dir.resolve(name + ".gz");
    return Files.isRegularFile(gz) ? gz : null;
  }

  /** The bundled copy's resource name ({@code name} or {@code name.gz}), or {@code null}. */
  public String bundled(String name) {
    if (loader == null) {
      return null;
    }
    if (loader.getResource(BUNDLED + name) != null) {
      return BUNDLED + name;
    }
    return loader.getResource(BUNDLED + name + ".gz") != null ? BUNDLED + name + ".gz" : null;
  }

  /** In the folder, or else bundled. */
  public boolean has(String name) {
    return find(name) != null || bundled(name) != null;
  }

  /** Where the file is read from, for reports: its path, or {@code classpath:open-data/NAME}. */
  public String origin(String name) {
    Path path = find(name);
    if (path != null) {
      return path.toString();
    }
    String resource = bundled(name);
    return resource == null ? null : "classpath:" + resource;
  }

  /** A UTF-8 reader over the file (the folder's, else the bundled one), un-gzipping on the fly. */
  public BufferedReader reader(String name) {
    Path path = find(name);
    try {
      InputStream in;
      String stored;
      if (path != null) {
        in = Files.newInputStream(path);
        stored = path.getFileName().toString();
      } else {
        String resource = bundled(name);
        if (resource == null) {
          throw new MissingDataFileException(name, dir);
        }
        in = loader.getResourceAsStream(resource);
        if (in == null) {
          throw new MissingDataFileException(name, dir);
        }
        stored = resource;
      }
      if (stored.endsWith(".gz")) {
        in = new GZIPInputStream(in, 1 << 16);
      }
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name + " in " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * What {@code load} derives from the files, computed once per key for this object (concurrent
   * callers of the same key wait for the first); a failed load is not kept.
   */
  @SuppressWarnings("unchecked")
  public <T> T memo(String key, Supplier<T> load) {
    CompletableFuture<Object> mine = new CompletableFuture<>();
    CompletableFuture<Object> prior = memo.putIfAbsent(key, mine);
    if (prior == null) {
      try {
        T value = load.get();
        mine.complete(value);
        return value;
      } catch (RuntimeException | Error e) {
        memo.remove(key, mine);
        mine.completeExceptionally(e);
        throw e;
      }
    }
    try {
      return (T) prior.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  /** A streaming CSV parser with the header row as column names. */
  public CSVParser csv(String name) {
    return parse(name, CSV);
  }

  public CSVParser parse(String name, CSVFormat format) {
    try {
      return CSVParser.builder().setReader(reader(name)).setFormat(format).get();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
    }
  }

  /** A data file the requested source needs is not in the folder. */
  public static final class MissingDataFileException extends InvalidRequestException {
    public MissingDataFileException(String name, Path dir) {
      super("open-data file '" + name + "' (or " + name + ".gz) is not in " + dir.toAbsolutePath()
          + " nor bundled in the jar; set fulcrum.open-data.dir to the folder that holds it, or"
          + " leave its source out");
    }
  }
}
