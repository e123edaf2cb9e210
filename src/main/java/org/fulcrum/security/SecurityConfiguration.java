package org.fulcrum.security;

import java.util.List;
import java.util.Optional;
import org.fulcrum.cases.CurrentUser;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
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
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Who may do what over HTTP. Everything but {@code /actuator/health} needs a signed-in user: HTTP
 * Basic with a stored user's password, {@code Authorization: Bearer <token>} with a personal API
 * token, or, when an OpenID Connect provider is configured, a bearer access token it issued
 * (roles from its {@code roles} claim: see {@link OidcRoles}). Viewers read and run analyses (including the POST analyses, which write nothing); analysts
 * also write cases; admins also delete cases and manage users. The API is stateless: every request
 * carries its credentials and no session cookie is issued, so there is no ambient credential for a
 * cross-site request to ride on and CSRF protection does not apply to it.
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
      @Value("${fulcrum.security.oidc.name-claim:preferred_username}") String nameClaim) throws Exception {
    // not a bean: a Filter bean would also be registered with the servlet container, outside the chain
    ApiTokenFilter tokens = new ApiTokenFilter(users, problems);
    http.authorizeHttpRequests(auth -> auth
            .requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
            .requestMatchers("/api/users/me", "/api/users/me/**").authenticated()
            .requestMatchers("/api/users", "/api/users/**").hasRole(Role.ADMIN.name())
            .requestMatchers(HttpMethod.DELETE, "/api/cases/*").hasRole(Role.ADMIN.name())
            .requestMatchers(HttpMethod.GET, "/**").hasRole(Role.VIEWER.name())
            .requestMatchers(HttpMethod.POST, READ_ONLY_POSTS).hasRole(Role.VIEWER.name())
            .requestMatchers(HttpMethod.POST, "/**").hasRole(Role.ANALYST.name())
            .requestMatchers(HttpMethod.PUT, "/**").hasRole(Role.ANALYST.name())
            .requestMatchers(HttpMethod.DELETE, "/**").hasRole(Role.ANALYST.name())
            .anyRequest().authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint(problems))
        .addFilterBefore(tokens, BasicAuthenticationFilter.class)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .formLogin(form -> form.disable())
        .logout(logout -> logout.disable());
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

  @Bean
  static RoleHierarchy roleHierarchy() {
    return RoleHierarchyImpl.fromHierarchy("ROLE_ADMIN > ROLE_ANALYST\nROLE_ANALYST > ROLE_VIEWER");
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
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
