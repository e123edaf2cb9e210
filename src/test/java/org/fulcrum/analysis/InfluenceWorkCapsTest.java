package org.fulcrum.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.fulcrum.error.InvalidRequestException;
import org.fulcrum.error.WorkBudgetExceededException;
import org.junit.jupiter.api.Test;

/**
 * The influence ranking's adaptive mode (stop once every interval is narrow enough, up to the cap),
 * its time budget and its cancellation. No timings are asserted: a budget that has already passed
 * and an interrupt that is already set stop the work at the first check.
 */
class InfluenceWorkCapsTest {

  final LeverageGraph g = TestGraphs.random(3, 60, 0.08);

  @Test
  void adaptiveSamplingStopsOnceEveryIntervalIsNarrowEnoughBeforeTheCap() {
    var adaptive = new ReverseReachableInfluence(g).estimate(new InfluenceQuery("a0", 1_000_000, 7, 0.02));
    assertThat(adaptive.samples()).isLessThan(1_000_000).isGreaterThanOrEqualTo(ReverseReachableInfluence.FIRST_CHECK);
    assertThat(adaptive.actors()).isNotEmpty();
    assertThat(adaptive.actors()).allSatisfy(a -> assertThat(a.high() - a.low()).isLessThanOrEqualTo(0.02));
    assertThat(adaptive.method()).contains("adaptive").contains("at most 0.02 wide");
    // it is the fixed-sample answer at the count it stopped at: reproducible
    var fixed = new ReverseReachableInfluence(g).estimate(new InfluenceQuery("a0", adaptive.samples(), 7));
    assertThat(adaptive.actors()).isEqualTo(fixed.actors());
    // and one check earlier it was not yet narrow enough, or it would have stopped there
    assertThat(ReverseReachableInfluence.narrowEnough(
        new ReverseReachableInfluence(g).sampleCounts(g.require("a0", "t"), ReverseReachableInfluence.FIRST_CHECK, 7),
        g.require("a0", "t"), ReverseReachableInfluence.FIRST_CHECK, 0.02)).isFalse();
  }

  @Test
  void adaptiveSamplingGivesTheSameAnswerWithOneOrTwoThreads() throws Exception {
    var query = new InfluenceQuery("a0", 200_000, 9, 0.03);
    var one = new ReverseReachableInfluence(g, 1, Runnable::run, 0).estimate(query);
    ExecutorService pool = Executors.newFixedThreadPool(1);
    try {
      var two = new ReverseReachableInfluence(g, 2, pool, 0).estimate(query);
      assertThat(two).isEqualTo(one);
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void aPrecisionTheCapCannotReachStopsAtTheCapAndSaysSo() {
    var capped = new ReverseReachableInfluence(g).estimate(new InfluenceQuery("a0", 2_000, 7, 0.002));
    assertThat(capped.samples()).isEqualTo(2_000);
    assertThat(capped.method()).contains("the cap");
  }

  @Test
  void precisionOutsideItsRangeIsRefusedNamingIt() {
    assertThatThrownBy(() -> new InfluenceQuery("a0", 1000, 1, 0.0001)).isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("precision").hasMessageContaining("0.002");
    assertThatThrownBy(() -> InfluenceRankingQuery.of("a0", null, null, InfluenceRankingQuery.Method.EXACT, 0.01))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("only for method=sampling");
    assertThat(InfluenceRankingQuery.of("a0", null, null, null, 0.01).query().samples())
        .as("with a precision the cap defaults to the most samples").isEqualTo(InfluenceQuery.SAMPLES_MAX);
    assertThatThrownBy(() -> new InfluenceQuery("a0", InfluenceQuery.SAMPLES_MAX + 1, 1))
        .hasMessageContaining("samples must be between 1 and 1000000");
  }

  @Test
  void samplingPastItsTimeBudgetStopsWithAClearMessage() {
    Throwable stopped = catchThrowable(() -> WorkBudget.within(Duration.ofNanos(1), () -> {
      sleep(5);
      return new ReverseReachableInfluence(g).estimate(new InfluenceQuery("a0", 1_000_000, 7));
    }));
    assertThat(stopped).isInstanceOf(WorkBudgetExceededException.class)
        .hasMessageContaining("time budget").hasMessageContaining("fulcrum.limits.analysis-time");
    assertThat(((WorkBudgetExceededException) stopped).cancelled()).isFalse();
    // outside the budget the same query runs
    assertThat(new ReverseReachableInfluence(g).estimate(new InfluenceQuery("a0", 1_000, 7)).samples()).isEqualTo(1_000);
  }

  @Test
  void anInterruptedRequestStopsSampling() {
    Thread.currentThread().interrupt();
    try {
      Throwable stopped = catchThrowable(
          () -> new ReverseReachableInfluence(g).estimate(new InfluenceQuery("a0", 1_000_000, 7)));
      assertThat(stopped).isInstanceOf(WorkBudgetExceededException.class).hasMessageContaining("cancelled");
      assertThat(((WorkBudgetExceededException) stopped).cancelled()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
