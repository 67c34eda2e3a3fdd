package idrill.review;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What each grade would schedule for a question now, as Anki shows on its answer buttons: the time from now to the
 * due date of {@link Fsrs#review} with that grade, the very step the grade will take.
 */
public record Intervals(Duration again, Duration hard, Duration good, Duration easy) {
  private static final String SEP = " · ";

  public Intervals {
    Objects.requireNonNull(again, "again");
    Objects.requireNonNull(hard, "hard");
    Objects.requireNonNull(good, "good");
    Objects.requireNonNull(easy, "easy");
  }

  /** The interval each grade of a question in state {@code s} would schedule at {@code now} (pure). */
  public static Intervals of(Fsrs fsrs, MemoryState s, Instant now) {
    return new Intervals(after(fsrs, s, Grade.AGAIN, now), after(fsrs, s, Grade.HARD, now),
        after(fsrs, s, Grade.GOOD, now), after(fsrs, s, Grade.EASY, now));
  }

  private static Duration after(Fsrs fsrs, MemoryState s, Grade g, Instant now) {
    Duration d = Duration.between(now, fsrs.review(s, g, now).due());
    return d.isNegative() ? Duration.ZERO : d;
  }

  /** The interval of one grade (AGAIN..EASY). */
  public Duration of(Grade g) {
    switch (g) {
      case AGAIN: return again;
      case HARD: return hard;
      case GOOD: return good;
      case EASY: return easy;
      default: throw new IllegalArgumentException("undo schedules nothing");
    }
  }

  /** {@code 1 again 1m · 2 hard 6m · 3 good 10m · 4 easy 4d}: key, grade, interval. */
  public String line() {
    return "1 again " + shortDuration(again) + SEP + "2 hard " + shortDuration(hard) + SEP + "3 good "
        + shortDuration(good) + SEP + "4 easy " + shortDuration(easy);
  }

  /**
   * Anki's short form: {@code <1m}, {@code 10m}, {@code 3h}, {@code 4d}, {@code 1.5mo}, {@code 2.1y}; minutes, hours
   * and days rounded to whole units, months (30 days) and years (365 days) to one decimal.
   */
  public static String shortDuration(Duration d) {
    long s = Math.max(0, d.getSeconds());
    if (s < 60) return "<1m";
    long minutes = Math.round(s / 60.0);
    if (minutes < 60) return minutes + "m";
    long hours = Math.round(s / 3600.0);
    if (hours < 24) return hours + "h";
    double days = s / 86_400.0;
    if (Math.round(days) < 30) return Math.round(days) + "d";
    if (days < 365) return tenths(days / 30) + "mo";
    return tenths(days / 365) + "y";
  }

  /** One decimal, dropped when it is 0: 1.5, 2, 12.3 (by hand: String.format loads the locale data). */
  private static String tenths(double v) {
    long t = Math.round(v * 10);
    return t % 10 == 0 ? Long.toString(t / 10) : t / 10 + "." + t % 10;
  }
}
