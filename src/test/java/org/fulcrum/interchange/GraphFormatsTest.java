package org.fulcrum.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.fulcrum.casefile.Actor;
import org.fulcrum.casefile.CaseCodec;
import org.fulcrum.casefile.CaseFile;
import org.fulcrum.casefile.CaseFormatException;
import org.fulcrum.casefile.CaseSchema;
import org.fulcrum.casefile.EveryFieldCase;
import org.fulcrum.casefile.Tie;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The graph formats, parsed back: GraphML reads back into the same case (every field, the sources);
 * GEXF and Cytoscape.js JSON hold every actor and tie with every field, and GEXF's reserved edge
 * attribute {@code type} is not used for the tie type.
 */
class GraphFormatsTest {

  private static final GraphExporter EXPORTER = new GraphExporter();

  static CaseFile darfur() throws IOException {
    try (InputStream in = Files.newInputStream(Path.of("datasets/darfur-2003-2008.json"))) {
      return new CaseCodec().readJson("darfur-2003-2008.json", in);
    }
  }

  private static CaseFile withoutMessages(CaseFile c) {
    return new CaseFile(c.id(), c.title(), c.description(), c.asOf(), c.tempo(), c.phase(),
        c.sources(), c.actors(), c.ties(), List.of());
  }

  private static CaseFile graphMlRoundTrip(CaseFile c) {
    byte[] graphml = EXPORTER.toBytes(c, GraphFormat.GRAPHML);
    return new GraphMlReader().read("case.graphml", new ByteArrayInputStream(graphml));
  }

  /** Also leaves the exports in target/graph-formats for a check with other tools (networkx). */
  private static void keep(CaseFile c, GraphFormat f) throws IOException {
    Path dir = Files.createDirectories(Path.of("target/graph-formats"));
    Files.write(dir.resolve(c.id() + f.extension()), EXPORTER.toBytes(c, f));
  }

  @Test
  void graphMlReadsBackIntoTheSameCaseWithEveryField() throws IOException {
    CaseFile every = EveryFieldCase.build();
    CaseFile darfur = darfur();
    for (GraphFormat f : GraphFormat.values()) {
      keep(darfur, f);
      keep(every, f);
    }
    assertThat(graphMlRoundTrip(every)).isEqualTo(withoutMessages(every));
    assertThat(graphMlRoundTrip(darfur)).isEqualTo(withoutMessages(darfur));
  }

  @Test
  void gexfHoldsEveryActorAndTieWithEveryFieldAndNoTieFieldNamedType() throws Exception {
    CaseFile c = EveryFieldCase.build();
    Document doc = xml(EXPORTER.toBytes(c, GraphFormat.GEXF));
    Map<String, String> nodeTitles = titles(doc, "node");
    Map<String, String> edgeTitles = titles(doc, "edge");
    List<String> expectedNode = new ArrayList<>(CaseSchema.ACTOR.names());
    expectedNode.remove("id");
    expectedNode.add("citations");
    assertThat(nodeTitles.values()).containsExactlyInAnyOrderElementsOf(expectedNode);
    List<String> expectedEdge = new ArrayList<>(CaseSchema.TIE.names());
    expectedEdge.removeAll(List.of("id", "source", "target"));
    expectedEdge.set(expectedEdge.indexOf("type"), "tieType");
    expectedEdge.add("citations");
    assertThat(edgeTitles.values()).containsExactlyInAnyOrderElementsOf(expectedEdge);

    NodeList nodes = doc.getElementsByTagName("node");
    assertThat(nodes.getLength()).isEqualTo(c.actors().size());
    Actor first = c.actors().get(0);
    Element node = (Element) nodes.item(0);
    assertThat(node.getAttribute("id")).isEqualTo(first.id());
    assertThat(node.getAttribute("label")).isEqualTo(first.name());
    Map<String, String> values = attvalues(node, nodeTitles);
    for (String field : expectedNode.subList(0, expectedNode.size() - 1)) {
      assertThat(values.get(field)).as(field)
          .isEqualTo(GraphAttributes.text(CaseSchema.ACTOR.value(first, field)));
    }
    assertThat(values.get("citations")).isEqualTo(c.sources().get(0).citation());

    NodeList edges = doc.getElementsByTagName("edge");
    assertThat(edges.getLength()).isEqualTo(c.ties().size());
    Tie tie = c.ties().get(0);
    Element edge = (Element) edges.item(0);
    assertThat(edge.getAttribute("id")).isEqualTo(tie.id());
    assertThat(edge.getAttribute("source")).isEqualTo(tie.source());
    assertThat(edge.getAttribute("target")).isEqualTo(tie.target());
    assertThat(edge.getAttribute("type")).isEqualTo("directed");
    Map<String, String> edgeValues = attvalues(edge, edgeTitles);
    assertThat(edgeValues.get("tieType")).isEqualTo(tie.type().label());
    assertThat(edgeValues.get("strength")).isEqualTo(GraphAttributes.text(tie.strength()));
    assertThat(edgeValues.get("veto")).isEqualTo(String.valueOf(tie.veto()));
  }

