package idrill.review;

import java.time.Instant;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A zone's UTC offsets over a span of time as a small sorted table: ZoneRules.getOffset goes through a per-year
 * cache with boxed keys, which is most of the cost of a million day lookups.
 */
final class ZoneOffsets {
  private final ZoneRules rules;
  private final boolean fixed;
  private final long lo;
  private final long hi;
  private final long[] from; // from[i]: first epoch second of offset seconds[i]
  private final int[] seconds;

  private ZoneOffsets(ZoneRules rules, long lo, long hi, long[] from, int[] seconds) {
    this.rules = rules;
    this.fixed = rules.isFixedOffset();
    this.lo = lo;
    this.hi = hi;
    this.from = from;
    this.seconds = seconds;
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
    if (fixed) return seconds[0];
    if (epochSecond < lo || epochSecond > hi) return rules.getOffset(Instant.ofEpochSecond(epochSecond)).getTotalSeconds();
    int i = Arrays.binarySearch(from, epochSecond);
    return seconds[i >= 0 ? i : -i - 2];
  }
}
