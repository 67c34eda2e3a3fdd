package idrill.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import idrill.bank.Question;
import idrill.render.Style;
import idrill.review.Answer;
import idrill.review.Grade;
import idrill.review.Review;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The full-screen mock over a JLine terminal on pipes, its clock moved by the test: no sleeping for time to pass. */
class TerminalMockTest {
  private static final Pattern ESCAPES = Pattern.compile("\u001b\\[[0-9;?]*[A-Za-z]|\u001b[()][A-Z0-9]|\u001b[=>]");

  /** A clock the test moves by hand. */
  static final class MovingClock extends Clock {
    private volatile Instant now = MockSessionTest.T0;

    void advance(Duration d) {
      now = now.plus(d);
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

  final MovingClock clock = new MovingClock();
  final List<Review> grades = new CopyOnWriteArrayList<>();
  final List<Answer> answers = new CopyOnWriteArrayList<>();
  final PipedOutputStream keys = new PipedOutputStream();
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ExecutorService runner = Executors.newSingleThreadExecutor();
  Terminal terminal;
  Future<MockOutcome> running;

  @AfterEach
  void close() throws Exception {
    runner.shutdownNow();
    keys.close();
    if (terminal != null) terminal.close();
  }

  void start(int seconds, boolean typed, Question... qs) throws Exception {
    terminal = new ExternalTerminal("idrill-test", "xterm-256color", new PipedInputStream(keys, 1 << 16), out,
        StandardCharsets.UTF_8);
    terminal.setSize(new Size(80, 24));
    MockSession session = new MockSession(List.of(qs), Collections.nCopies(qs.length, Duration.ofSeconds(seconds)),
        clock.instant());
    TerminalMock mock = new TerminalMock(terminal, session, grades::add, typed ? answers::add : null,
        new Style(false), clock);
    running = runner.submit(mock::run);
  }

  String output() {
    synchronized (out) {
      return ESCAPES.matcher(out.toString(StandardCharsets.UTF_8)).replaceAll("");
    }
  }

  void await(Predicate<String> p, String what) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!p.test(output())) {
      if (System.nanoTime() > until) throw new AssertionError("never saw " + what + "; output:\n" + output());
      Thread.sleep(10); // waits for the loop's output, not for time to pass: the clock is the test's
    }
  }

  void type(String s) throws Exception {
    keys.write(s.getBytes(StandardCharsets.UTF_8));
    keys.flush();
  }

  MockOutcome finish() throws Exception {
    return running.get(20, TimeUnit.SECONDS);
  }

  @Test
  void theCountdownTicksWithTheClockAndTheAnswerIsRevealedByTimeWhenItRunsOut() throws Exception {
    start(3, false, MockScreenTest.Q);
    await(o -> o.contains("idrill mock · 1/1 · 0:03 left"), "the full budget");
    assertFalse(output().contains("chain rule gives"), "the answer waits");
    clock.advance(Duration.ofSeconds(1));
    await(o -> o.contains("0:02 left"), "the countdown tick");
    clock.advance(Duration.ofSeconds(2));
    await(o -> o.contains("used 0:03 of 0:03 · time") && o.contains("The chain rule gives the gradient"), "the auto-reveal");
    assertTrue(output().contains("backprop · deep-learning · medium"), "tags show once revealed");
    type("3");
    await(o -> o.contains("Interview over."), "the closing screen");
    assertEquals(List.of(new Review(clock.instant(), "backprop", Grade.GOOD, 3000)), grades);
    type("x");
    MockOutcome o = finish();
    assertFalse(o.interrupted());
  }

  @Test
  void aTypedAnswerIsSavedBeforeItsRevealAndShownWithItsCoverage() throws Exception {
    start(60, true, MockScreenTest.Q);
    await(o -> o.contains("Ctrl-D submit · Esc abandon"), "the typing area");
    type("the chain rule");
    type("\r");
    type("gives gradientz");
    type("\177s"); // Backspace, then the right letter
    await(o -> o.contains("> gives gradients█"), "the draft");
    clock.advance(Duration.ofSeconds(20));
    type("\u0004"); // Ctrl-D submits
    await(o -> o.contains("covered 2/3: chain rule, gradient · missed: learning rate"), "the coverage");
    assertEquals(List.of(new Answer(clock.instant(), "backprop", 20_000, "the chain rule\ngives gradients")), answers);
    type("q");
    finish();
  }

  @Test
  void escAbandonsTheTextAndTheInterviewGoesOnWithTheUsualKeys() throws Exception {
    start(60, true, MockScreenTest.Q);
    await(o -> o.contains("Ctrl-D submit"), "the typing area");
    type("nonsense");
    type("\033");
    await(o -> o.contains("answer abandoned"), "the abandon");
    type(" ");
    await(o -> o.contains("(nothing typed)"), "the reveal");
    assertEquals(List.of(), answers, "nothing typed, nothing saved");
    type("\u0003"); // Ctrl-C
    assertTrue(finish().interrupted());
  }
}
