package idrill.review;

import java.time.ZoneId;
import java.util.TimeZone;

/**
 * The time zone of day boundaries and local times: a ZoneId, or the system's java.util.TimeZone. The latter's
 * offsets cost a prompt command far less: java.time's zone rules load through a service lookup that opens the jar
 * and then read the rules database again (~10 ms), so they are loaded only when a ZoneId is asked for.
 */
public final class Zone {
  private final TimeZone timeZone;
  private volatile ZoneId id;

  private Zone(ZoneId id, TimeZone timeZone) {
    this.id = id;
    this.timeZone = timeZone;
  }

  public static Zone of(ZoneId id) {
    return new Zone(java.util.Objects.requireNonNull(id, "zone"), null);
  }

  /** A copy of tz (a TimeZone can be changed). */
  public static Zone of(TimeZone tz) {
    return new Zone(null, (TimeZone) tz.clone());
  }

  public ZoneId id() {
    ZoneId z = id;
    if (z == null) id = z = timeZone.toZoneId();
    return z;
  }

  /** The java.util.TimeZone this zone was made from, or null. */
  TimeZone timeZone() {
    return timeZone;
  }
}
