package org.fulcrum.analysis;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.fulcrum.casefile.Channel;
import org.fulcrum.casefile.Label;
import org.fulcrum.casefile.Phase;
import org.fulcrum.casefile.TargetGroup;
import org.fulcrum.casefile.Tempo;
import org.fulcrum.casefile.TieType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Table 1 of Genocide Prevention Task Force, <i>Preventing Genocide</i> (2008), ch. 4, as data: every tool with its functional type, whether it is cooperative or
 * coercive, how fast it takes effect, the target groups it acts on, and the channels and tie types
 * an engager's leverage path must use for the engager to apply it. The standard catalogue is
 * {@value #RESOURCE} on the classpath; {@code catalogue/README.md} next to it says which values are
 * the report's words and which are our reading.
 */
public final class ToolCatalogue {

  public static final String RESOURCE = "/catalogue/tools.json";

  /** The four functional types of Table 1, as channels. */
  public static final Set<Channel> TYPES =
      Set.of(Channel.DIPLOMATIC, Channel.ECONOMIC, Channel.LEGAL, Channel.MILITARY);

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Set<String> TOP_FIELDS = Set.of("source", "tools");
  private static final Set<String> TOOL_FIELDS = Set.of("id", "name", "type", "mode",
      "timeToEffect", "targetGroups", "channels", "tieTypes", "phases", "tempos", "source", "note");

  /** Whether a tool works by inducement or by pressure. */
  public enum Mode implements Label {
    COOPERATIVE("cooperative"),
    COERCIVE("coercive");

    private final String label;

    Mode(String label) {
      this.label = label;
    }

    @Override
    @JsonValue
    public String label() {
      return label;
    }
  }

  /** How long a tool typically takes to act, fastest first. */
  public enum TimeToEffect implements Label {
    DAYS("days"),
    WEEKS("weeks"),
    MONTHS("months"),
    YEARS("years");

    private final String label;

    TimeToEffect(String label) {
      this.label = label;
    }

    @Override
    @JsonValue
    public String label() {
      return label;
    }
  }

  /**
   * One tool of the catalogue.
   *
   * @param type diplomatic, economic, legal or military
   * @param targetGroups the groups the tool acts on
   * @param channels every tie of the engager's path must be on one of these (empty: any channel)
   * @param tieTypes every tie of the engager's path must be of one of these (empty: any type)
   * @param phases the phases the tool suits (empty: every phase)
   * @param tempos the tempos the tool suits (empty: both)
   * @param source what the report says about this tool, with its section, or {@code null}
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Tool(
      String id,
      String name,
      Channel type,
      Mode mode,
      TimeToEffect timeToEffect,
      List<TargetGroup> targetGroups,
      List<Channel> channels,
      List<TieType> tieTypes,
      List<Phase> phases,
      List<Tempo> tempos,
      String source,
      String note) {

    public Tool {
      Objects.requireNonNull(id, "id");
      targetGroups = List.copyOf(targetGroups);
      channels = List.copyOf(channels);
      tieTypes = tieTypes == null ? List.of() : List.copyOf(tieTypes);
      phases = phases == null ? List.of() : List.copyOf(phases);
      tempos = tempos == null ? List.of() : List.copyOf(tempos);
    }

    public boolean suits(Phase phase) {
      return phases.isEmpty() || phases.contains(phase);
    }

    public boolean suits(Tempo tempo) {
      return tempos.isEmpty() || tempos.contains(tempo);
    }

    /** The path restriction, in words: "economic or diplomatic ties of types sanctions, ...". */
    public String pathRule() {
      String on = channels.isEmpty() ? "ties on any channel"
          : String.join(" or ", channels.stream().map(Channel::label).toList()) + " ties";
      return tieTypes.isEmpty() ? on
          : on + " of types " + String.join(", ", tieTypes.stream().map(TieType::label).toList());
    }
  }

  private final String source;
  private final List<Tool> tools;

  private ToolCatalogue(String source, List<Tool> tools) {
    this.source = source;
    this.tools = List.copyOf(tools);
  }

  private static final class Standard {
    static final ToolCatalogue INSTANCE = load();

    private static ToolCatalogue load() {
      try (InputStream in = ToolCatalogue.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("the tool catalogue " + RESOURCE + " is not on the classpath");
        }
        return read(RESOURCE, in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The catalogue shipped with Fulcrum, read once. */
  public static ToolCatalogue standard() {
    return Standard.INSTANCE;
  }

  /** A catalogue from the given tools, checked as a file would be. */
  public static ToolCatalogue of(String source, List<Tool> tools) {
    List<String> problems = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Tool t : tools) {
      if (!ids.add(t.id())) {
        problems.add("tool '" + t.id() + "': id: used twice");
      }
      if (!TYPES.contains(t.type())) {
        problems.add("tool '" + t.id() + "': type: '" + t.type().label()
            + "' is not a functional type of Table 1 (diplomatic, economic, legal, military)");
      }
      if (t.targetGroups().isEmpty()) {
        problems.add("tool '" + t.id() + "': targetGroups: at least one is required");
      }
      if (t.channels().isEmpty() && t.tieTypes().isEmpty()) {
        problems.add("tool '" + t.id() + "': channels: give channels, tieTypes or both");
      }
    }
    fail("catalogue", problems);
    return new ToolCatalogue(source, tools);
  }

  /**
   * Reads and checks a catalogue file.
   *
   * @throws IllegalArgumentException naming the file and, for each problem, the tool id and field
   */
  public static ToolCatalogue read(String fileName, InputStream in) {
    JsonNode root;
    try {
      root = JSON.readTree(in);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(fileName + ": malformed JSON: " + e.getOriginalMessage(), e);
    }
    List<String> problems = new ArrayList<>();
    if (root == null || !root.isObject()) {
      fail(fileName, List.of("expected a JSON object with 'source' and 'tools'"));
    }
    for (String field : root.propertyNames()) {
      if (!TOP_FIELDS.contains(field)) {
        problems.add(field + ": unknown field; expected " + TOP_FIELDS);
      }
    }
    String source = text(root, "source", "catalogue", problems, true);
    JsonNode list = root.get("tools");
    List<Tool> tools = new ArrayList<>();
    if (list == null || !list.isArray() || list.isEmpty()) {
      problems.add("tools: expected a non-empty list of tools");
    } else {
      for (int i = 0; i < list.size(); i++) {
        Tool tool = tool(list.get(i), i, problems);
        if (tool != null) {
          tools.add(tool);
        }
      }
    }
    fail(fileName, problems);
    try {
      return of(source, tools);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(fileName + ": " + e.getMessage(), e);
    }
  }

  private static Tool tool(JsonNode node, int index, List<String> problems) {
    if (!node.isObject()) {
      problems.add("tools[" + index + "]: expected an object");
      return null;
    }
    JsonNode idNode = node.get("id");
    String id = idNode != null && idNode.isString() && !idNode.stringValue().isBlank()
        ? idNode.stringValue() : null;
    String who = id == null ? "tools[" + index + "]" : "tool '" + id + "'";
    int before = problems.size();
    if (id == null) {
      problems.add(who + ": id: required, a non-empty string");
    }
    for (String field : node.propertyNames()) {
      if (!TOOL_FIELDS.contains(field)) {
        problems.add(who + ": " + field + ": unknown field; expected one of " + TOOL_FIELDS);
      }
    }
    String name = text(node, "name", who, problems, true);
    Channel type = one(node, "type", Channel.class, who, problems);
    Mode mode = one(node, "mode", Mode.class, who, problems);
    TimeToEffect time = one(node, "timeToEffect", TimeToEffect.class, who, problems);
    List<TargetGroup> groups = many(node, "targetGroups", TargetGroup.class, who, problems);
    List<Channel> channels = many(node, "channels", Channel.class, who, problems);
    List<TieType> tieTypes = many(node, "tieTypes", TieType.class, who, problems);
    List<Phase> phases = many(node, "phases", Phase.class, who, problems);
    List<Tempo> tempos = many(node, "tempos", Tempo.class, who, problems);
    String source = text(node, "source", who, problems, false);
    String note = text(node, "note", who, problems, false);
    if (type != null && !TYPES.contains(type)) {
      problems.add(who + ": type: '" + type.label()
          + "' is not a functional type of Table 1 (diplomatic, economic, legal, military)");
    }
    if (!hasItems(node, "targetGroups")) {
      problems.add(who + ": targetGroups: required, at least one of " + Label.allowed(TargetGroup.class));
    }
    if (!hasItems(node, "channels") && !hasItems(node, "tieTypes")) {
      problems.add(who + ": channels: give channels, tieTypes or both (the ties the engager's path must use)");
    }
    if (problems.size() > before) {
      return null;
    }
    return new Tool(id, name, type, mode, time, groups, channels, tieTypes, phases, tempos, source,
        note);
  }

  private static boolean hasItems(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isArray() && !v.isEmpty();
  }

  private static String text(JsonNode node, String field, String who, List<String> problems,
      boolean required) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        problems.add(who + ": " + field + ": required");
      }
      return null;
    }
    if (!v.isString() || v.stringValue().isBlank()) {
      problems.add(who + ": " + field + ": expected a non-empty string");
      return null;
    }
    return v.stringValue();
  }

  private static <E extends Enum<E> & Label> E one(JsonNode node, String field, Class<E> type,
      String who, List<String> problems) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      problems.add(who + ": " + field + ": required, one of " + Label.allowed(type));
      return null;
    }
    return parse(v, field, type, who, problems);
  }

  private static <E extends Enum<E> & Label> E parse(JsonNode v, String field, Class<E> type,
      String who, List<String> problems) {
    Optional<E> value = v.isString() ? Label.parse(type, v.stringValue()) : Optional.empty();
    if (value.isEmpty()) {
      problems.add(who + ": " + field + ": '" + (v.isString() ? v.stringValue() : v.toString())
          + "' is not one of " + Label.allowed(type));
      return null;
    }
    return value.get();
  }

  private static <E extends Enum<E> & Label> List<E> many(JsonNode node, String field,
      Class<E> type, String who, List<String> problems) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      problems.add(who + ": " + field + ": expected a list of " + Label.allowed(type));
      return List.of();
    }
    List<E> out = new ArrayList<>();
    for (JsonNode item : v.values()) {
      E e = parse(item, field, type, who, problems);
      if (e != null && !out.contains(e)) {
        out.add(e);
      }
    }
    return out;
  }

  private static void fail(String where, List<String> problems) {
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(where + ": " + problems.size() + " problem"
          + (problems.size() == 1 ? "" : "s") + ": " + String.join("; ", problems));
    }
  }

  /** Where the catalogue comes from: the Task Force report, with section and table. */
  public String source() {
    return source;
  }

  public List<Tool> tools() {
    return tools;
  }

  public Optional<Tool> tool(String id) {
    return tools.stream().filter(t -> t.id().equals(id)).findFirst();
  }

  /** How many tools of each functional type and mode, e.g. {@code economic/coercive -> 4}. */
  public Map<String, Long> coverage() {
    var counts = new java.util.TreeMap<String, Long>();
    for (Tool t : tools) {
      counts.merge(t.type().label() + "/" + t.mode().label(), 1L, Long::sum);
    }
    return counts;
  }
}
