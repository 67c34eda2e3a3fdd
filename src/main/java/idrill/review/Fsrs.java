package idrill.review;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Objects;

/**
 * FSRS-6 scheduler, following ts-fsrs 5.4 (fuzz off) formula for formula, including its rounding to
 * 8 decimals, so that replays reproduce its stability, difficulty and due times.
 *
 * <p>Elapsed days are whole local calendar days in {@code zone} where a day starts at
 * {@code dayStartHour}; with UTC and hour 0 this is exactly ts-fsrs's {@code dateDiffInDays}.
 */
public final class Fsrs {
  /** Smallest stability ts-fsrs allows (S_MIN). */
  public static final double S_MIN = 0.001;
  /** Largest stability ts-fsrs allows (S_MAX). */
  public static final double S_MAX = 36500.0;

  private static final int AGAIN = 1, HARD = 2, GOOD = 3, EASY = 4;

  private final FsrsParams params;
  private final double[] w;
  private final double decay;
  private final double factor;
  private final double intervalModifier;
  private final double initDifficultyEasy;
  private final double[] learningMinutes;
  private final double[] relearningMinutes;
  private final boolean shortTerm;
  private final int maximumInterval;
  private final ZoneRules rules;
  private final long dayStartSeconds;

  /** The S and D of a memory, without scheduling. */
  public record Memory(double stability, double difficulty) {}

  public Fsrs(FsrsParams params, ZoneId zone, int dayStartHour) {
    this.params = Objects.requireNonNull(params, "params");
    if (dayStartHour < 0 || dayStartHour > 23) {
      throw new IllegalArgumentException("day_start_hour must be 0..23, got " + dayStartHour);
    }
    this.rules = zone.getRules();
    this.dayStartSeconds = dayStartHour * 3600L;
    this.w = params.weights();
    this.decay = -w[20];
    // ts-fsrs computeDecayFactor, same expression and rounding
    this.factor = roundTo(Math.exp(Math.pow(decay, -1) * Math.log(0.9)) - 1.0, 8);
    this.intervalModifier = roundTo((Math.pow(params.desiredRetention(), 1 / decay) - 1) / factor, 8);
    this.initDifficultyEasy = initDifficulty(EASY);
    this.learningMinutes = minutes(params.learningSteps());
    this.relearningMinutes = minutes(params.relearningSteps());
    this.shortTerm = params.enableShortTerm();
    this.maximumInterval = params.maximumInterval();
  }

  public FsrsParams params() {
    return params;
  }

  // ---------------------------------------------------------------- scheduling

  /** Applies one grade at time {@code now} to a state (pure). */
  public MemoryState review(MemoryState s, Grade g, Instant now) {
    int r = rating(g);
    int reps = s.reps() + 1;
    if (s.state() == CardState.NEW) {
      if (!shortTerm) return longTermNew(r, now, reps, s.lapses());
      double d = clamp(initDifficulty(r), 1, 10);
      return applySteps(CardState.NEW, 0, r, initStability(r), d, now, reps, s.lapses());
    }
    // a clock that stepped back must not make elapsed time negative (ts-fsrs would throw)
    long t = s.lastReview() == null ? 0 : Math.max(0, elapsedDays(s.lastReview(), now));
    if (!shortTerm) return longTermReview(s, r, t, now, reps);
    if (s.state() != CardState.REVIEW) {
      double rr = forgettingCurve(t, s.stability());
      double st = nextStability(s.difficulty(), s.stability(), t, r, rr);
      double d = nextDifficulty(s.difficulty(), r);
      return applySteps(s.state(), s.step(), r, st, d, now, reps, s.lapses());
    }
    double rr = forgettingCurve(t, s.stability());
    double d = nextDifficulty(s.difficulty(), r);
    if (r == AGAIN) {
      double st = nextStability(s.difficulty(), s.stability(), t, AGAIN, rr);
      return applySteps(CardState.REVIEW, s.step(), AGAIN, st, d, now, reps, s.lapses() + 1);
    }
    // ts-fsrs orders the intervals: hard <= good, good > hard, easy > good
    double hardS = nextStability(s.difficulty(), s.stability(), t, HARD, rr);
    double goodS = nextStability(s.difficulty(), s.stability(), t, GOOD, rr);
    int hard = Math.min(nextInterval(hardS), nextInterval(goodS));
    int good = Math.max(nextInterval(goodS), hard + 1);
    int ivl;
    double st;
    if (r == HARD) {
      ivl = hard;
      st = hardS;
    } else if (r == GOOD) {
      ivl = good;
      st = goodS;
    } else {
      st = nextStability(s.difficulty(), s.stability(), t, EASY, rr);
      ivl = Math.max(nextInterval(st), good + 1);
    }
    return new MemoryState(CardState.REVIEW, st, d, plusDays(now, ivl), now, reps, s.lapses(), 0);
  }

  /** Replays a question's grades (already sorted by time, no undos). */
  public MemoryState replay(List<Review> reviews) {
    MemoryState s = MemoryState.NEW;
    for (int i = 0, n = reviews.size(); i < n; i++) {
      Review rv = reviews.get(i);
      s = review(s, rv.grade(), rv.time());
    }
    return s;
  }

