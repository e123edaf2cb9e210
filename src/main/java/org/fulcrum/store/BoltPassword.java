package org.fulcrum.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Bolt connector's password: {@code fulcrum.bolt.password} when set; otherwise the one
 * kept in {@code <data-dir>/bolt-password} (readable by its owner only), generated and written to
 * the log once, on the store's first start. Fulcrum and its command line read the file; so can a
 * user who needs Neo4j Browser or cypher-shell.
 */
final class BoltPassword {

  static final String FILE = "bolt-password";

  private static final Logger log = LoggerFactory.getLogger(BoltPassword.class);

  private BoltPassword() {}

  static String resolve(Path dataDir, String configured) {
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    Path file = dataDir.resolve(FILE);
    try {
      if (Files.exists(file)) {
        String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (!stored.isEmpty()) {
          return stored;
        }
      }
      byte[] bytes = new byte[18];
      new SecureRandom().nextBytes(bytes);
      String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      Files.createDirectories(dataDir);
      Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the file keeps the directory's default permissions
      }
      log.warn("The embedded Neo4j's Bolt connector requires user neo4j with password {} . It is kept"
          + " in {} (owner-readable only); set fulcrum.bolt.password to choose it.", password, file);
      return password;
    } catch (IOException e) {
      throw new StoreUnavailableException("cannot read or write the Bolt password file " + file
          + ": " + e.getMessage() + "; set fulcrum.bolt.password instead", e);
    }
  }
}
