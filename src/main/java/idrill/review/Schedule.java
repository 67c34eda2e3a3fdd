package idrill.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
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
  private final ZoneId zone;
  private final Offsets offsets;
  private final int dayStartHour;
  private final Map<String, Card> cards;
  private final int reviewCount;

  /** One question's standing reviews, the state before each of them, and the state after all. */
  public static final class Card {
    private static final CardState[] STATES = CardState.values();
    private static final Card UNSEEN = new Card(List.of(), new byte[0], MemoryState.NEW);

    private final List<Review> history;
    private final byte[] before;
    private final MemoryState state;

    private Card(List<Review> history, byte[] before, MemoryState state) {
      this.history = history;
      this.before = before;
      this.state = state;
    }

    /** Standing reviews in time order. */
    public List<Review> history() {
      return history;
    }

    public MemoryState state() {
      return state;
    }

    /** The state the question was in just before its i-th review (true retention needs it). */
    public CardState stateBefore(int i) {
      return STATES[before[i]];
    }
  }

  private Schedule(Fsrs fsrs, ZoneId zone, int dayStartHour, Map<String, Card> cards, int reviewCount,
      Offsets offsets) {
    this.fsrs = fsrs;
    this.zone = zone;
    this.offsets = offsets;
    this.dayStartHour = dayStartHour;
    this.cards = cards;
    this.reviewCount = reviewCount;
  }

  /**
   * Groups standing reviews (undos already applied) by id and replays each question in time order.
   * Builds the {@link Fsrs} itself so its day boundary and the schedule's are the same by construction.
   */
  public static Schedule replay(List<Review> standing, FsrsParams params, ZoneId zone, int dayStartHour) {
    Objects.requireNonNull(zone, "zone");
    Fsrs fsrs = new Fsrs(params, zone, dayStartHour);
    Map<String, ArrayList<Review>> byId = new HashMap<>();
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (int i = 0, n = standing.size(); i < n; i++) {
      Review r = standing.get(i);
      long t = r.time().getEpochSecond();
      first = Math.min(first, t);
      last = Math.max(last, t);
      if (r.grade() == Grade.UNDO) {
        throw new IllegalArgumentException("replay takes standing reviews, found an undo of " + r.id());
      }
      ArrayList<Review> list = byId.get(r.id());
      if (list == null) byId.put(r.id(), list = new ArrayList<>());
      list.add(r);
    }
    Map<String, Card> cards = new HashMap<>(byId.size() * 2);
    for (Map.Entry<String, ArrayList<Review>> e : byId.entrySet()) {
      cards.put(e.getKey(), replayOne(fsrs, e.getValue()));
    }
    // stats look up the day of every review: cover the log's span and a few years past it
    Offsets offsets = standing.isEmpty() ? Offsets.of(zone.getRules(), 0, -1)
        : Offsets.of(zone.getRules(), first - 86_400, last + 4 * 366 * 86_400L);
    return new Schedule(fsrs, zone, dayStartHour, cards, standing.size(), offsets);
  }

  private static Card replayOne(Fsrs fsrs, ArrayList<Review> list) {
    // the log is normally in time order already; sort (stably) only when it is not
    for (int i = 1, n = list.size(); i < n; i++) {
      if (list.get(i).time().isBefore(list.get(i - 1).time())) {
        list.sort((a, b) -> a.time().compareTo(b.time()));
        break;
      }
    }
    byte[] before = new byte[list.size()];
    MemoryState s = MemoryState.NEW;
    for (int i = 0, n = list.size(); i < n; i++) {
      Review r = list.get(i);
      before[i] = (byte) s.state().ordinal();
      s = fsrs.review(s, r.grade(), r.time());
    }
    list.trimToSize();
    return new Card(Collections.unmodifiableList(list), before, s);
  }

  public Fsrs fsrs() {
    return fsrs;
  }

  public ZoneId zone() {
    return zone;
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
    return card(id).history;
  }

  /** Ids with at least one standing review, including ids no longer in any bank. */
  public Set<String> reviewedIds() {
    return Collections.unmodifiableSet(cards.keySet());
  }

  /** Number of standing reviews replayed. */
  public int reviewCount() {
    return reviewCount;
  }

  // ---------------------------------------------------------------- days

  /** The day an instant belongs to, as an epoch day (a review at 03:00 with day start 4 is yesterday's). */
  public long dayNumber(Instant t) {
    long local = t.getEpochSecond() + offsets.seconds(t) - dayStartHour * 3600L;
    return Math.floorDiv(local, 86_400L);
  }

  /** The day an instant belongs to. */
  public LocalDate day(Instant t) {
    return LocalDate.ofEpochDay(dayNumber(t));
  }

  /** When a day starts: day_start_hour local time on that date (later if a DST gap skips it). */
  public Instant startOf(LocalDate day) {
    return day.atTime(dayStartHour, 0).atZone(zone).toInstant();
  }

  /** Start of the day containing now. */
  public Instant startOfDay(Instant now) {
    return startOf(day(now));
  }

  // ---------------------------------------------------------------- orders

  /**
   * What to drill now, among ids (bank order): (re)learning steps due by now, earliest first; then
   * reviews due before the next day starts, lowest retrievability first; then new questions in
   * bank order, up to newPerDay minus the questions first reviewed today.
   */
  public List<String> dueQueue(List<String> ids, Instant now, int newPerDay) {
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
  public int dueCount(List<String> ids, Instant now, int newPerDay) {
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
      if (dayNumber(c.history.get(0).time()) == day) n++;
    }
    return n;
  }

  /** Cram: ignores due dates, weakest first (lowest recall now, never seen = 0), ties in bank order. */
  public List<String> cramOrder(List<String> ids, Instant now) {
    return weakestFirst(ids, now);
  }

  /** Probability of recalling id at the given instant with no reviews before then; 0 when never seen. */
  public double predictedRecall(String id, Instant at) {
    return fsrs.retrievability(state(id), at);
  }

  /** Lowest predicted recall at the instant first, ties in bank order. */
  public List<String> readinessOrder(List<String> ids, Instant at) {
    return weakestFirst(ids, at);
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

  /**
   * The zone's UTC offsets over a span of time as a small sorted table: ZoneRules.getOffset goes
   * through a per-year cache with boxed keys, which is most of the cost of a million day lookups.
   */
  private static final class Offsets {
    private final ZoneRules rules;
    private final long lo;
    private final long hi;
    private final long[] from; // from[i]: first epoch second of offset seconds[i]
    private final int[] seconds;

    private Offsets(ZoneRules rules, long lo, long hi, long[] from, int[] seconds) {
      this.rules = rules;
      this.lo = lo;
      this.hi = hi;
      this.from = from;
      this.seconds = seconds;
    }

    /** A table for instants in [lo, hi]; outside it (or when hi < lo) lookups ask the rules. */
    static Offsets of(ZoneRules rules, long lo, long hi) {
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
      return new Offsets(rules, lo, hi, from, seconds);
    }

    int seconds(Instant t) {
      long s = t.getEpochSecond();
      if (s < lo || s > hi) return rules.getOffset(t).getTotalSeconds();
      int i = Arrays.binarySearch(from, s);
      return seconds[i >= 0 ? i : -i - 2];
    }
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
