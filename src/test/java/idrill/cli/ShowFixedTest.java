package idrill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** show's number formatting without String.format prints exactly what String.format printed. */
class ShowFixedTest {
  @Test
  void roundsAsStringFormatDoes() {
    double[] edges = {0, 0.5, 1.5, 2.5, 0.05, 0.15, 0.25, 1.005, 2.675, 99.95, 99.5, 100, 12345.678, 1e-9, 0.045};
    for (double v : edges) {
      for (int d = 0; d <= 2; d++) assertEquals(String.format(Locale.ROOT, "%." + d + "f", v), ShowCommand.fixed(v, d),
          v + " to " + d + " decimals");
    }
    Random random = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      double v = random.nextDouble() * Math.pow(10, random.nextInt(6));
      int d = random.nextInt(3);
      assertEquals(String.format(Locale.ROOT, "%." + d + "f", v), ShowCommand.fixed(v, d), v + " to " + d);
    }
  }
}
