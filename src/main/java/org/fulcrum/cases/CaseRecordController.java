package org.fulcrum.cases;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayInputStream;
import java.net.URI;
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
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Create, read, update and delete the actors, ties, messages and sources of one case. Bodies use
 * the dataset's JSON names and are validated exactly as on import; POST creates (409 if the id is
 * taken), PUT creates or replaces the record named in the path.
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
    return cases.actors(caseId);
  }

  @Operation(summary = "One actor")
  @GetMapping("/actors/{id}")
  Actor actor(@PathVariable String caseId, @PathVariable String id) {
    return cases.actor(caseId, id);
  }

  @Operation(summary = "Create an actor")
  @PostMapping(path = "/actors", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Actor> createActor(@PathVariable String caseId, @RequestBody byte[] body) {
    Actor a = cases.saveActor(caseId, record(body, null), true);
    return created(caseId, "actors", a.id(), a);
  }

  @Operation(summary = "Create or replace an actor")
  @PutMapping(path = "/actors/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  Actor putActor(@PathVariable String caseId, @PathVariable String id, @RequestBody byte[] body) {
    return cases.saveActor(caseId, record(body, id), false);
  }

  @Operation(summary = "Delete an actor (409 while ties or messages name it)")
  @DeleteMapping("/actors/{id}")
  ResponseEntity<Void> deleteActor(@PathVariable String caseId, @PathVariable String id) {
    cases.deleteActor(caseId, id);
    return ResponseEntity.noContent().build();
  }

  // ---- ties --------------------------------------------------------------------------------

  @Operation(summary = "List a case's ties")
  @GetMapping("/ties")
  List<Tie> ties(@PathVariable String caseId) {
    return cases.ties(caseId);
  }

  @Operation(summary = "One tie")
  @GetMapping("/ties/{id}")
  Tie tie(@PathVariable String caseId, @PathVariable String id) {
    return cases.tie(caseId, id);
  }

  @Operation(summary = "Create a tie", description = "Without an id, the tie gets"
      + " source:type:target (plus :from when it has a start date).")
  @PostMapping(path = "/ties", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Tie> createTie(@PathVariable String caseId, @RequestBody byte[] body) {
    Tie t = cases.saveTie(caseId, record(body, null), true);
    return created(caseId, "ties", t.id(), t);
  }

  @Operation(summary = "Create or replace a tie")
  @PutMapping(path = "/ties/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  Tie putTie(@PathVariable String caseId, @PathVariable String id, @RequestBody byte[] body) {
    return cases.saveTie(caseId, record(body, id), false);
  }

  @Operation(summary = "Delete a tie")
  @DeleteMapping("/ties/{id}")
  ResponseEntity<Void> deleteTie(@PathVariable String caseId, @PathVariable String id) {
    cases.deleteTie(caseId, id);
    return ResponseEntity.noContent().build();
  }

  // ---- messages ----------------------------------------------------------------------------

  @Operation(summary = "List a case's messages, by date")
  @GetMapping("/messages")
  List<Message> messages(@PathVariable String caseId) {
    return cases.messages(caseId);
  }

  @Operation(summary = "One message")
  @GetMapping("/messages/{id}")
  Message message(@PathVariable String caseId, @PathVariable String id) {
    return cases.message(caseId, id);
  }

  @Operation(summary = "Create a message")
  @PostMapping(path = "/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Message> createMessage(@PathVariable String caseId, @RequestBody byte[] body) {
    Message m = cases.saveMessage(caseId, record(body, null), true);
    return created(caseId, "messages", m.id(), m);
  }

  @Operation(summary = "Create or replace a message")
  @PutMapping(path = "/messages/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  Message putMessage(@PathVariable String caseId, @PathVariable String id, @RequestBody byte[] body) {
    return cases.saveMessage(caseId, record(body, id), false);
  }

  @Operation(summary = "Delete a message")
  @DeleteMapping("/messages/{id}")
  ResponseEntity<Void> deleteMessage(@PathVariable String caseId, @PathVariable String id) {
    cases.deleteMessage(caseId, id);
    return ResponseEntity.noContent().build();
  }

  // ---- sources -----------------------------------------------------------------------------

  @Operation(summary = "List a case's sources")
  @GetMapping("/sources")
  List<Source> sources(@PathVariable String caseId) {
    return cases.sources(caseId);
  }

  @Operation(summary = "One source")
  @GetMapping("/sources/{id}")
  Source source(@PathVariable String caseId, @PathVariable String id) {
    return cases.source(caseId, id);
  }

  @Operation(summary = "Create a source")
  @PostMapping(path = "/sources", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Source> createSource(@PathVariable String caseId, @RequestBody byte[] body) {
    Source s = cases.saveSource(caseId, record(body, null), true);
    return created(caseId, "sources", s.id(), s);
  }

  @Operation(summary = "Create or replace a source")
  @PutMapping(path = "/sources/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  Source putSource(@PathVariable String caseId, @PathVariable String id, @RequestBody byte[] body) {
    return cases.saveSource(caseId, record(body, id), false);
  }

  @Operation(summary = "Delete a source (409 while records cite it)")
  @DeleteMapping("/sources/{id}")
  ResponseEntity<Void> deleteSource(@PathVariable String caseId, @PathVariable String id) {
    cases.deleteSource(caseId, id);
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

  private static <T> ResponseEntity<T> created(String caseId, String kind, String id, T body) {
    return ResponseEntity.created(URI.create("/api/cases/" + caseId + "/" + kind + "/"
        + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8))).body(body);
  }
}
