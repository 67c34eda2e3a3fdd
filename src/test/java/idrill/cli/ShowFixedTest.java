package idrill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** show's number and time formatting without String.format and DateTimeFormatter prints exactly what they printed. */
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

  @Test
  void localTimesPrintAsTheDateTimeFormatterDid() {
    java.time.format.DateTimeFormatter pattern = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    Random random = new Random(8);
    for (String id : new String[] {"UTC", "Europe/Berlin", "America/St_Johns", "Asia/Kathmandu", "Pacific/Chatham"}) {
      java.time.ZoneId zone = java.time.ZoneId.of(id);
      idrill.review.Schedule schedule = idrill.review.Schedule.replay(java.util.List.of(), idrill.review.FsrsParams.defaults(),
          zone, 4);
      for (int i = 0; i < 5_000; i++) {
        java.time.Instant t = java.time.Instant.ofEpochSecond(random.nextInt(Integer.MAX_VALUE) * 2L, random.nextInt(1_000_000_000));
        assertEquals(pattern.format(t.atZone(zone)), ShowCommand.local(t, schedule), id + " " + t);
      }
    }
  }
}
