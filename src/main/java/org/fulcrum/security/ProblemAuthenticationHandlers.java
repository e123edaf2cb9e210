package org.fulcrum.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 as problem details, like every other error of the API. */
@Component
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
class ProblemAuthenticationHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response,
      AuthenticationException e) throws IOException {
    if (org.fulcrum.store.StoreUnavailableException.isCause(e)) {
      // the credentials could not be checked because the store (which holds the users) is down
      writeProblem(response, HttpStatus.SERVICE_UNAVAILABLE, "Store unavailable",
          "the graph store cannot be reached right now; try again shortly");
      return;
    }
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof BoundedPasswordEncoder.Busy) {
        response.setHeader("Retry-After", "1");
        write(response, HttpStatus.SERVICE_UNAVAILABLE, "Sign-in busy",
            "too many password checks are running at once; try again shortly (API tokens are not"
                + " held up by this)");
        return;
      }
    }
    if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
      // not for the web interface's own requests: the header would make the browser pop up its
      // own password dialog instead of letting the page send the user to /login
      response.setHeader("WWW-Authenticate", "Basic realm=\"Fulcrum\"");
    }
    write(response, HttpStatus.UNAUTHORIZED, "Sign-in required",
        "sign in with HTTP Basic (user and password) or a personal API token (Authorization: Bearer ...)"
            + (e.getMessage() == null ? "" : ": " + e.getMessage()));
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    if (e instanceof CsrfException) {
      write(response, HttpStatus.FORBIDDEN, "Missing or stale CSRF token",
          "a request signed in by the browser's session must send the XSRF-TOKEN cookie's value in"
              + " the X-XSRF-TOKEN header; reload the page to get a fresh one (requests with"
              + " Basic or Bearer credentials need no token)");
      return;
    }
    write(response, HttpStatus.FORBIDDEN, "Not allowed",
        "your role does not allow " + request.getMethod() + " " + request.getRequestURI()
            + " (viewers read and run analyses; analysts also change cases; admins also delete cases"
            + " and manage users)");
  }

  void write(HttpServletResponse response, HttpStatus status, String title, String detail)
      throws IOException {
    writeProblem(response, status, title, detail);
  }

  private static void writeProblem(HttpServletResponse response, HttpStatus status, String title, String detail)
      throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.getOutputStream().write(JSON.writeValueAsBytes(problem));
  }
}
