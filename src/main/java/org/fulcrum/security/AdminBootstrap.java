package org.fulcrum.security;

import java.security.SecureRandom;
import java.util.Base64;
import org.fulcrum.store.SchemaMigrations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * On the first start of a store with no users, creates {@code admin}: with
 * {@code fulcrum.security.admin-password} when set, otherwise with a random password written once
 * to the log. Only the hash is stored.
 */
@Component
@ConditionalOnWebApplication
class AdminBootstrap implements InitializingBean {

  private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

  private final UserStore users;
  private final PasswordEncoder encoder;
  private final String configured;

  AdminBootstrap(UserStore users, PasswordEncoder encoder, SchemaMigrations schema,
      @Value("${fulcrum.security.admin-password:}") String configured) {
    this.users = users;
    this.encoder = encoder;
    this.configured = configured;
  }

  @Override
  public void afterPropertiesSet() {
    if (users.count() > 0) {
      return;
    }
    boolean generated = configured.isBlank();
    String password = generated ? random() : configured;
    users.create("admin", encoder.encode(password), Role.ADMIN);
    if (generated) {
      log.warn("Created the first user 'admin' with password {} . It is shown only this once and stored"
          + " only as a hash; change it with PUT /api/users/me/password.", password);
    } else {
      log.info("Created the first user 'admin' with the password from fulcrum.security.admin-password");
    }
  }

  private static String random() {
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
