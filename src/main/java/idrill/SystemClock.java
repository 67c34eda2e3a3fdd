package idrill;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The system clock in the system's time zone, looked up on first use: resolving the zone reads the time-zone
 * database twice (~18 ms of start-up), and list, show, tags or a TAB completion never need it.
 */
final class SystemClock extends Clock {
  private volatile ZoneId zone;

  @Override
  public ZoneId getZone() {
    ZoneId z = zone;
    if (z == null) zone = z = ZoneId.systemDefault();
    return z;
  }

  @Override
  public Clock withZone(ZoneId z) {
    return Clock.system(z);
  }

  @Override
  public Instant instant() {
    return Instant.now();
  }

  @Override
  public long millis() {
    return System.currentTimeMillis();
  }
}
