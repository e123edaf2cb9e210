package org.fulcrum.interchange;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.fulcrum.casefile.CaseFile;
import org.fulcrum.casefile.CaseFormatException;
import org.fulcrum.casefile.CaseSchema;
import org.fulcrum.casefile.CaseValidator;
import org.fulcrum.casefile.FieldType;
import org.fulcrum.casefile.ImportProblem;
import org.fulcrum.casefile.RawCase;
import org.fulcrum.casefile.RawRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a case from GraphML, as {@link GraphExporter} writes it or as drawn in yEd or Gephi with the
 * same attributes: nodes are actors (the node id is the actor id), directed edges are ties (the
 * edge's source and target are the tie's), {@code <data>} elements are fields named by their key's
 * {@code attr.name}, and graph-level data holds the case header and {@code sources} (a JSON list of
 * sources). The result is validated like every import: every problem is reported at once, by line.
 *
 * <p>Drawing data is ignored: keys without an {@code attr.name} (yEd's graphics) and the layout keys
 * Gephi and yEd add ({@link #DRAWING}); a node {@code label} stands for the actor's {@code name}
 * when that is missing. The parser reads no DTD and no external entity.
 */
public final class GraphMlReader {

  /** Attributes of drawing tools, not of the case. */
  static final Set<String> DRAWING = Set.of("x", "y", "z", "r", "g", "b", "size", "color",
      "weight", "label", "Edge Label", "edgelabel", "url", "description");

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private record Key(String name, String forWhat) {}

  public CaseFile read(String fileName, InputStream in) {
    return new CaseValidator().validate(readRaw(fileName, in));
  }

  RawCase readRaw(String file, InputStream in) {
    List<ImportProblem> problems = new ArrayList<>();
    Map<String, Key> keys = new HashMap<>();
    Map<String, Object> header = new LinkedHashMap<>();
    List<RawRecord> sources = new ArrayList<>();
    List<RawRecord> actors = new ArrayList<>();
    List<RawRecord> ties = new ArrayList<>();
    int headerLine = 1;
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    int graphs = 0;
    boolean undirected = false;
    try {
      XMLStreamReader xml = factory.createXMLStreamReader(in);
      Map<String, Object> current = null;
      String element = null;
      int line = 0;
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          String name = xml.getLocalName();
          switch (name) {
            case "key" -> {
              String name0 = xml.getAttributeValue(null, "attr.name");
              if (name0 != null && xml.getAttributeValue(null, "yfiles.type") == null) {
                keys.put(xml.getAttributeValue(null, "id"),
                    new Key(name0, xml.getAttributeValue(null, "for")));
              }
            }
            case "graph" -> {
              graphs++;
              if (graphs == 1) {
                undirected = "undirected".equals(xml.getAttributeValue(null, "edgedefault"));
                headerLine = xml.getLocation().getLineNumber();
              } else {
                problems.add(new ImportProblem(file, xml.getLocation().getLineNumber(), null, null,
                    "nested or second graph: a case is one graph (no groups or subgraphs)"));
              }
            }
            case "node" -> {
              line = xml.getLocation().getLineNumber();
              current = new LinkedHashMap<>();
              current.put("id", xml.getAttributeValue(null, "id"));
              element = "node";
            }
            case "edge" -> {
              line = xml.getLocation().getLineNumber();
              current = new LinkedHashMap<>();
              String id = xml.getAttributeValue(null, "id");
              if (id != null && !id.isBlank()) {
                current.put("id", id);
              }
              current.put("source", xml.getAttributeValue(null, "source"));
              current.put("target", xml.getAttributeValue(null, "target"));
              String directed = xml.getAttributeValue(null, "directed");
              if ("false".equals(directed) || (undirected && !"true".equals(directed))) {
                problems.add(new ImportProblem(file, line, null, null, "an undirected edge: ties"
                    + " run from a source to a target; expected edgedefault=\"directed\" or"
                    + " directed=\"true\""));
              }
              element = "edge";
            }
            case "hyperedge" -> problems.add(new ImportProblem(file,
                xml.getLocation().getLineNumber(), null, null,
                "a hyperedge: a tie joins exactly two actors"));
            case "data" -> {
              Key key = keys.get(xml.getAttributeValue(null, "key"));
              if (key == null) {
                skip(xml); // drawing data (yEd graphics) or a key with no attribute name
                continue;
              }
              String value;
              try {
                value = xml.getElementText().strip();
              } catch (XMLStreamException e) {
                problems.add(new ImportProblem(file, xml.getLocation().getLineNumber(), null,
                    key.name(), "expected text in the data of '" + key.name() + "', found markup"));
                skip(xml);
                continue;
              }
              Map<String, Object> into = current != null ? current : header;
              if (into == header && key.name().equals(GraphAttributes.SOURCES)) {
                sources.addAll(sources(file, xml.getLocation().getLineNumber(), value, problems));
              } else if (into == header || !DRAWING.contains(key.name())) {
                put(into, key.name(), value);
              } else if (key.name().equals("label") && "node".equals(element)) {
                into.putIfAbsent("name", value.isEmpty() ? null : value);
              }
            }
            default -> { }
          }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          String name = xml.getLocalName();
          if (name.equals("node") && current != null) {
            actors.add(new RawRecord(file, line, null, current));
            current = null;
          } else if (name.equals("edge") && current != null) {
            ties.add(new RawRecord(file, line, null, current));
            current = null;
          }
        }
      }
    } catch (XMLStreamException e) {
      String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNumber() + ")";
      throw new CaseFormatException(List.of(new ImportProblem(file, null, null, null,
          "not well-formed GraphML" + where + ": " + message(e.getMessage()))));
    }
    if (graphs == 0) {
      problems.add(new ImportProblem(file, null, null, null, "no <graph> element: not GraphML"));
    }
    RawRecord caseRecord = new RawRecord(file, headerLine, null, header);
    return new RawCase(caseRecord, sources, actors, ties, List.of(), problems);
  }

  /** Skips to the end of the current element, whatever it holds. */
  private static void skip(XMLStreamReader xml) throws XMLStreamException {
    int depth = 1;
    while (depth > 0 && xml.hasNext()) {
      int event = xml.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }

  /** A field's text as the CSV reader gives it: empty is absent, source ids a list. */
  private static void put(Map<String, Object> into, String field, String value) {
    if (value.isEmpty()) {
      into.put(field, null);
    } else if (isSourceIds(field)) {
      into.put(field, Arrays.stream(value.split(";")).map(String::strip)
          .filter(s -> !s.isEmpty()).toList());
    } else {
      into.put(field, value);
    }
  }

  private static boolean isSourceIds(String field) {
    return CaseSchema.KINDS.stream().anyMatch(kind -> kind.names().contains(field)
        && kind.field(field).type() == FieldType.SOURCE_IDS);
  }

  private static List<RawRecord> sources(String file, int line, String json,
      List<ImportProblem> problems) {
    List<RawRecord> records = new ArrayList<>();
    try {
      List<?> list = JSON.readValue(json, List.class);
      for (Object item : list) {
        if (item instanceof Map<?, ?> m) {
          Map<String, Object> values = new LinkedHashMap<>();
          m.forEach((k, v) -> values.put(String.valueOf(k), v));
          records.add(new RawRecord(file, line, null, values));
        } else {
          problems.add(new ImportProblem(file, line, null, "sources",
              "expected a JSON list of sources ({\"id\", \"citation\", \"url\"}), found " + item));
        }
      }
    } catch (JacksonException | ClassCastException e) {
      problems.add(new ImportProblem(file, line, null, "sources",
          "the graph's 'sources' must be a JSON list of sources ({\"id\", \"citation\", \"url\"})"));
    }
    return records;
  }

  /** The parser's own words, without its "ParseError at [row,col]" prefix line. */
  private static String message(String message) {
    return message == null ? "" : message.lines().reduce((a, b) -> b).orElse("").strip();
  }
}
