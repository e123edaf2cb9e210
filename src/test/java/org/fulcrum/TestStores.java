package org.fulcrum;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** Fresh embedded stores for tests: a new directory each, Bolt on a free loopback port. */
public final class TestStores {

  private TestStores() {}

  /** The folders this JVM made, deleted with everything in them when it exits. */
  private static final Set<Path> MADE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(TestStores::deleteAll, "test-store-cleanup"));
  }

  /**
   * A new empty folder for a store, deleted recursively when the JVM exits ({@code deleteOnExit}
   * alone deletes only empty folders, which a store never is).
   */
  public static Path newDataDir(String prefix) {
    try {
      Path dir = Files.createTempDirectory("fulcrum-" + prefix);
      MADE.add(dir);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Deletes the folders made here. Runs at exit beside the hook that closes the test application
   * contexts, whose stores may still write while they shut down; a folder that is not gone yet is
   * tried again for a few seconds.
   */
  private static void deleteAll() {
    for (int attempt = 0; attempt < 20 && !MADE.isEmpty(); attempt++) {
      MADE.removeIf(TestStores::deleteRecursively);
      if (!MADE.isEmpty()) {
        try {
          Thread.sleep(500);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  /** Deletes a folder and everything in it; true when it is gone. */
  public static boolean deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return true;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          // still in use, or made again meanwhile: the next attempt takes it
        }
      });
    } catch (IOException | UncheckedIOException e) {
      // a file vanished or appeared during the walk: the next attempt sees the rest
    }
    return !Files.exists(dir);
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
