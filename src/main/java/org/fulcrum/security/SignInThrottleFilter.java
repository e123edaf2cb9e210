package org.fulcrum.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies {@link SignInThrottle} to the two ways of signing in with a password: an HTTP Basic
 * header, and the sign-in form's {@code POST /login}. A blocked sign-in is answered 429 with
 * {@code Retry-After} before its password is checked; after the check, the outcome is counted (a
 * 401, or the form's redirect to {@code /login?error}, is a failure; a store outage, 503, is
 * neither). Personal API tokens are not throttled: they are 256 random bits, not guessable.
 */
class SignInThrottleFilter extends OncePerRequestFilter {

  private final SignInThrottle throttle;
  private final ProblemAuthenticationHandlers problems;

  SignInThrottleFilter(SignInThrottle throttle, ProblemAuthenticationHandlers problems) {
    this.throttle = throttle;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean form = "POST".equals(request.getMethod())
        && request.getRequestURI().substring(request.getContextPath().length()).equals("/login");
    String user = form ? request.getParameter("username") : basicUser(request);
    if (user == null || user.isBlank()) {
      chain.doFilter(request, response);
      return;
    }
    String address = request.getRemoteAddr();
    Duration wait = throttle.waitFor(user, address);
    if (!wait.isZero()) {
      long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
      response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
      problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "Too many failed sign-ins",
          "too many wrong passwords for '" + user + "' or from this address; try again in " + seconds
              + " s (the wait doubles with each further failure, up to 5 minutes)");
      return;
    }
    chain.doFilter(request, response);
    if (form) {
      String location = response.getHeader(HttpHeaders.LOCATION);
      if (location != null && location.contains("/login?error")) {
        throttle.failed(user, address);
      } else if (response.getStatus() == HttpStatus.FOUND.value()) {
        throttle.succeeded(user, address);
      }
    } else if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
      throttle.failed(user, address);
    } else if (response.getStatus() < 500) {
      throttle.succeeded(user, address);
    }
  }

  /** The user name of an HTTP Basic header, or null. */
  static String basicUser(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()),
          StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? null : decoded.substring(0, colon);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
