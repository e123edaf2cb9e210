package org.fulcrum.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Spreadsheet users get their problems by file and line, like JSON users by path. */
class CsvCaseReaderTest {

  static Map<String, String> files() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("case.csv", "id,title,asOf,tempo,phase\nsheet,From a spreadsheet,2008-01-15,volcanic,escalating\n");
    files.put("sources.csv", "id,citation,url\ns1,\"Waki report, 2008\",https://reliefweb.int/report/kenya/kenya-commission-inquiry-post-election-violence-cipev-final-report\n");
    files.put("actors.csv", """
        id,name,kind,country,position,capability,salience,targetGroup,sources
        pnu,Party of National Unity,government-body,KEN,-0.3,0.8,1,planners,s1
        odm,Orange Democratic Movement,government-body,KEN,-0.2,0.7,1,planners,s1
        """);
    files.put("ties.csv", """
        source,target,type,strength,polarity,channel,confidence,sources
        pnu,odm,threatens,0.4,hostile,diplomatic,0.7,s1
        """);
    return files;
  }

  static CaseFile read(Map<String, String> files) {
    return new CaseValidator().validate(new CsvCaseReader().read(files));
  }

  @Test
  void readsAFolderWithoutMessages() {
    CaseFile c = read(files());
    assertThat(c.actors()).extracting(Actor::id).containsExactly("pnu", "odm");
    assertThat(c.ties()).singleElement().satisfies(t -> assertThat(t.id()).isEqualTo("pnu:threatens:odm"));
    assertThat(c.sources().get(0).citation()).isEqualTo("Waki report, 2008");
  }

  @Test
  void problemsNameFileLineAndField() {
    var files = files();
    files.put("ties.csv", """
        source,target,type,strength,polarity,channel,confidence,sources
        pnu,odm,threatens,0.4,hostile,diplomatic,0.7,s1
        odm,pnu,threatens,high,hostile,diplomatic,0.7,s2
        """);
    var e = catchThrowableOfType(CaseFormatException.class, () -> read(files));
    assertThat(e.problems()).extracting(Object::toString).containsExactly(
        "ties.csv:3 field 'strength': expected a number, got 'high'",
        "ties.csv:3 field 'sources': unknown source id 's2'; every cited source must be listed in the case's sources");
  }

  @Test
  void aMissingRequiredFileAndAStrayFileAreReported() {
    var files = files();
    files.remove("actors.csv");
    files.put("notes.csv", "x\n1\n");
    var e = catchThrowableOfType(CaseFormatException.class, () -> read(files));
    assertThat(e.problems()).extracting(Object::toString)
        .contains("actors.csv: file is missing")
        .anySatisfy(p -> assertThat(p).startsWith("notes.csv: unexpected file"));
  }

  @Test
  void aRowWithTheWrongNumberOfCellsIsReported() {
    var files = files();
    files.put("sources.csv", "id,citation,url\ns1,Waki report,https://example.org,extra\n");
    var e = catchThrowableOfType(CaseFormatException.class, () -> read(files));
    assertThat(e.problems()).extracting(Object::toString)
        .contains("sources.csv:2: expected 3 cells as in the header, found 4 (cells are separated by ',', as in the header)");
  }
}
