package org.fulcrum.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.fulcrum.cases.CaseNotFoundException;
import org.fulcrum.cases.CaseService;
import org.fulcrum.cases.RecordInUseException;
import org.fulcrum.error.InvalidRequestException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Users, their passwords and API tokens, and case restrictions: the rules (user names, password
 * length, the last admin, who may be named) in front of {@link UserStore} and {@link CaseAccess}.
 */
@Service
@ConditionalOnWebApplication
class UserService {

  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
  static final int PASSWORD_MIN = 12;

  private final UserStore users;
  private final PasswordEncoder encoder;
  private final CaseAccess access;
  private final CaseService cases;
  private final SecurityAudit audit;

  UserService(UserStore users, PasswordEncoder encoder, CaseAccess access, CaseService cases,
      SecurityAudit audit) {
    this.users = users;
    this.encoder = encoder;
    this.access = access;
    this.cases = cases;
    this.audit = audit;
  }

  /** A token as issued: the token itself is in this answer only. */
  record IssuedToken(String id, String name, String token) {}

  List<UserStore.StoredUser> list() {
    return users.list();
  }

  UserStore.StoredUser find(String username) {
    return users.find(username).orElseThrow(() -> noUser(username));
  }

  Role create(String username, String password, String role) {
    if (username == null || !USERNAME.matcher(username).matches()) {
      throw new InvalidRequestException("username: 1-64 letters, digits, '.', '_', '@' or '-', starting"
          + " with a letter or digit");
    }
    Role parsed = Role.parse(role == null ? "" : role);
    checkPassword(password);
    if (!users.create(username, encoder.encode(password), parsed)) {
      throw new RecordInUseException("user '" + username + "' exists (user names are compared without"
          + " regard to case)", List.of());
    }
    audit.record("user-create", null, username, null, parsed.label());
    return parsed;
  }

  /** Gives a user another role; the last admin keeps theirs (409). */
  Role changeRole(String username, String role) {
    Role parsed = Role.parse(role == null ? "" : role);
    String before = users.find(username).map(u -> u.role().label()).orElse(null);
    switch (users.setRole(username, parsed)) {
      case NO_SUCH_USER -> throw noUser(username);
      case LAST_ADMIN -> throw new RecordInUseException("'" + username + "' is the last admin; make another"
          + " admin first", List.of());
      case DONE -> audit.record("user-role", null, username, before, parsed.label());
    }
    return parsed;
  }

  /** Deletes a user and their tokens; the last admin stays (409). */
  void delete(String username) {
    switch (users.delete(username)) {
      case NO_SUCH_USER -> throw noUser(username);
      case LAST_ADMIN -> throw new RecordInUseException("'" + username + "' is the last admin and cannot be"
          + " deleted", List.of());
      case DONE -> audit.record("user-delete", null, username, null, null);
    }
  }

  void changePassword(String username, String current, String password) {
    var user = users.find(username).orElseThrow();
    if (current == null || !encoder.matches(current, user.passwordHash())) {
      throw new InvalidRequestException("current: not your current password");
    }
    checkPassword(password);
    long revoked = users.setPassword(user.username(), encoder.encode(password));
    audit.record("user-password", null, user.username(), null, revoked + " API token(s) revoked");
  }

  IssuedToken issueToken(String username, String name) {
    String label = name == null || name.isBlank() ? "token" : name.strip();
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    String token = ApiTokenFilter.PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    return new IssuedToken(users.addToken(username, label, token), label, token);
  }

  List<UserStore.TokenInfo> tokens(String username) {
    return users.tokens(username);
  }

  void revokeToken(String username, String id) {
    if (!users.revokeToken(username, id)) {
      throw new CaseNotFoundException("you have no token '" + id + "'");
    }
  }

  /** The users a case is restricted to; empty means every signed-in user. */
  List<String> restriction(String caseId) {
    cases.summary(caseId);
    return access.restriction(caseId);
  }

  /** Restricts a case to the named users (each must exist); an empty list opens it. */
  List<String> restrict(String caseId, List<String> usernames) {
    cases.summary(caseId);
    List<String> named = usernames == null ? List.of() : usernames.stream().map(String::strip).distinct().toList();
    for (String u : named) {
      if (users.find(u).isEmpty()) {
        throw new InvalidRequestException("users: no user '" + u + "'");
      }
    }
    List<String> before = access.restriction(caseId);
    access.restrict(caseId, named);
    audit.record("case-access", caseId, null, describe(before), describe(named));
    return named;
  }

  /** How an access change reads in the audit: the users named, or that every user may see it. */
  private static String describe(List<String> named) {
    return named.isEmpty() ? "every signed-in user" : String.join(", ", named);
  }

  /** The access changes, newest first (see {@link SecurityAudit}). */
  List<SecurityAudit.Event> audit(String caseId, String user, Integer limit) {
    int n = limit == null ? 100 : limit;
    if (n < 1 || n > 10_000) {
      throw new InvalidRequestException("limit: a whole number from 1 to 10000, got " + n);
    }
    return audit.list(caseId, user, n);
  }

  /** A case's access changes, newest first. */
  List<SecurityAudit.Event> accessHistory(String caseId, Integer limit) {
    cases.summary(caseId);
    return audit(caseId, null, limit);
  }

  private static CaseNotFoundException noUser(String username) {
    return new CaseNotFoundException("no user '" + username + "'");
  }

  private static void checkPassword(String password) {
    if (password == null || password.length() < PASSWORD_MIN) {
      throw new InvalidRequestException("password: at least " + PASSWORD_MIN + " characters");
    }
  }
}
