package idrill.review;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * What comes due ahead, assuming nothing is reviewed until then: per day (a day as {@link Schedule#day}, so
 * day_start_hour and the zone apply), the questions of one day, and the next question to come due. A question counts
 * on the day of its due time; one already overdue counts today. New questions are not forecast: they wait for the
 * drill, up to new_per_day a day. Suspended questions are left out; a buried one counts from the day its bury ends.
 */
public final class Forecast {
  private Forecast() {}

  /** Questions due on each of the {@code days} days from today (index 0: today, overdue included). */
  public static int[] days(Schedule schedule, List<String> ids, Instant now, int days) {
    if (days < 0) throw new IllegalArgumentException("days must not be negative");
    int[] counts = new int[days];
    long today = schedule.dayNumber(now);
    for (String id : ids) {
      long d = dueDay(schedule, id, today, now);
      if (d >= 0 && d - today < days) counts[(int) (d - today)]++;
    }
    return counts;
  }

  /** The questions that come due on {@code day} (overdue ones too when it is today), in due order, ties in ids order. */
  public static List<String> on(Schedule schedule, List<String> ids, Instant now, LocalDate day) {
    long today = schedule.dayNumber(now);
    long want = day.toEpochDay();
    List<Integer> found = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      if (dueDay(schedule, ids.get(i), today, now) == want) found.add(i);
    }
    found.sort((a, b) -> {
      int c = schedule.state(ids.get(a)).due().compareTo(schedule.state(ids.get(b)).due());
      return c != 0 ? c : Integer.compare(a, b);
    });
    List<String> out = new ArrayList<>(found.size());
    for (int i : found) out.add(ids.get(i));
    return out;
  }

  /**
   * The epoch day a seen question counts on: its due day, today when overdue, and no earlier than the day a bury
   * ends; -1 for a new or suspended question, which is not forecast.
   */
  private static long dueDay(Schedule schedule, String id, long today, Instant now) {
    MemoryState s = schedule.state(id);
    if (s.state() == CardState.NEW || schedule.suspended(id)) return -1;
    long d = Math.max(today, schedule.dayNumber(s.due()));
    Instant unburied = schedule.buriedUntil(id, now);
    return unburied == null ? d : Math.max(d, schedule.dayNumber(unburied));
  }

  /** A question and the moment it comes due (never before now). */
  public record Next(String id, Instant at) {
    /**
     * {@code softmax-temperature in 3 h 12 min, today 14:05}: the id, how long until then, and the local time, with
     * today and tomorrow named, else the weekday and date; {@code softmax-temperature, due now} when it is.
     */
    public String describe(Instant now, ZoneId zone) {
      if (!at.isAfter(now)) return id + ", due now";
      return id + " in " + until(Duration.between(now, at)) + ", " + when(now, at, zone);
    }
  }

  /**
   * The question of ids that comes due first after now, by each one's state as {@code state} gives it (the
   * schedule's, or the drill's with this session's grades): a learning step at its time, a review at the start of
   * its day (when {@code due} lists it), a new question at once while {@code newLeft > 0}, else at the start of the
   * next day unless new_per_day is 0. Ties go to the first in ids; null when none will ever come due.
   */
  public static Next next(Schedule schedule, List<String> ids, Function<String, MemoryState> state, Instant now,
      int newPerDay, int newLeft) {
    Instant tomorrow = schedule.startOf(LocalDate.ofEpochDay(schedule.dayNumber(now) + 1));
    Next best = null;
    for (String id : ids) {
      if (schedule.suspended(id)) continue;
      MemoryState s = state.apply(id);
      Instant at;
      switch (s.state()) {
        case NEW:
          if (newLeft > 0) at = now;
          else if (newPerDay > 0) at = tomorrow;
          else continue;
          break;
        case REVIEW:
          at = schedule.startOf(schedule.day(s.due()));
          break;
        default:
          at = s.due();
      }
      if (at.isBefore(now)) at = now;
      Instant unburied = schedule.buriedUntil(id, now);
      if (unburied != null && at.isBefore(unburied)) at = unburied;
      if (best == null || at.isBefore(best.at)) best = new Next(id, at);
    }
    return best;
  }

  /** {@code 45 min}, {@code 3 h 12 min}, {@code 2 days 5 h}; under a minute is {@code 1 min}. */
  static String until(Duration d) {
    long minutes = Math.max(1, (d.getSeconds() + 59) / 60); // rounded up: "in 0 min" would read as now
    if (minutes < 60) return minutes + " min";
    long hours = minutes / 60;
    if (hours < 24) return hours + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
    long days = hours / 24;
    return days + (days == 1 ? " day" : " days") + (hours % 24 == 0 ? "" : " " + hours % 24 + " h");
  }

  /** {@code today 14:05}, {@code tomorrow 04:00}, {@code Sat 2026-12-05 04:00}: local calendar days. */
  static String when(Instant now, Instant at, ZoneId zone) {
    ZonedDateTime t = at.atZone(zone);
    LocalDate today = now.atZone(zone).toLocalDate();
    LocalDate date = t.toLocalDate();
    String time = two(t.getHour()) + ":" + two(t.getMinute());
    if (date.equals(today)) return "today " + time;
    if (date.equals(today.plusDays(1))) return "tomorrow " + time;
    String weekday = t.getDayOfWeek().name().substring(0, 1) + t.getDayOfWeek().name().substring(1, 3).toLowerCase(Locale.ROOT);
    return weekday + " " + date + " " + time;
  }

  private static String two(int v) {
    return v < 10 ? "0" + v : Integer.toString(v);
  }
}