  /**
   * Probability of recall at {@code at} (0 for NEW): the FSRS-6 forgetting curve over the whole days
   * {@link #elapsedDays} counts, the same t a review at {@code at} would use (ts-fsrs's
   * get_retrievability floors elapsed 24-hour periods instead; the two can differ by a day).
   */
  public double retrievability(MemoryState s, Instant at) {
    if (s.state() == CardState.NEW || s.lastReview() == null) return 0;
    return forgettingCurve(Math.max(0, elapsedDays(s.lastReview(), at)), s.stability());
  }

  /** Elapsed whole days between two instants per zone and day_start_hour (negative if to < from). */
  public long elapsedDays(Instant from, Instant to) {
    return dayNumber(to) - dayNumber(from);
  }

  /** The local calendar day of an instant, counted from 1970-01-01, with days starting at day_start_hour. */
  private long dayNumber(Instant i) {
    long local = i.getEpochSecond() + rules.getOffset(i).getTotalSeconds() - dayStartSeconds;
    return Math.floorDiv(local, 86_400L);
  }

  /**
   * ts-fsrs BasicLearningStepsStrategy plus applyLearningSteps: the (re)learning step a grade leads to,
   * or graduation to REVIEW when there is none.
   */
  private MemoryState applySteps(CardState from, int cur, int r, double st, double d, Instant now,
      int reps, int lapses) {
    boolean relearn = from == CardState.RELEARNING || from == CardState.REVIEW;
    double[] steps = relearn ? relearningMinutes : learningMinutes;
    int n = steps.length;
    double minutes = 0;
    int next = 0;
    if (n > 0 && cur < n) {
      if (from == CardState.REVIEW) {
        minutes = steps[Math.max(0, cur)];
      } else if (r == AGAIN) {
        minutes = steps[0];
      } else if (r == HARD) {
        // ts-fsrs: Hard waits between the first two steps at every step, not the current step
        minutes = n == 1 ? Math.round(steps[0] * 1.5) : Math.round((steps[0] + steps[1]) / 2);
        next = cur;
      } else if (r == GOOD && cur + 1 < n) {
        minutes = Math.round(steps[cur + 1]);
        next = cur + 1;
      }
    }
    if (minutes > 0 && minutes < 1440) {
      CardState to = from == CardState.NEW ? CardState.LEARNING
          : from == CardState.REVIEW ? CardState.RELEARNING : from;
      return new MemoryState(to, st, d, plusMinutes(now, minutes), now, reps, lapses, next);
    }
    if (minutes >= 1440) {
      // a step of a day or more graduates but keeps its step index, as ts-fsrs does
      return new MemoryState(CardState.REVIEW, st, d, plusMinutes(now, minutes), now, reps, lapses, next);
    }
    return new MemoryState(CardState.REVIEW, st, d, plusDays(now, nextInterval(st)), now, reps, lapses, 0);
  }

  /** ts-fsrs LongTermScheduler for a new card: straight to REVIEW, again < hard < good < easy. */
  private MemoryState longTermNew(int r, Instant now, int reps, int lapses) {
    double[] s = new double[5];
    for (int g = AGAIN; g <= EASY; g++) s[g] = initStability(g);
    int ivl = orderedInterval(s, r);
    double d = clamp(initDifficulty(r), 1, 10);
    return new MemoryState(CardState.REVIEW, s[r], d, plusDays(now, ivl), now, reps, lapses, 0);
  }

  /** ts-fsrs LongTermScheduler for a reviewed card: every grade schedules in days. */
  private MemoryState longTermReview(MemoryState m, int r, long t, Instant now, int reps) {
    double rr = forgettingCurve(t, m.stability());
    double[] s = new double[5];
    for (int g = AGAIN; g <= EASY; g++) s[g] = nextStability(m.difficulty(), m.stability(), t, g, rr);
    int ivl = orderedInterval(s, r);
    int lapses = m.lapses() + (r == AGAIN ? 1 : 0);
    return new MemoryState(CardState.REVIEW, s[r], nextDifficulty(m.difficulty(), r), plusDays(now, ivl),
        now, reps, lapses, 0);
  }

  private int orderedInterval(double[] s, int r) {
    int again = Math.min(nextInterval(s[AGAIN]), nextInterval(s[HARD]));
    int hard = Math.max(nextInterval(s[HARD]), again + 1);
    int good = Math.max(nextInterval(s[GOOD]), hard + 1);
    int easy = Math.max(nextInterval(s[EASY]), good + 1);
    return r == AGAIN ? again : r == HARD ? hard : r == GOOD ? good : easy;
  }

  // ---------------------------------------------------------------- FSRS-6 formulas (ts-fsrs algorithm.ts)

  /** S0(G) = w[G-1], at least 0.1. */
  public double initStability(int g) {
    return Math.max(w[g - 1], 0.1);
  }

