package idrill;

import idrill.cli.SystemToday;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.TimeZone;

/**
 * The system clock in the system's time zone, looked up on first use: resolving the zone reads the time-zone
 * database twice (~18 ms of start-up), and list, show, tags or a TAB completion never need it.
 */
final class SystemClock extends Clock implements SystemToday {
  private volatile ZoneId zone;
  private volatile TimeZone timeZone;

  @Override
  public ZoneId getZone() {
    ZoneId z = zone;
    if (z == null) zone = z = timeZone().toZoneId(); // ZoneId.systemDefault(), from the zone today() used
    return z;
  }

  @Override
  public TimeZone timeZone() {
    TimeZone tz = timeZone;
    if (tz == null) timeZone = tz = TimeZone.getDefault();
    return tz;
  }

  /**
   * Today in the system's zone from java.util.TimeZone's offset now: java.time's zone rules (a second read of the
   * time-zone database) cost ~10 ms that `random --daily` needs for nothing else.
   */
  @Override
  public LocalDate today() {
    long ms = millis();
    return LocalDate.ofEpochDay(Math.floorDiv(ms + timeZone().getOffset(ms), 86_400_000L));
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
