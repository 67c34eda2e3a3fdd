package idrill.cli;

import java.time.LocalDate;
import java.util.TimeZone;

/**
 * A clock that knows today's date and its zone more cheaply than java.time's zone rules (see idrill.SystemClock):
 * {@code LocalDate.now(clock)} and {@code clock.getZone()} load the rules database.
 */
public interface SystemToday {
  LocalDate today();

  /** The clock's zone as a java.util.TimeZone (the same zone as {@code getZone()}). */
  TimeZone timeZone();
}
