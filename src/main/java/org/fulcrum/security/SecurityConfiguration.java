package org.fulcrum.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.fulcrum.cases.CurrentUser;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * Who may do what over HTTP. Everything but {@code /actuator/health}, the sign-in page and the web
 * interface's static files needs a signed-in user: HTTP Basic with a stored user's password,
 * {@code Authorization: Bearer <token>} with a personal API token, when an OpenID Connect provider
 * is configured a bearer access token it issued (roles from its {@code roles} claim: see
 * {@link OidcRoles}), or, in the browser, the session the sign-in form at {@code /login} opens.
 * Viewers read and run analyses (including the POST analyses, which write nothing); analysts also
 * write cases; admins also delete cases and manage users.
 *
 * <p>API clients stay stateless: a request that carries an {@code Authorization} header opens no
 * session and needs no CSRF token. The browser's session cookie is an ambient credential, so
 * every request that relies on it and changes something must echo the {@code XSRF-TOKEN} cookie
 * in the {@code X-XSRF-TOKEN} header (the web interface does; see {@code static/ui/api.js}).
 */
@Configuration
@ConditionalOnWebApplication
class SecurityConfiguration {

  /** POST endpoints that only read: analyses, not changes. */
  static final String[] READ_ONLY_POSTS = {"/api/cases/*/what-if", "/api/cases/*/engagement-plan",
      "/api/cases/*/red-team"};

