package idrill.drill;

import idrill.bank.Question;
import idrill.review.CardState;
import idrill.review.Fsrs;
import idrill.review.Grade;
import idrill.review.MemoryState;
import idrill.review.Schedule;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/** Brings a question back within the session when FSRS puts it on a learning or relearning step. */
public final class ScheduleRequeue implements DrillSession.Requeue {
  private final Schedule schedule;
  private final Fsrs fsrs;
  private final Map<String, Deque<MemoryState>> sessionStates = new HashMap<>();

  public ScheduleRequeue(Schedule schedule) {
    this.schedule = schedule;
    this.fsrs = schedule.fsrs();
  }

  @Override
  public Instant graded(Question q, Grade g, Instant now) {
    Deque<MemoryState> states = sessionStates.computeIfAbsent(q.id(), id -> new ArrayDeque<>());
    MemoryState before = states.isEmpty() ? schedule.state(q.id()) : states.peek();
    MemoryState after = fsrs.review(before, g, now);
    states.push(after);
    boolean onStep = after.state() == CardState.LEARNING || after.state() == CardState.RELEARNING;
    return onStep ? after.due() : null;
  }

  @Override
  public void undone(Question q) {
    Deque<MemoryState> states = sessionStates.get(q.id());
    if (states != null && !states.isEmpty()) states.pop();
  }
}
