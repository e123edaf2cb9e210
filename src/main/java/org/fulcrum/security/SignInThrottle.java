package org.fulcrum.security;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Slows down password guessing. Failed sign-ins (a wrong HTTP Basic password, a wrong password on
 * the sign-in form) are counted under three keys: the user name from one client address, the
 * client address (whatever user names it tries), and the user name (from every address). Past a
 * key's free failures, each further failure blocks the key for a back-off that starts at {@code
 * base} and doubles with every failure, up to {@code max}: with the defaults, the 5th wrong
 * password in a row from one address for one user blocks that pair for 1 s, the 6th for 2 s, and
 * so on up to 5 minutes. While any of a request's keys is blocked, its password is not checked at
 * all: the answer is 429 with {@code Retry-After}.
 *
 * <table>
 *   <caption>free failures before the back-off</caption>
 *   <tr><th>key</th><th>free failures</th><th>so that</th></tr>
 *   <tr><td>user at address</td><td>{@value #PER_USER_AND_ADDRESS}</td><td>one client guessing
 *       one password is slowed at once</td></tr>
 *   <tr><td>address</td><td>{@value #PER_ADDRESS}</td><td>one client trying many user names is
 *       slowed too</td></tr>
 *   <tr><td>user</td><td>{@value #PER_USER}</td><td>many clients guessing one password are
 *       slowed, while the user, signing in from their own address, is not held up by a few
 *       strangers' failures</td></tr>
 * </table>
 *
 * <p>A successful sign-in clears its user-at-address key and its user key; the address key is only
 * forgotten {@link #FORGET_AFTER} after its last failure, so that a client with one valid account
 * cannot reset its own count between guesses at others. The counts live in this process's memory:
 * they start from zero after a restart, and each server of several counts its own. At most {@link
 * #MAX_KEYS} keys are kept; beyond that the ones quiet longest are dropped first.
 */
final class SignInThrottle {

  static final int PER_USER_AND_ADDRESS = 5;
  static final int PER_ADDRESS = 20;
  static final int PER_USER = 50;
  static final Duration FORGET_AFTER = Duration.ofMinutes(15);
  static final int MAX_KEYS = 100_000;

  private static final class Count {
    int failures;
    long lastFailureNanos;
    long blockedUntilNanos;
  }

  private final Map<String, Count> counts = new ConcurrentHashMap<>();
  private final long baseNanos;
  private final long maxNanos;
  private final LongSupplier clock;

  SignInThrottle(Duration base, Duration max) {
    this(base, max, System::nanoTime);
  }

  SignInThrottle(Duration base, Duration max, LongSupplier clock) {
    if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
      throw new IllegalArgumentException("fulcrum.security.sign-in.backoff: base must be positive and"
          + " at most max, got " + base + " and " + max);
    }
    this.baseNanos = base.toNanos();
    this.maxNanos = max.toNanos();
    this.clock = clock;
  }

  private static String userAtAddress(String user, String address) {
    return "u@a:" + user.toLowerCase(Locale.ROOT) + "@" + address;
  }

  private static String address(String address) {
    return "a:" + address;
  }

  private static String user(String user) {
    return "u:" + user.toLowerCase(Locale.ROOT);
  }

  /** How long a sign-in by {@code user} from {@code address} must still wait; zero when it may try. */
  Duration waitFor(String user, String address) {
    long now = clock.getAsLong();
    long wait = 0;
    for (String key : new String[] {userAtAddress(user, address), address(address), user(user)}) {
      Count c = counts.get(key);
      if (c != null) {
        synchronized (c) {
          wait = Math.max(wait, c.blockedUntilNanos - now);
        }
      }
    }
    return Duration.ofNanos(Math.max(0, wait));
  }

  void failed(String user, String address) {
    long now = clock.getAsLong();
    if (counts.size() >= MAX_KEYS) {
      forgetQuiet(now);
    }
    fail(userAtAddress(user, address), PER_USER_AND_ADDRESS, now);
    fail(address(address), PER_ADDRESS, now);
    fail(user(user), PER_USER, now);
  }

  void succeeded(String user, String address) {
    counts.remove(userAtAddress(user, address));
    counts.remove(user(user));
  }

  private void fail(String key, int free, long now) {
    Count c = counts.computeIfAbsent(key, k -> new Count());
    synchronized (c) {
      if (now - c.lastFailureNanos > FORGET_AFTER.toNanos() && c.failures > 0) {
        c.failures = 0;
      }
      c.failures++;
      c.lastFailureNanos = now;
      if (c.failures >= free) {
        int doublings = Math.min(c.failures - free, 40);
        long backoff = baseNanos << Math.min(doublings, Long.numberOfLeadingZeros(baseNanos) - 1);
        c.blockedUntilNanos = now + Math.min(maxNanos, backoff);
      }
    }
  }

  /** Drops the keys quiet for {@link #FORGET_AFTER}; if none are, the whole table (a bound). */
  private void forgetQuiet(long now) {
    counts.entrySet().removeIf(e -> now - e.getValue().lastFailureNanos > FORGET_AFTER.toNanos());
    if (counts.size() >= MAX_KEYS) {
      counts.clear();
    }
  }
}
