package org.fulcrum;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Fresh embedded stores for tests: a new directory each, Bolt on a free loopback port. */
public final class TestStores {

  private TestStores() {}

  public static Path newDataDir(String prefix) {
    try {
      Path dir = Files.createTempDirectory("fulcrum-" + prefix);
      dir.toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Command-line style arguments ({@code --key=value}), which win over application.yaml. */
  public static String[] args(Map<String, Object> properties) {
    return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
        .toArray(String[]::new);
  }

  /** The first admin's password in test stores (set, so tests can sign in). */
  public static final String ADMIN_PASSWORD = "test-admin-password";

  /** Properties for an application context on its own embedded store. */
  public static Map<String, Object> embedded(Path dataDir) {
    return Map.of("fulcrum.data-dir", dataDir.toString(), "fulcrum.bolt.port", 0,
        "fulcrum.bolt.page-cache", "64m", "fulcrum.security.admin-password", ADMIN_PASSWORD);
  }

  /** An HTTP Basic {@code Authorization} header value. */
  public static String basic(String user, String password) {
    return "Basic " + java.util.Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** The {@code Authorization} header of the first admin. */
  public static String admin() {
    return basic("admin", ADMIN_PASSWORD);
  }
}
