package org.fulcrum.leverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fulcrum.analysis.PathQuery;
import org.fulcrum.analysis.PlanQuery;
import org.fulcrum.analysis.RedTeamQuery;
import org.fulcrum.casefile.TargetGroup;
import org.fulcrum.casefile.TieType;
import org.junit.jupiter.api.Test;

/** What-if's parameters bind into the analyses' query records; names they do not take are refused. */
class QueryParametersTest {

  static <Q> Q bind(Analysis<Q, ?> analysis, Map<String, Object> values) {
    return QueryParameters.of(values).bind(analysis);
  }

  @Test
  void numbersAndListsAsJsonOrAsQueryStrings() {
    PathQuery typed = bind(Analyses.PATHS, Map.of("from", "usa", "to", "sdn", "k", 3, "types",
        List.of("controls", "sanctions")));
    PathQuery strings = bind(Analyses.PATHS, Map.of("from", "usa", "to", "sdn", "k", "3", "types",
        "controls,sanctions"));
    assertThat(typed).isEqualTo(strings);
    assertThat(typed.k()).isEqualTo(3);
    assertThat(typed.tieTypes()).isEqualTo(Set.of(TieType.CONTROLS, TieType.SANCTIONS));
  }

  @Test
  void anUnknownNameIsRefusedNamingWhatIsTaken() {
    assertThatThrownBy(() -> bind(Analyses.PATHS, Map.of("from", "usa", "to", "sdn", "maxhops", 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown parameter 'maxhops'; expected one of from, to, k, maxHops, types, channels,"
            + " exclude, excludeKinds, via, polarity");
    // reported before the missing 'to' that the misspelling causes
    assertThatThrownBy(() -> bind(Analyses.PATHS, Map.of("from", "usa", "too", "sdn")))
        .hasMessageStartingWith("unknown parameter 'too'");
  }

  @Test
  void aValueThatDoesNotConvertIsNamed() {
    assertThatThrownBy(() -> bind(Analyses.PATHS, Map.of("from", "usa", "to", "sdn", "k", 2.5)))
        .hasMessage("k must be a whole number, got '2.5'");
    assertThatThrownBy(() -> bind(Analyses.PATHS, Map.of("from", "usa", "to", "sdn", "polarity", "warm")))
        .hasMessage("polarity: unknown value 'warm'; expected one of supportive, hostile");
  }

  @Test
  void aDayIsAnIsoDate() {
    assertThat(QueryParameters.of(Map.of("asOf", "2007-07-31")).get("asOf", LocalDate.class))
        .isEqualTo(LocalDate.of(2007, 7, 31));
    QueryParameters bad = QueryParameters.of(Map.of("asOf", "31/07/2007"));
    assertThat(bad.get("asOf", LocalDate.class)).isNull();
    assertThatThrownBy(bad::requireValid).hasMessage("asOf must be an ISO date (yyyy-mm-dd), got '31/07/2007'");
  }

  @Test
  void redTeamReadsEveryParameterBeforeThePlanIsChecked() {
    RedTeamQuery query = bind(Analyses.RED_TEAM, Map.of("engager", "usa", "budget", 10, "target", "sdn",
        "plan", List.of("chn"), "targetGroups", Map.of("planners", 2), "costs", "chn:5"));
    assertThat(query.picks()).containsExactly("chn");
    assertThat(query.plan().groupWeights()).containsEntry(TargetGroup.PLANNERS, 2.0);
    assertThat(query.plan().costs()).isEqualTo(Map.of("chn", 5.0));
    assertThat(query.plan().seed()).isEqualTo(PlanQuery.SEED_DEFAULT);
    assertThatThrownBy(() -> bind(Analyses.RED_TEAM, Map.of("engager", "usa", "target", "sdn")))
        .hasMessage("budget: a positive number is required");
  }
}
