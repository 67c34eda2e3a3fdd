package idrill.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import idrill.bank.Difficulty;
import idrill.bank.Position;
import idrill.bank.Question;
import idrill.render.Style;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MockScreenTest {
  static final Instant T0 = MockSessionTest.T0;
  static final Question Q = new Question("backprop", "How does **backpropagation** work?",
      "The chain rule gives the gradient for every weight.", List.of("deep-learning"), Difficulty.MEDIUM, List.of(),
      new Position("t.yaml", 1, 1), List.of("chain rule", "gradient", "learning rate"));
  static final MockScreen SCREEN = new MockScreen(80, 24, new Style(false));

  static MockScreen.Ui ui(boolean typed, boolean editing, String draft) {
    return new MockScreen.Ui(typed, editing, draft, null, false, false, 0);
  }

  static String text(MockScreen.Frame f) {
    return String.join("\n", f.rows());
  }

  @Test
  void theHeaderCountsDownInWholeSecondsAndTheTagsStayHidden() {
    MockSession s = new MockSession(List.of(Q), List.of(Duration.ofSeconds(180)), T0);
    MockScreen.Frame f = SCREEN.frame(s, T0, ui(false, false, ""));
    assertEquals(24, f.rows().size());
    assertEquals("idrill mock · 1/1 · 3:00 left", f.rows().get(0));
    assertEquals("idrill mock · 1/1 · 2:59 left", SCREEN.frame(s, T0.plusMillis(1000), ui(false, false, "")).rows().get(0));
    assertEquals("idrill mock · 1/1 · 0:01 left", SCREEN.frame(s, T0.plusMillis(179_400), ui(false, false, "")).rows().get(0));
    assertFalse(text(f).contains("deep-learning") || text(f).contains("medium") || text(f).contains("backprop ·"),
        "no tag, difficulty or id before reveal:\n" + text(f));
    assertFalse(text(f).contains("chain rule"));
    assertEquals("space reveal · n next · u undo · q quit · ? help", f.rows().get(23));
  }

  @Test
  void whenTheTimeIsUpTheAnswerTagsAndTimeUsedShow() {
    MockSession s = new MockSession(List.of(Q), List.of(Duration.ofSeconds(3)), T0);
    assertTrue(s.tick(T0.plusSeconds(3)));
    MockScreen.Frame f = SCREEN.frame(s, T0.plusSeconds(4), ui(false, false, ""));
    assertEquals("idrill mock · 1/1 · used 0:03 of 0:03 · time", f.rows().get(0));
    assertTrue(text(f).contains("The chain rule gives the gradient"), text(f));
    assertTrue(text(f).contains("backprop · deep-learning · medium"), text(f));
    assertTrue(f.rows().get(23).startsWith("1 again 2 hard 3 good 4 easy"), f.rows().get(23));
  }

  @Test
  void typingShowsTheDraftWithACursorThenTheTypedAnswerAboveTheModelAndTheCoverageBelow() {
    MockSession s = new MockSession(List.of(Q), List.of(Duration.ofSeconds(60)), T0);
    MockScreen.Frame typing = SCREEN.frame(s, T0, ui(true, true, "the chain rule\ngives grads"));
    assertTrue(text(typing).contains("> the chain rule\n> gives grads█"), text(typing));
    assertEquals("Ctrl-D submit · Esc abandon · Ctrl-C end", typing.rows().get(23));
    s.type("the chain rule\ngives gradients");
    s.reveal(T0.plusSeconds(30));
    String shown = text(SCREEN.frame(s, T0.plusSeconds(30), ui(true, false, "")));
    int mine = shown.indexOf("> gives gradients");
    int model = shown.indexOf("The chain rule gives");
    int coverage = shown.indexOf("covered 2/3: chain rule, gradient · missed: learning rate");
    assertTrue(mine > 0 && model > mine && coverage > model, shown);
    assertTrue(shown.contains("suggested grade: 3 good (you decide)"), shown);
  }
}
