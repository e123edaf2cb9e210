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
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.fulcrum.error.InvalidRequestException;

/**
 * The folder the builder reads, and the file each step expects in it. Every file may also be
 * stored gzipped as {@code NAME.gz}; the plain name wins. Files are opened as streams, never read
 * whole.
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

  public static final CSVFormat CSV =
      CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
  public static final CSVFormat TSV = CSVFormat.TDF.builder().setHeader().setSkipHeaderRecord(true)
      .setQuote(null).setIgnoreEmptyLines(true).get();

  private final Path dir;

  public DataFiles(Path dir) {
    this.dir = Objects.requireNonNull(dir, "dir");
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

  public boolean has(String name) {
    return find(name) != null;
  }

  /** A UTF-8 reader over the file, un-gzipping on the fly. */
  public BufferedReader reader(String name) {
    Path path = find(name);
    if (path == null) {
      throw new MissingDataFileException(name, dir);
    }
    try {
      InputStream in = Files.newInputStream(path);
      if (path.getFileName().toString().endsWith(".gz")) {
        in = new GZIPInputStream(in, 1 << 16);
      }
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
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
          + "; set fulcrum.open-data.dir to the folder that holds it, or leave its source out");
    }
  }
}
