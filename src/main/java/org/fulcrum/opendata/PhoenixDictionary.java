package org.fulcrum.opendata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Phoenix (PETRARCH 2) actor and agent dictionaries: named people and organisations with
 * CAMEO actor codes that may change over time ({@code MWAI_KIBAKI_ [KENGOV >021230]}), and
 * generic agent nouns with their CAMEO type ({@code POLICE [~COP]}). Read line by line.
 *
 * <p>Names are looked up by their letters and digits in upper case joined by '_', and also by
 * first and last word only, so that "Uhuru Muigai Kenyatta" finds {@code UHURU_KENYATTA_}.
 */
public final class PhoenixDictionary {

  private static final Pattern CODE = Pattern.compile("\\[([~A-Z0-9]+)(?:\\s+([<>]?)(\\d{6})?(?:-(\\d{6}))?)?\\s*\\]");

  /** One dated code: valid on {@code from..to} (either may be open). */
  public record DatedCode(String code, LocalDate from, LocalDate to) {
    boolean covers(LocalDate day) {
      return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
    }

    boolean undated() {
      return from == null && to == null;
    }
  }

  /** A dictionary entry: its primary name, its file and line, and its codes. */
  public record Entry(String name, String file, int line, List<DatedCode> codes) {

    /** The code on a day: a dated code covering it, else the undated default, else the first. */
    public String codeOn(LocalDate day) {
      for (DatedCode c : codes) {
        if (!c.undated() && c.covers(day)) {
          return c.code();
        }
      }
      for (DatedCode c : codes) {
        if (c.undated()) {
          return c.code();
        }
      }
      return codes.isEmpty() ? null : codes.get(0).code();
    }
  }

  private final Map<String, Entry> byName = new HashMap<>();
  private final Map<String, Entry> byFirstLast = new HashMap<>();
  private final Map<String, String> agents = new HashMap<>();

