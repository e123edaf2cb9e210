package org.fulcrum.watchlist;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.fulcrum.error.InvalidRequestException;
import org.fulcrum.opendata.OpenDataSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/watch-list")
@Tag(name = "Watch list", description = "Countries of concern from open data, ranked by what the"
    + " engager can do about them")
class WatchListController {

  private final WatchListJobs jobs;

  WatchListController(WatchListJobs jobs) {
    this.jobs = jobs;
  }

  /**
   * @param engager ISO3 of the engaging state (default USA)
   * @param year the list's year (each case spans the five years ending with it)
   * @param countries only these countries (ISO3); default every country of concern
   * @param coalition ISO3 codes of the engager's partners
   * @param sources open-data sources for the cases (default all)
   * @param waitSeconds how long to wait for the answer before answering 202 with a job (0-55,
   *     default 55)
   * @param years instead of year, a range such as 2012-2016: the lists side by side
   */
  record Body(String engager, Integer year, List<String> countries, List<String> coalition,
      List<String> sources, Integer waitSeconds, String years) {}

  @Operation(summary = "Build and rank the watch list for an engager and a year",
      description = "Countries of concern from the Early Warning Project's mass-killing episodes"
          + " and UCDP/PRIO armed conflicts of the year; each country's case is built (or"
          + " refreshed) with the engager's second ring, analysed (patrons, forum shopping, best"
          + " paths, influence) and ranked by priority (docs/analyses.md, Watch list). Answers 200"
          + " with the list when it is done within waitSeconds, else 202 with the job and its"
          + " status URL (Location).")
  @PostMapping
  ResponseEntity<?> create(@RequestBody Body body) {
    if (body == null || (body.year() == null) == (body.years() == null)) {
      throw new InvalidRequestException("year (e.g. 2015) or years (e.g. 2012-2016) is required,"
          + " not both");
    }
    int[] years = body.years() == null ? null : WatchListHistory.years(body.years());
    int wait = body.waitSeconds() == null ? WatchListJobs.WAIT_SECONDS_MAX : body.waitSeconds();
    if (wait < 0 || wait > WatchListJobs.WAIT_SECONDS_MAX) {
      throw new InvalidRequestException("waitSeconds must be between 0 and "
          + WatchListJobs.WAIT_SECONDS_MAX + ", got " + wait);
    }
    var request = new WatchListService.Request(body.engager(),
        years == null ? body.year() : years[1], body.coalition(), body.countries(),
        body.sources() == null ? null : OpenDataSource.parse(body.sources()));
    if (years != null) {
      // every year of the range must be one a list can be made for
      new WatchListService.Request(body.engager(), years[0], body.coalition(), body.countries(),
          request.sources());
    }
    WatchListJobs.Job job = jobs.start(request, years);
    WatchListJobs.Status status = jobs.await(job, wait);
    if (status.result() != null) {
      return ResponseEntity.ok(status.result());
    }
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .location(URI.create(status.statusUrl())).body(status);
  }

  @Operation(summary = "A watch-list job's progress, and its list when done")
  @GetMapping("/jobs/{id}")
  WatchListJobs.Status status(@PathVariable String id) {
    return jobs.status(id);
  }
}
