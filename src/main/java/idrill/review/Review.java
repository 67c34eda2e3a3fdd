package idrill.review;

import java.time.Instant;

/**
 * One event of the review log: a grade (or an undo) of a question at a time, after ms of thinking. An undo names
 * in {@code target} the time of the grade it withdraws; null (an undo written before targets existed, or any grade)
 * means none: such an undo withdraws the latest standing grade of its id earlier in the same file.
 */
public record Review(Instant time, String id, Grade grade, long ms, Instant target) {
  public Review(Instant time, String id, Grade grade, long ms) {
    this(time, id, grade, ms, null);
  }

  /** An undo at {@code time} of the grade of {@code id} made at {@code target}. */
  public static Review undo(Instant time, String id, Instant target) {
    return new Review(time, id, Grade.UNDO, 0, target);
  }
}
