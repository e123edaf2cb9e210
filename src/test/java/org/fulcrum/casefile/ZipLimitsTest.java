package org.fulcrum.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.fulcrum.casefile.CaseCodec.ZipLimits;
import org.junit.jupiter.api.Test;

/**
 * The zip import counts bytes as they inflate and stops at the first cap (one file, all files, the
 * ratio), naming it; small caps keep these fast. The HTTP side (413, a 500 MiB bomb, three at once)
 * is in {@code HostileInputIT}.
 */
class ZipLimitsTest {

  static final int KIB = 1024;

  /** A zip of the given files, each {@code size} bytes of {@code fill}. */
  static byte[] zip(int size, byte[]... contents) throws IOException {
    var out = new ByteArrayOutputStream();
    try (var zip = new ZipOutputStream(out)) {
      int i = 0;
      for (byte[] content : contents) {
        zip.putNextEntry(new ZipEntry(i++ == 0 ? "ties.csv" : "file" + i + ".csv"));
        zip.write(content, 0, Math.min(size, content.length));
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  static byte[] repeated(int size) {
    byte[] b = new byte[size];
    Arrays.fill(b, (byte) 'a');
    return b;
  }

  /** Letters at random: compresses less than two times, so no ratio cap is reached. */
  static byte[] random(int size, long seed) {
    byte[] b = new byte[size];
    Random r = new Random(seed);
    for (int i = 0; i < size; i++) {
      b[i] = (byte) ('a' + r.nextInt(26));
    }
    return b;
  }

  static CaseTooLargeException refusal(ZipLimits limits, byte[] zip) {
    var codec = new CaseCodec(limits);
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
        () -> codec.readCsvZip("bomb.zip", new ByteArrayInputStream(zip)));
    assertThat(thrown).isInstanceOf(CaseTooLargeException.class);
    return (CaseTooLargeException) thrown;
  }

  @Test
  void oneFileLargerThanThePerEntryCapIsRefusedNamingIt() throws IOException {
    var e = refusal(new ZipLimits(64 * KIB, 1024 * KIB, 1e9, 0), zip(200 * KIB, random(200 * KIB, 1)));
    assertThat(e.limit()).isEqualTo("per-entry");
    assertThat(e.value()).isEqualTo(64 * KIB);
    assertThat(e.problems().get(0).message()).contains("ties.csv inflates to more than 65536 bytes")
        .contains("nothing was written");
  }

  @Test
  void filesTogetherLargerThanTheTotalCapAreRefused() throws IOException {
    var e = refusal(new ZipLimits(100 * KIB, 150 * KIB, 1e9, 0),
        zip(90 * KIB, random(90 * KIB, 1), random(90 * KIB, 2)));
    assertThat(e.limit()).isEqualTo("total");
    assertThat(e.problems().get(0).message()).contains("the zip inflates to more than 153600 bytes");
  }

  @Test
  void aZipThatInflatesFarMoreThanTextDoesIsRefusedByItsRatio() throws IOException {
    byte[] bomb = zip(8 * 1024 * KIB, repeated(8 * 1024 * KIB));
    assertThat(bomb.length).as("a real bomb: 8 MiB from a few KiB").isLessThan(16 * KIB);
    var e = refusal(new ZipLimits(64 * 1024 * KIB, 64 * 1024 * KIB, 200, 1024 * KIB), bomb);
    assertThat(e.limit()).isEqualTo("ratio");
    assertThat(e.problems().get(0).message()).contains("more than 200 times").contains("zip bomb");
  }

  @Test
  void belowTheRatioFloorRepeatedTextIsNotRefused() throws IOException {
    // 100 KiB of one letter: far above the ratio, but below the floor; read, then refused as a case
    var codec = new CaseCodec(new ZipLimits(1024 * KIB, 1024 * KIB, 200, 1024 * KIB));
    assertThatThrownBy(() -> codec.readCsvZip("small.zip",
        new ByteArrayInputStream(zip(100 * KIB, repeated(100 * KIB))))).isInstanceOf(CaseFormatException.class)
        .isNotInstanceOf(CaseTooLargeException.class);
  }

  @Test
  void aRealCaseWithinTheCapsReadsAsBefore() throws IOException {
    CaseFile every = EveryFieldCase.build();
    var out = new ByteArrayOutputStream();
    var codec = new CaseCodec(new ZipLimits(64 * KIB, 128 * KIB, 200, 1024 * KIB));
    codec.writeCsvZip(every, out);
    assertThat(codec.readCsvZip("every.zip", new ByteArrayInputStream(out.toByteArray()))).isEqualTo(every);
  }

  @Test
  void theCapsFollowTheHeapUpToTheFixedMaximum() {
    ZipLimits twoGiB = ZipLimits.fromHeap(2L << 30);
    assertThat(twoGiB.totalBytes()).isEqualTo(128L << 20);
    assertThat(twoGiB.perEntryBytes()).isEqualTo(96L << 20);
    ZipLimits large = ZipLimits.fromHeap(64L << 30);
    assertThat(large.totalBytes()).isEqualTo(CaseCodec.MAX_ZIP_BYTES);
    assertThat(ZipLimits.fromHeap(1L << 20).totalBytes()).as("never below 1 MiB").isEqualTo(1L << 20);
    assertThat(new CaseCodec().zipLimits()).isEqualTo(ZipLimits.fromHeap());
  }

  @Test
  void aDuplicateKeyInACaseFileIsRefusedNamingIt() {
    String json = "{\"id\": \"dup\", \"title\": \"One\", \"title\": \"Two\"}";
    assertThatThrownBy(() -> new CaseCodec().readJson("dup.json",
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(CaseFormatException.class)
        .hasMessageContaining("duplicate key 'title'");
    String record = "{\"id\": \"a\", \"name\": \"A\", \"id\": \"b\"}";
    assertThatThrownBy(() -> new JsonCaseReader().readRecord("body",
        new ByteArrayInputStream(record.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(CaseFormatException.class)
        .hasMessageContaining("duplicate key 'id'");
  }
}
