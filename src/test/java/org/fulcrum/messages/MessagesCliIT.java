package org.fulcrum.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.fulcrum.TestStores;
import org.fulcrum.cli.FulcrumCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** {@code messages check} against the embedded store. */
class MessagesCliIT {

  record Run(int exit, String out, String err) {}

  static Run run(Map<String, Object> store, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = FulcrumCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true), store);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void checkPrintsAReportJsonAndMarkdown(@TempDir Path tmp) throws Exception {
    assertThat(FulcrumCli.isCommand(new String[] {"messages", "check", "x"})).isTrue();
    var store = TestStores.embedded(TestStores.newDataDir("messages-cli"));
    assertThat(run(store, "import", "datasets/darfur-2003-2008.json").exit()).isZero();

    Run text = run(store, "messages", "check", "darfur-2003-2008");
    assertThat(text.exit()).as(text.err()).isZero();
    assertThat(text.out()).contains("Message consistency of darfur-2003-2008: one-voice score 0.33")
        .contains("sanctions: score").contains("no-follow-through").contains("m-natsios-2006-11-20")
        .contains("as of 2007-07-31;").contains("pending: m-brown-2007-07-20");

    Path md = tmp.resolve("report.md");
    Run json = run(store, "messages", "check", "darfur-2003-2008", "--coalition", "usa", "--issue",
        "sanctions", "--window", "60", "--json", "--report", md.toString());
    assertThat(json.exit()).as(json.err()).isZero();
    var tree = JsonMapper.builder().build().readTree(json.out());
    assertThat(tree.get("windowDays").asInt()).isEqualTo(60);
    assertThat(tree.get("issues").get(0).get("issue").asString()).isEqualTo("sanctions");
    assertThat(Files.readString(md)).startsWith("# Message consistency: darfur-2003-2008")
        .contains("## sanctions").contains("| speaker | date | stance |").contains("`m-natsios-2007-04-11`");
  }

  @Test
  void checkAsOfADay() {
    var store = TestStores.embedded(TestStores.newDataDir("messages-cli-as-of"));
    assertThat(run(store, "import", "datasets/darfur-2003-2008.json").exit()).isZero();
    // 15 August 2004: Danforth's threat of 30 July is pending, Natsios's of 2006 not yet made
    Run early = run(store, "messages", "check", "darfur-2003-2008", "--as-of", "2004-08-15");
    assertThat(early.exit()).as(early.err()).isZero();
    assertThat(early.out()).contains("as of 2004-08-15; window 90 days")
        .contains("pending: m-usa-danforth-2004-07-30 (follow-through due 2004-10-28)")
        .doesNotContain("m-natsios-2006-11-20");
    Run json = run(store, "messages", "check", "darfur-2003-2008", "--as-of", "2004-08-15", "--json");
    assertThat(JsonMapper.builder().build().readTree(json.out()).get("asOf").asString()).isEqualTo("2004-08-15");
    Run bad = run(store, "messages", "check", "darfur-2003-2008", "--as-of", "soon");
    assertThat(bad.exit()).isEqualTo(FulcrumCli.USAGE);
    assertThat(bad.err()).contains("--as-of").doesNotContain("\tat ");
  }

  @Test
  void mistakesAreMessagesNotStackTraces() {
    var store = TestStores.embedded(TestStores.newDataDir("messages-cli-bad"));
    assertThat(run(store, "import", "datasets/darfur-2003-2008.json").exit()).isZero();
    Run negative = run(store, "messages", "check", "darfur-2003-2008", "--coalition", "bashir");
    assertThat(negative.exit()).isEqualTo(FulcrumCli.BAD_INPUT);
    assertThat(negative.err()).contains("bashir has position -0.95").doesNotContain("\tat ");
    assertThat(run(store, "messages", "check", "nope").err()).contains("no case with id 'nope'");
    assertThat(run(Map.of(), "messages", "check").exit()).isEqualTo(FulcrumCli.USAGE);
  }
}
