package idrill.cli;

import java.time.LocalDate;

/** A clock that knows today's date more cheaply than {@code LocalDate.now(clock)} (see idrill.SystemClock). */
public interface SystemToday {
  LocalDate today();
}
