package idrill.review;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
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
  private final ZoneOffsets offsets;
  private final long dayStartSeconds;
  private final double expW8; // e^w8, a factor of every recall's stability
  private final double expW1718; // e^(w17·w18) (e^0 without short-term steps), the divisor of a lapse's stability
  private final double[] shortTermGrowth; // e^(w17·(G-3+w18)) by grade

  /** The S and D of a memory, without scheduling. */
  public record Memory(double stability, double difficulty) {}

  public Fsrs(FsrsParams params, ZoneId zone, int dayStartHour) {
    this(params, dayStartHour, ZoneOffsets.of(zone.getRules(), 0, -1));
  }

  /** With a table of the zone's offsets (a replay knows the span of time it will ask about). */
  Fsrs(FsrsParams params, int dayStartHour, ZoneOffsets offsets) {
    this.params = Objects.requireNonNull(params, "params");
    if (dayStartHour < 0 || dayStartHour > 23) {
      throw new IllegalArgumentException("day_start_hour must be 0..23, got " + dayStartHour);
    }
    this.offsets = offsets;
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
    this.expW8 = Math.exp(w[8]);
    this.expW1718 = Math.exp(shortTerm ? w[17] * w[18] : 0);
    this.shortTermGrowth = new double[5];
    for (int g = AGAIN; g <= EASY; g++) shortTermGrowth[g] = Math.exp(w[17] * (g - 3 + w[18]));
  }

  public FsrsParams params() {
    return params;
  }

  // ---------------------------------------------------------------- scheduling

  /**
   * A memory state in primitives, changed in place by {@link #step}, so replaying a million reviews allocates
   * nothing; {@link #review} wraps it for MemoryState.
   */
  static final class Running {
    int state; // CardState ordinal; 0 is NEW
    double stability;
    double difficulty;
    long dueSecond;
    int dueNano;
    boolean reviewed; // lastSecond/lastNano are set
    long lastSecond;
    int lastNano;
    int reps;
    int lapses;
    int step;

    Running() {}

    /** Back to a question never graded. */
    void reset() {
      state = NEW;
      stability = 0;
      difficulty = 0;
      reviewed = false;
      reps = 0;
      lapses = 0;
      step = 0;
    }

    Running(MemoryState s) {
      state = s.state().ordinal();
      stability = s.stability();
      difficulty = s.difficulty();
      reviewed = s.lastReview() != null;
      if (reviewed) {
        lastSecond = s.lastReview().getEpochSecond();
        lastNano = s.lastReview().getNano();
      }
      reps = s.reps();
      lapses = s.lapses();
      step = s.step();
    }

    /** The state after at least one step. */
    MemoryState toState() {
      return new MemoryState(STATES[state], stability, difficulty, Instant.ofEpochSecond(dueSecond, dueNano),
          Instant.ofEpochSecond(lastSecond, lastNano), reps, lapses, step);
    }

    private void set(int to, double st, double d, long due, long nowSecond, int nowNano, int newReps, int newLapses,
        int newStep) {
      state = to;
      stability = st;
      difficulty = d;
      dueSecond = due;
      dueNano = nowNano;
      reviewed = true;
      lastSecond = nowSecond;
      lastNano = nowNano;
      reps = newReps;
      lapses = newLapses;
      step = newStep;
    }
  }

  private static final CardState[] STATES = CardState.values();
  private static final int NEW = 0, LEARNING = 1, REVIEW = 2, RELEARNING = 3; // CardState ordinals

  /** Applies one grade at time {@code now} to a state (pure). */
  public MemoryState review(MemoryState s, Grade g, Instant now) {
    Running run = new Running(s);
    step(run, rating(g), now.getEpochSecond(), now.getNano());
    return run.toState();
  }

  /** Applies rating r (1..4) at the given time to s in place: the one implementation of a review. */
  void step(Running s, int r, long nowSecond, int nowNano) {
    int reps = s.reps + 1;
    if (s.state == NEW) {
      double d = clamp(initDifficulty(r), 1, 10);
      if (!shortTerm) {
        longTerm(s, r, initStability(AGAIN), initStability(HARD), initStability(GOOD), initStability(EASY), d,
            nowSecond, nowNano, reps, s.lapses);
      } else {
        applySteps(s, NEW, 0, r, initStability(r), d, nowSecond, nowNano, reps, s.lapses);
      }
      return;
    }
    // a clock that stepped back must not make elapsed time negative (ts-fsrs would throw)
    long t = s.reviewed ? Math.max(0, dayNumber(nowSecond) - dayNumber(s.lastSecond)) : 0;
    double sOld = s.stability;
    double dOld = s.difficulty;
    double rr = forgettingCurve(t, sOld);
    double d = nextDifficulty(dOld, r);
    if (!shortTerm) {
      double shared = successFactor(dOld, sOld, t, rr);
      longTerm(s, r, nextStability(dOld, sOld, t, AGAIN, rr), successStability(shared, sOld, t, HARD),
          successStability(shared, sOld, t, GOOD), successStability(shared, sOld, t, EASY), d, nowSecond, nowNano,
          reps, s.lapses + (r == AGAIN ? 1 : 0));
      return;
    }
    if (s.state != REVIEW) {
      applySteps(s, s.state, s.step, r, nextStability(dOld, sOld, t, r, rr), d, nowSecond, nowNano, reps, s.lapses);
      return;
    }
    if (r == AGAIN) {
      applySteps(s, REVIEW, s.step, AGAIN, nextStability(dOld, sOld, t, AGAIN, rr), d, nowSecond, nowNano, reps,
          s.lapses + 1);
      return;
    }
    // ts-fsrs orders the intervals: hard <= good, good > hard, easy > good
    double shared = successFactor(dOld, sOld, t, rr);
    double hardS = successStability(shared, sOld, t, HARD);
    double goodS = successStability(shared, sOld, t, GOOD);
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
      st = successStability(shared, sOld, t, EASY);
      ivl = Math.max(nextInterval(st), good + 1);
    }
    s.set(REVIEW, st, d, plusDays(nowSecond, ivl), nowSecond, nowNano, reps, s.lapses, 0);
  }

  /** Replays a question's grades (already sorted by time, no undos). */
  public MemoryState replay(List<Review> reviews) {
    if (reviews.isEmpty()) return MemoryState.NEW;
    Running run = new Running();
    for (int i = 0, n = reviews.size(); i < n; i++) {
      Review rv = reviews.get(i);
      step(run, rating(rv.grade()), rv.time().getEpochSecond(), rv.time().getNano());
    }
    return run.toState();
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
    return dayNumber(to.getEpochSecond()) - dayNumber(from.getEpochSecond());
  }

  /** The local calendar day of an epoch second, counted from 1970-01-01, with days starting at day_start_hour. */
  long dayNumber(long epochSecond) {
    return Math.floorDiv(epochSecond + offsets.seconds(epochSecond) - dayStartSeconds, 86_400L);
  }

  /**
   * ts-fsrs BasicLearningStepsStrategy plus applyLearningSteps: the (re)learning step a grade leads to,
   * or graduation to REVIEW when there is none.
   */
  private void applySteps(Running s, int from, int cur, int r, double st, double d, long nowSecond, int nowNano,
      int reps, int lapses) {
    boolean relearn = from == RELEARNING || from == REVIEW;
    double[] steps = relearn ? relearningMinutes : learningMinutes;
    int n = steps.length;
    double minutes = 0;
    int next = 0;
    if (n > 0 && cur < n) {
      if (from == REVIEW) {
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
      int to = from == NEW ? LEARNING : from == REVIEW ? RELEARNING : from;
      s.set(to, st, d, plusMinutes(nowSecond, minutes), nowSecond, nowNano, reps, lapses, next);
    } else if (minutes >= 1440) {
      // a step of a day or more graduates but keeps its step index, as ts-fsrs does
      s.set(REVIEW, st, d, plusMinutes(nowSecond, minutes), nowSecond, nowNano, reps, lapses, next);
    } else {
      s.set(REVIEW, st, d, plusDays(nowSecond, nextInterval(st)), nowSecond, nowNano, reps, lapses, 0);
    }
  }

  /** ts-fsrs LongTermScheduler: straight to REVIEW, every grade schedules in days, again < hard < good < easy. */
  private void longTerm(Running s, int r, double again, double hard, double good, double easy, double d,
      long nowSecond, int nowNano, int reps, int lapses) {
    int againIvl = Math.min(nextInterval(again), nextInterval(hard));
    int hardIvl = Math.max(nextInterval(hard), againIvl + 1);
    int goodIvl = Math.max(nextInterval(good), hardIvl + 1);
    int easyIvl = Math.max(nextInterval(easy), goodIvl + 1);
    int ivl = r == AGAIN ? againIvl : r == HARD ? hardIvl : r == GOOD ? goodIvl : easyIvl;
    double st = r == AGAIN ? again : r == HARD ? hard : r == GOOD ? good : easy;
    s.set(REVIEW, st, d, plusDays(nowSecond, ivl), nowSecond, nowNano, reps, lapses, 0);
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
    return recallStability(recallGrowth(d, s, r), s, g);
  }

  /** e^w8·(11-D)·S^-w9·(e^((1-R)·w10) - 1): the part of a recall's stability that all grades share. */
  private double recallGrowth(double d, double s, double r) {
    return expW8 * (11 - d) * Math.pow(s, -w[9]) * (Math.exp((1 - r) * w[10]) - 1);
  }

  /** S·(1 + growth·hard penalty·easy bonus), in ts-fsrs's order of multiplication, so the rounding is the same. */
  private double recallStability(double growth, double s, int g) {
    double hardPenalty = g == HARD ? w[15] : 1;
    double easyBonus = g == EASY ? w[16] : 1;
    return roundTo(clamp(s * (1 + growth * hardPenalty * easyBonus), S_MIN, S_MAX), 8);
  }

  /** Post-lapse stability w11·D^-w12·((S+1)^w13 - 1)·e^(w14·(1-R)). */
  public double nextForgetStability(double d, double s, double r) {
    return roundTo(clamp(w[11] * Math.pow(d, -w[12]) * (Math.pow(s + 1, w[13]) - 1)
        * Math.exp((1 - r) * w[14]), S_MIN, S_MAX), 8);
  }

  /** Same-day stability S·S^-w19·e^(w17·(G-3+w18)); for Hard and better it never drops. */
  public double nextShortTermStability(double s, int g) {
    return shortTermStability(Math.pow(s, -w[19]), s, g);
  }

  /** nextShortTermStability given S^-w19, which all grades share. */
  private double shortTermStability(double powS, double s, int g) {
    double sinc = powS * shortTermGrowth[g];
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
      // a lapse never leaves more stability than the same-day path would
      return clamp(roundTo(s / expW1718, 8), S_MIN, sAfterFail);
    }
    return nextRecallStability(d, s, r, g);
  }

  /** What nextStability for G = 2..4 shares across grades: S^-w19 on the same day, else the recall growth. */
  private double successFactor(double d, double s, double t, double r) {
    return t == 0 && shortTerm ? Math.pow(s, -w[19]) : recallGrowth(d, s, r);
  }

  /** nextStability for G = 2..4 given successFactor: the grades then cost no further exp or pow. */
  private double successStability(double shared, double s, double t, int g) {
    return t == 0 && shortTerm ? shortTermStability(shared, s, g) : recallStability(shared, s, g);
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

  /**
   * The same local time of day, days local calendar days later: across a DST change a day is 23 or 25 hours, and
   * 24 of them would land a 1-day interval on the same local day (in UTC, and so in ts-fsrs, it is days × 24 h).
   */
  private long plusDays(long nowSecond, long days) {
    long naive = nowSecond + days * 86_400L;
    long due = naive + offsets.seconds(nowSecond) - offsets.seconds(naive);
    // in the hour a change moves (either side of it) the correction itself crosses it: take the later offset
    int after = offsets.seconds(due);
    return after == offsets.seconds(naive) ? due : nowSecond + days * 86_400L + offsets.seconds(nowSecond) - after;
  }

  private static long plusMinutes(long nowSecond, double minutes) {
    return nowSecond + Math.round(minutes) * 60L;
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
