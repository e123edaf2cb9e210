package org.fulcrum.leverage;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.fulcrum.analysis.EngagementPlanner;
import org.fulcrum.analysis.ForumQuery;
import org.fulcrum.analysis.ForumShopping;
import org.fulcrum.analysis.Playbook;
import org.fulcrum.analysis.RedTeam;
import org.fulcrum.bind.KnownParametersOnly;
import org.fulcrum.casefile.Phase;
import org.fulcrum.casefile.Tempo;
import org.fulcrum.error.InvalidRequestException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Turning the graph into a plan: whom to engage, and what the adversary does about it. A query
 * parameter an endpoint does not take answers 400.
 */
@RestController
@KnownParametersOnly
@RequestMapping("/api/cases/{caseId}")
@Tag(name = "Engagement", description = "Engagement plan, forum-shopping risk, playbooks, the adversary's counter-move")
class EngagementController {

  private final LeverageService leverage;

  EngagementController(LeverageService leverage) {
    this.leverage = leverage;
  }

  @Operation(summary = "Whom to engage under a budget",
      description = "Maximises the expected weight of target-group actors that the engaged actors'"
          + " pressure reaches (independent cascade, reverse-reachable samples) by cost-benefit lazy"
          + " greedy plus the best single pick. Each pick: cost (and how it was set), marginal gain,"
          + " the engager's access path, the pick's strongest onward path, its tool families."
          + " expectedPressure with low/high is measured on fresh samples; guarantee states the"
          + " approximation bound; nextBest lists what unchosen actors would have added.")
  @PostMapping("/engagement-plan")
  EngagementPlanner.Plan plan(@PathVariable String caseId, @RequestBody EngagementRequest body,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
    EngagementRequest request = required(body);
    return leverage.run(caseId, asOf, request.within(), Analyses.PLAN, request.planQuery());
  }

  @Operation(summary = "The target's best counter-move against an engagement plan, and the hedge",
      description = "Moves: lean on a patron (its outgoing ties go) or shop to a forum it can appeal"
          + " to (every other forum's outgoing ties go). Each with the plan's pressure after it;"
          + " the best move removes the most; the hedge is the actor that restores the most after it.")
  @PostMapping("/red-team")
  RedTeam.Answer redTeam(@PathVariable String caseId, @RequestBody EngagementRequest body,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
    EngagementRequest request = required(body);
    return leverage.run(caseId, asOf, request.within(), Analyses.RED_TEAM, request.redTeamQuery());
  }

  @Operation(summary = "Forum-shopping risk for a target, escape venues and the lead channel",
      description = "Forums the target can appeal to (as a member, through a patron, a shielding or"
          + " mediating forum), each with its expected stance on coercive action against the target"
          + " (members' positions weighted by vote), whether a veto holder blocks it, whether action"
          + " can pass under its decision rule, and the engager's access. risk in [0, 1] is the mean"
          + " of its parts (escape share, stance spread, veto cover), each with its basis; leadChannel"
          + " is where action can pass with the highest access; gapClosers are whom to bring in.")
  @GetMapping("/forum-shopping")
  ForumShopping.Assessment forums(@PathVariable String caseId,
      @RequestParam(required = false) String target, @RequestParam(required = false) String engager,
      @Parameter(description = LeverageController.COALITION) @RequestParam(required = false) List<String> coalition,
      @Parameter(description = LeverageController.WITHIN) @RequestParam(required = false) Integer within,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
    return leverage.run(caseId, asOf, within, Analyses.FORUMS, new ForumQuery(target, engager, coalition));
  }

  @Operation(summary = "Options per target group that the engager can actually apply",
      description = "Tools of the catalogue (Table 1 of the Genocide Prevention Task Force report, 2008, ch. 4; catalogue/tools.json) per target group,"
          + " each on an actor of that group with the best path that uses only the tool's channels"
          + " (and tie types); fast tools first and slow ones dropped when the tempo is volcanic; each"
          + " group says whether it mixes coercive and cooperative options, and why left-out tools"
          + " are left out. phase and tempo default to the case's own.")
  @GetMapping("/playbook")
  Playbook.Plan playbook(@PathVariable String caseId,
      @RequestParam(required = false) String engager, @RequestParam(required = false) String target,
      @Parameter(description = "default: the case's phase") @RequestParam(required = false) Phase phase,
      @Parameter(description = "default: the case's tempo") @RequestParam(required = false) Tempo tempo,
      @Parameter(description = LeverageController.COALITION) @RequestParam(required = false) List<String> coalition,
      @Parameter(description = LeverageController.WITHIN) @RequestParam(required = false) Integer within,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
    return leverage.run(caseId, asOf, within, Analyses.PLAYBOOK,
        new CasePlaybookQuery(engager, target, phase, tempo, coalition));
  }

  private static EngagementRequest required(EngagementRequest body) {
    if (body == null) {
      throw new InvalidRequestException("a JSON body with engager and budget is required");
    }
    return body;
  }
}