  /** Loads whichever of the three dictionaries the folder holds. */
  public static PhoenixDictionary load(DataFiles files) {
    PhoenixDictionary d = new PhoenixDictionary();
    for (String name : List.of(DataFiles.PHOENIX_COUNTRIES, DataFiles.PHOENIX_INTERNATIONAL)) {
      if (files.has(name)) {
        try (BufferedReader in = files.reader(name)) {
          d.readActors(name, in);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    if (files.has(DataFiles.PHOENIX_AGENTS)) {
      try (BufferedReader in = files.reader(DataFiles.PHOENIX_AGENTS)) {
        d.readAgents(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return d;
  }

  void readActors(String file, BufferedReader in) throws IOException {
    String line;
    int number = 0;
    List<String> names = new ArrayList<>();
    List<DatedCode> codes = new ArrayList<>();
    String primary = null;
    int primaryLine = 0;
    while ((line = in.readLine()) != null) {
      number++;
      String body = stripComment(line);
      if (body.isBlank()) {
        continue;
      }
      boolean continuation = Character.isWhitespace(line.charAt(0)) || body.startsWith("+");
      if (!continuation) {
        add(primary, primaryLine, file, names, codes);
        names = new ArrayList<>();
        codes = new ArrayList<>();
        primary = null;
      }
      String text = body.strip();
      if (text.startsWith("+")) {
        text = text.substring(1);
      }
      int bracket = text.indexOf('[');
      String name = (bracket < 0 ? text : text.substring(0, bracket)).strip();
      if (!name.isEmpty() && !name.startsWith("[")) {
        names.add(name);
        if (primary == null) {
          primary = name;
          primaryLine = number;
        }
      }
      Matcher m = CODE.matcher(text);
      while (m.find()) {
        codes.add(dated(m));
      }
    }
    add(primary, primaryLine, file, names, codes);
  }

  private void add(String primary, int line, String file, List<String> names, List<DatedCode> codes) {
    if (primary == null || codes.isEmpty()) {
      return;
    }
    Entry e = new Entry(primary.replaceAll("_+$", ""), file, line, List.copyOf(codes));
    for (String n : names) {
      String k = key(n);
      if (!k.isEmpty()) {
        byName.putIfAbsent(k, e);
        String fl = firstLast(k);
        if (fl != null) {
          byFirstLast.putIfAbsent(fl, e);
        }
      }
    }
  }

  void readAgents(BufferedReader in) throws IOException {
    String line;
    while ((line = in.readLine()) != null) {
      String body = stripComment(line).strip();
      if (body.isEmpty() || body.startsWith("!")) {
        continue;
      }
      Matcher m = Pattern.compile("\\[~([A-Z]+)\\]").matcher(body);
      if (!m.find()) {
        continue;
      }
      int cut = body.indexOf('{') >= 0 ? body.indexOf('{') : body.indexOf('[');
      String noun = key(body.substring(0, cut));
      if (!noun.isEmpty()) {
        agents.putIfAbsent(noun, m.group(1));
      }
    }
  }

  /** A named actor (person, organisation, country name), by full name or first and last word. */
  public Optional<Entry> actor(String name) {
    String k = key(name);
    Entry e = byName.get(k);
    if (e == null) {
      String fl = firstLast(k);
      e = byFirstLast.get(fl == null ? k : fl);
      if (e == null && fl != null) {
        e = byName.get(fl);
      }
    }
    return Optional.ofNullable(e);
  }

  /**
   * The CAMEO agent type of a generic noun ("Police" -> COP, "Head of Government" -> GOV): the
   * whole phrase, then shorter tails ("High Ranking Military Personnel" -> "Military Personnel"),
   * each alternative of a '/' ("Lawyer/Attorney").
   */
  public Optional<String> agent(String noun) {
    for (String alternative : noun.split("/")) {
      String[] words = key(alternative).split("_");
      for (int start = 0; start < words.length; start++) {
        String tail = String.join("_", java.util.Arrays.copyOfRange(words, start, words.length));
        String code = agents.get(tail);
        if (code != null) {
          return Optional.of(code);
        }
      }
    }
    for (String alternative : noun.split("/")) {
      for (String word : key(alternative).split("_")) {
        String code = agents.get(word);
        if (code != null) {
          return Optional.of(code);
        }
      }
    }
    return Optional.empty();
  }

  public int size() {
    return byName.size();
  }

  static String key(String name) {
    return name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("(^_+)|(_+$)", "");
  }

  private static String firstLast(String key) {
    int first = key.indexOf('_');
    int last = key.lastIndexOf('_');
    if (first < 0 || first == last) {
      return null;
    }
    return key.substring(0, first) + key.substring(last);
  }

  private static String stripComment(String line) {
    int hash = line.indexOf('#');
    return hash < 0 ? line : line.substring(0, hash);
  }

  private static DatedCode dated(Matcher m) {
    String code = m.group(1).replace("~", "");
    String marker = m.group(2);
    LocalDate a = date(m.group(3));
    LocalDate b = date(m.group(4));
    if (">".equals(marker)) {
      return new DatedCode(code, a, null);
    }
    if ("<".equals(marker)) {
      return new DatedCode(code, null, a);
    }
    return new DatedCode(code, a, b);
  }

  /** Phoenix dates are YYMMDD; years up to 30 are read as 20YY. */
  static LocalDate date(String yymmdd) {
    if (yymmdd == null) {
      return null;
    }
    int yy = Integer.parseInt(yymmdd.substring(0, 2));
    int year = yy <= 30 ? 2000 + yy : 1900 + yy;
    try {
      return LocalDate.of(year, Integer.parseInt(yymmdd.substring(2, 4)),
          Math.max(1, Integer.parseInt(yymmdd.substring(4, 6))));
    } catch (java.time.DateTimeException e) {
      return LocalDate.of(year, 1, 1);
    }
  }
}
