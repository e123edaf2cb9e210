package org.fulcrum.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SchemaMigrationsTest {

  @Test
  void versionedFilesAreFoundInOrderAndSplitIntoStatements() {
    var migrations = SchemaMigrations.load();
    assertThat(migrations).extracting(SchemaMigrations.Migration::version).containsExactly(1, 2, 3, 4, 5);
    var first = migrations.get(0);
    assertThat(first.description()).isEqualTo("case graph constraints");
    assertThat(first.statements()).hasSize(5)
        .allSatisfy(s -> assertThat(s).startsWith("CREATE CONSTRAINT").doesNotContain("//", ";"));
    assertThat(first.checksum()).hasSize(64);
  }
}
