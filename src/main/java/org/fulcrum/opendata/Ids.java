package org.fulcrum.opendata;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The namespace of generated records. Every actor, tie and source the builder makes has an id that
 * starts with {@value #PREFIX}; a re-build replaces exactly those and keeps every other record.
 */
public final class Ids {

  public static final String PREFIX = "od-";

  private Ids() {}

  public static boolean generated(String id) {
    return id != null && id.startsWith(PREFIX);
  }

  /** Lower-case ASCII letters and digits joined by '-', e.g. "Police (Kenya)" -> "police-kenya". */
  public static String slug(String text) {
    String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
        .replaceAll("(^-+)|(-+$)", "");
    if (slug.length() > 80) {
      slug = slug.substring(0, 80).replaceAll("-+$", "");
    }
    return slug.isEmpty() ? "x" : slug;
  }
}
