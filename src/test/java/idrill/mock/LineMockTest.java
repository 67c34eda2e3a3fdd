package idrill.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import idrill.review.Answer;
import idrill.review.Review;
import java.io.BufferedReader;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LineMockTest {
  final TerminalMockTest.MovingClock clock = new TerminalMockTest.MovingClock();
  final List<Review> grades = new CopyOnWriteArrayList<>();
  final List<Answer> answers = new CopyOnWriteArrayList<>();
  final StringWriter out = new StringWriter();

  @Test
  void aLineThatComesAfterTheBudgetRevealsByTimeAndTheLateAnswerIsKeptWithItsOverrun() throws Exception {
    PipedWriter keys = new PipedWriter();
    BufferedReader in = new BufferedReader(new PipedReader(keys));
    MockSession session = new MockSession(List.of(MockScreenTest.Q), List.of(Duration.ofSeconds(60)), clock.instant());
    LineMock mock = new LineMock(in, new PrintWriter(out, true), session, grades::add, answers::add, 80, clock,
        () -> out.write("REPORT\n"));
    ExecutorService runner = Executors.newSingleThreadExecutor();
    try {
      Future<MockOutcome> done = runner.submit(mock::run);
      clock.advance(Duration.ofSeconds(75));
      keys.write("answer the chain rule\n");
      keys.flush();
      await("revealed by time");
      String text = out.toString();
      assertTrue(text.indexOf("answer noted") < text.indexOf("time — the 1:00 for this question is up"), text);
      assertTrue(text.contains("used 1:15 of 1:00 · revealed by time"), text);
      assertEquals(List.of(new Answer(clock.instant(), "backprop", 75_000, "the chain rule")), answers);
      keys.write("3\n");
      keys.flush();
      MockOutcome o = done.get(10, TimeUnit.SECONDS);
      assertFalse(o.interrupted());
      assertEquals(1, grades.size());
      assertEquals(Duration.ofSeconds(15), session.results().get(0).overrun());
      assertTrue(out.toString().endsWith("REPORT\n"), out.toString());
    } finally {
      runner.shutdownNow();
    }
  }

  @Test
  void anInterruptWhileALineIsAwaitedPrintsTheReportOnce() throws Exception {
    PipedWriter keys = new PipedWriter();
    BufferedReader in = new BufferedReader(new PipedReader(keys));
    MockSession session = new MockSession(List.of(MockScreenTest.Q), List.of(Duration.ofSeconds(60)), clock.instant());
    LineMock mock = new LineMock(in, new PrintWriter(out, true), session, grades::add, null, 80, clock,
        () -> out.write("REPORT\n"));
    ExecutorService runner = Executors.newSingleThreadExecutor();
    try {
      Future<MockOutcome> done = runner.submit(mock::run);
      await("to answer");
      assertTrue(mock.interrupt(Duration.ofSeconds(2)));
      assertFalse(mock.interrupt(Duration.ofSeconds(2)), "once");
      assertTrue(out.toString().contains("interrupted — every grade given was saved\nREPORT\n"), out.toString());
      keys.close();
      assertTrue(done.get(10, TimeUnit.SECONDS).interrupted());
      assertEquals(1, out.toString().split("REPORT", -1).length - 1);
    } finally {
      runner.shutdownNow();
    }
  }

  void await(String text) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!out.toString().contains(text)) {
      if (System.nanoTime() > until) throw new AssertionError("never saw " + text + ":\n" + out);
      Thread.sleep(5); // waits for the other thread's output; the clock is the test's
    }
  }
}
