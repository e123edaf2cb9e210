package org.fulcrum.casefile;

import java.io.ByteArrayOutputStream;
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

  /** Upper bound on the bytes read from one zip, against zip bombs. */
  public static final long MAX_ZIP_BYTES = 512L * 1024 * 1024;

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private final CaseValidator validator = new CaseValidator();

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

  /** Reads the CSV files of a case from a zip; folders inside the zip are ignored. */
  public CaseFile readCsvZip(String fileName, InputStream in) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    long total = 0;
    try (ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        if (entry.isDirectory() || isMacMetadata(entry.getName())) {
          continue;
        }
        String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
        if (!isCsv(name)) {
          continue;
        }
        byte[] bytes = zip.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_ZIP_BYTES - total + 1));
        total += bytes.length;
        if (total > MAX_ZIP_BYTES) {
          throw new CaseFormatException(List.of(new ImportProblem(fileName, null, null, null,
              "the zip expands to more than " + MAX_ZIP_BYTES / (1024 * 1024) + " MiB")));
        }
        files.put(name, bytes);
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
