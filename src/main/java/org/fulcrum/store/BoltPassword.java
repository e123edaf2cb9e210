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

  /** File of the internal user's name and password: {@code <data-dir>/bolt-internal-user}. */
  static final String INTERNAL_FILE = "bolt-internal-user";

  /** The Bolt user Fulcrum's own driver signs in as on the embedded store. */
  record Credentials(String user, String password) {}

  /**
   * The embedded store's internal user, kept in {@value #INTERNAL_FILE} (owner-readable only; name
   * on the first line, password on the second), generated on the store's first start: a name no
   * one outside can guess ({@code fulcrum_} and 16 random hex digits) and a random password. Never
   * logged. Outside clients sign in as {@code neo4j}; Neo4j's lockout after wrong passwords is per
   * user, so a flood of wrong passwords for {@code neo4j} cannot lock Fulcrum out (docs/security.md).
   */
  static Credentials internal(Path dataDir) {
    Path file = dataDir.resolve(INTERNAL_FILE);
    try {
      if (Files.exists(file)) {
        var lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.size() >= 2 && lines.get(0).strip().matches("fulcrum_[0-9a-f]{16}")
            && !lines.get(1).strip().isEmpty()) {
          return new Credentials(lines.get(0).strip(), lines.get(1).strip());
        }
      }
      byte[] name = new byte[8];
      byte[] secret = new byte[24];
      SecureRandom random = new SecureRandom();
      random.nextBytes(name);
      random.nextBytes(secret);
      Credentials c = new Credentials("fulcrum_" + java.util.HexFormat.of().formatHex(name),
          Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
      Files.createDirectories(dataDir);
      Files.writeString(file, c.user() + "\n" + c.password() + "\n", StandardCharsets.UTF_8);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the file keeps the directory's default permissions
      }
      return c;
    } catch (IOException e) {
      throw new StoreUnavailableException("cannot read or write the internal Bolt user's file " + file
          + ": " + e.getMessage(), e);
    }
  }

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
