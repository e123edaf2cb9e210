package org.fulcrum.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The curated cases in {@code datasets/} are valid, sourced, and survive both formats. */
class BundledDatasetsTest {

  static Stream<Path> datasets() throws IOException {
    return Files.list(Path.of("datasets")).filter(p -> p.toString().endsWith(".json")).sorted();
  }

  static CaseFile read(Path path) {
    try (InputStream in = Files.newInputStream(path)) {
      return new CaseCodec().readJson(path.getFileName().toString(), in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest
  @MethodSource("datasets")
  void isValidAndCitesSourcesEverywhere(Path path) {
    CaseFile c = read(path);
    assertThat(path.getFileName().toString()).isEqualTo(c.id() + ".json");
    assertThat(c.actors()).allSatisfy(a -> assertThat(a.sources()).isNotEmpty());
    assertThat(c.ties()).allSatisfy(t -> assertThat(t.sources()).isNotEmpty());
    assertThat(c.messages()).allSatisfy(m -> assertThat(m.sources()).isNotEmpty());
    assertThat(c.sources()).allSatisfy(s -> assertThat(s.url()).startsWith("http"));
  }

  @ParameterizedTest
  @MethodSource("datasets")
  void roundTripsThroughJsonAndCsv(Path path, @org.junit.jupiter.api.io.TempDir Path tmp) {
    CaseFile c = read(path);
    CaseCodec codec = new CaseCodec();
    CaseFile viaJson = codec.readJson("export.json", new java.io.ByteArrayInputStream(codec.toJson(c)));
    assertThat(viaJson).isEqualTo(c);
    codec.writeCsvFolder(c, tmp);
    assertThat(codec.readCsvFolder(tmp)).isEqualTo(c);
  }

  @org.junit.jupiter.api.Test
  void darfurMeetsTheCurationMinimum() {
    CaseFile darfur = read(Path.of("datasets/darfur-2003-2008.json"));
    assertThat(darfur.actors()).hasSizeGreaterThanOrEqualTo(50);
    assertThat(darfur.ties()).hasSizeGreaterThanOrEqualTo(120);
    assertThat(darfur.messages()).hasSizeGreaterThanOrEqualTo(30);
  }
}
