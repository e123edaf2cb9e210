package org.fulcrum.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** One test per kind of problem an import can have; each names its file, line, path and field. */
class CaseValidatorTest {

  static String mini() {
    try (InputStream in = CaseValidatorTest.class.getResourceAsStream("/cases/mini.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static CaseFile read(String json) {
    return new CaseCodec().readJson("case.json",
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  static List<ImportProblem> problems(UnaryOperator<String> edit) {
    String json = edit.apply(mini());
    try {
      read(json);
    } catch (CaseFormatException e) {
      return e.problems();
    }
    throw new AssertionError("expected problems in the edited case");
  }

  @Test
  void theMiniCaseIsValid() {
    CaseFile c = read(mini());
    assertThat(c.actors()).hasSize(5);
    assertThat(c.ties()).hasSize(5);
    assertThat(c.messages()).hasSize(2);
    assertThat(c.ties().get(4).id()).as("a tie without id gets source:type:target:from")
        .isEqualTo("usa:sanctions:sdn:2004-07-30");
  }

  @Test
  void unknownActorIdInATie() {
    var problems = problems(j -> j.replace("\"target\": \"militia\"", "\"target\": \"rsf\""));
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.file()).isEqualTo("case.json");
      assertThat(p.path()).isEqualTo("$.ties[2].target");
      assertThat(p.line()).isEqualTo(22);
      assertThat(p.message()).isEqualTo("unknown actor id 'rsf'");
    });
  }

  @Test
  void valueOutOfRange() {
    var problems = problems(j -> j.replace("\"strength\": 0.7", "\"strength\": 1.7"));
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("$.ties[1].strength");
      assertThat(p.message()).isEqualTo("value 1.7 is out of range; expected (0, 1]");
    });
  }

  @Test
  void zeroStrengthIsOutOfRange() {
    var problems = problems(j -> j.replace("\"strength\": 0.7", "\"strength\": 0"));
    assertThat(problems).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("expected (0, 1]"));
  }

  @Test
  void unknownEnumValue() {
    var problems = problems(j -> j.replace("\"type\": \"controls\"", "\"type\": \"owns\""));
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("$.ties[2].type");
      assertThat(p.message()).startsWith("unknown value 'owns'; expected one of commands, controls,");
    });
  }

  @Test
  void duplicateId() {
    var problems = problems(j -> j.replace("\"id\": \"militia\"", "\"id\": \"chn\""));
    // the duplicate is reported once; ties naming 'militia' now point nowhere and say so
    assertThat(problems).extracting(ImportProblem::message)
        .contains("duplicate actor id 'chn'", "unknown actor id 'militia'");
    assertThat(problems).filteredOn(p -> p.message().startsWith("duplicate")).singleElement()
        .satisfies(p -> assertThat(p.path()).isEqualTo("$.actors[3].id"));
  }

  @Test
  void badDate() {
    var problems = problems(j -> j.replace("\"from\": \"2003-01-01\"", "\"from\": \"2003-02-30\""));
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("$.ties[1].from");
      assertThat(p.message()).isEqualTo("expected an ISO date (YYYY-MM-DD), got '2003-02-30'");
    });
  }

  @Test
  void endBeforeStart() {
    var problems = problems(j -> j.replace("\"to\": \"2008-12-31\"", "\"to\": \"2002-12-31\""));
    assertThat(problems).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("ends (2002-12-31) before it starts"));
  }

  @Test
  void unknownSource() {
    var problems = problems(j -> j.replace("\"sources\": [\"s2\"] },\n    { \"id\": \"militia\"",
        "\"sources\": [\"s7\"] },\n    { \"id\": \"militia\""));
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("$.actors[2].sources");
      assertThat(p.message()).startsWith("unknown source id 's7'");
    });
  }

  @Test
  void missingSources() {
    var problems = problems(j -> j.replace(", \"sources\": [\"s1\"] },\n    { \"id\": \"chn\"",
        " },\n    { \"id\": \"chn\""));
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("$.actors[0].sources");
      assertThat(p.message()).startsWith("missing sources");
    });
  }

  @Test
  void missingRequiredField() {
    var problems = problems(j -> j.replace("\"name\": \"China\", ", ""));
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("$.actors[1].name");
      assertThat(p.message()).isEqualTo("missing required field 'name'");
    });
  }

  @Test
  void unknownFieldIsReportedNotIgnored() {
    var problems = problems(j -> j.replace("\"strength\": 0.5,", "\"strenght\": 0.5,"));
    assertThat(problems).extracting(ImportProblem::message).containsExactlyInAnyOrder(
        "unknown field 'strenght'; expected one of " + String.join(", ", CaseValidator.TIE_FIELDS),
        "missing required field 'strength'");
  }

  @Test
  void vetoOnlyOnMembership() {
    var problems = problems(j -> j.replace("\"channel\": \"command\",", "\"channel\": \"command\", \"veto\": true,"));
    assertThat(problems).singleElement()
        .satisfies(p -> assertThat(p.message()).isEqualTo("only a member-of tie carries a veto; this is controls"));
  }

  @Test
  void aMemberOfTieCarriesAVote() {
    CaseFile c = read(mini().replace("\"veto\": true", "\"veto\": true, \"vote\": \"abstain\""));
    assertThat(c.ties().get(3).vote()).isEqualTo(MemberVote.ABSTAIN);
    var unknown = problems(j -> j.replace("\"veto\": true", "\"veto\": true, \"vote\": \"maybe\""));
    assertThat(unknown).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("$.ties[3].vote");
      assertThat(p.message()).isEqualTo("unknown value 'maybe'; expected one of yes, abstain, no, veto");
    });
    var notMember = problems(j -> j.replace("\"channel\": \"command\",", "\"channel\": \"command\", \"vote\": \"yes\","));
    assertThat(notMember).singleElement().satisfies(p -> assertThat(p.message())
        .isEqualTo("only a member-of tie carries a vote; this is controls"));
    var noVeto = problems(j -> j.replace("\"veto\": true", "\"veto\": false, \"vote\": \"veto\""));
    assertThat(noVeto).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("$.ties[3].vote");
      assertThat(p.message()).isEqualTo("a vote 'veto' needs a member that holds a veto (veto: true);"
          + " expected yes, abstain or no for this member");
    });
  }

  @Test
  void decisionThresholdsAreCheckedAgainstTheRule() {
    CaseFile nineOfFifteen = read(mini().replace("\"decisionRule\": \"qualified-majority\"",
        "\"decisionRule\": \"at-least-n-no-veto\", \"decisionThreshold\": 9"));
    assertThat(nineOfFifteen.actors().get(4).decisionThreshold()).isEqualTo(9.0);
    CaseFile imf = read(mini().replace("\"decisionRule\": \"qualified-majority\"",
        "\"decisionRule\": \"weighted-share\", \"decisionThreshold\": 0.85, \"blockingMinority\": 0.15"));
    assertThat(imf.actors().get(4).blockingMinority()).isEqualTo(0.15);
    var share = problems(j -> j.replace("\"decisionRule\": \"qualified-majority\"",
        "\"decisionRule\": \"weighted-share\", \"decisionThreshold\": 85"));
    assertThat(share).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("$.actors[4].decisionThreshold");
      assertThat(p.message()).isEqualTo(
          "value 85 is out of range; expected a share of the voting weight in (0, 1] for weighted-share");
    });
    var missing = problems(j -> j.replace("\"decisionRule\": \"qualified-majority\"",
        "\"decisionRule\": \"at-least-n-no-veto\""));
    assertThat(missing).singleElement().satisfies(p -> assertThat(p.message()).isEqualTo(
        "missing required field 'decisionThreshold'; at-least-n-no-veto needs the number of yes votes needed, > 0"));
    var unread = problems(j -> j.replace("\"decisionRule\": \"qualified-majority\"",
        "\"decisionRule\": \"consensus\", \"decisionThreshold\": 0.5, \"blockingMinority\": 0.2"));
    assertThat(unread).extracting(ImportProblem::message).containsExactly(
        "only the decision rules qualified-majority, weighted-share and at-least-n-no-veto read a decision"
            + " threshold; this forum's rule is consensus",
        "a blocking minority applies only to a voting rule (not consensus, where every member blocks);"
            + " this forum's rule is consensus");
    var range = problems(j -> j.replace("\"decisionRule\": \"qualified-majority\"",
        "\"decisionRule\": \"weighted-share\", \"decisionThreshold\": 0.85, \"blockingMinority\": 1"));
    assertThat(range).singleElement().satisfies(p -> assertThat(p.message())
        .isEqualTo("value 1 is out of range; expected (0, 1)"));
    var notForum = problems(j -> j.replace("\"kind\": \"armed-group\",", "\"kind\": \"armed-group\", \"decisionThreshold\": 2,"));
    assertThat(notForum).extracting(ImportProblem::message)
        .contains("only a forum has a decision threshold; this actor is a armed-group");
  }

  @Test
  void malformedJsonNamesTheLine() {
    var problems = problems(j -> j.replace("\"phase\": \"escalating\",", "\"phase\": \"escalating\""));
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.line()).isEqualTo(8);
      assertThat(p.message()).startsWith("malformed JSON");
    });
  }

  @Test
  void fiveMistakesGiveFiveProblems() {
    var problems = problems(j -> j
        .replace("\"position\": 0.6", "\"position\": 1.5")
        .replace("\"kind\": \"armed-group\"", "\"kind\": \"militia\"")
        .replace("\"target\": \"chn\"", "\"target\": \"prc\"")
        .replace("\"date\": \"2004-08-02\"", "\"date\": \"2 Aug 2004\"")
        .replace("\"id\": \"m2\"", "\"id\": \"m1\""));
    assertThat(problems).extracting(ImportProblem::path).containsExactlyInAnyOrder(
        "$.actors[0].position", "$.actors[3].kind", "$.ties[0].target", "$.messages[1].date",
        "$.messages[1].id");
  }

  @Test
  void problemsReadLikeCompilerMessages() {
    var p = new ImportProblem("ties.csv", 14, null, "strength", "value 2 is out of range; expected (0, 1]");
    assertThat(p).hasToString("ties.csv:14 field 'strength': value 2 is out of range; expected (0, 1]");
  }

  @Test
  void aCaseIdMustBeUsableInAUrl() {
    assertThatThrownBy(() -> read(mini().replace("\"id\": \"mini\"", "\"id\": \"../etc\"")))
        .isInstanceOf(CaseFormatException.class).hasMessageContaining("$.id");
  }
}