  @Bean
  SecurityFilterChain api(HttpSecurity http, UserStore users, ProblemAuthenticationHandlers problems,
      ObjectProvider<JwtDecoder> oidc, @Value("${fulcrum.security.oidc.role-claim:roles}") String roleClaim,
      @Value("${fulcrum.security.oidc.name-claim:preferred_username}") String nameClaim,
      @Value("${fulcrum.security.sign-in.backoff-base:1s}") Duration backoffBase,
      @Value("${fulcrum.security.sign-in.backoff-max:5m}") Duration backoffMax) throws Exception {
    // not a bean: a Filter bean would also be registered with the servlet container, outside the chain
    ApiTokenFilter tokens = new ApiTokenFilter(users, problems);
    SignInThrottleFilter throttle =
        new SignInThrottleFilter(new SignInThrottle(backoffBase, backoffMax), problems);
    // a request with its own credentials is signed in by them alone, never by a session cookie it
    // also carries: a wrong password or an unknown token is a 401 even beside a valid session
    http.securityContext(context -> context.securityContextRepository(new CredentialsOrSession()));
    http.authorizeHttpRequests(auth -> auth
            .requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
            .requestMatchers(HttpMethod.GET, "/login", "/ui/**", "/webjars/**", "/favicon.svg").permitAll()
            .requestMatchers("/api/users/me", "/api/users/me/**").authenticated()
            .requestMatchers("/api/users", "/api/users/**").hasRole(Role.ADMIN.name())
            .requestMatchers("/actuator/prometheus").hasRole(Role.ADMIN.name())
            .requestMatchers("/api/audit", "/api/audit/**").hasRole(Role.ADMIN.name())
            .requestMatchers(HttpMethod.DELETE, "/api/cases/*").hasRole(Role.ADMIN.name())
            .requestMatchers(HttpMethod.GET, "/**").hasRole(Role.VIEWER.name())
            .requestMatchers(HttpMethod.POST, READ_ONLY_POSTS).hasRole(Role.VIEWER.name())
            .requestMatchers(HttpMethod.POST, "/**").hasRole(Role.ANALYST.name())
            .requestMatchers(HttpMethod.PUT, "/**").hasRole(Role.ANALYST.name())
            .requestMatchers(HttpMethod.DELETE, "/**").hasRole(Role.ANALYST.name())
            .anyRequest().authenticated())
        // Basic sign-in lasts one request: it must not open a session (and with it a cookie)
        .httpBasic(basic -> basic.authenticationEntryPoint(problems)
            .securityContextRepository(new RequestAttributeSecurityContextRepository()))
        .addFilterBefore(tokens, BasicAuthenticationFilter.class)
        // before the form's sign-in filter, which comes before Basic's
        .addFilterBefore(throttle, UsernamePasswordAuthenticationFilter.class)
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false)
            .failureUrl("/login?error").permitAll())
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
        // sessions as Spring Security makes them by default: only the sign-in form opens one
        // (no sessionManagement() here: naming a creation policy adds a filter that would copy
        // every Basic or token sign-in into a new session)
        .csrf(csrf -> csrf.spa().ignoringRequestMatchers(SecurityConfiguration::cannotRideOnACookie))
        // only pages are remembered for after sign-in: an API 401 must not open a session
        .requestCache(cache -> cache.requestCache(pageRequestCache()))
        .exceptionHandling(e -> e
            .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                SecurityConfiguration::isPageRequest)
            .defaultAuthenticationEntryPointFor(problems, AnyRequestMatcher.INSTANCE)
            .accessDeniedHandler(problems));
    if (oidc.getIfAvailable() != null) {
      // an OpenID Connect provider is configured (spring.security.oauth2.resourceserver.jwt.*):
      // its access tokens are accepted too; Fulcrum's own tokens never go to the JWT decoder
      DefaultBearerTokenResolver standard = new DefaultBearerTokenResolver();
      http.oauth2ResourceServer(o -> o
          .bearerTokenResolver(request -> {
            String token = standard.resolve(request);
            return token == null || token.startsWith(ApiTokenFilter.PREFIX) ? null : token;
          })
          .jwt(jwt -> jwt.jwtAuthenticationConverter(new OidcRoles(roleClaim, nameClaim)))
          .authenticationEntryPoint(problems)
          .accessDeniedHandler(problems));
    }
    return http.build();
  }

  /**
   * A request that brings its own credentials, so no cookie can have been borrowed for it: an
   * {@code Authorization} header of the Basic or Bearer scheme with a value. Any other header
   * ({@code Foo}, {@code Negotiate x}, an empty {@code Basic}) is not a credential Fulcrum checks,
   * so such a request is treated as the session's, CSRF check included. A request with credentials
   * is signed in by them only ({@link CredentialsOrSession}): if they are wrong it is a 401, so
   * skipping the CSRF check for it lets nothing ride on a cookie.
   */
  static boolean carriesCredentials(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null) {
      return false;
    }
    String value = header.strip();
    for (String scheme : new String[] {"Basic ", "Bearer "}) {
      if (value.regionMatches(true, 0, scheme, 0, scheme.length())
          && !value.substring(scheme.length()).isBlank()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Where a request's sign-in comes from: a request that {@linkplain #carriesCredentials carries
   * credentials} is signed in for itself only (the session is neither read nor written); any
   * other request uses the session, as Spring Security does by default.
   */
  static final class CredentialsOrSession implements SecurityContextRepository {
    private final SecurityContextRepository perRequest = new RequestAttributeSecurityContextRepository();
    private final SecurityContextRepository session = new DelegatingSecurityContextRepository(
        new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

    private SecurityContextRepository of(HttpServletRequest request) {
      return carriesCredentials(request) ? perRequest : session;
    }

    @Override
    @SuppressWarnings("deprecation")
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
      return of(holder.getRequest()).loadContext(holder);
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
      return of(request).loadDeferredContext(request);
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
      of(request).saveContext(context, request, response);
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
      return of(request).containsContext(request);
    }
  }

  /**
   * A request a cross-site page could not have sent on the user's behalf: it brings its own
   * credentials, or it has no session to borrow (then it is answered 401 like any API call). The
   * sign-in form's post is always checked, so no other site can sign a user into its account.
   */
  static boolean cannotRideOnACookie(HttpServletRequest request) {
    if (carriesCredentials(request)) {
      return true;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return request.getRequestedSessionId() == null && !path.equals("/login");
  }

  /**
   * A browser navigating to a page (sent to the sign-in form when not signed in), as opposed to
   * an API call (answered 401 with a problem detail).
   */
  static boolean isPageRequest(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return HttpMethod.GET.matches(request.getMethod()) && !carriesCredentials(request)
        && !"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))
        && !path.startsWith("/api/") && !path.startsWith("/actuator/") && !path.startsWith("/v3/");
  }

  private static HttpSessionRequestCache pageRequestCache() {
    HttpSessionRequestCache cache = new HttpSessionRequestCache();
    cache.setRequestMatcher(SecurityConfiguration::isPageRequest);
    return cache;
  }

  @Bean
  static RoleHierarchy roleHierarchy() {
    return RoleHierarchyImpl.fromHierarchy("ROLE_ADMIN > ROLE_ANALYST\nROLE_ANALYST > ROLE_VIEWER");
  }

  /** Bcrypt, with a bound on how many checks run at once: see {@link BoundedPasswordEncoder}. */
  @Bean
  PasswordEncoder passwordEncoder(@Value("${fulcrum.security.password-checks:0}") int permits,
      @Value("${fulcrum.security.password-check-wait:10s}") Duration wait) {
    return new BoundedPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder(),
        permits > 0 ? permits : BoundedPasswordEncoder.defaultPermits(), wait);
  }

  @Bean
  UserDetailsService users(UserStore store) {
    return username -> store.find(username)
        .map(u -> User.withUsername(u.username()).password(u.passwordHash())
            .authorities(List.of(new SimpleGrantedAuthority(u.role().authority()))).build())
        .orElseThrow(() -> new UsernameNotFoundException(username));
  }

  /** The history's author: the signed-in user. */
  @Bean
  CurrentUser currentUser() {
    return () -> {
      Authentication auth = SecurityContextHolder.getContext().getAuthentication();
      return auth == null || !auth.isAuthenticated() ? Optional.empty() : Optional.ofNullable(auth.getName());
    };
  }
}
