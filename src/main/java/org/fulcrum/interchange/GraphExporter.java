package org.fulcrum.interchange;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.fulcrum.casefile.Actor;
import org.fulcrum.casefile.CaseFile;
import org.fulcrum.casefile.CaseSchema;
import org.fulcrum.casefile.CaseValidator;
import org.fulcrum.casefile.Field;
import org.fulcrum.casefile.FieldType;
import org.fulcrum.casefile.RecordSchema;
import org.fulcrum.casefile.Source;
import org.fulcrum.casefile.Tie;
import org.jgrapht.Graph;
import org.jgrapht.graph.DirectedPseudograph;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.gexf.GEXFAttributeType;
import org.jgrapht.nio.gexf.GEXFExporter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a case in a standard graph format ({@link GraphFormat}): actors as nodes and ties as
 * directed edges, each with every field of the schema descriptor as an attribute, and the sources.
 * GEXF is written by JGraphT's exporter, GraphML by the JDK's XML writer (see {@link
 * #writeGraphMl}), Cytoscape.js JSON by Jackson. Messages are
 * not part of the graph (export JSON or CSV for them).
 *
 * <ul>
 *   <li>GraphML: graph-level data holds the case header and {@code sources} (the case's sources as a
 *       JSON list), so {@link GraphMlReader} reads the file back into the same case.
 *   <li>GEXF: the tie's {@code type} is written as {@code tieType} (GEXF reserves {@code type} on
 *       edges); a node's {@code label} is the actor's name; GEXF has no graph-level attributes, so
 *       each node and edge also has {@code citations}, its sources' citations joined by
 *       {@code " | "}, and the meta description names the case.
 *   <li>Cytoscape.js: {@code data} holds the case header and {@code sources}; each element's
 *       {@code data} holds its fields with their JSON types.
 * </ul>
 */
public final class GraphExporter {

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  public void write(CaseFile c, GraphFormat format, OutputStream out) {
    switch (format) {
      case GRAPHML -> writeGraphMl(c, out);
      case GEXF -> writeGexf(c, out);
      case CYTOSCAPE -> JSON.writeValue(out, cytoscape(c));
    }
  }

  public byte[] toBytes(CaseFile c, GraphFormat format) {
    var out = new java.io.ByteArrayOutputStream();
    write(c, format, out);
    return out.toByteArray();
  }

  private static Graph<String, Tie> graph(CaseFile c) {
    Graph<String, Tie> g = new DirectedPseudograph<>(null, null, false);
    c.actors().forEach(a -> g.addVertex(a.id()));
    c.ties().forEach(t -> g.addEdge(t.source(), t.target(), t));
    return g;
  }

  private static <R extends Record> Map<String, Attribute> attributes(RecordSchema<R> kind, R record,
      Function<String, String> rename) {
    Map<String, Attribute> attributes = new LinkedHashMap<>();
    Object[] values = kind.values(record);
    for (int i = 0; i < values.length; i++) {
      Field f = kind.fields().get(i);
      String text = GraphAttributes.text(values[i]);
      if (!GraphAttributes.structural(kind, f.name()) && text != null) {
        attributes.put(rename.apply(f.name()), new DefaultAttribute<>(text, type(f)));
      }
    }
    return attributes;
  }

  private static AttributeType type(Field f) {
    FieldType t = GraphAttributes.kindOf(f);
    return t == FieldType.NUMBER ? AttributeType.DOUBLE
        : t == FieldType.BOOLEAN ? AttributeType.BOOLEAN : AttributeType.STRING;
  }

  private static GEXFAttributeType gexfType(Field f) {
    FieldType t = GraphAttributes.kindOf(f);
    return t == FieldType.NUMBER ? GEXFAttributeType.DOUBLE
        : t == FieldType.BOOLEAN ? GEXFAttributeType.BOOLEAN : GEXFAttributeType.STRING;
  }

  /**
   * GraphML, written with the JDK's XML writer: JGraphT's GraphML exporter keys attributes by name
   * across nodes, edges and the graph (so the actors', ties' and case's {@code sources} would share
   * one key) and writes no graph-level data, which the case header needs.
   */
  private static void writeGraphMl(CaseFile c, OutputStream out) {
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("graphml");
      xml.writeDefaultNamespace("http://graphml.graphdrawing.org/xmlns");
      for (String name : CaseValidator.CASE_FIELDS) {
        key(xml, "graph", name, "string");
      }
      key(xml, "graph", GraphAttributes.SOURCES, "string");
      for (RecordSchema<?> kind : List.of(CaseSchema.ACTOR, CaseSchema.TIE)) {
        for (Field f : kind.fields()) {
          if (!GraphAttributes.structural(kind, f.name())) {
            key(xml, domain(kind), f.name(), graphMlType(f));
          }
        }
      }
      xml.writeCharacters("\n  ");
      xml.writeStartElement("graph");
      xml.writeAttribute("id", c.id());
      xml.writeAttribute("edgedefault", "directed");
      for (var h : GraphAttributes.header(c).entrySet()) {
        data(xml, "graph", h.getKey(), h.getValue(), "    ");
      }
      data(xml, "graph", GraphAttributes.SOURCES, JSON.writeValueAsString(sources(c)), "    ");
      for (Actor a : c.actors()) {
        xml.writeCharacters("\n    ");
        xml.writeStartElement("node");
        xml.writeAttribute("id", a.id());
        fields(xml, CaseSchema.ACTOR, a);
        xml.writeCharacters("\n    ");
        xml.writeEndElement();
      }
      for (Tie t : c.ties()) {
        xml.writeCharacters("\n    ");
        xml.writeStartElement("edge");
        xml.writeAttribute("id", t.id());
        xml.writeAttribute("source", t.source());
        xml.writeAttribute("target", t.target());
        fields(xml, CaseSchema.TIE, t);
        xml.writeCharacters("\n    ");
        xml.writeEndElement();
      }
      xml.writeCharacters("\n  ");
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndDocument();
      xml.flush();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write GraphML", e);
    }
  }

  private static String domain(RecordSchema<?> kind) {
    return kind == CaseSchema.ACTOR ? "node" : "edge";
  }

  /** A key's id: the domain and the field, so a name may repeat across domains. */
  static String keyId(String domain, String name) {
    return domain.charAt(0) + "_" + name;
  }

  private static String graphMlType(Field f) {
    FieldType t = GraphAttributes.kindOf(f);
    return t == FieldType.NUMBER ? "double" : t == FieldType.BOOLEAN ? "boolean" : "string";
  }

  private static void key(XMLStreamWriter xml, String domain, String name, String type)
      throws XMLStreamException {
    xml.writeCharacters("\n  ");
    xml.writeEmptyElement("key");
    xml.writeAttribute("id", keyId(domain, name));
    xml.writeAttribute("for", domain);
    xml.writeAttribute("attr.name", name);
    xml.writeAttribute("attr.type", type);
  }

  private static void data(XMLStreamWriter xml, String domain, String name, String value,
      String indent) throws XMLStreamException {
    xml.writeCharacters("\n" + indent);
    xml.writeStartElement("data");
    xml.writeAttribute("key", keyId(domain, name));
    xml.writeCharacters(value);
    xml.writeEndElement();
  }

  private static <R extends Record> void fields(XMLStreamWriter xml, RecordSchema<R> kind, R record)
      throws XMLStreamException {
    Object[] values = kind.values(record);
    for (int i = 0; i < values.length; i++) {
      String name = kind.names().get(i);
      String text = GraphAttributes.text(values[i]);
      if (text != null && !GraphAttributes.structural(kind, name)) {
        data(xml, domain(kind), name, text, "      ");
      }
    }
  }

  private static void writeGexf(CaseFile c, OutputStream out) {
    Map<String, Actor> actors = byId(c);
    Function<String, String> edgeName = n -> GraphAttributes.GEXF_EDGE_NAMES.getOrDefault(n, n);
    GEXFExporter<String, Tie> exporter = new GEXFExporter<>(id -> id, Tie::id);
    exporter.setParameter(GEXFExporter.Parameter.EXPORT_META, true);
    exporter.setParameter(GEXFExporter.Parameter.EXPORT_EDGE_TYPES, true);
    exporter.setCreator("Fulcrum");
    exporter.setDescription(c.title() + " (case " + c.id() + ", as of " + c.asOf() + ")");
    register(CaseSchema.ACTOR, (name, f) -> exporter.registerAttribute(
        name, GEXFExporter.AttributeCategory.NODE, gexfType(f)), Function.identity());
    register(CaseSchema.TIE, (name, f) -> exporter.registerAttribute(
        name, GEXFExporter.AttributeCategory.EDGE, gexfType(f)), edgeName);
    exporter.registerAttribute("citations", GEXFExporter.AttributeCategory.NODE, GEXFAttributeType.STRING);
    exporter.registerAttribute("citations", GEXFExporter.AttributeCategory.EDGE, GEXFAttributeType.STRING);
    exporter.setVertexAttributeProvider(id -> {
      Actor a = actors.get(id);
      Map<String, Attribute> m = attributes(CaseSchema.ACTOR, a, Function.identity());
      m.put("label", DefaultAttribute.createAttribute(a.name()));
      m.put("citations", DefaultAttribute.createAttribute(GraphAttributes.citations(a.sources(), c)));
      return m;
    });
    exporter.setEdgeAttributeProvider(t -> {
      Map<String, Attribute> m = attributes(CaseSchema.TIE, t, edgeName);
      m.put("citations", DefaultAttribute.createAttribute(GraphAttributes.citations(t.sources(), c)));
      return m;
    });
    export(out, w -> exporter.exportGraph(graph(c), w));
  }

  private static Map<String, Object> cytoscape(CaseFile c) {
    Map<String, Object> data = new LinkedHashMap<>(GraphAttributes.header(c));
    data.put(GraphAttributes.SOURCES, sources(c));
    List<Object> nodes = new ArrayList<>();
    for (Actor a : c.actors()) {
      nodes.add(Map.of("data", jsonFields(CaseSchema.ACTOR, a)));
    }
    List<Object> edges = new ArrayList<>();
    for (Tie t : c.ties()) {
      edges.add(Map.of("data", jsonFields(CaseSchema.TIE, t)));
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("format_version", "1.0");
    doc.put("generated_by", "Fulcrum");
    doc.put("target_cytoscapejs_version", "~3");
    doc.put("data", data);
    doc.put("elements", Map.of("nodes", nodes, "edges", edges));
    return doc;
  }

  private static <R extends Record> Map<String, Object> jsonFields(RecordSchema<R> kind, R record) {
    Map<String, Object> m = new LinkedHashMap<>();
    Object[] values = kind.values(record);
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null) {
        m.put(kind.names().get(i), GraphAttributes.json(values[i]));
      }
    }
    return m;
  }

  private static List<Map<String, Object>> sources(CaseFile c) {
    List<Map<String, Object>> sources = new ArrayList<>();
    for (Source s : c.sources()) {
      sources.add(jsonFields(CaseSchema.SOURCE, s));
    }
    return sources;
  }

  private static void register(RecordSchema<?> kind,
      java.util.function.BiConsumer<String, Field> registration, Function<String, String> rename) {
    for (Field f : kind.fields()) {
      if (!GraphAttributes.structural(kind, f.name())) {
        registration.accept(rename.apply(f.name()), f);
      }
    }
  }

  private static Map<String, Actor> byId(CaseFile c) {
    Map<String, Actor> actors = new LinkedHashMap<>();
    c.actors().forEach(a -> actors.put(a.id(), a));
    return actors;
  }

  private static void export(OutputStream out, java.util.function.Consumer<Writer> export) {
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    export.accept(w);
    try {
      w.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