  @Test
  void cytoscapeJsonHoldsEveryFieldWithItsJsonTypeAndTheSources() throws IOException {
    CaseFile c = darfur();
    JsonNode doc = JsonMapper.builder().build().readTree(EXPORTER.toBytes(c, GraphFormat.CYTOSCAPE));
    assertThat(doc.get("data").get("id").asString()).isEqualTo(c.id());
    assertThat(doc.get("data").get("sources").size()).isEqualTo(c.sources().size());
    assertThat(doc.get("data").get("sources").get(0).get("citation").asString())
        .isEqualTo(c.sources().get(0).citation());
    JsonNode nodes = doc.get("elements").get("nodes");
    JsonNode edges = doc.get("elements").get("edges");
    assertThat(nodes.size()).isEqualTo(c.actors().size());
    assertThat(edges.size()).isEqualTo(c.ties().size());
    for (int i = 0; i < c.actors().size(); i++) {
      Actor a = c.actors().get(i);
      JsonNode data = nodes.get(i).get("data");
      for (String field : CaseSchema.ACTOR.names()) {
        Object v = CaseSchema.ACTOR.value(a, field);
        assertThat(data.has(field)).as(a.id() + "." + field).isEqualTo(v != null);
      }
      assertThat(data.get("position").isNumber()).isTrue();
      assertThat(data.get("position").asDouble()).isEqualTo(a.position());
      assertThat(data.get("sources").isArray()).isTrue();
    }
    JsonNode firstTie = edges.get(0).get("data");
    Tie tie = c.ties().get(0);
    assertThat(firstTie.get("id").asString()).isEqualTo(tie.id());
    assertThat(firstTie.get("source").asString()).isEqualTo(tie.source());
    assertThat(firstTie.get("target").asString()).isEqualTo(tie.target());
    assertThat(firstTie.get("type").asString()).isEqualTo(tie.type().label());
  }

  @Test
  void graphMlWithProblemsIsRefusedNamingLinesAndFields() {
    String graphml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
          <key id="t" for="graph" attr.name="title" attr.type="string"/>
          <key id="n" for="node" attr.name="name" attr.type="string"/>
          <key id="p" for="node" attr.name="position" attr.type="double"/>
          <key id="colour" for="node" attr.name="colour" attr.type="string"/>
          <key id="g" for="node" yfiles.type="nodegraphics"/>
          <graph id="G" edgedefault="undirected">
            <data key="t">Drawn in yEd</data>
            <node id="a"><data key="n">A</data><data key="p">2</data><data key="g"><shape/></data></node>
            <node id="b"><data key="colour">red</data></node>
            <edge source="a" target="c"/>
          </graph>
        </graphml>
        """;
    var e = catchThrowableOfType(CaseFormatException.class, () -> new GraphMlReader()
        .read("drawn.graphml", new ByteArrayInputStream(graphml.getBytes(StandardCharsets.UTF_8))));
    assertThat(e.problems()).extracting(Object::toString)
        .contains("drawn.graphml:12: an undirected edge: ties run from a source to a target;"
            + " expected edgedefault=\"directed\" or directed=\"true\"")
        .contains("drawn.graphml:8 field 'id': missing required field 'id'")
        .contains("drawn.graphml:10 field 'position': value 2 is out of range; expected [-1, 1]")
        .contains("drawn.graphml:12 field 'target': unknown actor id 'c'")
        .anySatisfy(p -> assertThat(p).startsWith("drawn.graphml:11 field 'colour': unknown field 'colour'"));
  }

  @Test
  void externalEntitiesAndMalformedXmlAreRefused() {
    String xxe = """
        <?xml version="1.0"?>
        <!DOCTYPE graphml [<!ENTITY x SYSTEM "file:///etc/passwd">]>
        <graphml><graph edgedefault="directed"><node id="a"><data key="n">&x;</data></node></graph></graphml>
        """;
    var e = catchThrowableOfType(CaseFormatException.class, () -> new GraphMlReader()
        .read("x.graphml", new ByteArrayInputStream(xxe.getBytes(StandardCharsets.UTF_8))));
    assertThat(e.problems()).singleElement().asString().startsWith("x.graphml: not well-formed GraphML")
        .doesNotContain("root:");
    var broken = catchThrowableOfType(CaseFormatException.class, () -> new GraphMlReader()
        .read("b.graphml", new ByteArrayInputStream("<graphml><graph>".getBytes(StandardCharsets.UTF_8))));
    assertThat(broken.problems()).singleElement().asString().startsWith("b.graphml: not well-formed GraphML");
  }

  private static Document xml(byte[] bytes) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
  }

  /** The attribute titles of a GEXF attribute class, by attribute id. */
  private static Map<String, String> titles(Document doc, String forClass) {
    Map<String, String> titles = new HashMap<>();
    NodeList classes = doc.getElementsByTagName("attributes");
    for (int i = 0; i < classes.getLength(); i++) {
      Element cls = (Element) classes.item(i);
      if (cls.getAttribute("class").equals(forClass)) {
        NodeList atts = cls.getElementsByTagName("attribute");
        for (int k = 0; k < atts.getLength(); k++) {
          Element a = (Element) atts.item(k);
          titles.put(a.getAttribute("id"), a.getAttribute("title"));
        }
      }
    }
    return titles;
  }

  private static Map<String, String> attvalues(Element element, Map<String, String> titles) {
    Map<String, String> values = new HashMap<>();
    NodeList list = element.getElementsByTagName("attvalue");
    for (int i = 0; i < list.getLength(); i++) {
      Element v = (Element) list.item(i);
      values.put(titles.get(v.getAttribute("for")), v.getAttribute("value"));
    }
    return values;
  }
}
