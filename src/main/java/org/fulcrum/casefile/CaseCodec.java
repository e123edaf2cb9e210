package org.fulcrum.casefile;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes cases in the two dataset formats: one JSON file, or a folder (or zip) of CSV
 * files. Reading validates; a file with any problem yields a {@link CaseFormatException} naming
 * them all.
 */
public final class CaseCodec {

  /**
   * Upper bound on the bytes read from one zip, whatever the heap: no zip inflates past this.
   * The caps actually applied are {@link ZipLimits#fromHeap()}, at most this.
   */
  public static final long MAX_ZIP_BYTES = 512L * 1024 * 1024;

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private final CaseValidator validator = new CaseValidator();
  private final ZipLimits zipLimits;

  /** A codec whose zip caps follow this JVM's heap ({@link ZipLimits#fromHeap()}). */
  public CaseCodec() {
    this(ZipLimits.fromHeap());
  }

  public CaseCodec(ZipLimits zipLimits) {
    this.zipLimits = zipLimits;
  }

  /**
   * How far a zip of CSV files may inflate, counted byte by byte as it is inflated (the sizes a
   * zip declares are not trusted). Past a cap the import stops at once with a {@link
   * CaseTooLargeException} naming it; nothing is written, since a case is only stored after it has
   * been read whole and validated.
   *
   * @param perEntryBytes the most one CSV file may inflate to
   * @param totalBytes the most all the CSV files together may inflate to
   * @param maxRatio the most the inflated bytes may be per compressed byte read, checked once
   *     {@code ratioFloorBytes} have been inflated (text CSV compresses about 5-20 times; a zip bomb
   *     about 1,000)
   * @param ratioFloorBytes below this many inflated bytes the ratio is not checked, so that a small
   *     file of repeated text is not refused
   */
  public record ZipLimits(long perEntryBytes, long totalBytes, double maxRatio, long ratioFloorBytes) {

    /** The ratio cap: inflated bytes per compressed byte. */
    public static final double MAX_RATIO = 200;

    /** Inflated bytes before the ratio is checked. */
    public static final long RATIO_FLOOR_BYTES = 1024 * 1024;

    public ZipLimits {
      if (perEntryBytes < 1 || totalBytes < 1 || maxRatio <= 1 || ratioFloorBytes < 0) {
        throw new IllegalArgumentException("zip limits must be positive and the ratio above 1");
      }
    }

    /**
     * The caps for this JVM: the total is a sixteenth of the largest heap ({@code -Xmx}), and at
     * most {@link #MAX_ZIP_BYTES}; one file may take three quarters of that. The inflated text is
     * held twice while it is read (the bytes, then the string the CSV reader parses), and the case
     * built from it once more, so three imports at the cap at once hold about half the heap and
     * cannot exhaust it. At {@code -Xmx2g}: 128 MiB in all, 96 MiB for one file.
     */
    public static ZipLimits fromHeap() {
      return fromHeap(Runtime.getRuntime().maxMemory());
    }

    static ZipLimits fromHeap(long maxHeapBytes) {
      long total = Math.max(1024 * 1024, Math.min(MAX_ZIP_BYTES, maxHeapBytes / 16));
      return new ZipLimits(total / 4 * 3, total, MAX_RATIO, RATIO_FLOOR_BYTES);
    }
  }

  public ZipLimits zipLimits() {
    return zipLimits;
  }

  public CaseFile readJson(String fileName, InputStream in) {
    return validator.validate(new JsonCaseReader().read(fileName, in));
  }

