package org.fulcrum.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.data.neo4j.core.DatabaseSelectionProvider;
import org.springframework.stereotype.Component;

/**
 * Applies the versioned Cypher files {@code cypher/schema/V<n>__<description>.cypher} in order, once
 * each, and records them as {@code (:FulcrumMigration)} nodes. A file already applied whose content
 * has changed stops the start-up: schema history is append-only, so add a new version instead.
 * (Neo4j-Migrations does this job for Spring Boot 3; this runner is the few lines Fulcrum needs.)
 */
@Component
public class SchemaMigrations implements InitializingBean {

  private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);
  private static final Pattern FILE = Pattern.compile("V(\\d+)__(.+)\\.cypher");

  private final Driver driver;
  private final DatabaseSelectionProvider database;

  SchemaMigrations(Driver driver, DatabaseSelectionProvider database) {
    this.driver = driver;
    this.database = database;
  }

  /** One versioned file. */
  record Migration(int version, String description, String checksum, List<String> statements) {}

  @Override
  public void afterPropertiesSet() {
    try {
      for (Migration m : load()) {
        apply(m);
      }
    } catch (org.neo4j.driver.exceptions.ServiceUnavailableException
        | org.neo4j.driver.exceptions.AuthenticationException e) {
      // the first contact with the store: say which store and why, not a stack trace
      throw new StoreUnavailableException("cannot use the Neo4j store: " + e.getMessage(), e);
    }
  }

  private Session session() {
    String name = database.getDatabaseSelection().getValue();
    return name == null ? driver.session() : driver.session(SessionConfig.forDatabase(name));
  }

  private void apply(Migration m) {
    try (Session session = session()) {
      var applied = session.run("MATCH (m:FulcrumMigration {version: $version}) RETURN m.checksum AS checksum",
          Map.of("version", m.version())).list();
      if (!applied.isEmpty()) {
        String checksum = applied.get(0).get("checksum").asString();
        if (!checksum.equals(m.checksum())) {
          throw new StoreUnavailableException("schema migration V" + m.version() + " (" + m.description()
              + ") was changed after it was applied to this store; add a new version instead");
        }
        return;
      }
      for (String statement : m.statements()) {
        session.run(statement).consume();
      }
      session.run("CREATE (:FulcrumMigration {version: $version, description: $description,"
              + " checksum: $checksum, appliedAt: datetime()})",
          Map.of("version", m.version(), "description", m.description(), "checksum", m.checksum()))
          .consume();
      log.info("Applied schema migration V{} {}", m.version(), m.description());
    }
  }

  static List<Migration> load() {
    try {
      Resource[] files = new PathMatchingResourcePatternResolver()
          .getResources("classpath*:cypher/schema/V*__*.cypher");
      return Arrays.stream(files).map(SchemaMigrations::parse)
          .sorted(Comparator.comparingInt(Migration::version)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Migration parse(Resource file) {
    Matcher name = FILE.matcher(file.getFilename());
    if (!name.matches()) {
      throw new IllegalStateException("schema file name must be V<n>__<description>.cypher: " + file);
    }
    try {
      String text = file.getContentAsString(StandardCharsets.UTF_8);
      List<String> statements = Arrays.stream(text.split(";\\s*(\\r?\\n|$)"))
          .map(s -> s.lines().filter(l -> !l.strip().startsWith("//")).reduce("", (a, b) -> a + b + "\n").strip())
          .filter(s -> !s.isEmpty()).toList();
      String checksum = HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
      return new Migration(Integer.parseInt(name.group(1)), name.group(2).replace('_', ' '), checksum,
          statements);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
