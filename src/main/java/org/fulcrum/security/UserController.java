package org.fulcrum.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.fulcrum.cases.CaseNotFoundException;
import org.fulcrum.cases.CaseService;
import org.fulcrum.cases.RecordInUseException;
import org.fulcrum.error.InvalidRequestException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Users, their passwords and API tokens, and which users may see a restricted case. */
@RestController
@ConditionalOnWebApplication
@Tag(name = "Users and access", description = "Users (admin), your password and API tokens, case restrictions")
class UserController {

  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
  static final int PASSWORD_MIN = 12;

  private final UserStore users;
  private final PasswordEncoder encoder;
  private final CaseAccess access;
  private final CaseService cases;

  UserController(UserStore users, PasswordEncoder encoder, CaseAccess access, CaseService cases) {
    this.users = users;
    this.encoder = encoder;
    this.access = access;
    this.cases = cases;
  }

  record UserView(String username, String role) {
    static UserView of(UserStore.StoredUser u) {
      return new UserView(u.username(), u.role().label());
    }
  }

  record NewUser(String username, String password, String role) {}

  record RoleChange(String role) {}

  record PasswordChange(String current, String password) {}

  record NewToken(String name) {}

  record IssuedToken(String id, String name, String token, String note) {}

  record Access(String caseId, List<String> users, String explanation) {}

  record AccessChange(List<String> users) {}

  // ---- admin -------------------------------------------------------------------------------

  @Operation(summary = "List users (admin)")
  @GetMapping("/api/users")
  List<UserView> list() {
    return users.list().stream().map(UserView::of).toList();
  }

  @Operation(summary = "Create a user (admin)", description = "role: viewer, analyst or admin;"
      + " the password needs at least " + PASSWORD_MIN + " characters.")
  @PostMapping("/api/users")
  ResponseEntity<UserView> create(@RequestBody NewUser body) {
    if (body == null || body.username() == null || !USERNAME.matcher(body.username()).matches()) {
      throw new InvalidRequestException("username: 1-64 letters, digits, '.', '_', '@' or '-', starting"
          + " with a letter or digit");
    }
    Role role = Role.parse(body.role() == null ? "" : body.role());
    checkPassword(body.password());
    if (!users.create(body.username(), encoder.encode(body.password()), role)) {
      throw new RecordInUseException("user '" + body.username() + "' exists", List.of());
    }
    return ResponseEntity.created(URI.create("/api/users/" + body.username()))
        .body(new UserView(body.username(), role.label()));
  }

  @Operation(summary = "Change a user's role (admin)")
  @PutMapping("/api/users/{username}/role")
  UserView role(@PathVariable String username, @RequestBody RoleChange body) {
    Role role = Role.parse(body == null || body.role() == null ? "" : body.role());
    switch (users.setRole(username, role)) {
      case NO_SUCH_USER -> throw noUser(username);
      case LAST_ADMIN -> throw new RecordInUseException("'" + username + "' is the last admin; make another"
          + " admin first", List.of());
      case DONE -> { }
    }
    return new UserView(username, role.label());
  }

  @Operation(summary = "Delete a user and their tokens (admin)")
  @DeleteMapping("/api/users/{username}")
  ResponseEntity<Void> delete(@PathVariable String username) {
    switch (users.delete(username)) {
      case NO_SUCH_USER -> throw noUser(username);
      case LAST_ADMIN -> throw new RecordInUseException("'" + username + "' is the last admin and cannot be"
          + " deleted", List.of());
      case DONE -> { }
    }
    return ResponseEntity.noContent().build();
  }

  // ---- you ---------------------------------------------------------------------------------

  @Operation(summary = "Who you are signed in as")
  @GetMapping("/api/users/me")
  UserView me(Authentication auth) {
    return users.find(auth.getName()).map(UserView::of).orElseThrow(() -> noUser(auth.getName()));
  }

  @Operation(summary = "Change your password", description = "body: {current, password}")
  @PutMapping("/api/users/me/password")
  ResponseEntity<Void> password(Authentication auth, @RequestBody PasswordChange body) {
    var user = users.find(auth.getName()).orElseThrow();
    if (body == null || body.current() == null || !encoder.matches(body.current(), user.passwordHash())) {
      throw new InvalidRequestException("current: not your current password");
    }
    checkPassword(body.password());
    users.setPassword(user.username(), encoder.encode(body.password()));
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "Make a personal API token", description = "The token is in this answer only;"
      + " send it as Authorization: Bearer <token>. It acts with your role.")
  @PostMapping("/api/users/me/tokens")
  ResponseEntity<IssuedToken> token(Authentication auth, @RequestBody(required = false) NewToken body) {
    String name = body == null || body.name() == null || body.name().isBlank() ? "token" : body.name().strip();
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    String token = ApiTokenFilter.PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    String id = users.addToken(auth.getName(), name, token);
    return ResponseEntity.status(201).body(new IssuedToken(id, name, token,
        "shown only now: Fulcrum keeps only its SHA-256"));
  }

  @Operation(summary = "Your API tokens (never the tokens themselves)")
  @GetMapping("/api/users/me/tokens")
  List<UserStore.TokenInfo> tokens(Authentication auth) {
    return users.tokens(auth.getName());
  }

  @Operation(summary = "Revoke one of your API tokens")
  @DeleteMapping("/api/users/me/tokens/{id}")
  ResponseEntity<Void> revoke(Authentication auth, @PathVariable String id) {
    if (!users.revokeToken(auth.getName(), id)) {
      throw new CaseNotFoundException("you have no token '" + id + "'");
    }
    return ResponseEntity.noContent().build();
  }

  // ---- case access -------------------------------------------------------------------------

  @Operation(summary = "Who may see a case")
  @GetMapping("/api/cases/{caseId}/access")
  Access access(@PathVariable String caseId) {
    cases.summary(caseId);
    return describe(caseId, access.restriction(caseId));
  }

  @Operation(summary = "Restrict a case to named users (analyst)", description = "body: {users: [...]};"
      + " an empty list opens the case to every signed-in user. Admins always see every case; anyone"
      + " else not named gets 404 for it.")
  @PutMapping("/api/cases/{caseId}/access")
  Access restrict(@PathVariable String caseId, @RequestBody AccessChange body, Authentication auth) {
    cases.summary(caseId);
    List<String> named = body == null || body.users() == null ? List.of()
        : body.users().stream().map(String::strip).distinct().toList();
    for (String u : named) {
      if (users.find(u).isEmpty()) {
        throw new InvalidRequestException("users: no user '" + u + "'");
      }
    }
    access.restrict(caseId, named);
    return describe(caseId, named);
  }

  private static CaseNotFoundException noUser(String username) {
    return new CaseNotFoundException("no user '" + username + "'");
  }

  private static Access describe(String caseId, List<String> named) {
    return new Access(caseId, named, named.isEmpty() ? "every signed-in user may see the case"
        : "only " + String.join(", ", named) + " (and admins) may see the case; others get 404");
  }

  private static void checkPassword(String password) {
    if (password == null || password.length() < PASSWORD_MIN) {
      throw new InvalidRequestException("password: at least " + PASSWORD_MIN + " characters");
    }
  }
}
