package org.fulcrum.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonNumbersTest {

  @Test
  void computedNoiseGoesAndTypedDecimalsStay() {
    assertThat(Double.toString(JsonNumbers.rounded(0.63 * 0.9))).isEqualTo("0.567");
    assertThat(0.63 * 0.9).isNotEqualTo(0.567); // the noise the API used to show
    assertThat(Double.toString(JsonNumbers.rounded(0.1 + 0.2))).isEqualTo("0.3");
    assertThat(JsonNumbers.rounded(0.123456789012345)).isEqualTo(0.123456789012345);
    assertThat(JsonNumbers.rounded(6.9e-18)).isEqualTo(6.9e-18);
    assertThat(JsonNumbers.rounded(3 / 0.45)).isEqualTo(6.66666666666667);
    assertThat(JsonNumbers.rounded(0)).isZero();
    assertThat(JsonNumbers.rounded(Double.NaN)).isNaN();
    assertThat(JsonNumbers.rounded(-1234567.891)).isEqualTo(-1234567.891);
  }
}
