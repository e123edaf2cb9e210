package org.fulcrum.opendata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The CAMEO event codebook: code -> name, root, quad class and Goldstein weight, and the reverse
 * lookup from an event text as ICEWS writes it ("Use conventional military force") to its code.
 * Texts match on letters and digits only, without "not specified below"; failing that, the
 * longest codebook name that starts the text wins (the codebook abbreviates some names).
 */
public final class CameoCodes {

  /**
   * One event code.
   *
   * @param quadClass 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material
   *     conflict
   * @param goldstein the Goldstein (1992) conflict-cooperation weight in [-10, 10]
   */
  public record Code(String code, String name, String root, int quadClass, double goldstein) {}

  private final Map<String, Code> byCode = new HashMap<>();
  private final Map<String, Code> byText = new HashMap<>();
  private final Map<String, Optional<Code>> textCache = new ConcurrentHashMap<>();

  public static CameoCodes load(DataFiles files) {
    CameoCodes codes = new CameoCodes();
    try (CSVParser csv = files.csv(DataFiles.CAMEO_CODES)) {
      for (CSVRecord r : csv) {
        String code = r.get("cameo_code").strip();
        Integer quad = CountryCodes.integer(r.get("quad_class"));
        double goldstein;
        try {
          goldstein = Double.parseDouble(r.get("goldstein"));
        } catch (NumberFormatException e) {
          continue;
        }
        if (code.length() < 2 || quad == null) {
          continue;
        }
        Code c = new Code(code, r.get("name").strip(), code.substring(0, 2), quad, goldstein);
        codes.byCode.put(code, c);
        // The more specific code keeps a shared text (a root and its "not specified" child).
        codes.byText.merge(key(c.name()), c, (a, b) -> a.code().length() >= b.code().length() ? a : b);
        codes.byText.merge(key(r.get("description")), c,
            (a, b) -> a.code().length() >= b.code().length() ? a : b);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    codes.byText.remove("");
    return codes;
  }

  public Optional<Code> code(String code) {
    return Optional.ofNullable(code == null ? null : byCode.get(code.strip()));
  }

  public Optional<Code> text(String text) {
    return textCache.computeIfAbsent(text, t -> {
      String k = key(t);
      Code exact = byText.get(k);
      if (exact != null) {
        return Optional.of(exact);
      }
      Code best = null;
      int bestLength = 3;
      for (var e : byText.entrySet()) {
        if (e.getKey().length() > bestLength && k.startsWith(e.getKey())) {
          best = e.getValue();
          bestLength = e.getKey().length();
        }
      }
      return Optional.ofNullable(best);
    });
  }

  static String key(String text) {
    return text.toLowerCase(Locale.ROOT).replace("not specified below", "")
        .replaceAll("[^a-z0-9]", "");
  }
}
