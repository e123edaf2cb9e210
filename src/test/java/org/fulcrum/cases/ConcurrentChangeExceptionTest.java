package org.fulcrum.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.TransientException;
import org.springframework.dao.TransientDataAccessResourceException;

class ConcurrentChangeExceptionTest {

  static RuntimeException deadlock() {
    return new TransientDataAccessResourceException("deadlock",
        new TransientException("Neo.TransientError.Transaction.DeadlockDetected", "ForsetiClient can't acquire"));
  }

  @Test
  void aDeadlockIsTriedAgainAndTheWriteSucceeds() {
    AtomicInteger calls = new AtomicInteger();
    String result = ConcurrentChangeException.retried("saving", () -> {
      if (calls.incrementAndGet() < 3) {
        throw deadlock();
      }
      return "written";
    });
    assertThat(result).isEqualTo("written");
    assertThat(calls).hasValue(3);
  }

  @Test
  void deadlocksEveryTimeEndInAConflictAfterABoundedNumberOfAttempts() {
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(() -> ConcurrentChangeException.retried("saving actor 'x'", () -> {
      calls.incrementAndGet();
      throw deadlock();
    })).isInstanceOf(ConcurrentChangeException.class).hasMessageContaining("saving actor 'x'")
        .hasMessageContaining("try again");
    assertThat(calls).hasValue(ConcurrentChangeException.ATTEMPTS);
  }

  @Test
  void aStoreThatCannotBeReachedIsNotACollisionAndIsNotRetried() {
    AtomicInteger calls = new AtomicInteger();
    RuntimeException down = new TransientDataAccessResourceException("down",
        new ServiceUnavailableException("connection refused"));
    assertThatThrownBy(() -> ConcurrentChangeException.retried("saving", () -> {
      calls.incrementAndGet();
      throw down;
    })).isSameAs(down);
    assertThat(calls).hasValue(1);
    assertThat(ConcurrentChangeException.isCollision(new TransientException(
        "Neo.TransientError.General.DatabaseUnavailable", "unavailable"))).isFalse();
  }
}
