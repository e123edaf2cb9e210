package org.fulcrum.leverage;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.fulcrum.analysis.BrokerCentrality;
import org.fulcrum.analysis.CentralityQuery;
import org.fulcrum.analysis.ChokepointQuery;
import org.fulcrum.analysis.InfluenceRanking;
import org.fulcrum.analysis.InfluenceRankingQuery;
import org.fulcrum.analysis.PathQuery;
import org.fulcrum.analysis.PatronAnalysis;
import org.fulcrum.analysis.PatronQuery;
import org.fulcrum.analysis.SupplyChokepoints;
import org.fulcrum.analysis.YenLeveragePaths;
import org.fulcrum.casefile.ActorKind;
import org.fulcrum.casefile.Channel;
import org.fulcrum.casefile.Polarity;
import org.fulcrum.casefile.TieType;
import org.fulcrum.bind.KnownParametersOnly;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Leverage analyses of one case. Every endpoint takes {@code asOf} (default: the case's own date)
 * and looks only at ties valid on that day; a query parameter an endpoint does not take answers 400.
 */
@RestController
@KnownParametersOnly
@RequestMapping("/api/cases/{caseId}")
@Tag(name = "Leverage", description = "Paths, influence, patrons, chokepoints, brokers, what-if")
class LeverageController {

  private final LeverageService leverage;

  LeverageController(LeverageService leverage) {
    this.leverage = leverage;
  }

  static final String WITHIN = "neighbourhood: only actors within this many ties of those named (1-10)";
  static final String COALITION = "the engager's partners, comma-separated actor ids, besides its own"
      + " government (always in); a state brings its leaders, ministries, envoys, agencies and forces."
      + " Coalition actors are never patrons, plan picks or routes into a forum";

  @Operation(summary = "The k strongest leverage paths from an engager to a target",
      description = "A path's strength is the product of its ties' strength x confidence (Yen's"
          + " algorithm on -ln). Each hop carries its tie, channel, polarity, the tool family it"
          + " opens and its sources.")
  @GetMapping("/paths")
  YenLeveragePaths.Result paths(@PathVariable String caseId,
      @Parameter(description = "engager actor id") @RequestParam(required = false) String from,
      @Parameter(description = "target actor id") @RequestParam(required = false) String to,
      @Parameter(description = "number of paths, 1-100 (default 5)") @RequestParam(required = false) Integer k,
      @Parameter(description = "longest path allowed") @RequestParam(required = false) Integer maxHops,
      @Parameter(description = "allowed tie types, comma-separated") @RequestParam(required = false) Set<TieType> types,
      @Parameter(description = "allowed channels, comma-separated") @RequestParam(required = false) Set<Channel> channels,
      @Parameter(description = "actor ids to avoid, comma-separated") @RequestParam(required = false) Set<String> exclude,
      @Parameter(description = "actor kinds to avoid, comma-separated") @RequestParam(required = false)
          Set<ActorKind> excludeKinds,
      @Parameter(description = "an actor every path must pass through") @RequestParam(required = false) String via,
      @Parameter(description = "supportive or hostile ties only") @RequestParam(required = false) Polarity polarity,
      @Parameter(description = WITHIN) @RequestParam(required = false) Integer within,
      @Parameter(description = "day to look at (ISO date)") @RequestParam(required = false)
          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
    return leverage.run(caseId, asOf, within, Analyses.PATHS,
        PathQuery.of(from, to, k, maxHops, types, channels, exclude, excludeKinds, via, polarity));
  }

  @Operation(summary = "Influence of every actor on a target (independent cascade)",
      description = "reach = probability that pressure starting at the actor reaches the target when"
          + " every tie passes it on independently with probability strength x confidence."
          + " method=sampling (default) estimates it by reverse-reachable sampling with 95% Wilson"
          + " intervals [low, high]; method=exact enumerates (small graphs only).")
  @GetMapping("/influence")
  InfluenceRanking influence(@PathVariable String caseId,
      @RequestParam(required = false) String target,
      @Parameter(description = "number of samples (default 10000)") @RequestParam(required = false) Integer samples,
      @Parameter(description = "random seed (default 42)") @RequestParam(required = false) Long seed,
      @Parameter(description = "sampling or exact") @RequestParam(required = false) InfluenceRankingQuery.Method method,
      @Parameter(description = "adaptive sampling: stop once every 95% interval is at most this wide"
          + " (0.002-0.5); samples is then the cap (default 1000000)") @RequestParam(required = false) Double precision,
      @Parameter(description = WITHIN) @RequestParam(required = false) Integer within,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
    return leverage.run(caseId, asOf, within, Analyses.INFLUENCE,
        InfluenceRankingQuery.of(target, samples, seed, method, precision));
  }

  @Operation(summary = "The patrons that shield a target, ranked by what the engager can do with them",
      description = "shieldShare: the patron's share of the supportive arms, money, aid, trade,"
          + " investment, alliance and diplomatic-cover ties into the target's regime (the target"
          + " and its command chain); leverage: the engager's best path strength to the patron;"
          + " pressurePotential = shieldShare x leverage; veto: a veto in a forum acting on the regime."
          + " A patron pools a state with its forces and agencies (parts); the engager's coalition (its"
          + " own government and the partners named in coalition) is never a patron: its own ties into"
          + " the regime are coalitionLevers, with what withdrawing each would cost the regime.")
  @GetMapping("/patrons")
  PatronAnalysis.Ranking patrons(@PathVariable String caseId,
      @RequestParam(required = false) String target,
      @RequestParam(required = false) String engager,
      @Parameter(description = COALITION) @RequestParam(required = false) List<String> coalition,
      @Parameter(description = WITHIN) @RequestParam(required = false) Integer within,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
    return leverage.run(caseId, asOf, within, Analyses.PATRONS, new PatronQuery(target, engager, coalition));
  }

  @Operation(summary = "The minimum cut of supply lines from patrons to a perpetrator unit",
      description = "from: patron ids, comma-separated (default: every patron of the unit's regime);"
          + " mode=ties (default) cuts supply ties weighted by strength x confidence; mode=actors"
          + " removes the fewest intermediary actors.")
  @GetMapping("/chokepoints")
  SupplyChokepoints.Cut chokepoints(@PathVariable String caseId,
      @RequestParam(required = false) List<String> from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) SupplyChokepoints.Mode mode,
      @Parameter(description = WITHIN) @RequestParam(required = false) Integer within,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
    return leverage.run(caseId, asOf, within, Analyses.CHOKEPOINTS, new ChokepointQuery(from, to, mode));
  }

  @Operation(summary = "Brokers: betweenness centrality of actors on the leverage graph",
      description = "weighting=leverage (default): tie length -ln(strength x confidence);"
          + " weighting=hops: every tie length 1. Normalised by (n-1)(n-2).")
  @GetMapping("/centrality")
  BrokerCentrality.Ranking centrality(@PathVariable String caseId,
      @RequestParam(required = false) String measure,
      @RequestParam(required = false) BrokerCentrality.Weighting weighting,
      @Parameter(description = "not supported: betweenness is over the whole case (answers 400)")
          @RequestParam(required = false) Integer within,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
    return leverage.run(caseId, asOf, within, Analyses.CENTRALITY, new CentralityQuery(measure, weighting));
  }

  @Operation(summary = "Any analysis with actors or ties removed, added or re-weighted",
      description = "Body: {analysis, parameters, changes: {removeActors, removeTies, addTies,"
          + " reweightTies}}. parameters are the analysis's query parameters (as for its GET"
          + " endpoint, with within and asOf); a name it does not take answers 400. Answers the"
          + " baseline, the scenario and the difference. Nothing is written.")
  @PostMapping("/what-if")
  WhatIfAnswer whatIf(@PathVariable String caseId, @RequestBody WhatIfRequest body,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
    return leverage.whatIf(caseId, asOf, body);
  }
}
