package org.fulcrum.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Users, their passwords and API tokens, and which users may see a restricted case. */
@RestController
@ConditionalOnWebApplication
@Tag(name = "Users and access", description = "Users (admin), your password and API tokens, case restrictions")
class UserController {

  private final UserService users;

  UserController(UserService users) {
    this.users = users;
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
      + " the password needs at least " + UserService.PASSWORD_MIN + " characters.")
  @PostMapping("/api/users")
  ResponseEntity<UserView> create(@RequestBody NewUser body) {
    NewUser user = body == null ? new NewUser(null, null, null) : body;
    Role role = users.create(user.username(), user.password(), user.role());
    return ResponseEntity.created(URI.create("/api/users/" + user.username()))
        .body(new UserView(user.username(), role.label()));
  }

  @Operation(summary = "Change a user's role (admin)")
  @PutMapping("/api/users/{username}/role")
  UserView role(@PathVariable String username, @RequestBody RoleChange body) {
    return new UserView(username, users.changeRole(username, body == null ? null : body.role()).label());
  }

  @Operation(summary = "Delete a user and their tokens (admin)")
  @DeleteMapping("/api/users/{username}")
  ResponseEntity<Void> delete(@PathVariable String username) {
    users.delete(username);
    return ResponseEntity.noContent().build();
  }

  // ---- you ---------------------------------------------------------------------------------

  @Operation(summary = "Who you are signed in as")
  @GetMapping("/api/users/me")
  UserView me(Authentication auth) {
    return UserView.of(users.find(auth.getName()));
  }

  @Operation(summary = "Change your password", description = "body: {current, password}")
  @PutMapping("/api/users/me/password")
  ResponseEntity<Void> password(Authentication auth, @RequestBody PasswordChange body) {
    PasswordChange change = body == null ? new PasswordChange(null, null) : body;
    users.changePassword(auth.getName(), change.current(), change.password());
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "Make a personal API token", description = "The token is in this answer only;"
      + " send it as Authorization: Bearer <token>. It acts with your role.")
  @PostMapping("/api/users/me/tokens")
  ResponseEntity<IssuedToken> token(Authentication auth, @RequestBody(required = false) NewToken body) {
    var issued = users.issueToken(auth.getName(), body == null ? null : body.name());
    return ResponseEntity.status(201).body(new IssuedToken(issued.id(), issued.name(), issued.token(),
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
    users.revokeToken(auth.getName(), id);
    return ResponseEntity.noContent().build();
  }

  // ---- case access -------------------------------------------------------------------------

  @Operation(summary = "Who may see a case")
  @GetMapping("/api/cases/{caseId}/access")
  Access access(@PathVariable String caseId) {
    return describe(caseId, users.restriction(caseId));
  }

  @Operation(summary = "Restrict a case to named users (analyst)", description = "body: {users: [...]};"
      + " an empty list opens the case to every signed-in user. Admins always see every case; anyone"
      + " else not named gets 404 for it.")
  @PutMapping("/api/cases/{caseId}/access")
  Access restrict(@PathVariable String caseId, @RequestBody AccessChange body, Authentication auth) {
    return describe(caseId, users.restrict(caseId, body == null ? null : body.users()));
  }

  @Operation(summary = "A case's access changes, newest first",
      description = "Who restricted or opened the case, when, and the users named before and after.")
  @GetMapping("/api/cases/{caseId}/access/history")
  List<SecurityAudit.Event> accessHistory(@PathVariable String caseId,
      @RequestParam(required = false) Integer limit) {
    return users.accessHistory(caseId, limit);
  }

  @Operation(summary = "The security audit (admin)", description = "Every access change, newest first:"
      + " case restrictions (case-access), users created, re-roled or deleted (user-create, user-role,"
      + " user-delete), passwords changed (user-password, with the tokens that revoked). caseId and"
      + " user filter; limit 1-10000, default 100.")
  @GetMapping("/api/audit")
  List<SecurityAudit.Event> audit(@RequestParam(required = false) String caseId,
      @RequestParam(required = false) String user, @RequestParam(required = false) Integer limit) {
    return users.audit(caseId, user, limit);
  }

  private static Access describe(String caseId, List<String> named) {
    return new Access(caseId, named, named.isEmpty() ? "every signed-in user may see the case"
        : "only " + String.join(", ", named) + " (and admins) may see the case; others get 404");
  }
}
