package idrill.mock;

import idrill.bank.Question;
import idrill.review.Grade;
import idrill.review.Review;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * A mock interview as a pure state machine: each question has a time budget; when it runs out ({@link #tick}) the
 * answer is revealed "by time". No I/O and no clock: every call that needs time takes {@code now}.
 *
 * <p>{@link #undo} withdraws the latest grade and goes back to that question with its answer showing, to grade it
 * again; the question that was on screen keeps the time already spent on it.
 */
public final class MockSession {
  public enum Phase { QUESTION, ANSWER, DONE }

  /** Who revealed the answer: the candidate, or the clock. */
  public enum RevealedBy { YOU, TIME }

  /** How one question went; grade null when skipped or left ungraded. */
  public record Result(Question question, Duration budget, Duration used, RevealedBy revealedBy, Grade grade,
      boolean skipped, String typed) {
    /** Time past the budget, zero when within it. */
    public Duration overrun() {
      Duration d = used.minus(budget);
      return d.isNegative() ? Duration.ZERO : d;
    }
  }

  private static final class Slot {
    final Question question;
    final Duration budget;
    String typed = "";
    Duration spentBefore = Duration.ZERO; // on earlier showings (undo puts a question back)
    Instant shownAt; // null: not shown yet
    Duration used; // time to reveal (or to skip); null while unrevealed
    RevealedBy by;
    Grade grade;
    boolean skipped;
    boolean shown;

    Slot(Question question, Duration budget) {
      this.question = question;
      this.budget = budget;
    }

    boolean finished() {
      return grade != null || skipped;
    }
  }

  private final List<Slot> slots = new ArrayList<>();
  private final Deque<Slot> graded = new ArrayDeque<>();
  private Slot current;
  private Phase phase;
  private boolean quit;

  public MockSession(List<Question> questions, List<Duration> budgets, Instant start) {
    if (questions.size() != budgets.size()) throw new IllegalArgumentException("one budget per question");
    for (int i = 0; i < questions.size(); i++) {
      Duration b = Objects.requireNonNull(budgets.get(i), "budget");
      if (b.isNegative() || b.isZero()) throw new IllegalArgumentException("a budget must be positive");
      slots.add(new Slot(Objects.requireNonNull(questions.get(i), "question"), b));
    }
    next(start);
  }

  public Phase phase() {
    return phase;
  }

  /** The question on screen; null when done. */
  public Question current() {
    return current == null ? null : current.question;
  }

  /** 1-based place of the current question; the total when done. */
  public int position() {
    return current == null ? slots.size() : slots.indexOf(current) + 1;
  }

  public int total() {
    return slots.size();
  }

  public Duration budget() {
    return current == null ? Duration.ZERO : current.budget;
  }

  /** Time spent on the current question: running before reveal, fixed once revealed. */
  public Duration elapsed(Instant now) {
    if (current == null) return Duration.ZERO;
    if (current.used != null) return current.used;
    return running(current, now);
  }

  /** Budget left on the current question, never below zero. */
  public Duration remaining(Instant now) {
    Duration d = budget().minus(elapsed(now));
    return d.isNegative() ? Duration.ZERO : d;
  }

  public RevealedBy revealedBy() {
    return current == null ? null : current.by;
  }

  /** What was typed for the current question ("" when nothing). */
  public String typed() {
    return current == null ? "" : current.typed;
  }

  /** Records the typed answer of the current question; only before reveal. */
  public void type(String text) {
    if (phase == Phase.QUESTION) current.typed = text == null ? "" : text;
  }

  /** Reveals the answer when the budget has run out; returns whether it did so now. */
  public boolean tick(Instant now) {
    if (phase != Phase.QUESTION || running(current, now).compareTo(current.budget) < 0) return false;
    reveal(now, RevealedBy.TIME);
    return true;
  }

  /** Reveals the answer (the candidate asked); does nothing unless a question shows unrevealed. */
  public void reveal(Instant now) {
    if (phase == Phase.QUESTION) reveal(now, RevealedBy.YOU);
  }

  private void reveal(Instant now, RevealedBy by) {
    current.used = running(current, now);
    current.by = by;
    phase = Phase.ANSWER;
  }

  /**
   * Grades the revealed question and moves on; returns the review to save (ms from first showing to the grade).
   *
   * @throws IllegalStateException unless the answer is showing
   */
  public Review grade(Grade g, Instant now) {
    Objects.requireNonNull(g, "grade");
    if (g == Grade.UNDO) throw new IllegalArgumentException("undo is not a grade; call undo()");
    if (phase != Phase.ANSWER) throw new IllegalStateException("grade needs the answer showing, phase is " + phase);
    Slot s = current;
    s.grade = g;
    graded.push(s);
    Review r = new Review(now, s.question.id(), g, running(s, now).toMillis());
    park(now);
    next(now);
    return r;
  }

  /** Moves on without grading; the time so far counts as used. */
  public void skip(Instant now) {
    if (current == null) return;
    if (current.used == null) current.used = running(current, now);
    current.skipped = true;
    park(now);
    next(now);
  }

  /** Withdraws the latest standing grade and shows that question again, answer showing; null when none. */
  public Review undo(Instant now) {
    if (quit || graded.isEmpty()) return null;
    Slot s = graded.pop();
    s.grade = null;
    if (current != null) park(now);
    show(s, now);
    return new Review(now, s.question.id(), Grade.UNDO, 0);
  }

  /** Ends the interview; the question on screen keeps the time spent on it. */
  public void quit(Instant now) {
    if (current != null && current.used == null) current.used = running(current, now);
    quit = true;
    current = null;
    phase = Phase.DONE;
  }

  /** Every question shown so far, in interview order. */
  public List<Result> results() {
    List<Result> out = new ArrayList<>();
    for (Slot s : slots) {
      if (!s.shown) continue;
      Duration used = s.used != null ? s.used : s.spentBefore;
      out.add(new Result(s.question, s.budget, used, s.by, s.grade, s.skipped, s.typed));
    }
    return out;
  }

  private Duration running(Slot s, Instant now) {
    if (s.shownAt == null || now == null) return s.spentBefore;
    Duration d = Duration.between(s.shownAt, now);
    return s.spentBefore.plus(d.isNegative() ? Duration.ZERO : d);
  }

  /** Takes the current question off screen, keeping the time spent on it. */
  private void park(Instant now) {
    current.spentBefore = running(current, now);
    current.shownAt = null;
  }

  private void show(Slot s, Instant now) {
    current = s;
    s.shown = true;
    s.shownAt = now;
    phase = s.used != null ? Phase.ANSWER : Phase.QUESTION;
  }

  private void next(Instant now) {
    for (Slot s : slots) {
      if (!s.finished()) {
        show(s, now);
        return;
      }
    }
    current = null;
    phase = Phase.DONE;
  }
}
