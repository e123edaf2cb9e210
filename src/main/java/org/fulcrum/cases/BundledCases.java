package org.fulcrum.cases;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.fulcrum.casefile.CaseCodec;
import org.fulcrum.casefile.CaseFile;
import org.fulcrum.store.FulcrumProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * On the first start of a store, imports the curated cases shipped in the jar ({@code datasets/}).
 * A marker node remembers that it happened, so a case the user deleted does not come back.
 */
@Component
class BundledCases implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(BundledCases.class);

  private final CaseService cases;
  private final Neo4jClient client;
  private final boolean enabled;

  BundledCases(CaseService cases, Neo4jClient client, FulcrumProperties properties) {
    this.cases = cases;
    this.client = client;
    this.enabled = properties.loadBundledCases();
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!enabled || alreadyLoaded()) {
      return;
    }
    for (CaseFile c : bundled()) {
      if (cases.exists(c.id())) {
        continue;
      }
      var result = cases.importCase(c);
      log.info("Loaded bundled case {}: {} actors, {} ties, {} messages", c.id(),
          result.summary().actors(), result.summary().ties(), result.summary().messages());
    }
    client.query("MERGE (m:FulcrumMeta {key: 'bundled-cases'}) SET m.loadedAt = datetime()").run();
  }

  private boolean alreadyLoaded() {
    return client.query("MATCH (m:FulcrumMeta {key: 'bundled-cases'}) RETURN count(m) > 0")
        .fetchAs(Boolean.class).one().orElse(false);
  }

  /** The cases in the jar, validated like any import: a broken bundled file stops the start. */
  static List<CaseFile> bundled() {
    CaseCodec codec = new CaseCodec();
    try {
      Resource[] files =
          new PathMatchingResourcePatternResolver().getResources("classpath*:datasets/*.json");
      return Arrays.stream(files).sorted(Comparator.comparing(Resource::getFilename)).map(r -> {
        try (InputStream in = r.getInputStream()) {
          return codec.readJson(r.getFilename(), in);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
