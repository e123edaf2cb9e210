package org.fulcrum.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fulcrum.cases.CaseNotFoundException;
import org.fulcrum.cases.RecordInUseException;
import org.fulcrum.error.ConflictException;
import org.fulcrum.error.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Which failures are the caller's (400/404/409) and which are the server's (500 with a reference). */
@ExtendWith(OutputCaptureExtension.class)
class ApiExceptionHandlerTest {

  static final JsonMapper JSON = JsonMapper.builder().build();

  @RestController
  static class Failing {
    @GetMapping("/invalid")
    void invalid() {
      throw new InvalidRequestException("k must be a whole number, got 'abc'");
    }

    @GetMapping("/missing")
    void missing() {
      throw CaseNotFoundException.caseId("nope");
    }

    @GetMapping("/in-use")
    void inUse() {
      throw new RecordInUseException("actor 'sdn' is referred to", List.of("tie t1"));
    }

    @GetMapping("/conflict")
    void conflict() {
      throw new ConflictException("user 'vera' exists");
    }

    @GetMapping("/broken-invariant")
    void brokenInvariant() {
      throw new IllegalArgumentException("slot 13 is past the tie table");
    }

    @GetMapping("/bug")
    void bug() {
      throw new IllegalStateException("snapshot and case disagree");
    }
  }

  final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing())
      .setControllerAdvice(new ApiExceptionHandler()).build();

  record Problem(int status, JsonNode body) {}

  Problem get(String path) throws Exception {
    MvcResult result = mvc.perform(MockMvcRequestBuilders.get(path)).andReturn();
    return new Problem(result.getResponse().getStatus(),
        JSON.readTree(result.getResponse().getContentAsString()));
  }

  @Test
  void theCallersMistakesAreAnsweredWithTheirOwnMessage() throws Exception {
    Problem invalid = get("/invalid");
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.body().get("title").asString()).isEqualTo("Invalid request");
    assertThat(invalid.body().get("detail").asString()).isEqualTo("k must be a whole number, got 'abc'");

    Problem missing = get("/missing");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.body().get("detail").asString()).isEqualTo("no case with id 'nope'");

    Problem inUse = get("/in-use");
    assertThat(inUse.status()).isEqualTo(409);
    assertThat(inUse.body().get("conflicts").get(0).asString()).isEqualTo("tie t1");

    Problem conflict = get("/conflict");
    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.body().get("detail").asString()).isEqualTo("user 'vera' exists");
  }

  @Test
  void aPlainIllegalArgumentIsTheServersFaultNotTheCallers(CapturedOutput log) throws Exception {
    Problem answer = get("/broken-invariant");
    assertThat(answer.status()).isEqualTo(500);
    String reference = answer.body().get("reference").asString();
    assertThat(reference).matches("[0-9a-f]{8}");
    assertThat(answer.body().get("detail").asString()).contains(reference)
        .doesNotContain("slot 13").doesNotContain("Exception");
    assertThat(answer.body().toString()).doesNotContain("at org.fulcrum");
    assertThat(log.getOut() + log.getErr()).contains("ERROR").contains("reference " + reference)
        .contains("java.lang.IllegalArgumentException: slot 13 is past the tie table")
        .contains("at org.fulcrum.web.ApiExceptionHandlerTest$Failing.brokenInvariant");
  }

  @Test
  void everyUnexpectedFailureHasItsOwnReference() throws Exception {
    Problem first = get("/bug");
    Problem second = get("/bug");
    assertThat(first.status()).isEqualTo(500);
    assertThat(first.body().get("title").asString()).isEqualTo("Internal error");
    assertThat(first.body().get("reference").asString())
        .isNotEqualTo(second.body().get("reference").asString());
  }
}
