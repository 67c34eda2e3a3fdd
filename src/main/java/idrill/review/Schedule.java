package idrill.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Every question's memory state, derived by replaying the standing review log through FSRS, and the
 * orders the drill takes questions in. Ids without a question in the bank are kept like any other.
 *
 * <p>A "day" is the local date in {@code zone} shifted back by {@code dayStartHour}, the same day
 * {@link Fsrs#elapsedDays} counts, so "today", "due today" and intervals agree.
 */
public final class Schedule {
  private final Fsrs fsrs;
  private final Zone zone;
  private final ZoneOffsets offsets;
  private final int dayStartHour;
  private final Map<String, Card> cards;
  private final int reviewCount;
  private final Marks marks;

  /** One question's standing reviews, the state before each of them, and the state after all. */
  public static final class Card {
    private static final CardState[] STATES = CardState.values();
    private static final Card UNSEEN = new Card(ReviewEvents.of(List.of()), new int[0], new byte[0], 0, 0,
        MemoryState.NEW);

    private final ReviewEvents events;
    private final int[] order; // order[from + i]: the event of the i-th review
    private final byte[] before;
    private final int from;
    private final int count;
    private final MemoryState state;

    private Card(ReviewEvents events, int[] order, byte[] before, int from, int count, MemoryState state) {
      this.events = events;
      this.order = order;
      this.before = before;
      this.from = from;
      this.count = count;
      this.state = state;
    }

    /** Standing reviews in time order, built on each call (stats read the columns instead). */
    public List<Review> history() {
      List<Review> out = new ArrayList<>(count);
      for (int i = 0; i < count; i++) out.add(events.review(order[from + i]));
      return Collections.unmodifiableList(out);
    }

    /** Number of standing reviews. */
    public int reviews() {
      return count;
    }

    /** Epoch milliseconds of the i-th review. */
    public long millis(int i) {
      return events.millis(order[from + checked(i)]);
    }

    public Grade grade(int i) {
      return events.grade(order[from + checked(i)]);
    }

    public MemoryState state() {
      return state;
    }

    /** The state the question was in just before its i-th review (true retention needs it). */
    public CardState stateBefore(int i) {
      return STATES[before[from + checked(i)]];
    }

    private int checked(int i) {
      if (i < 0 || i >= count) throw new IndexOutOfBoundsException(i);
      return i;
    }
  }

  private Schedule(Fsrs fsrs, Zone zone, ZoneOffsets offsets, int dayStartHour, Map<String, Card> cards,
      int reviewCount, Marks marks) {
    this.offsets = offsets;
    this.marks = marks;
    this.fsrs = fsrs;
    this.zone = zone;
    this.dayStartHour = dayStartHour;
    this.cards = cards;
    this.reviewCount = reviewCount;
  }

  /** {@link #replay(ReviewEvents, FsrsParams, ZoneId, int)} of a list of standing reviews. */
  public static Schedule replay(List<Review> standing, FsrsParams params, ZoneId zone, int dayStartHour) {
    return replay(ReviewEvents.of(standing), params, zone, dayStartHour);
  }

  /**
   * Groups standing reviews (undos already applied, any order) by id and replays each question in time order
   * (stably, so equal times keep their order in the log). Builds the {@link Fsrs} itself so its day boundary and
   * the schedule's are the same by construction.
   */
  public static Schedule replay(ReviewEvents standing, FsrsParams params, ZoneId zone, int dayStartHour) {
    return replay(standing, params, Zone.of(zone), dayStartHour);
  }

  /** {@link #replay(ReviewEvents, FsrsParams, ZoneId, int)} in a zone that may not have loaded its ZoneId yet. */
  public static Schedule replay(ReviewEvents standing, FsrsParams params, Zone zone, int dayStartHour) {
    Objects.requireNonNull(zone, "zone");
    int n = standing.size();
    int ids = standing.idCount();
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      long t = standing.millis(i);
      first = Math.min(first, t);
      last = Math.max(last, t);
      if (standing.rating(i) == 0) {
        throw new IllegalArgumentException("replay takes standing reviews, found an undo of " + standing.id(i));
      }
    }
    // by id, each in time order, an event held by several log files once
    ReviewEvents.Groups groups = standing.groupById();
    int[] order = groups.order();
    int[] start = groups.start();

    // stats look up the day of every review: cover the log's span and a few years past it
    ZoneOffsets offsets = n == 0 ? ZoneOffsets.of(zone, 0, -1)
        : ZoneOffsets.of(zone, Math.floorDiv(first, 1000) - 86_400, Math.floorDiv(last, 1000) + 4 * 366 * 86_400L);
    Fsrs fsrs = new Fsrs(params, dayStartHour, offsets);
    byte[] before = new byte[n];
    Map<String, Card> cards = new HashMap<>(ids * 2);
    Fsrs.Running run = new Fsrs.Running();
    for (int k = 0; k < ids; k++) {
      int from = start[k], to = start[k + 1];
      if (from == to) continue; // every event of the id was undone
      run.reset();
      for (int p = from; p < to; p++) {
        int i = order[p];
        before[p] = (byte) run.state;
        long millis = standing.millis(i);
        fsrs.step(run, standing.rating(i), Math.floorDiv(millis, 1000), (int) Math.floorMod(millis, 1000) * 1_000_000);
      }
      cards.put(standing.idName(k), new Card(standing, order, before, from, to - from, run.toState()));
    }
    return new Schedule(fsrs, zone, offsets, dayStartHour, cards, groups.count(), Marks.of(standing));
  }

  public Fsrs fsrs() {
    return fsrs;
  }

  public ZoneId zone() {
    return zone.id();
  }

  public int dayStartHour() {
    return dayStartHour;
  }

  /** The card of an id; an empty NEW card when it was never reviewed. */
  public Card card(String id) {
    Card c = cards.get(id);
    return c == null ? Card.UNSEEN : c;
  }

  /** MemoryState.NEW when never reviewed. */
  public MemoryState state(String id) {
    return card(id).state;
  }

  /** Standing reviews of id in time order; empty when none. */
  public List<Review> history(String id) {
    return card(id).history();
  }

  /** Ids with at least one standing review, including ids no longer in any bank. */
  public Set<String> reviewedIds() {
    return Collections.unmodifiableSet(cards.keySet());
  }

  /** Number of standing reviews replayed. */
  public int reviewCount() {
    return reviewCount;
  }

  // ---------------------------------------------------------------- set aside

  /** The set-aside marks replayed from the log. */
  public Marks marks() {
    return marks;
  }

  public boolean suspended(String id) {
    return marks.get(id).suspended();
  }

  public boolean flagged(String id) {
    return marks.get(id).flagged();
  }

  /** When a bury of id stops hiding it (the start of the day after the bury), or null when it is not buried at now. */
  public Instant buriedUntil(String id, Instant now) {
    long at = marks.get(id).buriedAt();
    if (at == Marks.NEVER) return null;
    long day = dayNumberAt(at);
    return day < dayNumber(now) ? null : startOf(LocalDate.ofEpochDay(day + 1));
  }

  public boolean buried(String id, Instant now) {
    return buriedUntil(id, now) != null;
  }

  /** Whether id is kept out of drills at now: suspended, or buried until a later day. */
  public boolean setAside(String id, Instant now) {
    Marks.Mark m = marks.get(id);
    return m.suspended() || m.buriedAt() != Marks.NEVER && buried(id, now);
  }

  /** ids without those set aside at now, in their order; the same list when none is. */
  public List<String> active(List<String> ids, Instant now) {
    if (marks.ids().isEmpty()) return ids;
    List<String> out = new ArrayList<>(ids.size());
    for (String id : ids) if (!setAside(id, now)) out.add(id);
    return out;
  }

  // ---------------------------------------------------------------- days

  /** The day an instant belongs to, as an epoch day (a review at 03:00 with day start 4 is yesterday's). */
  public long dayNumber(Instant t) {
    return fsrs.dayNumber(t.getEpochSecond());
  }

  /** {@link #dayNumber(Instant)} of an epoch millisecond, as {@link Card#millis} gives them. */
  public long dayNumberAt(long epochMilli) {
    return fsrs.dayNumber(Math.floorDiv(epochMilli, 1000));
  }

  /** The day an instant belongs to. */
  public LocalDate day(Instant t) {
    return LocalDate.ofEpochDay(dayNumber(t));
  }

  /** When a day starts: day_start_hour local time on that date (later if a DST gap skips it). */
  public Instant startOf(LocalDate day) {
    return Instant.ofEpochSecond(offsets.epochSecondOf(day.toEpochDay() * 86_400 + dayStartHour * 3600L));
  }

  /** The local date and time of an instant in the schedule's zone (without loading java.time's zone rules). */
  public LocalDateTime localTime(Instant t) {
    return LocalDateTime.ofEpochSecond(t.getEpochSecond(), t.getNano(),
        ZoneOffset.ofTotalSeconds(offsets.seconds(t.getEpochSecond())));
  }

  /** Start of the day containing now. */
  public Instant startOfDay(Instant now) {
    return startOf(day(now));
  }

  // ---------------------------------------------------------------- orders

  /**
   * What to drill now, among ids (bank order) not set aside (suspended, or buried until a later day): (re)learning steps due by now, earliest first; then
   * reviews due before the next day starts, lowest retrievability first; then new questions in
   * bank order, up to newPerDay minus the questions first reviewed today.
   */
  public List<String> dueQueue(List<String> all, Instant now, int newPerDay) {
    List<String> ids = active(all, now);
    long today = dayNumber(now);
    Instant nextDay = startOf(LocalDate.ofEpochDay(today + 1));
    int newLeft = Math.max(0, newPerDay - introducedOn(today));
    List<Ranked> learning = new ArrayList<>();
    List<Ranked> review = new ArrayList<>();
    List<String> fresh = new ArrayList<>();
    for (int i = 0, n = ids.size(); i < n; i++) {
      String id = ids.get(i);
      MemoryState s = state(id);
      switch (s.state()) {
        case NEW:
          if (fresh.size() < newLeft) fresh.add(id);
          break;
        case LEARNING:
        case RELEARNING:
          if (!s.due().isAfter(now)) learning.add(new Ranked(id, 0, s.due(), i));
          break;
        case REVIEW:
          if (s.due().isBefore(nextDay)) {
            review.add(new Ranked(id, fsrs.retrievability(s, now), s.due(), i));
          }
          break;
      }
    }
    learning.sort(Ranked::byDue);
    review.sort(Ranked::byRecall);
    List<String> out = new ArrayList<>(learning.size() + review.size() + fresh.size());
    for (Ranked r : learning) out.add(r.id);
    for (Ranked r : review) out.add(r.id);
    out.addAll(fresh);
    return out;
  }

  /** The size of {@link #dueQueue} without sorting it. */
  public int dueCount(List<String> all, Instant now, int newPerDay) {
    List<String> ids = active(all, now);
    long today = dayNumber(now);
    Instant nextDay = startOf(LocalDate.ofEpochDay(today + 1));
    int newLeft = Math.max(0, newPerDay - introducedOn(today));
    int due = 0;
    int fresh = 0;
    for (int i = 0, n = ids.size(); i < n; i++) {
      MemoryState s = state(ids.get(i));
      switch (s.state()) {
        case NEW:
          fresh++;
          break;
        case LEARNING:
        case RELEARNING:
          if (!s.due().isAfter(now)) due++;
          break;
        case REVIEW:
          if (s.due().isBefore(nextDay)) due++;
          break;
      }
    }
    return due + Math.min(fresh, newLeft);
  }

  /** Questions (any id, in or out of the selection) whose first standing review fell on day. */
  public int introducedOn(long day) {
    int n = 0;
    for (Card c : cards.values()) {
      if (dayNumberAt(c.millis(0)) == day) n++;
    }
    return n;
  }

  /** Cram: ignores due dates (not suspensions or burials), weakest first (lowest recall now, never seen = 0), ties in bank order. */
  public List<String> cramOrder(List<String> ids, Instant now) {
    return weakestFirst(active(ids, now), now);
  }

  /** Probability of recalling id at the given instant with no reviews before then; 0 when never seen. */
  public double predictedRecall(String id, Instant at) {
    return fsrs.retrievability(state(id), at);
  }

  /** Lowest predicted recall at the instant first, ties in bank order. */
  public List<String> readinessOrder(List<String> ids, Instant at) {
    return weakestFirst(active(ids, at), at);
  }

  private List<String> weakestFirst(List<String> ids, Instant at) {
    int n = ids.size();
    Ranked[] ranked = new Ranked[n];
    for (int i = 0; i < n; i++) {
      String id = ids.get(i);
      ranked[i] = new Ranked(id, predictedRecall(id, at), null, i);
    }
    Arrays.sort(ranked, Ranked::byRecall);
    List<String> out = new ArrayList<>(n);
    for (Ranked r : ranked) out.add(r.id);
    return out;
  }

  /** An id with what it is sorted by; index is its bank position, the last tie-break. */
  private record Ranked(String id, double recall, Instant due, int index) {
    static int byDue(Ranked a, Ranked b) {
      int c = a.due.compareTo(b.due);
      return c != 0 ? c : Integer.compare(a.index, b.index);
    }

    static int byRecall(Ranked a, Ranked b) {
      int c = Double.compare(a.recall, b.recall);
      if (c != 0) return c;
      if (a.due != null && b.due != null) {
        c = a.due.compareTo(b.due);
        if (c != 0) return c;
      }
      return Integer.compare(a.index, b.index);
    }
  }
}
