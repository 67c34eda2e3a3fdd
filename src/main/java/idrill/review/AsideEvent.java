package idrill.review;

import java.time.Instant;
import java.util.Objects;

/** One set-aside event of the review log: a question suspended, unsuspended, buried, flagged or unflagged at a time. */
public record AsideEvent(Instant time, String id, Aside kind) {
  public AsideEvent {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
  }

  /** The undo at {@code now} that withdraws exactly this event (it names this event's time). */
  public Review undo(Instant now) {
    return Review.undo(now, id, time);
  }
}
