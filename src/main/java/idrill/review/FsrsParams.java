package idrill.review;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * FSRS-6 settings. Weights are clipped into the ranges ts-fsrs 5.4 enforces, so a record always holds
 * the weights actually used.
 */
public record FsrsParams(
    double[] weights,
    double desiredRetention,
    int maximumInterval,
    List<Duration> learningSteps,
    List<Duration> relearningSteps,
    boolean enableShortTerm) {

  /** FSRS-6 default weights (ts-fsrs default_w). */
  private static final double[] DEFAULT_WEIGHTS = {
    0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
    1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542
  };

  // [min, max] per weight, ts-fsrs CLAMP_PARAMETERS; w17/w18 maxima and w19 minimum are adjusted in clip
  private static final double[][] BOUNDS = {
    {0.001, 100}, {0.001, 100}, {0.001, 100}, {0.001, 100}, {1, 10}, {0.001, 4}, {0.001, 4},
    {0.001, 0.75}, {0, 4.5}, {0, 0.8}, {0.001, 3.5}, {0.001, 5}, {0.001, 0.25}, {0.001, 0.9},
    {0, 4}, {0, 1}, {1, 6}, {0, 2}, {0, 2}, {0.01, 0.8}, {0.1, 0.8}
  };

  public FsrsParams {
    Objects.requireNonNull(weights, "weights");
    if (weights.length != 21) {
      throw new IllegalArgumentException("FSRS-6 needs 21 weights, got " + weights.length);
    }
    for (double w : weights) {
      if (!Double.isFinite(w)) throw new IllegalArgumentException("weights must be finite numbers");
    }
    if (!(desiredRetention > 0 && desiredRetention <= 1)) {
      throw new IllegalArgumentException("desired retention must be in (0, 1], got " + desiredRetention);
    }
    if (maximumInterval < 1) {
      throw new IllegalArgumentException("maximum interval must be at least 1 day");
    }
    learningSteps = List.copyOf(learningSteps);
    relearningSteps = List.copyOf(relearningSteps);
    for (Duration d : learningSteps) checkStep(d);
    for (Duration d : relearningSteps) checkStep(d);
    weights = clip(weights, relearningSteps.size(), enableShortTerm);
  }

  /** Defaults: FSRS-6 weights, retention 0.9, 36500 days, steps 1m 10m, relearning 10m, short-term on. */
  public static FsrsParams defaults() {
    return new FsrsParams(DEFAULT_WEIGHTS, 0.9, 36500,
        List.of(Duration.ofMinutes(1), Duration.ofMinutes(10)), List.of(Duration.ofMinutes(10)), true);
  }

  public FsrsParams withRetention(double r) {
    return new FsrsParams(weights, r, maximumInterval, learningSteps, relearningSteps, enableShortTerm);
  }

  public FsrsParams withWeights(double[] w) {
    return new FsrsParams(w, desiredRetention, maximumInterval, learningSteps, relearningSteps, enableShortTerm);
  }

  /** A copy, so the record stays immutable. */
  @Override
  public double[] weights() {
    return weights.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FsrsParams p
        && Arrays.equals(weights, p.weights)
        && Double.compare(desiredRetention, p.desiredRetention) == 0
        && maximumInterval == p.maximumInterval
        && learningSteps.equals(p.learningSteps)
        && relearningSteps.equals(p.relearningSteps)
        && enableShortTerm == p.enableShortTerm;
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(weights), desiredRetention, maximumInterval, learningSteps,
        relearningSteps, enableShortTerm);
  }

  @Override
  public String toString() {
    return "FsrsParams[weights=" + Arrays.toString(weights) + ", desiredRetention=" + desiredRetention
        + ", maximumInterval=" + maximumInterval + ", learningSteps=" + learningSteps
        + ", relearningSteps=" + relearningSteps + ", enableShortTerm=" + enableShortTerm + "]";
  }

  private static void checkStep(Duration d) {
    if (d.isNegative()) throw new IllegalArgumentException("negative (re)learning step " + d);
  }

  /** ts-fsrs clipParameters: clamps each weight; several relearning steps lower the w17/w18 ceiling. */
  static double[] clip(double[] w, int relearningSteps, boolean shortTerm) {
    double ceiling = 2.0;
    if (relearningSteps > 1) {
      // keeps w17*w18 small enough that relearning steps cannot raise stability above the pre-lapse value
      double w11 = Fsrs.clamp(w[11], BOUNDS[11][0], BOUNDS[11][1]);
      double w13 = Fsrs.clamp(w[13], BOUNDS[13][0], BOUNDS[13][1]);
      double w14 = Fsrs.clamp(w[14], BOUNDS[14][0], BOUNDS[14][1]);
      double value = -(Math.log(w11) + Math.log(Math.pow(2.0, w13) - 1.0) + w14 * 0.3) / relearningSteps;
      ceiling = Fsrs.clamp(Fsrs.roundTo(Math.sqrt(Math.max(value, 0)), 8), 0.01, 2.0);
    }
    double[] out = new double[21];
    for (int i = 0; i < 21; i++) {
      double min = i == 19 && !shortTerm ? 0.0 : BOUNDS[i][0];
      double max = i == 17 || i == 18 ? ceiling : BOUNDS[i][1];
      out[i] = Fsrs.clamp(w[i], min, max);
    }
    return out;
  }
}
