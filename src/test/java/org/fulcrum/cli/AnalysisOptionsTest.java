package org.fulcrum.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.fulcrum.analysis.PathQuery;
import org.fulcrum.analysis.PlanQuery;
import org.fulcrum.analysis.SupplyChokepoints;
import org.fulcrum.casefile.Channel;
import org.fulcrum.casefile.TargetGroup;
import org.fulcrum.casefile.TieType;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The analysis commands bind picocli's typed options straight into the query records. */
class AnalysisOptionsTest {

  static Object command(String... args) {
    CommandLine commandLine = new CommandLine(new FulcrumCli());
    AnalysisCommands.registerEnumSpellings(commandLine);
    return commandLine.parseArgs(args).subcommand().commandSpec().userObject();
  }

  @Test
  void pathOptionsBecomeAPathQuery() {
    var paths = (AnalysisCommands.Paths) command("paths", "mini", "--from", "usa", "--to", "sdn", "-k", "3",
        "--max-hops", "2", "--types", "supplies-arms,controls", "--channels", "military", "--exclude", "chn");
    assertThat(paths.query()).isEqualTo(new PathQuery("usa", "sdn", 3, 2,
        Set.of(TieType.SUPPLIES_ARMS, TieType.CONTROLS), Set.of(Channel.MILITARY), Set.of("chn"), null, null, null));
  }

  @Test
  void planOptionsKeepTheirKeyNumberSyntax() {
    var plan = (AnalysisCommands.Plan) command("plan", "mini", "--engager", "usa", "--budget", "10",
        "--target-groups", "planners:2,victims", "--costs", "chn:5");
    PlanQuery query = plan.query();
    assertThat(query.groupWeights()).isEqualTo(Map.of(TargetGroup.PLANNERS, 2.0, TargetGroup.VICTIMS, 1.0));
    assertThat(query.costs()).isEqualTo(Map.of("chn", 5.0));
    assertThat(query.samples()).isEqualTo(PlanQuery.SAMPLES_DEFAULT);
  }

  @Test
  void enumDefaultsAndSpellings() {
    var cut = (AnalysisCommands.Chokepoints) command("chokepoints", "mini", "--to", "militia", "--mode", "actors");
    assertThat(cut.query().mode()).isEqualTo(SupplyChokepoints.Mode.ACTORS);
    var byDefault = (AnalysisCommands.Chokepoints) command("chokepoints", "mini", "--to", "militia");
    assertThat(byDefault.query().mode()).isEqualTo(SupplyChokepoints.Mode.TIES);
  }

  @Test
  void aValueThatIsNotOneIsAUsageErrorNamingTheOption() {
    assertThatThrownBy(() -> command("paths", "mini", "--from", "usa", "--to", "sdn", "--types", "owns"))
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining("--types").hasMessageContaining("unknown value 'owns'; expected one of commands");
    assertThatThrownBy(() -> command("plan", "mini", "--engager", "usa", "--budget", "1", "--costs", "chn:x"))
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining("--costs").hasMessageContaining("chn must be a number, got 'x'");
  }
}
