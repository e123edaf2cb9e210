package org.fulcrum.opendata;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.fulcrum.error.InvalidRequestException;

/** The open datasets a case can be built from; each is one step of the pipeline. */
public enum OpenDataSource {
  ARMS("arms"),
  CONTIGUITY("contiguity"),
  ALLIANCES("alliances"),
  VETOES("vetoes"),
  EVENTS("events"),
  UNGA("unga"),
  IGO("igo");

  private final String label;

  OpenDataSource(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Set<OpenDataSource> all() {
    return EnumSet.allOf(OpenDataSource.class);
  }

  /** Parses labels such as {@code arms,vetoes}; rejects unknown names with the allowed ones. */
  public static Set<OpenDataSource> parse(Iterable<String> labels) {
    Set<OpenDataSource> out = EnumSet.noneOf(OpenDataSource.class);
    for (String raw : labels) {
      String label = raw.strip().toLowerCase(Locale.ROOT);
      if (label.isEmpty()) {
        continue;
      }
      out.add(Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst()
          .orElseThrow(() -> new InvalidRequestException("sources: unknown source '" + raw
              + "'; expected any of " + allowed())));
    }
    return out;
  }

  public static String allowed() {
    return Arrays.stream(values()).map(OpenDataSource::label).collect(Collectors.joining(", "));
  }
}
