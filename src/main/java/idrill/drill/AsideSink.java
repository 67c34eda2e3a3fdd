package idrill.drill;

import idrill.review.AsideEvent;
import idrill.review.Review;
import idrill.review.ReviewLog;
import java.io.IOException;

/**
 * Where the drill hands each set-aside event, and the undo that withdraws one, before it shows anything else: kept
 * apart from the {@link GradeSink} so that what watches grades (the outlook's states) never takes such an undo for a
 * grade's.
 */
public interface AsideSink {
  void save(AsideEvent event) throws IOException;

  /** Saves the undo of a set-aside event (it names that event's time). */
  void withdraw(Review undo) throws IOException;

  /** Appends both to the log, with a grade's durability. */
  static AsideSink to(ReviewLog log) {
    return new AsideSink() {
      @Override
      public void save(AsideEvent event) throws IOException {
        log.append(event);
      }

      @Override
      public void withdraw(Review undo) throws IOException {
        log.append(undo);
      }
    };
  }
}
