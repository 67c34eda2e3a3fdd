package idrill.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import idrill.bank.Position;
import idrill.bank.Question;
import idrill.render.Style;
import idrill.review.Answer;
import idrill.review.Grade;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** drill --type in the full-screen drill: a typing area before reveal, the answer saved, then shown with coverage. */
class TypedDrillTest {
  static final Question Q = new Question("adam", "What does **Adam** add to plain SGD?",
      "Momentum, and a step size per parameter from running averages of the squared gradients.",
      List.of("optimization"), null, List.of(), new Position("t.yaml", 1, 1), List.of("momentum", "per-parameter", "squared gradients"));

  TermHarness h;
  final Fixtures.RecordingSink grades = new Fixtures.RecordingSink();
  final List<Answer> answers = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() throws Exception {
    if (h != null) h.close();
  }

  void start() throws Exception {
    h = new TermHarness(80, 24);
    DrillSession session = new DrillSession(List.of(Q), Fixtures.T0);
    h.start(t -> new TerminalDrill(t, session, grades, new Style(false), Fixtures.fixed(), "idrill")
        .typing(new Typing(answers::add)));
  }

  @Test
  void whatIsTypedIsSavedOnSubmitAndShownAboveTheModelAnswerWithItsCoverage() throws Exception {
    start();
    h.awaitOutput(o -> o.contains("Ctrl-D submit"));
    h.type("momentum and a step per parameter\r");
    h.type("q is typed, not quit");
    h.type("\033\r"); // Alt-Enter submits
    h.awaitOutput(o -> o.contains("covered 2/3"));
    assertEquals(List.of(new Answer(Fixtures.T0, "adam", 0, "momentum and a step per parameter\nq is typed, not quit")), answers);
    Outcome o = h.finish("3x");
    String screen = h.screen().frames.stream().map(f -> String.join("\n", f)).filter(f -> f.contains("covered"))
        .findFirst().orElseThrow();
    int mine = screen.indexOf("> momentum and a step per parameter");
    int model = screen.indexOf("Momentum, and a step size");
    int coverage = screen.indexOf("covered 2/3: momentum, per-parameter · missed: squared gradients");
    assertTrue(mine > 0 && model > mine && coverage > model, screen);
    assertTrue(screen.contains("suggested grade: 3 good (you decide)"), screen);
    assertEquals(Grade.GOOD, grades.saved().get(0).grade());
    assertEquals(1, o.summary().graded());
  }
}
