package idrill.drill;

import idrill.bank.Question;
import idrill.review.Aside;
import idrill.review.AsideEvent;
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
 * One drill over a queue of questions, as a pure state machine: no I/O and no clock of its own — every call that
 * needs time takes {@code now}.
 *
 * <p>A question graded {@link Grade#AGAIN} comes back after {@value #REQUEUE_AFTER} others, or at the end when fewer
 * are left. {@link #undo} withdraws the latest grade still standing in this session (one more per call) and shows
 * that question again; the question that was on screen goes back to the front of the queue.
 */
public final class DrillSession {
  /** How many other questions come between an AGAIN and its second showing. */
  public static final int REQUEUE_AFTER = 3;

  /** How early a timed comeback (a learning step) may be shown once nothing else is left, as Anki's learn-ahead. */
  public static final Duration LEARN_AHEAD = Duration.ofMinutes(20);

  public enum Phase { QUESTION, ANSWER, DONE }

  /** Decides when a graded question comes back in this session; without one, AGAIN comes back after a few others. */
  public interface Requeue {
    /** When to show the question again after grade g at now, or null for not again in this session. */
    Instant graded(Question q, Grade g, Instant now);

    /** The latest grade of q was withdrawn. */
    void undone(Question q);
  }

  /** One showing slot in the queue; identity matters, so a requeued copy is told apart from its original. */
  private static final class Item {
    Question question; // replaced in place when the question is edited during the session
    final Instant due; // null: shown in queue order

    Item(Question question) {
      this(question, null);
    }

    Item(Question question, Instant due) {
      this.question = question;
      this.due = due;
    }
  }

  /**
   * A grade that still stands: what to withdraw on undo, and the requeued copy an AGAIN put in the queue. A set-aside
   * event stands here too (grade null, aside its kind), with the showings of its question it took out of the queue.
   */
  private record Graded(Item item, Grade grade, long ms, Item requeued, Instant at, Aside aside, List<Item> removed,
      List<Integer> removedAt) {
    Graded(Item item, Grade grade, long ms, Item requeued, Instant at) {
      this(item, grade, ms, requeued, at, null, List.of(), List.of());
    }

    /** Whether this entry finished a showing (a grade, a suspend or a bury; not a flag). */
    boolean finishes() {
      return aside == null || aside == Aside.SUSPEND || aside == Aside.BURY;
    }
  }

  private final List<Item> pending = new ArrayList<>();
  private final List<Item> timed = new ArrayList<>(); // comebacks at a time, earliest first
  private final Requeue requeue;
  private final Deque<Graded> graded = new ArrayDeque<>();
  private Item current;
  private Phase phase;
  private Instant shownAt;
  private int skipped;
  private boolean quit;

  public DrillSession(List<Question> queue, Instant start) {
    this(queue, start, null);
  }

  public DrillSession(List<Question> queue, Instant start, Requeue requeue) {
    Objects.requireNonNull(start, "start");
    this.requeue = requeue;
    for (Question q : queue) pending.add(new Item(Objects.requireNonNull(q, "question")));
    next(start);
  }

  /** Whether the schedule decides when a graded question comes back (else AGAIN comes back after a few others). */
  public boolean scheduled() {
    return requeue != null;
  }

  public Phase phase() {
    return phase;
  }

  /** The question on screen; null when the session is done. */
  public Question current() {
    return current == null ? null : current.question;
  }

  /** 1-based place of the current question among {@link #total()}; equals total when done. */
  public int position() {
    return Math.min(finished() + 1, total());
  }

  /** Showings in this session: the finished ones, the current one and those still queued (requeues included). */
  public int total() {
    return finished() + (current == null ? 0 : 1) + pending.size() + timed.size();
  }

  /** The showings left, the current one first, then those queued and those coming back at a time (requeues too). */
  public List<Question> left() {
    List<Question> out = new ArrayList<>(1 + pending.size() + timed.size());
    if (current != null) out.add(current.question);
    for (Item i : pending) out.add(i.question);
    for (Item i : timed) out.add(i.question);
    return out;
  }

  /** Time on the current question since it was shown (or shown again); zero when done. */
  public Duration elapsedOnCurrent(Instant now) {
    if (current == null) return Duration.ZERO;
    Duration d = Duration.between(shownAt, now);
    return d.isNegative() ? Duration.ZERO : d;
  }

  /** Shows the answer; does nothing unless a question is showing unrevealed. */
  public void reveal(Instant now) {
    if (phase == Phase.QUESTION) phase = Phase.ANSWER;
  }

  /**
   * Grades the revealed question and moves on; returns the event to save. AGAIN puts the question back into the
   * queue.
   *
   * @throws IllegalStateException unless the answer is showing
   * @throws IllegalArgumentException for {@link Grade#UNDO} (use {@link #undo})
   */
  public Review grade(Grade g, Instant now) {
    Objects.requireNonNull(g, "grade");
    if (g == Grade.UNDO) throw new IllegalArgumentException("undo is not a grade; call undo()");
    if (phase != Phase.ANSWER) throw new IllegalStateException("grade needs the answer showing, phase is " + phase);
    long ms = elapsedOnCurrent(now).toMillis();
    Item requeued = null;
    if (requeue != null) {
      Instant due = requeue.graded(current.question, g, now);
      if (due != null) {
        requeued = new Item(current.question, due);
        int i = 0;
        while (i < timed.size() && !timed.get(i).due.isAfter(due)) i++;
        timed.add(i, requeued);
      }
    } else if (g == Grade.AGAIN) {
      requeued = new Item(current.question);
      pending.add(Math.min(REQUEUE_AFTER, pending.size()), requeued);
    }
    graded.push(new Graded(current, g, ms, requeued, now));
    Review r = new Review(now, current.question.id(), g, ms);
    next(now);
    return r;
  }

  /** Moves on without grading; does nothing when done. */
  public void skip(Instant now) {
    if (current == null) return;
    skipped++;
    next(now);
  }

  /**
   * Withdraws the latest grade of this session still standing and shows that question again, unrevealed, its timer
   * restarted. Returns the UNDO event to save, naming the withdrawn grade by its time (so it withdraws that grade
   * and no other writer's), or null when there is nothing to undo (or the session was quit).
   */
  public Review undo(Instant now) {
    if (quit || graded.isEmpty()) return null;
    Graded g = graded.pop();
    if (current != null && current != g.item()) pending.add(0, current);
    if (g.requeued() != null) { // Item has identity equality: removes that very copy
      pending.remove(g.requeued());
      timed.remove(g.requeued());
    }
    if (g.aside() != null) {
      restore(g);
    } else if (requeue != null) {
      requeue.undone(g.item().question);
    }
    current = g.item();
    phase = Phase.QUESTION;
    shownAt = now;
    return Review.undo(now, current.question.id(), g.at());
  }

  /** The kind of the latest entry {@link #undo} would withdraw when it is a set-aside event; null for a grade or none. */
  public Aside latestAside() {
    return quit || graded.isEmpty() ? null : graded.peek().aside();
  }

  /**
   * Sets the current question aside and returns the event to save. {@link Aside#SUSPEND} and {@link Aside#BURY}
   * take it and every later showing of it out of this session and move on; {@link Aside#FLAG} and
   * {@link Aside#UNFLAG} keep it on screen. {@link #undo} withdraws the event like a grade and shows the question
   * again. The event's time is now, moved on a millisecond past any time this session already gave the question,
   * because an undo names its event by time.
   *
   * @throws IllegalStateException when no question is showing
   * @throws IllegalArgumentException for {@link Aside#UNSUSPEND}: a suspended question is not in a drill
   */
  public AsideEvent putAside(Aside kind, Instant now) {
    Objects.requireNonNull(kind, "kind");
    if (kind == Aside.UNSUSPEND) throw new IllegalArgumentException("a drill shows no suspended question");
    if (current == null) throw new IllegalStateException("no question is showing");
    Item item = current;
    String id = item.question.id();
    Instant at = now;
    for (boolean moved = true; moved; ) {
      moved = false;
      for (Graded g : graded) {
        if (g.item().question.id().equals(id) && g.at().equals(at)) {
          at = at.plusMillis(1);
          moved = true;
        }
      }
    }
    List<Item> removed = new ArrayList<>();
    List<Integer> removedAt = new ArrayList<>();
    if (kind == Aside.SUSPEND || kind == Aside.BURY) {
      for (int i = 0, k = 0; i < pending.size(); k++) {
        if (pending.get(i).question.id().equals(id)) {
          removed.add(pending.remove(i));
          removedAt.add(k); // its place in the queue as it was, for undo
        } else {
          i++;
        }
      }
      for (int i = 0; i < timed.size(); ) {
        if (timed.get(i).question.id().equals(id)) {
          removed.add(timed.remove(i));
          removedAt.add(-1); // a timed comeback goes back by its time
        } else {
          i++;
        }
      }
    }
    graded.push(new Graded(item, null, 0, null, at, kind, List.copyOf(removed), List.copyOf(removedAt)));
    if (kind == Aside.SUSPEND || kind == Aside.BURY) next(now);
    return new AsideEvent(at, id, kind);
  }

  /** Puts back the showings a set-aside event took out of the queue, where they were. */
  private void restore(Graded g) {
    for (int n = 0; n < g.removed().size(); n++) {
      Item item = g.removed().get(n);
      int at = g.removedAt().get(n);
      if (at >= 0) {
        pending.add(Math.min(at, pending.size()), item);
      } else {
        int i = 0;
        while (i < timed.size() && !timed.get(i).due.isAfter(item.due)) i++;
        timed.add(i, item);
      }
    }
  }

  /**
   * Puts an edited text of a question in place of every showing of it in this session (its id, and so its history,
   * stays); the phase stays too. Returns whether the session holds that id.
   */
  public boolean replace(Question edited) {
    boolean found = false;
    List<Item> items = new ArrayList<>(pending);
    items.addAll(timed);
    if (current != null) items.add(current);
    for (Graded g : graded) items.add(g.item());
    for (Item item : items) {
      if (item.question.id().equals(edited.id())) {
        item.question = edited;
        found = true;
      }
    }
    return found;
  }

  /** Leaves time spent outside the drill (in the editor) out of the time on the current question. */
  public void setAside(Duration d) {
    if (current != null && !d.isNegative()) shownAt = shownAt.plus(d);
  }

  /** Ends the session; nothing can be graded or undone afterwards. */
  public void quit() {
    quit = true;
    current = null;
    phase = Phase.DONE;
  }

  /** The standing grades so far (undone ones left out), skips, and time per graded showing. */
  public Summary summary() {
    List<Summary.Entry> entries = new ArrayList<>();
    graded.descendingIterator().forEachRemaining(g -> {
      if (g.aside() == null) entries.add(new Summary.Entry(g.item().question, g.grade(), g.ms()));
    });
    return Summary.of(entries, skipped);
  }

  private int finished() {
    int n = skipped;
    for (Graded g : graded) if (g.finishes()) n++;
    return n;
  }

  private void next(Instant now) {
    // A learning step whose time has come goes first; once the queue is empty, steps due soon are shown early.
    boolean stepDue = !timed.isEmpty() && !timed.get(0).due.isAfter(now);
    boolean aheadOk = !timed.isEmpty() && !timed.get(0).due.isAfter(now.plus(LEARN_AHEAD));
    if (stepDue || (pending.isEmpty() && aheadOk)) {
      current = timed.remove(0);
    } else if (!pending.isEmpty()) {
      current = pending.remove(0);
    } else {
      current = null;
      phase = Phase.DONE;
      return;
    }
    phase = Phase.QUESTION;
    shownAt = now;
  }
}
