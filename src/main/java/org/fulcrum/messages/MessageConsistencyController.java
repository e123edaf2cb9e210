package org.fulcrum.messages;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.fulcrum.analysis.consistency.ConsistencyQuery;
import org.fulcrum.analysis.consistency.ConsistencyReport;
import org.fulcrum.bind.KnownParametersOnly;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The message-consistency review of one case (messages themselves: /api/cases/{caseId}/messages).
 * A query parameter it does not take answers 400.
 */
@RestController
@KnownParametersOnly
@RequestMapping("/api/cases/{caseId}")
@Tag(name = "Messages", description = "One voice across channels, credible threats")
class MessageConsistencyController {

  private final MessageConsistencyService consistency;

  MessageConsistencyController(MessageConsistencyService consistency) {
    this.consistency = consistency;
  }

  @Operation(summary = "Does the coalition speak with one voice, and are its threats backed?",
      description = "Findings per issue (across-channels, across-audiences, reversal, rigid-ladder,"
          + " eroding-pressure, repeated-empty-threats, capability-gap, no-follow-through), each with"
          + " the ids of the messages behind it and an explanation; a one-voice score in [0, 1] per"
          + " issue and overall; a timeline of stances per speaker. Stances missing from a message"
          + " are derived from its text and marked as derived. As of asOf (default: the case's as-of"
          + " date): later messages and ties are not seen, and a threat whose follow-through period"
          + " runs past it is pending.")
  @GetMapping("/message-consistency")
  ConsistencyReport check(@PathVariable String caseId,
      @Parameter(description = "actor ids, comma-separated; a state brings its government (default:"
          + " every speaker with positive position)") @RequestParam(required = false) List<String> coalition,
      @Parameter(description = "only this issue") @RequestParam(required = false) String issue,
      @Parameter(description = "days within which two messages can contradict (default 90)")
          @RequestParam(required = false) Integer window,
      @Parameter(description = "days within which a threat must be followed by a measure (default 90)")
          @RequestParam(required = false) Integer followThrough,
      @Parameter(description = "review as of this day, YYYY-MM-DD (default: the case's as-of date)")
          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
    return consistency.check(caseId, ConsistencyQuery.of(coalition, issue, window, followThrough, asOf));
  }
}
