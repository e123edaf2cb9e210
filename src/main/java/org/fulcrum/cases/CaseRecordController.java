package org.fulcrum.cases;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fulcrum.casefile.Actor;
import org.fulcrum.casefile.CaseFormatException;
import org.fulcrum.casefile.JsonCaseReader;
import org.fulcrum.casefile.Message;
import org.fulcrum.casefile.RawRecord;
import org.fulcrum.casefile.Source;
import org.fulcrum.casefile.Tie;
import org.fulcrum.error.InvalidRequestException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Create, read, update and delete the actors, ties, messages and sources of one case. Bodies use
 * the dataset's JSON names and are validated exactly as on import; POST creates (409 if the id is
 * taken), PUT creates or replaces the record named in the path. Every record has a version, sent as
 * its ETag; replacing or deleting names it in If-Match (optimistic locking).
 */
@RestController
@RequestMapping(path = "/api/cases/{caseId}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Case records", description = "Actors, ties, messages and sources within a case")
class CaseRecordController {

  private final CaseService cases;
  private final JsonCaseReader reader = new JsonCaseReader();

  CaseRecordController(CaseService cases) {
    this.cases = cases;
  }

  // ---- actors ------------------------------------------------------------------------------

  @Operation(summary = "List a case's actors")
  @GetMapping("/actors")
  List<Actor> actors(@PathVariable String caseId) {
    return cases.records(RecordKind.ACTOR, caseId);
  }

  @Operation(summary = "One actor, with its version as the ETag")
  @GetMapping("/actors/{id}")
  ResponseEntity<Actor> actor(@PathVariable String caseId, @PathVariable String id) {
    return read(RecordKind.ACTOR, caseId, id);
  }

