package idrill.drill;

import idrill.bank.Position;
import idrill.bank.Question;
import idrill.review.Review;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Questions, clocks and sinks shared by the drill tests. */
final class Fixtures {
  static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

  static final Question ADAM = new Question("adam", "What does **Adam** add to plain SGD?",
      "Momentum, and a step size per parameter from running averages of the squared gradients.",
      List.of("deep-learning", "optimization"), null, List.of(), new Position("t.yaml", 1, 1));
  static final Question BIAS = new Question("bias", "Explain the bias-variance trade-off.",
      "Simple models miss signal (bias); flexible ones chase noise (variance).",
      List.of("statistics"), null, List.of(), new Position("t.yaml", 5, 1));
  static final Question DROPOUT = new Question("dropout", "Why does dropout regularize?",
      "It trains an ensemble of thinned networks that share weights.",
      List.of("deep-learning"), null, List.of(), new Position("t.yaml", 9, 1));

  static Question tall(int answerLines) {
    StringBuilder a = new StringBuilder();
    for (int i = 1; i <= answerLines; i++) a.append(i).append(". step number ").append(i).append('\n');
    return new Question("tall", "A question with a long answer?", a.toString(), List.of("misc"), null, List.of(),
        new Position("t.yaml", 20, 1));
  }

  /** Records every review it is handed. */
  static final class RecordingSink implements GradeSink {
    final List<Review> saved = new ArrayList<>();

    @Override
    public synchronized void save(Review r) {
      saved.add(r);
    }

    synchronized List<Review> saved() {
      return List.copyOf(saved);
    }
  }

  /** Fails every save, as a full disk would. */
  static final class FailingSink implements GradeSink {
    int calls;

    @Override
    public void save(Review r) throws IOException {
      calls++;
      throw new IOException("disk full");
    }
  }

  /** A clock the test moves by hand. */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advanceSeconds(long s) {
      now = now.plusSeconds(s);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  static Clock fixed() {
    return Clock.fixed(T0, ZoneOffset.UTC);
  }

  private Fixtures() {}
}