  /** Reads a case folder holding {@code case.csv}, {@code actors.csv} and the other CSV files. */
  public CaseFile readCsvFolder(Path folder) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (var entries = Files.list(folder)) {
      for (Path p : entries.filter(p -> isCsv(p.getFileName().toString())).sorted().toList()) {
        files.put(p.getFileName().toString(), Files.readAllBytes(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return validator.validate(new CsvCaseReader().readBytes(files));
  }

  /**
   * Reads the CSV files of a case from a zip; folders inside the zip are ignored. Inflation is
   * bounded by {@link #zipLimits()}.
   *
   * @throws CaseTooLargeException past a cap, before anything more is inflated
   */
  public CaseFile readCsvZip(String fileName, InputStream in) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    CountingInputStream compressed = new CountingInputStream(in);
    long total = 0;
    byte[] buffer = new byte[64 * 1024];
    try (ZipInputStream zip = new ZipInputStream(compressed, StandardCharsets.UTF_8)) {
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        if (entry.isDirectory() || isMacMetadata(entry.getName())) {
          continue;
        }
        String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
        if (!isCsv(name)) {
          continue;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long inEntry = 0;
        int n;
        while ((n = zip.read(buffer)) > 0) {
          inEntry += n;
          total += n;
          if (inEntry > zipLimits.perEntryBytes()) {
            throw tooLarge(fileName, name + " inflates to more than " + mib(zipLimits.perEntryBytes())
                + ", the most one file of a zip may hold", "per-entry", zipLimits.perEntryBytes());
          }
          if (total > zipLimits.totalBytes()) {
            throw tooLarge(fileName, "the zip inflates to more than " + mib(zipLimits.totalBytes())
                + ", the most a zip may hold in all", "total", zipLimits.totalBytes());
          }
          if (total >= zipLimits.ratioFloorBytes()
              && total > zipLimits.maxRatio() * Math.max(1, compressed.count())) {
            throw tooLarge(fileName, "the zip inflates more than " + (long) zipLimits.maxRatio()
                + " times (" + total + " bytes from " + compressed.count() + "), the most a zip may"
                + " inflate; this looks like a zip bomb", "ratio", (long) zipLimits.maxRatio());
          }
          bytes.write(buffer, 0, n);
        }
        files.put(name, bytes.toByteArray());
      }
    } catch (IOException e) {
      throw new CaseFormatException(List.of(new ImportProblem(fileName, null, null, null,
          "not a readable zip file: " + e.getMessage())));
    }
    if (files.isEmpty()) {
      throw new CaseFormatException(List.of(new ImportProblem(fileName, null, null, null,
          "the zip holds no CSV files; expected " + String.join(", ", CsvCaseReader.FILES))));
    }
    return validator.validate(new CsvCaseReader().readBytes(files));
  }

  /** A CSV file of a case: a {@code .csv} name (any letter case) that is not a dot-file. */
  private static boolean isCsv(String name) {
    return !name.startsWith(".") && name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv");
  }

  /** What macOS adds to a zip: {@code __MACOSX/} resource forks, {@code .DS_Store} and the like. */
  private static boolean isMacMetadata(String entry) {
    return entry.startsWith("__MACOSX/") || entry.contains("/__MACOSX/");
  }

  private static String mib(long bytes) {
    return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : bytes + " bytes";
  }

  private static CaseTooLargeException tooLarge(String fileName, String message, String limit, long value) {
    return new CaseTooLargeException(new ImportProblem(fileName, null, null, null,
        message + "; nothing was written"), limit, value);
  }

  /** Counts the compressed bytes the zip reader takes, for the ratio cap. */
  private static final class CountingInputStream extends FilterInputStream {
    private long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    long count() {
      return count;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count += skipped;
      return skipped;
    }
  }

  /** Reads a path: a {@code .json} file, a {@code .zip} of CSV files, or a folder of CSV files. */
  public CaseFile read(Path path) {
    try {
      if (Files.isDirectory(path)) {
        return readCsvFolder(path);
      }
      try (InputStream in = Files.newInputStream(path)) {
        String name = path.getFileName().toString();
        return name.endsWith(".zip") ? readCsvZip(name, in) : readJson(name, in);
      }
    } catch (IOException e) {
      throw new CaseFormatException(List.of(new ImportProblem(path.toString(), null, null, null,
          "cannot read: " + e.getMessage())));
    }
  }

  public void writeJson(CaseFile caseFile, OutputStream out) {
    JSON.writeValue(out, caseFile);
  }

  public byte[] toJson(CaseFile caseFile) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeJson(caseFile, out);
    return out.toByteArray();
  }

  public void writeCsvZip(CaseFile caseFile, OutputStream out) {
    try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      for (var file : new CsvCaseWriter().write(caseFile).entrySet()) {
        zip.putNextEntry(new ZipEntry(file.getKey()));
        zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void writeCsvFolder(CaseFile caseFile, Path folder) {
    try {
      Files.createDirectories(folder);
      for (var file : new CsvCaseWriter().write(caseFile).entrySet()) {
        Files.writeString(folder.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
