package org.fulcrum.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in a request that carries {@code Authorization: Bearer fulcrum_...}, a personal API token,
 * as the token's owner with the owner's current role. An unknown or revoked token is a 401.
 */
class ApiTokenFilter extends OncePerRequestFilter {

  static final String PREFIX = "fulcrum_";

  private final UserStore users;
  private final ProblemAuthenticationHandlers problems;

  ApiTokenFilter(UserStore users, ProblemAuthenticationHandlers problems) {
    this.users = users;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
        && header.substring(7).strip().startsWith(PREFIX)) {
      var user = users.byToken(header.substring(7).strip());
      if (user.isEmpty()) {
        SecurityContextHolder.clearContext();
        problems.commence(request, response, new BadCredentialsException("unknown or revoked API token"));
        return;
      }
      var auth = UsernamePasswordAuthenticationToken.authenticated(user.get().username(), null,
          List.of(new SimpleGrantedAuthority(user.get().role().authority())));
      SecurityContextHolder.getContext().setAuthentication(auth);
    }
    chain.doFilter(request, response);
  }
}
