package org.fulcrum.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fulcrum.TestStores;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An OpenID Connect provider configured with Spring Security's standard property (here a public
 * key instead of an issuer URL: the tokens are issued locally by the test, no live provider).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OidcIT {

  static final KeyPair PROVIDER = keys();
  static final KeyPair STRANGER = keys();

  static KeyPair keys() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      return g.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) throws Exception {
    Path pem = Files.createTempFile("oidc-provider", ".pem");
    Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(PROVIDER.getPublic().getEncoded())
        + "\n-----END PUBLIC KEY-----\n");
    Map<String, Object> props = new HashMap<>(TestStores.embedded(TestStores.newDataDir("oidc")));
    props.put("fulcrum.load-bundled-cases", false);
    props.put("spring.security.oauth2.resourceserver.jwt.public-key-location", "file:" + pem);
    props.forEach((k, v) -> registry.add(k, () -> v));
  }

  @LocalServerPort int port;
  final HttpClient http = HttpClient.newHttpClient();

  static String token(KeyPair key, String user, Object roles, Instant expires) throws Exception {
    var claims = new JWTClaimsSet.Builder().subject("sub-" + user).claim("preferred_username", user)
        .issueTime(new Date()).expirationTime(Date.from(expires));
    if (roles != null) {
      claims.claim("roles", roles);
    }
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
    jwt.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
    return "Bearer " + jwt.serialize();
  }

  int status(String auth, String method, String path, String body) throws Exception {
    var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body))
        .header("Content-Type", "application/json").header("Authorization", auth).build();
    return http.send(request, BodyHandlers.ofString()).statusCode();
  }

  @Test
  void providerTokensSignInWithTheirRoleAndNothingElseDoes() throws Exception {
    Instant later = Instant.now().plusSeconds(600);
    String analyst = token(PROVIDER, "olga", List.of("staff", "analyst"), later);
    String mini = Files.readString(Path.of("src/test/resources/cases/mini.json"));
    assertThat(status(analyst, "POST", "/api/cases", mini)).isEqualTo(201);
    assertThat(status(analyst, "GET", "/api/cases/mini/paths?from=usa&to=militia", null)).isEqualTo(200);
    String viewer = token(PROVIDER, "victor", "viewer", later);
    assertThat(status(viewer, "GET", "/api/cases", null)).isEqualTo(200);
    assertThat(status(viewer, "POST", "/api/cases", mini)).isEqualTo(403);
    assertThat(status(token(PROVIDER, "nora", null, later), "GET", "/api/cases", null))
        .as("no Fulcrum role").isEqualTo(403);
    assertThat(status(token(PROVIDER, "olga", "analyst", Instant.now().minusSeconds(600)), "GET", "/api/cases", null))
        .as("expired").isEqualTo(401);
    assertThat(status(token(STRANGER, "olga", "admin", later), "GET", "/api/cases", null))
        .as("signed by someone else").isEqualTo(401);
    // the stored admin and Fulcrum's own API tokens keep working beside the provider
    assertThat(status(TestStores.admin(), "GET", "/api/cases", null)).isEqualTo(200);
  }
}