  @Operation(summary = "Create an actor")
  @PostMapping(path = "/actors", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Actor> createActor(@PathVariable String caseId, @RequestBody byte[] body) {
    return create(RecordKind.ACTOR, caseId, body);
  }

  @Operation(summary = "Create or replace an actor", description = IF_MATCH)
  @PutMapping(path = "/actors/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Actor> putActor(@PathVariable String caseId, @PathVariable String id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, @RequestBody byte[] body) {
    return put(RecordKind.ACTOR, caseId, id, ifMatch, body);
  }

  @Operation(summary = "Delete an actor (409 while ties or messages name it)", description = DELETE_IF_MATCH)
  @DeleteMapping("/actors/{id}")
  ResponseEntity<Void> deleteActor(@PathVariable String caseId, @PathVariable String id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    return delete(RecordKind.ACTOR, caseId, id, ifMatch);
  }

  // ---- ties --------------------------------------------------------------------------------

  @Operation(summary = "List a case's ties")
  @GetMapping("/ties")
  List<Tie> ties(@PathVariable String caseId) {
    return cases.records(RecordKind.TIE, caseId);
  }

  @Operation(summary = "One tie, with its version as the ETag")
  @GetMapping("/ties/{id}")
  ResponseEntity<Tie> tie(@PathVariable String caseId, @PathVariable String id) {
    return read(RecordKind.TIE, caseId, id);
  }

  @Operation(summary = "Create a tie", description = "Without an id, the tie gets"
      + " source:type:target (plus :from when it has a start date).")
  @PostMapping(path = "/ties", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Tie> createTie(@PathVariable String caseId, @RequestBody byte[] body) {
    return create(RecordKind.TIE, caseId, body);
  }

  @Operation(summary = "Create or replace a tie", description = IF_MATCH)
  @PutMapping(path = "/ties/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Tie> putTie(@PathVariable String caseId, @PathVariable String id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, @RequestBody byte[] body) {
    return put(RecordKind.TIE, caseId, id, ifMatch, body);
  }

  @Operation(summary = "Delete a tie", description = DELETE_IF_MATCH)
  @DeleteMapping("/ties/{id}")
  ResponseEntity<Void> deleteTie(@PathVariable String caseId, @PathVariable String id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    return delete(RecordKind.TIE, caseId, id, ifMatch);
  }

  // ---- messages ----------------------------------------------------------------------------

  @Operation(summary = "List a case's messages, by date")
  @GetMapping("/messages")
  List<Message> messages(@PathVariable String caseId) {
    return cases.records(RecordKind.MESSAGE, caseId);
  }

  @Operation(summary = "One message, with its version as the ETag")
  @GetMapping("/messages/{id}")
  ResponseEntity<Message> message(@PathVariable String caseId, @PathVariable String id) {
    return read(RecordKind.MESSAGE, caseId, id);
  }

  @Operation(summary = "Create a message")
  @PostMapping(path = "/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Message> createMessage(@PathVariable String caseId, @RequestBody byte[] body) {
    return create(RecordKind.MESSAGE, caseId, body);
  }

  @Operation(summary = "Create or replace a message", description = IF_MATCH)
  @PutMapping(path = "/messages/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Message> putMessage(@PathVariable String caseId, @PathVariable String id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, @RequestBody byte[] body) {
    return put(RecordKind.MESSAGE, caseId, id, ifMatch, body);
  }

  @Operation(summary = "Delete a message", description = DELETE_IF_MATCH)
  @DeleteMapping("/messages/{id}")
  ResponseEntity<Void> deleteMessage(@PathVariable String caseId, @PathVariable String id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    return delete(RecordKind.MESSAGE, caseId, id, ifMatch);
  }

  // ---- sources -----------------------------------------------------------------------------

  @Operation(summary = "List a case's sources")
  @GetMapping("/sources")
  List<Source> sources(@PathVariable String caseId) {
    return cases.records(RecordKind.SOURCE, caseId);
  }

  @Operation(summary = "One source, with its version as the ETag")
  @GetMapping("/sources/{id}")
  ResponseEntity<Source> source(@PathVariable String caseId, @PathVariable String id) {
    return read(RecordKind.SOURCE, caseId, id);
  }

  @Operation(summary = "Create a source")
  @PostMapping(path = "/sources", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Source> createSource(@PathVariable String caseId, @RequestBody byte[] body) {
    return create(RecordKind.SOURCE, caseId, body);
  }

  @Operation(summary = "Create or replace a source", description = IF_MATCH)
  @PutMapping(path = "/sources/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Source> putSource(@PathVariable String caseId, @PathVariable String id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, @RequestBody byte[] body) {
    return put(RecordKind.SOURCE, caseId, id, ifMatch, body);
  }

  @Operation(summary = "Delete a source (409 while records cite it)", description = DELETE_IF_MATCH)
  @DeleteMapping("/sources/{id}")
  ResponseEntity<Void> deleteSource(@PathVariable String caseId, @PathVariable String id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    return delete(RecordKind.SOURCE, caseId, id, ifMatch);
  }

  // ---- the one path every kind takes ------------------------------------------------------

  private <T> ResponseEntity<T> read(RecordKind<T> kind, String caseId, String id) {
    return tagged(cases.versioned(kind, caseId, id));
  }

  private <T> ResponseEntity<T> create(RecordKind<T> kind, String caseId, byte[] body) {
    var saved = cases.save(kind, caseId, record(body, null), true, null);
    return ResponseEntity.created(URI.create("/api/cases/" + caseId + "/" + kind.plural() + "/"
            + URLEncoder.encode(kind.id(saved.record()), StandardCharsets.UTF_8)))
        .eTag(etag(saved.version())).body(saved.record());
  }

  private <T> ResponseEntity<T> put(RecordKind<T> kind, String caseId, String id, String ifMatch,
      byte[] body) {
    return tagged(cases.save(kind, caseId, record(body, id), false, version(ifMatch)));
  }

  private ResponseEntity<Void> delete(RecordKind<?> kind, String caseId, String id, String ifMatch) {
    cases.delete(kind, caseId, id, version(ifMatch));
    return ResponseEntity.noContent().build();
  }

  // ---- helpers -----------------------------------------------------------------------------

  /** Parses a body; with a path id, the body's id must be absent or the same. */
  private RawRecord record(byte[] body, String pathId) {
    RawRecord r = reader.readRecord("request body", new ByteArrayInputStream(body));
    if (pathId == null) {
      return r;
    }
    Object bodyId = r.values().get("id");
    if (bodyId != null && !pathId.equals(bodyId)) {
      throw new CaseFormatException(List.of(r.problem("id",
          "the body's id '" + bodyId + "' differs from the id in the path '" + pathId + "'")));
    }
    Map<String, Object> values = new HashMap<>(r.values());
    values.put("id", pathId);
    return new RawRecord(r.file(), r.line(), r.path(), values);
  }

  static final String IF_MATCH = "Replacing an existing record needs If-Match with the version"
      + " read (the ETag of GET); a different version answers 409 with the current record, none"
      + " answers 428. Creating a record through PUT needs no If-Match. The answer carries the new"
      + " version as its ETag.";

  static final String DELETE_IF_MATCH = "If-Match, when given, must name the current version.";

  private static <T> ResponseEntity<T> tagged(CaseService.Versioned<T> v) {
    return ResponseEntity.ok().eTag(etag(v.version())).body(v.record());
  }

  static String etag(long version) {
    return "\"" + version + "\"";
  }

  /** The version an If-Match header names: {@code "3"}, {@code W/"3"} or {@code 3}. */
  static Long version(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      return null;
    }
    String v = ifMatch.strip();
    if (v.startsWith("W/")) {
      v = v.substring(2);
    }
    v = v.replace("\"", "");
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new InvalidRequestException("If-Match must name a record version such as \"3\" (the ETag"
          + " of GET), got '" + ifMatch + "'");
    }
  }
}
