package idrill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class MainTest {
  @Test
  void readsTheTerminalOffProcAsSystemConsoleWould() {
    // under the test runner stdout is a pipe: both say "not a terminal" (the tmux tests cover the terminal side)
    assertEquals(System.console() != null, Main.interactive());
  }

  @Test
  void systemClockTellsTheTimeInTheSystemZone() {
    SystemClock clock = new SystemClock();
    Instant before = Instant.now();
    Instant now = clock.instant();
    assertTrue(!now.isBefore(before) && Duration.between(before, now).toSeconds() < 5, now + " vs " + before);
    assertTrue(Math.abs(clock.millis() - System.currentTimeMillis()) < 5_000);
    assertEquals(ZoneId.systemDefault(), clock.getZone());
    assertEquals(ZoneId.of("Asia/Tokyo"), clock.withZone(ZoneId.of("Asia/Tokyo")).getZone());
  }
}
