package org.fulcrum.web;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.stream.Collectors;
import org.fulcrum.bind.ParameterProblems;
import org.fulcrum.casefile.CaseFormatException;
import org.fulcrum.casefile.CaseTooLargeException;
import org.fulcrum.casefile.JsonCaseReader;
import org.fulcrum.cases.ConcurrentChangeException;
import org.fulcrum.cases.RecordInUseException;
import org.fulcrum.cases.UnreadableRecordException;
import org.fulcrum.cases.VersionConflictException;
import org.fulcrum.error.ConflictException;
import org.fulcrum.error.InvalidRequestException;
import org.fulcrum.error.NotFoundException;
import org.fulcrum.error.WorkBudgetExceededException;
import org.fulcrum.store.StoreUnavailableException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error the API gives is an RFC 9457 problem: a status, a title, a detail that says what was
 * wrong and what was expected, and for bad input the full list of problems. No stack trace leaves
 * the server; unexpected failures carry a reference to the server log instead.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  @ExceptionHandler
  ProblemDetail invalidCase(CaseFormatException e) {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        e.problems().size() + " problem(s) in the input; nothing was written");
    problem.setTitle("Invalid input");
    problem.setProperty("errors", e.problems());
    return problem;
  }

  /** A zip that would inflate past a cap: 413 naming the cap; nothing was written. */
  @ExceptionHandler
  ProblemDetail caseTooLarge(CaseTooLargeException e) {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
        e.problems().get(0).message());
    problem.setTitle("Input too large");
    problem.setProperty("limit", e.limit());
    problem.setProperty("value", e.value());
    problem.setProperty("errors", e.problems());
    return problem;
  }

  /** An analysis past its time budget, or cancelled: 503, with the message saying what to ask for. */
  @ExceptionHandler
  ResponseEntity<ProblemDetail> workBudget(WorkBudgetExceededException e) {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    problem.setTitle(e.cancelled() ? "Analysis cancelled" : "Analysis took too long");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(problem);
  }

  /**
   * A password could not be hashed or checked inside a request (creating a user, changing a
   * password) because every bounded bcrypt slot stayed busy: 503, try again, not a server fault.
   */
  @ExceptionHandler
  ResponseEntity<ProblemDetail> passwordChecksBusy(AuthenticationServiceException e) {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
        "the password could not be checked right now (" + e.getMessage() + ")");
    problem.setTitle("Sign-in busy");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
        .body(problem);
  }

  @ExceptionHandler
  ProblemDetail notFound(NotFoundException e) {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setTitle("Not found");
    return problem;
  }

  @ExceptionHandler
  ProblemDetail conflict(ConflictException e) {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    problem.setTitle("Conflict");
    if (e instanceof RecordInUseException inUse) {
      problem.setProperty("conflicts", inUse.conflicts());
    }
    if (e instanceof UnreadableRecordException unreadable) {
      problem.setTitle("Unreadable record");
      problem.setProperty("record", unreadable.kind() + " " + unreadable.recordId());
      problem.setProperty("field", unreadable.field());
      problem.setProperty("found", unreadable.found());
      problem.setProperty("expected", unreadable.expected());
    }
    return problem;
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> versionConflict(VersionConflictException e) {
    HttpStatus status = e.versionMissing() ? HttpStatus.PRECONDITION_REQUIRED : HttpStatus.CONFLICT;
    var problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
    problem.setTitle(e.versionMissing() ? "Version required" : "Changed by someone else");
    problem.setProperty("currentVersion", e.currentVersion());
    problem.setProperty("current", e.current());
    var answer = ResponseEntity.status(status);
    if (e.currentVersion() != null) {
      answer.eTag("\"" + e.currentVersion() + "\"");
    }
    return answer.body(problem);
  }

  @ExceptionHandler
  ProblemDetail invalidRequest(InvalidRequestException e) {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Invalid request");
    return problem;
  }

  /** A query parameter that does not convert: {@code k must be a whole number, got 'abc'}. */
  @ExceptionHandler
  ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        ParameterProblems.mismatch(e.getName(), e.getValue(), e.getRequiredType(), e.getCause()));
    problem.setTitle("Invalid request");
    return problem;
  }

  @ExceptionHandler({StoreUnavailableException.class, ServiceUnavailableException.class,
      TransientDataAccessResourceException.class})
  ProblemDetail storeDown(Exception e) {
    if (ConcurrentChangeException.isCollision(e)) {
      // a deadlock or lock timeout outside the retried writes: the store is fine, the request collided
      return conflict(new ConflictException("the request collided with concurrent changes to the same"
          + " records (Neo4j: " + e.getMessage() + "); nothing was written; try again"));
    }
    log.warn("Graph store unavailable: {}", e.getMessage());
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
        "the graph store cannot be reached right now; try again shortly");
    problem.setTitle("Store unavailable");
    return problem;
  }

  /**
   * A request body that cannot be read. A field the body's type does not have is named with the
   * fields it does have ({@code spring.jackson.deserialization.fail-on-unknown-properties}), so a
   * misspelt {@code "budjet"} is refused instead of silently ignored.
   */
  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String detail = "the request body could not be read as JSON of the expected shape";
    String duplicate = null;
    for (Throwable c = e.getCause(); c != null && duplicate == null; c = c.getCause()) {
      duplicate = c instanceof JacksonException jackson ? JsonCaseReader.duplicateKey(jackson) : null;
    }
    if (duplicate != null) {
      detail = "duplicate key '" + duplicate + "' in the request body: each key may appear once in"
          + " an object";
    } else if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
      detail = "unknown field '" + unknown.getPropertyName() + "' in the request body; expected one of "
          + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted()
              .collect(Collectors.joining(", "));
    }
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setTitle("Invalid request");
    return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
  }

  @ExceptionHandler
  ProblemDetail unexpected(Exception e) {
    if (storeUnreachable(e)) {
      // e.g. the transaction manager's "could not open a new Neo4j session" around the driver's
      // ServiceUnavailableException: the store is down, not the server broken
      return storeDown(e);
    }
    // not the client's mistake, whatever the exception's type: a plain IllegalArgumentException
    // here is a broken invariant (client errors are InvalidRequestException, handled above)
    String reference = reference();
    log.error("Unexpected error, reference {}", reference, e);
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
        "an unexpected error occurred; the server log has the details under reference " + reference);
    problem.setTitle("Internal error");
    problem.setProperty("reference", reference);
    return problem;
  }

  /** Eight hex digits: short enough to read out over the phone, enough to find the log line. */
  static String reference() {
    return HexFormat.of().toHexDigits(RANDOM.nextInt());
  }

  static boolean storeUnreachable(Throwable e) {
    return StoreUnavailableException.isCause(e);
  }
}
