package org.fulcrum.web;

import java.math.BigDecimal;
import java.math.MathContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Numbers in the API's answers without binary noise: a double is written rounded to 15
 * significant digits, so 0.1 + 0.2 is written 0.3 and 0.63 x 0.9 is 0.567, not
 * 0.5670000000000001. Every decimal of up to 15 digits (any value typed into a case file) comes
 * back exactly as it went in; only the last, noisy digits of computed values go. The analyses
 * keep full precision; this is how their answers are written.
 */
@Configuration(proxyBeanMethods = false)
class JsonNumbers {

  static final MathContext DIGITS = new MathContext(15);

  @Bean
  JacksonModule numbersWithoutBinaryNoise() {
    SimpleModule module = new SimpleModule("fulcrum-numbers");
    Rounded rounded = new Rounded();
    module.addSerializer(Double.class, rounded);
    module.addSerializer(double.class, rounded);
    return module;
  }

  /** The double nearest to {@code x} rounded to 15 significant digits; non-finite ones as they are. */
  static double rounded(double x) {
    return Double.isFinite(x) && x != 0 ? new BigDecimal(x).round(DIGITS).doubleValue() : x;
  }

  private static final class Rounded extends StdSerializer<Double> {
    Rounded() {
      super(Double.class);
    }

    @Override
    public void serialize(Double value, JsonGenerator gen, SerializationContext context) {
      gen.writeNumber(rounded(value));
    }
  }
}
