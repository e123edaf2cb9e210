package org.fulcrum.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.fulcrum.casefile.Actor;
import org.fulcrum.casefile.CaseFile;
import org.fulcrum.casefile.Tie;
import org.fulcrum.casefile.TieType;
import org.junit.jupiter.api.Test;

/** Country resolution, neighbours, alliances, UNGA alignment and IGO co-membership. */
class StateRelationsTest {

  static Map<String, Tie> ties(CaseFile c) {
    return c.ties().stream().collect(Collectors.toMap(Tie::id, Function.identity()));
  }

  @Test
  void countryCodesCrossWalkIso3Iso2CowAndSipriNames() {
    var codes = OpenDataFixtures.CODES;
    Country sudan = codes.require("SDN");
    assertThat(sudan.cow()).isEqualTo(625);
    assertThat(sudan.iso2()).isEqualTo("SD");
    assertThat(codes.iso2("NA")).map(Country::iso3).contains("NAM");
    assertThat(codes.cow(365)).map(Country::iso3).contains("RUS");
    assertThat(codes.name("Soviet Union")).map(Country::iso3).as("SIPRI list: COW 365").contains("RUS");
    assertThat(codes.name("Syria")).map(Country::iso3).contains("SYR");
    assertThat(codes.mentions(codes.require("SYR"), "Middle East - Syria")).isTrue();
    assertThat(codes.mentions(codes.require("SYR"), "Israel-Lebanon")).isFalse();
    assertThatThrownBy(() -> codes.require("XYZ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'XYZ' is not an ISO 3166 alpha-3 code");
  }

  @Test
  void sudansNeighboursBorderItWithStrengthByContiguityType() {
    CaseFile c = OpenDataFixtures.caseOf(OpenDataFixtures.build("SDN", 2003, 2007, OpenDataSource.CONTIGUITY));
    assertThat(c.ties()).allMatch(t -> t.type() == TieType.BORDERS && t.target().equals("od-sdn"));
    assertThat(c.ties()).extracting(Tie::source).contains("od-tcd", "od-lby", "od-egy", "od-eth",
        "od-caf", "od-cod", "od-uga", "od-ken", "od-eri", "od-sau");
    assertThat(ties(c).get("od-border-tcd-sdn").strength()).as("land").isEqualTo(0.6);
    assertThat(ties(c).get("od-border-sau-sdn").strength()).as("across the Red Sea, type 4").isEqualTo(0.2);
  }

  @Test
  void alliancesWeighTheStrongestPledgeByYearsAndUngaAgreement() {
    CaseFile plain = OpenDataFixtures.caseOf(OpenDataFixtures.build("SDN", 2003, 2007, OpenDataSource.ALLIANCES));
    assertThat(plain.ties()).isNotEmpty().allMatch(t -> t.type() == TieType.ALLIED_WITH);
    Tie egypt = ties(plain).get("od-ally-egy-sdn");
    assertThat(egypt.strength()).as("Arab League defence pledge, all 5 years").isEqualTo(0.6);

    CaseFile weighed = OpenDataFixtures.caseOf(OpenDataFixtures.build("SDN", 2003, 2007,
        OpenDataSource.ALLIANCES, OpenDataSource.UNGA));
    Tie egyptWeighed = ties(weighed).get("od-ally-egy-sdn");
    assertThat(egyptWeighed.strength()).isLessThan(0.6).isGreaterThan(0.5);
    assertThat(egyptWeighed.sources()).contains("od-src-ally-egy-sdn", "od-src-unga-egy-sdn");
    Actor egyptActor = weighed.actors().stream().filter(a -> a.id().equals("od-egy")).findFirst().orElseThrow();
    assertThat(egyptActor.position()).as("votes with Sudan").isLessThan(-0.5);
    assertThat(ties(weighed)).containsKey("od-unga-egy-sdn");
  }

  @Test
  void ungaAgreementCountsAbstentionsAsHalf() {
    var unga = new GeneralAssemblyAffinity(OpenDataFixtures.FILES, OpenDataFixtures.CODES);
    var alignments = unga.alignments(OpenDataFixtures.CODES.require("SDN"), 2003, 2007);
    assertThat(alignments.get("SDN").agreement()).isEqualTo(1.0);
    assertThat(alignments.get("USA").affinity()).as("the US votes against Sudan").isNegative();
    assertThat(alignments.get("CHN").agreement()).isGreaterThan(alignments.get("GBR").agreement());
    assertThat(GeneralAssemblyAffinity.vote("abstain")).isZero();
  }

  @Test
  void igoCoMembershipGivesInfluenceRelativeToTheBestConnectedPartner() {
    CaseFile c = OpenDataFixtures.caseOf(OpenDataFixtures.build("SDN", 2003, 2007,
        OpenDataSource.CONTIGUITY, OpenDataSource.IGO));
    var igo = c.ties().stream().filter(t -> t.id().startsWith("od-igo-")).toList();
    assertThat(igo).hasSizeGreaterThan(5).allSatisfy(t -> {
      assertThat(t.type()).isEqualTo(TieType.INFLUENCES);
      assertThat(t.strength()).isLessThanOrEqualTo(IgoCoMembership.MAX_STRENGTH);
    });
  }

  @Test
  void aRequestIsCheckedBeforeAnyFileIsRead() {
    assertThatThrownBy(() -> BuildRequest.of("Sudan", 2003, 2007, Set.of()))
        .hasMessageContaining("ISO 3166 alpha-3");
    assertThatThrownBy(() -> BuildRequest.of("SDN", 2007, 2003, Set.of())).hasMessageContaining("before");
    assertThatThrownBy(() -> OpenDataSource.parse(java.util.List.of("arms", "tanks")))
        .hasMessageContaining("unknown source 'tanks'");
    assertThat(BuildRequest.of("sdn", 2003, 2007, Set.of()).caseId()).isEqualTo("od-sdn-2003-2007");
    assertThat(BuildRequest.of("SDN", 2003, 2007, Set.of()).sources()).isEqualTo(OpenDataSource.all());
  }
}
