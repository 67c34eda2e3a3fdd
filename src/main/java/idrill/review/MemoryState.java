package idrill.review;

import java.time.Instant;
import java.util.Objects;

/**
 * The memory state of one question after replaying its reviews.
 *
 * @param due null when NEW
 * @param lastReview null when NEW
 * @param step index of the current (re)learning step; 0 in REVIEW
 */
public record MemoryState(
    CardState state,
    double stability,
    double difficulty,
    Instant due,
    Instant lastReview,
    int reps,
    int lapses,
    int step) {

  /** A question that was never graded. */
  public static final MemoryState NEW = new MemoryState(CardState.NEW, 0, 0, null, null, 0, 0, 0);

  public MemoryState {
    Objects.requireNonNull(state, "state");
  }
}
