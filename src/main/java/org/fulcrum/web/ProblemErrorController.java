package org.fulcrum.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The servlet container's error page ({@code /error}), in place of Spring Boot's: an error that
 * reaches the container instead of {@link ApiExceptionHandler} (a filter's {@code sendError}, an
 * exception outside Spring MVC) is answered as a problem detail too, never as an HTML page and
 * never with the exception's text. Errors Tomcat answers before any servlet runs (a malformed URI)
 * are written by {@link ProblemErrorReportValve}.
 */
@Controller
@ConditionalOnWebApplication
class ProblemErrorController implements ErrorController {

  private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

  @RequestMapping(path = "${server.error.path:/error}")
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status = code instanceof Integer i && HttpStatus.resolve(i) != null
        ? HttpStatus.valueOf(i) : HttpStatus.INTERNAL_SERVER_ERROR;
    if (status.value() < 400) {
      status = HttpStatus.INTERNAL_SERVER_ERROR;
    }
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = uri == null ? "the request" : String.valueOf(uri);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail(status, path, request));
    problem.setTitle(status.getReasonPhrase());
    if (status.is5xxServerError()) {
      String reference = ApiExceptionHandler.reference();
      Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
      log.error("Error outside the API's handlers on {}, reference {}", path, reference,
          exception instanceof Throwable t ? t : null);
      problem.setProperty("reference", reference);
    }
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  private static String detail(HttpStatus status, String path, HttpServletRequest request) {
    return switch (status) {
      case NOT_FOUND -> "nothing is at " + path + "; the API is under /api (see /swagger-ui.html)";
      case METHOD_NOT_ALLOWED -> request.getMethod() + " is not allowed on " + path;
      case BAD_REQUEST -> "the request could not be read (a malformed URI, header or body)";
      default -> status.is5xxServerError()
          ? "an unexpected error occurred; the server log has the details under the reference"
          : status.getReasonPhrase() + " for " + path;
    };
  }
}
