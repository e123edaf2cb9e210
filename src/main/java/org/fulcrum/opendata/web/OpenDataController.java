package org.fulcrum.opendata.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.fulcrum.error.InvalidRequestException;
import org.fulcrum.opendata.BuildRequest;
import org.fulcrum.opendata.OpenDataSource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/open-data")
@Tag(name = "Open data", description = "Build state-level leverage cases from SIPRI, COW, ATOP,"
    + " UN votes and vetoes, and ICEWS/GDELT event data")
class OpenDataController {

  private final OpenDataService openData;

  OpenDataController(OpenDataService openData) {
    this.openData = openData;
  }

  /**
   * @param country ISO 3166 alpha-3 code of the target state
   * @param from first year of the window
   * @param to last year of the window (inclusive)
   * @param sources any of arms, contiguity, alliances, vetoes, events, unga, igo (default: all)
   * @param caseId the case to create or refresh (default od-<iso3>-<from>-<to>)
   * @param engager ISO3 of the engaging state whose dyads with the first ring are read (default USA)
   * @param coalition ISO3 codes of the engager's partners, whose dyads are read too
   */
  record BuildBody(String country, Integer from, Integer to, List<String> sources, String caseId,
      String engager, List<String> coalition) {}

  @Operation(summary = "Build (or re-build) a leverage case for a target country and window",
      description = "Generates state actors and ties from the open datasets, each citing its file,"
          + " rows or years and rule (docs/open-data.md). A re-build of the same caseId replaces"
          + " the generated records (ids starting 'od-') and keeps every hand-made one. Answers 201"
          + " with the caseId and what each step did; 400 for a bad country, window or source.")
  @PostMapping("/cases")
  ResponseEntity<OpenDataService.BuildResult> build(@RequestBody BuildBody body) {
    if (body.from() == null || body.to() == null) {
      throw new InvalidRequestException("from and to (years) are required");
    }
    var request = new BuildRequest(body.country(), body.from(), body.to(),
        body.sources() == null ? null : OpenDataSource.parse(body.sources()), body.caseId(),
        BuildRequest.engagers(body.engager(), body.coalition()));
    var result = openData.build(request);
    return ResponseEntity.created(URI.create("/api/cases/" + result.caseId())).body(result);
  }
}
