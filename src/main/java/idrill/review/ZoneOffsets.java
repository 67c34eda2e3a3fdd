package idrill.review;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TimeZone;

/**
 * A zone's UTC offsets over a span of time as a small sorted table: ZoneRules.getOffset goes through a per-year
 * cache with boxed keys, which is most of the cost of a million day lookups.
 */
final class ZoneOffsets {
  /**
   * The span in which java.util.TimeZone's offsets equal java.time's (1900 to 2037, its table's end; after that
   * some zones' rules differ on JDK 17).
   */
  private static final long TIME_ZONE_FROM = -2_208_988_800L;
  private static final long TIME_ZONE_TO = 2_114_380_800L;

  private final Zone zone; // with timeZone: asked for rules only outside the span above
  private final TimeZone timeZone;
  private ZoneRules rules;
  private final boolean fixed;
  private final long lo;
  private final long hi;
  private final long[] from; // from[i]: first epoch second of offset seconds[i]
  private final int[] seconds;

  private ZoneOffsets(ZoneRules rules, long lo, long hi, long[] from, int[] seconds) {
    this.zone = null;
    this.timeZone = null;
    this.rules = rules;
    this.fixed = rules.isFixedOffset();
    this.lo = lo;
    this.hi = hi;
    this.from = from;
    this.seconds = seconds;
  }

  private ZoneOffsets(Zone zone, TimeZone timeZone) {
    this.zone = zone;
    this.timeZone = timeZone;
    this.fixed = false;
    this.lo = 0;
    this.hi = -1;
    this.from = null;
    this.seconds = null;
  }

  /** The zone's offsets: its TimeZone's where it has one, else a table of its rules for [lo, hi]. */
  static ZoneOffsets of(Zone zone, long lo, long hi) {
    return zone.timeZone() != null ? new ZoneOffsets(zone, zone.timeZone()) : of(zone.id().getRules(), lo, hi);
  }

  /** A table for epoch seconds in [lo, hi]; outside it (or when hi < lo) lookups ask the rules. */
  static ZoneOffsets of(ZoneRules rules, long lo, long hi) {
    List<ZoneOffsetTransition> ts = new ArrayList<>();
    if (hi >= lo && !rules.isFixedOffset()) {
      ZoneOffsetTransition t = rules.nextTransition(Instant.ofEpochSecond(lo));
      while (t != null && t.toEpochSecond() <= hi) {
        ts.add(t);
        t = rules.nextTransition(t.getInstant());
      }
    }
    long[] from = new long[ts.size() + 1];
    int[] seconds = new int[ts.size() + 1];
    from[0] = lo;
    seconds[0] = rules.getOffset(Instant.ofEpochSecond(lo)).getTotalSeconds();
    for (int i = 0; i < ts.size(); i++) {
      from[i + 1] = ts.get(i).toEpochSecond();
      seconds[i + 1] = ts.get(i).getOffsetAfter().getTotalSeconds();
    }
    return new ZoneOffsets(rules, lo, hi, from, seconds);
  }

  /** The offset in seconds at an epoch second. */
  int seconds(long epochSecond) {
    if (timeZone != null) {
      if (epochSecond >= TIME_ZONE_FROM && epochSecond < TIME_ZONE_TO) return timeZone.getOffset(epochSecond * 1000) / 1000;
      if (rules == null) rules = zone.id().getRules();
      return rules.getOffset(Instant.ofEpochSecond(epochSecond)).getTotalSeconds();
    }
    if (fixed) return seconds[0];
    if (epochSecond < lo || epochSecond > hi) return rules.getOffset(Instant.ofEpochSecond(epochSecond)).getTotalSeconds();
    int i = Arrays.binarySearch(from, epochSecond);
    return seconds[i >= 0 ? i : -i - 2];
  }

  /**
   * The epoch second of a local date-time (given as epoch seconds of that date-time in UTC), resolved as
   * {@code LocalDateTime.atZone} does: in an overlap the earlier offset, in a gap the time moved later by the gap.
   * From the offsets a day either side when they tell a single transition apart, else from the zone's rules.
   */
  long epochSecondOf(long local) {
    if (timeZone != null) {
      int before = seconds(local - 86_400);
      int after = seconds(local + 86_400);
      long early = local - before;
      int atEarly = seconds(early);
      if (atEarly == before) return early; // no transition near, before it, or the earlier offset of an overlap
      if (before != after) {
        long late = local - after;
        if (seconds(late) == after) return late;
        if (atEarly == after) return early; // a gap: later by its length
      }
      if (rules == null) rules = zone.id().getRules();
    }
    return exact(local);
  }

  private long exact(long local) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(local, 0, ZoneOffset.UTC);
    List<ZoneOffset> valid = rules.getValidOffsets(t);
    if (valid.isEmpty()) {
      ZoneOffsetTransition gap = rules.getTransition(t);
      return t.plusSeconds(gap.getDuration().getSeconds()).toEpochSecond(gap.getOffsetAfter());
    }
    return t.toEpochSecond(valid.get(0));
  }
}
