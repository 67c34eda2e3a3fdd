package idrill.drill;

import static idrill.drill.Fixtures.ADAM;
import static idrill.drill.Fixtures.BIAS;
import static idrill.drill.Fixtures.DROPOUT;
import static idrill.drill.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import idrill.bank.Question;
import idrill.drill.Fixtures.FailingSink;
import idrill.drill.Fixtures.RecordingSink;
import idrill.review.Grade;
import idrill.review.Review;
import java.io.BufferedReader;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LineDrillTest {
  final RecordingSink sink = new RecordingSink();
  String printed;

  Outcome drill(String script, GradeSink s, Question... qs) {
    StringWriter out = new StringWriter();
    DrillSession session = new DrillSession(List.of(qs), T0);
    Outcome o = new LineDrill(new BufferedReader(new StringReader(script)), new PrintWriter(out), session, s, 72,
        Fixtures.fixed()).run();
    printed = out.toString();
    return o;
  }

  Outcome drill(String script, Question... qs) {
    return drill(script, sink, qs);
  }

  /** Asserts the pieces appear in this order. */
  void assertInOrder(String... pieces) {
    int at = 0;
    for (String p : pieces) {
      int i = printed.indexOf(p, at);
      assertTrue(i >= 0, "'" + p + "' after offset " + at + " in:\n" + printed);
      at = i + p.length();
    }
  }

  @Test
  void revealGradeNextUndoQuit() {
    Outcome o = drill("reveal\ngrade good\nnext\nundo\nquit\n", ADAM, BIAS, DROPOUT);
    System.out.println("---- line drill ----\n" + printed + "---- end ----");
    assertInOrder(
        "[3 new · 0 learning · 0 review] adam · deep-learning, optimization\n",
        "What does Adam add to plain SGD?\n",
        "(reveal · next · undo · quit · help)\n",
        "--- answer ---\n",
        "Momentum, and a step size per parameter",
        "(1 again 1m · 2 hard 6m · 3 good 10m · 4 easy 8d · next · undo · quit · help)\n",
        "saved good for adam\n",
        "[2 new · 0 learning · 0 review] bias · statistics\n",
        "skipped bias\n",
        "[1 new · 0 learning · 0 review] dropout",
        "undid the last grade of adam\n",
        "[2 new · 0 learning · 0 review] adam",
        "Session summary\n",
        "  0 graded · 1 skipped\n");
    assertEquals(List.of(new Review(T0, "adam", Grade.GOOD, 0), Review.undo(T0, "adam", T0)), sink.saved());
    assertFalse(o.interrupted());
    assertNull(o.failure());
  }

  @Test
  void singleKeyFormsWorkAsLines() {
    drill(" \n3\n\n1\nn\nu\nq\n", ADAM, BIAS, DROPOUT);
    assertEquals(List.of(
        new Review(T0, "adam", Grade.GOOD, 0),
        new Review(T0, "bias", Grade.AGAIN, 0),
        Review.undo(T0, "bias", T0)), sink.saved());
    assertInOrder("saved good for adam", "saved again for bias", "skipped dropout", "undid the last grade of bias");
  }

  @Test
  void unknownCommandsGetAOneLineErrorAndTheDrillGoesOn() {
    drill("frobnicate\ngrade splendid\ngade good\ngrade\ngrade godo\nreveal\n4\n", ADAM);
    assertInOrder("unknown command: frobnicate — try help\n", "grade needs one of again, hard, good, easy\n",
        "unknown command: gade good — did you mean 'grade good'?\n", "grade needs one of again, hard, good, easy\n",
        "unknown command: grade godo — did you mean 'grade good'?\n",
        "--- answer ---", "saved easy for adam");
    assertEquals(1, sink.saved().size());
  }

  @Test
  void gradingBeforeRevealIsAnError() {
    drill("grade good\nquit\n", ADAM);
    assertTrue(printed.contains("error: reveal the answer before grading\n"), printed);
    assertEquals(List.of(), sink.saved());
  }

  @Test
  void endOfInputEndsWithTheSummary() {
    Outcome o = drill("reveal\n2\n", ADAM, BIAS);
    assertTrue(printed.endsWith("  tag            graded  good/easy\n"
        + "  deep-learning       1          0\n"
        + "  optimization        1          0\n"), printed);
    assertFalse(o.interrupted());
    assertEquals(1, o.summary().perGrade().get(Grade.HARD));
  }

  @Test
  void finishingTheQueueEndsWithoutQuit() {
    Outcome o = drill("reveal\ngrade again\nreveal\ngrade good\nreveal\ngrade easy\nthis is never read\n", ADAM, BIAS);
    assertEquals(3, sink.saved().size());
    assertEquals("adam", sink.saved().get(2).id(), "the again came back at the end");
    assertFalse(printed.contains("unknown command"), printed);
    assertEquals(3, o.summary().graded());
  }

  @Test
  void helpListsTheCommands() {
    drill("help\n?\n", ADAM);
    assertTrue(printed.contains("commands: reveal · grade again (1) · grade hard (2) · grade good (3) · grade easy (4)"
        + " · next (n) · undo (u) · edit (e) · suspend (@) · bury (-) · flag (*) · quit (q) · help (?)"
        + " · an empty line reveals"), printed);
  }

  @Test
  void aFailingSinkStopsAtOnce() {
    FailingSink failing = new FailingSink();
    Outcome o = drill("reveal\ngrade good\nreveal\ngrade good\n", failing, ADAM, BIAS);
    assertNotNull(o.failure());
    assertEquals(1, failing.calls);
    assertFalse(printed.contains("bias"), "no further question: " + printed);
    assertEquals(0, o.summary().graded());
  }

  @Test
  void theOutputHasNoEscapeSequences() {
    drill("reveal\n3\nreveal\n1\nu\nq\n", ADAM, BIAS);
    assertFalse(printed.contains("\u001b"), printed);
  }

  @Test
  void anEmptyQueuePrintsOnlyTheSummary() {
    drill("reveal\n");
    assertTrue(printed.startsWith("\nSession summary\n  0 graded · 0 skipped\n"), printed);
  }
  @Test
  void anInterruptWhileALineIsAwaitedPrintsTheSummaryOnceAndNothingAfter() throws Exception {
    PipedWriter typed = new PipedWriter();
    BufferedReader in = new BufferedReader(new PipedReader(typed));
    StringWriter out = new StringWriter();
    LineDrill drill = new LineDrill(in, new PrintWriter(out), new DrillSession(List.of(ADAM, BIAS), T0), sink, 72,
        Fixtures.fixed());
    CompletableFuture<Outcome> running = CompletableFuture.supplyAsync(drill::run);
    typed.write("reveal\ngrade good\n");
    typed.flush();
    long until = System.nanoTime() + 10_000_000_000L;
    while (!out.toString().contains("[1 new · 0 learning · 0 review] bias") && System.nanoTime() < until) Thread.sleep(5);
    assertEquals(List.of(Grade.GOOD), sink.saved().stream().map(Review::grade).toList());

    assertTrue(drill.interrupt(Duration.ofSeconds(5)), "prints the summary");
    assertFalse(drill.interrupt(Duration.ofSeconds(5)), "only once");
    typed.write("reveal\ngrade easy\n"); // typed after the interrupt: not applied
    typed.close();
    Outcome o = running.get(10, TimeUnit.SECONDS);
    printed = out.toString();
    assertTrue(o.interrupted());
    assertInOrder("[1 new · 0 learning · 0 review] bias", "interrupted — every grade given was saved\n", "1 graded");
    assertFalse(printed.substring(printed.indexOf("interrupted")).contains("--- answer ---"), printed);
    assertEquals(1, sink.saved().size(), "nothing saved after the interrupt");
  }
}
