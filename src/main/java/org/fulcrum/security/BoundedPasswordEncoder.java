package org.fulcrum.security;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A password encoder that lets at most {@code permits} bcrypt computations run at once (by default
 * one per two cores, at least one). Bcrypt is slow on purpose, about a tenth of a second of CPU per
 * check: a flood of wrong Basic passwords would otherwise take every core, and clients signing in
 * with API tokens (a hash look-up) would wait behind it. A check that cannot start within {@code
 * wait} is not run: the request is answered 503 with {@code Retry-After} ({@link Busy}).
 */
final class BoundedPasswordEncoder implements PasswordEncoder {

  /** The password checks are all busy; the sign-in was not tried. */
  static final class Busy extends AuthenticationServiceException {
    Busy(String message) {
      super(message);
    }
  }

  private final PasswordEncoder delegate;
  private final Semaphore permits;
  private final long waitNanos;
  private final int size;

  BoundedPasswordEncoder(PasswordEncoder delegate, int permits, Duration wait) {
    if (permits < 1) {
      throw new IllegalArgumentException("fulcrum.security.password-checks must be at least 1, got " + permits);
    }
    this.delegate = delegate;
    this.permits = new Semaphore(permits, true);
    this.waitNanos = wait.toNanos();
    this.size = permits;
  }

  static int defaultPermits() {
    return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
  }

  private <T> T bounded(java.util.function.Supplier<T> work) {
    boolean acquired;
    try {
      acquired = permits.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Busy("interrupted while waiting to check the password");
    }
    if (!acquired) {
      throw new Busy("all " + size + " password checks are busy; try again shortly");
    }
    try {
      return work.get();
    } finally {
      permits.release();
    }
  }

  @Override
  public String encode(CharSequence rawPassword) {
    return bounded(() -> delegate.encode(rawPassword));
  }

  @Override
  public boolean matches(CharSequence rawPassword, String encodedPassword) {
    return bounded(() -> delegate.matches(rawPassword, encodedPassword));
  }

  @Override
  public boolean upgradeEncoding(String encodedPassword) {
    return delegate.upgradeEncoding(encodedPassword);
  }
}
