package org.fulcrum.interchange;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The standard graph formats a case is exported in, for Gephi, Cytoscape, yEd and networkx. */
public enum GraphFormat {
  GRAPHML("graphml", "application/graphml+xml", ".graphml"),
  GEXF("gexf", "application/gexf+xml", ".gexf"),
  /** Cytoscape.js JSON ({@code cy.json()}), which Cytoscape desktop opens as {@code .cyjs}. */
  CYTOSCAPE("cytoscape", "application/json", ".cyjs");

  private final String label;
  private final String mediaType;
  private final String extension;

  GraphFormat(String label, String mediaType, String extension) {
    this.label = label;
    this.mediaType = mediaType;
    this.extension = extension;
  }

  /** The name given to {@code format=} and {@code --format}. */
  public String label() {
    return label;
  }

  public String mediaType() {
    return mediaType;
  }

  /** The file name extension, with its dot. */
  public String extension() {
    return extension;
  }

  public static Optional<GraphFormat> parse(String text) {
    String t = text == null ? "" : text.toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(f -> f.label.equals(t)).findFirst();
  }

  /** The labels, comma-separated, for messages. */
  public static String labels() {
    return Arrays.stream(values()).map(GraphFormat::label).collect(Collectors.joining(", "));
  }
}
