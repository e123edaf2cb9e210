package org.fulcrum.analysis.consistency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.fulcrum.casefile.CaseCodec;
import org.fulcrum.casefile.CaseFile;
import org.junit.jupiter.api.Test;

/**
 * The inconsistencies datasets/README.md documents in the curated cases' messages, as the review
 * finds them with its defaults (coalition: every speaker with positive position; window and
 * follow-through 90 days). docs/message-consistency.md shows the same report: if the dataset
 * changes, update both.
 */
class MessageConsistencyDarfurTest {

  static final CaseCodec CODEC = new CaseCodec();
  static final CaseFile DARFUR = CODEC.read(Path.of("datasets/darfur-2003-2008.json"));

  static ConsistencyReport review(CaseFile c, ConsistencyQuery q) {
    return MessageConsistency.of(c, StanceClassifier.bundled()).run(q);
  }

  static Set<String> keys(ConsistencyReport r) {
    Set<String> keys = new TreeSet<>();
    r.issues().forEach(i -> i.findings().forEach(f ->
        keys.add(f.kind().label() + ": " + String.join(" ", f.messages()))));
    return keys;
  }

  @Test
  void darfurTheRecordsInconsistencies() {
    ConsistencyReport r = review(DARFUR, ConsistencyQuery.defaults());
    assertThat(keys(r)).contains(
        // resolution 1556 threatened Article 41 measures in 30 days; none followed
        "no-follow-through: m-unsc-1556-2004-07-30",
        // resolution 1564 threatened oil-sector measures; none were ever adopted
        "no-follow-through: m-unsc-1564-2004-09-18",
        // the genocide finding, "no new action is dictated" in the same testimony, and Zoellick
        // declining to repeat it
        "reversal: m-us-congress-2004-07-22 m-bush-2004-09-09 m-powell-2004-09-09-genocide"
            + " m-powell-2004-09-09-no-action m-zoellick-2005-04-14",
        // Plan B: the 1 January 2007 deadline passed without action, the sanctions were held back
        // as a courtesy to Ban, then imposed on 29 May 2007
        "no-follow-through: m-natsios-2006-11-20",
        "reversal: m-usa-danforth-2004-07-30 m-natsios-2006-11-20 m-natsios-2007-04-11",
        "reversal: m-natsios-2007-04-11 m-bush-2007-05-29",
        // a week after Natsios's courtesy, Bush: "The time for promises is over"
        "across-audiences: m-natsios-2007-04-11 m-bush-2007-04-18",
        // resolution 1769 dropped the Council's sanctions threat, eleven days after Brown's
        "reversal: m-unsc-1564-2004-09-18 m-unsc-1591-2005-03-29 m-unsc-1672-2006-04-25"
            + " m-unsc-1769-2007-07-31-sanctions",
        "across-channels: m-brown-2007-07-20 m-unsc-1769-2007-07-31-sanctions",
        // four sanctions threats in 2004 before any measure (resolution 1591, March 2005)
        "repeated-empty-threats: m-usa-danforth-2004-07-30 m-eu-2004-09-13 m-unsc-1564-2004-09-18"
            + " m-blair-2004-11-10",
        // the AU extended AMIS while the Council demanded a UN force
        "across-channels: m-unsc-1706-2006-08-31 m-aupsc-2006-09-20",
        "reversal: m-aupsc-2006-03-10 m-aupsc-2006-09-04 m-aupsc-2006-09-20",
        // Kouchner's humanitarian corridor, conceded a week later
        "reversal: m-kouchner-2007-05-28 m-kouchner-2007-06-06");
    // Bush's April 2007 threat was backed: OFAC designations on 29 May 2007
    assertThat(keys(r)).doesNotContain("no-follow-through: m-bush-2007-04-18");
    // Danforth threatened sanctions in the Council, where the US holds a veto: the Council's sanctions
    // on the Janjaweed count with the US's own, 0.90 x 0.49 = 0.44, still 0.31 short of 0.75 (0.30
    // and 0.45 short on the US's own ties)
    assertThat(r.threats()).filteredOn(t -> t.message().equals("m-usa-danforth-2004-07-30")).singleElement()
        .satisfies(t -> {
          assertThat(t.forum()).isEqualTo("unsc");
          assertThat(t.forumVote()).isEqualTo("a veto (tie t-usa-unsc-member)");
          assertThat(t.levers()).containsExactly("t-usa-sdn-sanctions 0.35 x 0.95", "t-unsc-janjaweed-sanctions 0.25 x 0.95");
          assertThat(t.deliverable()).isCloseTo(0.44, within(0.005));
          assertThat(t.backed()).isFalse();
        });
    assertThat(r.asOf()).isEqualTo(DARFUR.asOf());
    // Brown's threat of 20 July 2007 is ten days old on the record's last day
    assertThat(r.pendingThreats()).extracting(ConsistencyReport.PendingThreat::message)
        .containsExactly("m-brown-2007-07-20");
    // Khartoum, China and their allies are not the coalition
    assertThat(r.coalition()).doesNotContain("sdn-gov", "bashir", "chn", "liu-guijin", "egy", "arab-league");
    assertThat(r.findings()).isEqualTo(34);
    assertThat(r.score()).isCloseTo(0.33, within(0.005));
    // to 6 digits, as the issues' scores: no rounding noise from summing them (it was 0.33333325)
    assertThat(r.score()).isEqualTo(Math.round(r.score() * 1e6) / 1e6);
    assertThat(r.issues()).filteredOn(i -> i.issue().equals("icc-referral")).singleElement()
        .satisfies(i -> assertThat(i.score()).isEqualTo(1.0));
  }

