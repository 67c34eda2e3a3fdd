package idrill.drill;

import idrill.bank.Question;
import idrill.render.Sanitizer;
import idrill.review.CardState;
import idrill.review.Forecast;
import idrill.review.FsrsParams;
import idrill.review.Grade;
import idrill.review.Intervals;
import idrill.review.MemoryState;
import idrill.review.Review;
import idrill.review.Schedule;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the drill shows ahead of a grade: the interval each grade would schedule, what is left by kind, and the leech
 * mark. A question's memory state is the schedule's (replayed at the start) with this session's saved grades stepped
 * on top through the same {@code Fsrs.review}, so it is what a replay of the log would give.
 */
public final class Outlook {
  private final Schedule schedule;
  private final int leechLapses;
  private final List<String> selection;
  private final int newPerDay;
  private final Map<String, Deque<MemoryState>> session = new HashMap<>(); // newest state first

  /** @param leechLapses lapses from which a question is marked a leech */
  public Outlook(Schedule schedule, int leechLapses) {
    this(schedule, leechLapses, List.of(), 0);
  }

  /** With the selection the session came from, whose next due question the summary ends with. */
  public Outlook(Schedule schedule, int leechLapses, List<String> selection, int newPerDay) {
    this.schedule = schedule;
    this.leechLapses = leechLapses;
    this.selection = List.copyOf(selection);
    this.newPerDay = newPerDay;
  }

  /** Without a review log: every question new, none a leech (tests and callers that have no schedule). */
  public static Outlook unscheduled() {
    return new Outlook(Schedule.replay(List.of(), FsrsParams.defaults(), ZoneOffset.UTC, 0), Integer.MAX_VALUE);
  }

  /** A sink that hands each review to {@code sink} and, once it is saved, steps the question's state with it. */
  GradeSink watching(GradeSink sink) {
    return r -> {
      sink.save(r);
      saved(r);
    };
  }

  private void saved(Review r) {
    if (r.grade() == Grade.UNDO) {
      Deque<MemoryState> states = session.get(r.id());
      if (states != null && !states.isEmpty()) states.pop();
      return;
    }
    MemoryState after = schedule.fsrs().review(state(r.id()), r.grade(), r.time());
    session.computeIfAbsent(r.id(), id -> new ArrayDeque<>()).push(after);
  }

  /** The question's memory state now, this session's grades included. */
  public MemoryState state(String id) {
    Deque<MemoryState> states = session.get(id);
    return states == null || states.isEmpty() ? schedule.state(id) : states.peek();
  }

  /** What each grade of q would schedule at now. */
  public Intervals intervals(Question q, Instant now) {
    return Intervals.of(schedule.fsrs(), state(q.id()), now);
  }

  /** Whether q has lapsed at least leech_lapses times. */
  public boolean leech(Question q) {
    return state(q.id()).lapses() >= leechLapses;
  }

  /**
   * {@code next: softmax-temperature in 3 h 12 min, today 14:05}: the question of the selection that comes due first
   * after this session's grades; null when none will (or no selection was given).
   */
  public String next(Instant now) {
    int introduced = schedule.introducedOn(schedule.dayNumber(now));
    for (String id : session.keySet()) {
      if (schedule.state(id).state() == CardState.NEW && state(id).state() != CardState.NEW) introduced++;
    }
    Forecast.Next next = Forecast.next(schedule, selection, this::state, now, newPerDay,
        Math.max(0, newPerDay - introduced));
    return next == null ? null : "next: " + Sanitizer.oneLine(next.describe(now, schedule.zone()));
  }

  /** Showings left by memory state: new, learning or relearning, review. */
  public record Left(int fresh, int learning, int review) {
    /** {@code 3 new · 0 learning · 5 review}, every kind, so the header does not jump as kinds come and go. */
    public String text() {
      return fresh + " new · " + learning + " learning · " + review + " review";
    }

    /** {@code 3 new · 5 review}: the kinds there are, for a narrow screen; {@code 0 left} when none. */
    public String brief() {
      List<String> parts = new ArrayList<>(3);
      if (fresh > 0) parts.add(fresh + " new");
      if (learning > 0) parts.add(learning + " learning");
      if (review > 0) parts.add(review + " review");
      return parts.isEmpty() ? "0 left" : String.join(" · ", parts);
    }
  }

  /** The showings left (as {@link DrillSession#left} gives them) counted by their memory state now. */
  public Left left(List<Question> left) {
    int fresh = 0, learning = 0, review = 0;
    for (Question q : left) {
      CardState s = state(q.id()).state();
      if (s == CardState.NEW) fresh++;
      else if (s == CardState.REVIEW) review++;
      else learning++;
    }
    return new Left(fresh, learning, review);
  }
}
