package org.fulcrum.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How much a client may send in one request: bodies are read whole before validation, so an
 * unbounded body would be an unbounded allocation.
 *
 * @param maxImportSize the largest body of {@code POST /api/cases} (a case as JSON or a zip of CSV
 *     files), {@code fulcrum.limits.max-import-size}
 * @param maxBodySize the largest body of any other API request (one actor, tie, message or source,
 *     or an analysis request), {@code fulcrum.limits.max-body-size}
 */
@ConfigurationProperties("fulcrum.limits")
public record RequestLimits(DataSize maxImportSize, DataSize maxBodySize) {

  public static final DataSize MAX_IMPORT_SIZE_DEFAULT = DataSize.ofMegabytes(64);
  public static final DataSize MAX_BODY_SIZE_DEFAULT = DataSize.ofMegabytes(1);

  public RequestLimits {
    maxImportSize = maxImportSize == null ? MAX_IMPORT_SIZE_DEFAULT : maxImportSize;
    maxBodySize = maxBodySize == null ? MAX_BODY_SIZE_DEFAULT : maxBodySize;
    if (maxImportSize.toBytes() < 1 || maxImportSize.toBytes() > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "fulcrum.limits.max-import-size must be between 1B and 2GB, got " + maxImportSize);
    }
    if (maxBodySize.toBytes() < 1 || maxBodySize.toBytes() > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "fulcrum.limits.max-body-size must be between 1B and 2GB, got " + maxBodySize);
    }
  }

  /** The limit for a request, and the property that sets it. */
  record Limit(long bytes, String property) {}

  Limit forRequest(String method, String path) {
    boolean caseImport = "POST".equals(method) && (path.equals("/api/cases") || path.equals("/api/cases/"));
    return caseImport
        ? new Limit(maxImportSize.toBytes(), "fulcrum.limits.max-import-size")
        : new Limit(maxBodySize.toBytes(), "fulcrum.limits.max-body-size");
  }
}
