package idrill.drill;

import idrill.review.Review;
import java.io.IOException;

/** Where the drill hands each grade (and undo) before it shows anything else; the CLI appends and fsyncs. */
@FunctionalInterface
public interface GradeSink {
  void save(Review r) throws IOException;
}
