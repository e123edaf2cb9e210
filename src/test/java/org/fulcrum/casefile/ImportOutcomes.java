package org.fulcrum.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.function.Supplier;

/**
 * What the fuzz tests require of an importer: either a valid case, which both formats then carry
 * through export and re-import unchanged, or a {@link CaseFormatException} whose every problem says
 * something. Any other exception escapes and is the fuzzer's finding.
 */
final class ImportOutcomes {

  private static final CaseCodec CODEC = new CaseCodec();

  private ImportOutcomes() {}

  static void cleanImportOrProblemReport(Supplier<CaseFile> importer) {
    CaseFile imported;
    try {
      imported = importer.get();
    } catch (CaseFormatException e) {
      assertThat(e.problems()).isNotEmpty();
      assertThat(e.problems()).allSatisfy(p -> assertThat(p.message()).isNotBlank());
      return;
    }
    assertThat(imported).isNotNull();
    byte[] json = CODEC.toJson(imported);
    assertThat(CODEC.readJson("export.json", new ByteArrayInputStream(json))).isEqualTo(imported);
    var zip = new ByteArrayOutputStream();
    CODEC.writeCsvZip(imported, zip);
    assertThat(CODEC.readCsvZip("export.zip", new ByteArrayInputStream(zip.toByteArray())))
        .isEqualTo(imported);
  }
}