  @Test
  void darfurForTheUnitedStatesAlone() {
    ConsistencyReport us = review(DARFUR, ConsistencyQuery.defaults().withCoalition(List.of("usa")));
    assertThat(us.coalition()).containsExactly("bush", "natsios", "powell", "us-congress",
        "us-state-dept", "us-treasury-ofac", "usa", "zoellick");
    assertThat(keys(us)).contains("reversal: m-natsios-2007-04-11 m-bush-2007-05-29")
        .allSatisfy(k -> assertThat(k).doesNotContain("unsc-", "eu-", "blair", "brown", "aupsc"));
  }

  @Test
  void kenyaTheStateDepartmentBackedAwayFromItsCongratulation() {
    ConsistencyReport r = review(CODEC.read(Path.of("datasets/kenya-2007-2008.json")),
        ConsistencyQuery.defaults().withCoalition(List.of("usa", "uk", "eu", "un-sg", "unsc")));
    assertThat(keys(r)).contains("reversal: m-us-statedept-2007-12-30 m-us-casey-2007-12-31");
    // from late January every outside actor backs Annan's single channel
    assertThat(r.issues()).filteredOn(i -> i.issue().equals("mediation")).singleElement()
        .satisfies(i -> assertThat(i.score()).isEqualTo(1.0));
  }

  @Test
  void rwandaAsOfItsOwnDateAndAsOfItsLastMessage() {
    CaseFile rwanda = CODEC.read(Path.of("datasets/rwanda-1994.json"));
    // by default as of 17 May 1994: the messages of 25 May to 15 July are not seen
    ConsistencyReport own = review(rwanda, ConsistencyQuery.defaults());
    assertThat(own.asOf()).isEqualTo(LocalDate.of(1994, 5, 17));
    assertThat(own.messages()).isEqualTo(14);
    assertThat(own.findings()).isEqualTo(5);
    assertThat(own.score()).isEqualTo(0.589286);
    // as of 15 July: all 21, and the four pairs with the State Department's "acts of genocide"
    // briefing of 10 June
    ConsistencyReport july = review(rwanda, ConsistencyQuery.defaults().withAsOf(LocalDate.of(1994, 7, 15)));
    assertThat(july.messages()).isEqualTo(21);
    assertThat(july.findings()).isEqualTo(9);
    assertThat(july.score()).isEqualTo(0.488095);
    assertThat(keys(july)).filteredOn(k -> k.contains("m-usa-shelly-1994-06-10")).hasSize(4);
  }

  @Test
  void rwandaTheCouncilCutUnamirThenExpandedIt() {
    ConsistencyReport r = review(CODEC.read(Path.of("datasets/rwanda-1994.json")), ConsistencyQuery.defaults());
    assertThat(keys(r)).contains("reversal: m-unsc-res912-mandate-1994-04-21 m-unsc-res918-mandate-1994-05-17");
  }
}
