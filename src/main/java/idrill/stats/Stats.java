package idrill.stats;

import idrill.bank.Question;
import idrill.review.CardState;
import idrill.review.Forecast;
import idrill.review.Fsrs;
import idrill.review.Grade;
import idrill.review.Schedule;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Aggregates over a selection of questions and their standing reviews (reviews of ids outside the
 * selection, including ids gone from the bank, do not count). Pure: everything comes from the schedule.
 *
 * @param readiness null unless a readiness date was asked for
 * @param forecast what comes due on each of the next {@value #FORECAST_DAYS} days
 * @param weakest seen questions that lapsed or whose recall is below the desired retention, weakest first, at most
 *     {@value #WEAKEST}
 */
public record Stats(Totals totals, Heatmap heatmap, List<TagRow> tags, Readiness readiness, Upcoming forecast,
    List<Weak> weakest) {
  /** Weeks the heatmap covers, the current one included. */
  public static final int WEEKS = 26;
  /** Days the true retention looks back over, today included. */
  public static final int RETENTION_DAYS = 30;
  /** Days the forecast covers, today included. */
  public static final int FORECAST_DAYS = 14;
  /** Most weak questions listed. */
  public static final int WEAKEST = 10;
  /** How far back streaks look. */
  private static final int STREAK_HORIZON_DAYS = 36_600;

  public Stats {
    tags = List.copyOf(tags);
    weakest = List.copyOf(weakest);
  }

  /**
   * @param dueToday what {@code idrill due --count} prints: due steps, reviews due today, new up to the limit
   * @param newToday how many of dueToday are new questions (new_per_day less those already begun today)
   * @param currentStreak consecutive days with a review ending today, or yesterday when today has none yet
   * @param trueRetention30d passed / all reviews of questions in REVIEW state in the last 30 days; null without any
   * @param retentionSample how many reviews that share is of
   * @param leeches questions with at least leech_lapses lapses
   */
  public record Totals(int questions, int seen, int dueToday, int newToday, int reviews, int currentStreak, int longestStreak,
      Double trueRetention30d, int retentionSample, int leeches) {}

  /** Questions coming due per day from {@code today} on (today's count has the overdue ones too). */
  public record Upcoming(LocalDate today, List<Integer> due) {
    public Upcoming {
      due = List.copyOf(due);
    }
  }

  /** A question that lapsed or fell below the desired retention: its lapses and recall now. */
  public record Weak(String id, int lapses, double recall, boolean leech) {}

  /** Reviews per day from firstDay (a Monday) to today inclusive. */
  public record Heatmap(LocalDate firstDay, int[] counts) {
    public Heatmap {
      counts = counts.clone();
    }

    /** A copy, so the record stays immutable. */
    @Override
    public int[] counts() {
      return counts.clone();
    }

    /** Reviews on a day; 0 outside the window. */
    public int count(LocalDate day) {
      long i = day.toEpochDay() - firstDay.toEpochDay();
      return i < 0 || i >= counts.length ? 0 : counts[(int) i];
    }

    public LocalDate today() {
      return firstDay.plusDays(counts.length - 1L);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Heatmap h && firstDay.equals(h.firstDay) && Arrays.equals(counts, h.counts);
    }

    @Override
    public int hashCode() {
      return 31 * firstDay.hashCode() + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
      return "Heatmap[firstDay=" + firstDay + ", counts=" + Arrays.toString(counts) + "]";
    }
  }

  /**
   * @param goodShare share of the tag's reviews graded good or easy; null when it has none
   * @param meanRecall mean retrievability now over the tag's questions, never seen = 0
   */
  public record TagRow(String tag, int questions, int seen, Double goodShare, double meanRecall) {}

  /** Predicted recall at the start of day {@code on}, assuming no reviews until then; never seen = 0. */
  public record Readiness(LocalDate on, double overall, List<TagReadiness> tags) {
    public Readiness {
      tags = List.copyOf(tags);
    }

    public record TagReadiness(String tag, int questions, double recall) {}
  }

  /** Per-tag running sums. */
  private static final class Acc {
    int questions;
    int seen;
    int reviews;
    int good;
    double recall;
    double readiness;
  }

  /** {@link #compute(List, Schedule, Instant, int, LocalDate, int)} with no question counted a leech. */
  public static Stats compute(List<Question> questions, Schedule schedule, Instant now, int newPerDay,
      LocalDate readinessOn) {
    return compute(questions, schedule, now, newPerDay, readinessOn, Integer.MAX_VALUE);
  }

  public static Stats compute(List<Question> questions, Schedule schedule, Instant now, int newPerDay,
      LocalDate readinessOn, int leechLapses) {
    Fsrs fsrs = schedule.fsrs();
    long today = schedule.dayNumber(now);
    LocalDate todayDate = LocalDate.ofEpochDay(today);
    LocalDate firstDay = todayDate.with(DayOfWeek.MONDAY).minusWeeks(WEEKS - 1);
    long heatFrom = firstDay.toEpochDay();
    int[] heat = new int[(int) (today - heatFrom + 1)];
    long retentionFrom = today - (RETENTION_DAYS - 1);
    Instant readyAt = readinessOn == null ? null : schedule.startOf(readinessOn);

    // days with reviews, at most a century back (bounds the work on a log with absurd dates)
    long activeFrom = today - STREAK_HORIZON_DAYS;
    boolean[] active = new boolean[STREAK_HORIZON_DAYS + 1];
    int total = 0;
    int seen = 0;
    int passed = 0;
    int sample = 0;
    double readySum = 0;
    int leeches = 0;
    double target = fsrs.params().desiredRetention();
    List<Weak> weak = new ArrayList<>();
    Map<String, Acc> byTag = new LinkedHashMap<>();
    for (Question q : questions) {
      Schedule.Card card = schedule.card(q.id());
      int reviews = card.reviews();
      int good = 0;
      for (int i = 0; i < reviews; i++) {
        Grade g = card.grade(i);
        long d = schedule.dayNumberAt(card.millis(i));
        if (d >= activeFrom && d <= today) active[(int) (d - activeFrom)] = true;
        if (d >= heatFrom && d <= today) heat[(int) (d - heatFrom)]++;
        if (d >= retentionFrom && d <= today && card.stateBefore(i) == CardState.REVIEW) {
          sample++;
          if (g != Grade.AGAIN) passed++;
        }
        if (g == Grade.GOOD || g == Grade.EASY) good++;
      }
      total += reviews;
      if (reviews > 0) seen++;
      double recall = fsrs.retrievability(card.state(), now);
      int lapses = card.state().lapses();
      boolean leech = lapses >= leechLapses;
      if (leech) leeches++;
      if (reviews > 0 && (lapses > 0 || recall < target)) weak.add(new Weak(q.id(), lapses, recall, leech));
      double ready = readyAt == null ? 0 : fsrs.retrievability(card.state(), readyAt);
      readySum += ready;
      for (String tag : q.tags()) {
        Acc a = byTag.get(tag);
        if (a == null) byTag.put(tag, a = new Acc());
        a.questions++;
        if (reviews > 0) a.seen++;
        a.reviews += reviews;
        a.good += good;
        a.recall += recall;
        a.readiness += ready;
      }
    }

    int longest = 0;
    int run = 0;
    for (boolean a : active) {
      run = a ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    // the run reaching today, or yesterday while today has no review yet
    int current = 0;
    for (int i = active.length - (active[active.length - 1] ? 1 : 2); i >= 0 && active[i]; i--) current++;

    List<String> ids = new ArrayList<>(questions.size());
    for (Question q : questions) ids.add(q.id());
    int dueToday = schedule.dueCount(ids, now, newPerDay);
    Totals totals = new Totals(questions.size(), seen, dueToday, dueToday - schedule.dueCount(ids, now, 0), total,
        current,
        longest, sample == 0 ? null : (double) passed / sample, sample, leeches);
    // most lapses first, then lowest recall, then by id
    weak.sort(Comparator.comparingInt(Weak::lapses).reversed().thenComparingDouble(Weak::recall)
        .thenComparing(Weak::id));
    List<Integer> upcoming = new ArrayList<>(FORECAST_DAYS);
    for (int c : Forecast.days(schedule, ids, now, FORECAST_DAYS)) upcoming.add(c);

    List<TagRow> rows = new ArrayList<>(byTag.size());
    List<Readiness.TagReadiness> ready = new ArrayList<>(byTag.size());
    for (Map.Entry<String, Acc> e : byTag.entrySet()) {
      Acc a = e.getValue();
      rows.add(new TagRow(e.getKey(), a.questions, a.seen, a.reviews == 0 ? null : (double) a.good / a.reviews,
          a.recall / a.questions));
      ready.add(new Readiness.TagReadiness(e.getKey(), a.questions, a.readiness / a.questions));
    }
    // weakest first: lowest recall, then fewest good answers (none counts lowest), then by name
    rows.sort(Comparator.comparingDouble(TagRow::meanRecall)
        .thenComparingDouble(r -> r.goodShare() == null ? -1 : r.goodShare())
        .thenComparing(TagRow::tag));
    ready.sort(Comparator.comparingDouble(Readiness.TagReadiness::recall)
        .thenComparing(Readiness.TagReadiness::tag));
    Readiness readiness = readinessOn == null ? null
        : new Readiness(readinessOn, questions.isEmpty() ? 0 : readySum / questions.size(), ready);
    return new Stats(totals, new Heatmap(firstDay, heat), rows, readiness, new Upcoming(todayDate, upcoming),
        weak.subList(0, Math.min(WEAKEST, weak.size())));
  }
}
