package org.fulcrum.opendata.web;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the open-data builder reads its files ({@code fulcrum.open-data.dir}, or
 * {@code FULCRUM_OPEN_DATA_DIR}); point it at a folder of full downloads with the same file names.
 */
@ConfigurationProperties("fulcrum.open-data")
public record OpenDataProperties(Path dir) {

  public static final Path DIR_DEFAULT = Path.of("datasets/open-data");

  public OpenDataProperties {
    dir = dir == null ? DIR_DEFAULT : dir;
  }
}