  /** D0(G) = w4 - e^((G-1)·w5) + 1, unclamped (callers clamp to [1, 10] as ts-fsrs does). */
  public double initDifficulty(int g) {
    return roundTo(w[4] - Math.exp((g - 1) * w[5]) + 1, 8);
  }

  /** D' = w7·D0(4) + (1-w7)·(D + ΔD·(10-D)/9) with ΔD = -w6·(G-3), clamped to [1, 10]. */
  public double nextDifficulty(double d, int g) {
    double deltaD = -w[6] * (g - 3);
    double nextD = d + roundTo((deltaD * (10 - d)) / 9, 8);
    return clamp(roundTo(w[7] * initDifficultyEasy + (1 - w[7]) * nextD, 8), 1, 10);
  }

  /** Stability after a successful recall (G = 2..4) at retrievability r. */
  public double nextRecallStability(double d, double s, double r, int g) {
    double hardPenalty = g == HARD ? w[15] : 1;
    double easyBonus = g == EASY ? w[16] : 1;
    return roundTo(clamp(s * (1 + Math.exp(w[8]) * (11 - d) * Math.pow(s, -w[9])
        * (Math.exp((1 - r) * w[10]) - 1) * hardPenalty * easyBonus), S_MIN, S_MAX), 8);
  }

  /** Post-lapse stability w11·D^-w12·((S+1)^w13 - 1)·e^(w14·(1-R)). */
  public double nextForgetStability(double d, double s, double r) {
    return roundTo(clamp(w[11] * Math.pow(d, -w[12]) * (Math.pow(s + 1, w[13]) - 1)
        * Math.exp((1 - r) * w[14]), S_MIN, S_MAX), 8);
  }

  /** Same-day stability S·S^-w19·e^(w17·(G-3+w18)); for Hard and better it never drops. */
  public double nextShortTermStability(double s, int g) {
    double sinc = Math.pow(s, -w[19]) * Math.exp(w[17] * (g - 3 + w[18]));
    double masked = g >= HARD ? Math.max(sinc, 1.0) : sinc;
    return roundTo(clamp(s * masked, S_MIN, S_MAX), 8);
  }

  /** Next interval in whole days for stability s at the desired retention, 1..maximum interval. */
  public int nextInterval(double s) {
    return (int) Math.min(Math.max(1, Math.round(s * intervalModifier)), maximumInterval);
  }

  /** R(t, S) = (1 + factor·t/S)^decay, decay = -w20, factor = 0.9^(1/decay) - 1. */
  public double forgettingCurve(double elapsedDays, double stability) {
    return roundTo(Math.pow(1 + (factor * elapsedDays) / stability, decay), 8);
  }

  /** ts-fsrs next_state: the memory after grade g given t elapsed days; null memory means a new card. */
  public Memory nextState(Memory m, double t, int g) {
    if (g < 1 || g > 4) throw new IllegalArgumentException("grade must be 1..4, got " + g);
    if (t < 0) throw new IllegalArgumentException("negative elapsed days " + t);
    if (m == null || (m.difficulty() == 0 && m.stability() == 0)) {
      return new Memory(initStability(g), clamp(initDifficulty(g), 1, 10));
    }
    double r = forgettingCurve(t, m.stability());
    return new Memory(nextStability(m.difficulty(), m.stability(), t, g, r), nextDifficulty(m.difficulty(), g));
  }

  /** The stability branch of ts-fsrs next_state. */
  private double nextStability(double d, double s, double t, int g, double r) {
    if (t == 0 && shortTerm) return nextShortTermStability(s, g);
    if (g == AGAIN) {
      double sAfterFail = nextForgetStability(d, s, r);
      double w1718 = shortTerm ? w[17] * w[18] : 0;
      // a lapse never leaves more stability than the same-day path would
      return clamp(roundTo(s / Math.exp(w1718), 8), S_MIN, sAfterFail);
    }
    return nextRecallStability(d, s, r, g);
  }

  // ---------------------------------------------------------------- helpers

  private static int rating(Grade g) {
    if (g == null || g.rating < 1 || g.rating > 4) {
      throw new IllegalArgumentException("not a grade to schedule: " + g);
    }
    return g.rating;
  }

  private static double[] minutes(List<Duration> steps) {
    double[] m = new double[steps.size()];
    for (int i = 0; i < m.length; i++) m[i] = steps.get(i).toMillis() / 60_000.0;
    return m;
  }

  private static Instant plusDays(Instant now, long days) {
    return now.plusSeconds(days * 86_400L);
  }

  private static Instant plusMinutes(Instant now, double minutes) {
    return now.plusSeconds(Math.round(minutes) * 60L);
  }

  /** min(max(v, lo), hi), the order ts-fsrs uses (hi wins when lo > hi). */
  static double clamp(double v, double lo, double hi) {
    return Math.min(Math.max(v, lo), hi);
  }

  /** Rounds half up to the given decimals, like ts-fsrs roundTo (Math.round ties toward +∞ in both). */
  static double roundTo(double v, int decimals) {
    double f = decimals == 8 ? 1e8 : Math.pow(10, decimals);
    return Math.round(v * f) / f;
  }
}
