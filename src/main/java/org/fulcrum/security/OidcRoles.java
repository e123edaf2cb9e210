package org.fulcrum.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns an OpenID Connect access token into a Fulcrum sign-in: the user is the token's
 * {@code preferred_username} (or {@code sub}), the role the highest Fulcrum role label (viewer,
 * analyst, admin) found in its {@code roles} claim, a string or a list. A token with no Fulcrum role
 * signs in but may do nothing (403). The claim names are {@code fulcrum.security.oidc.role-claim}
 * and {@code fulcrum.security.oidc.name-claim}.
 */
final class OidcRoles implements Converter<Jwt, AbstractAuthenticationToken> {

  private final String roleClaim;
  private final String nameClaim;

  OidcRoles(String roleClaim, String nameClaim) {
    this.roleClaim = roleClaim;
    this.nameClaim = nameClaim;
  }

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    Object claim = jwt.getClaims().get(roleClaim);
    List<String> labels = new ArrayList<>();
    if (claim instanceof Collection<?> values) {
      values.forEach(v -> labels.add(String.valueOf(v)));
    } else if (claim != null) {
      labels.add(String.valueOf(claim));
    }
    Role best = null;
    for (String label : labels) {
      for (Role r : Role.values()) {
        if (r.label().equals(label) && (best == null || r.ordinal() > best.ordinal())) {
          best = r;
        }
      }
    }
    List<GrantedAuthority> authorities = best == null ? List.of()
        : List.of(new SimpleGrantedAuthority(best.authority()));
    String name = jwt.getClaimAsString(nameClaim);
    return new JwtAuthenticationToken(jwt, authorities, name == null ? jwt.getSubject() : name);
  }
}
