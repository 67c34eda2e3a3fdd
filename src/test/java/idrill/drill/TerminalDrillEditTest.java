package idrill.drill;

import static idrill.drill.Fixtures.ADAM;
import static idrill.drill.Fixtures.BIAS;
import static idrill.drill.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import idrill.bank.Position;
import idrill.bank.Question;
import idrill.drill.Fixtures.MutableClock;
import idrill.drill.Fixtures.RecordingSink;
import idrill.render.Style;
import idrill.review.Grade;
import idrill.review.Review;
import java.util.ArrayList;
import java.util.List;
import org.jline.terminal.Attributes.LocalFlag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The drill's e: the terminal is handed to the editor in its normal state and the question shown anew. */
class TerminalDrillEditTest {
  static final Question ADAM_EDITED = new Question("adam", "What does **Adam** add to SGD, in one line?",
      "Momentum plus per-parameter step sizes.", List.of("optimization"), null, List.of(), new Position("t.yaml", 1, 1));

  TermHarness h;
  final RecordingSink sink = new RecordingSink();

  @AfterEach
  void close() throws Exception {
    if (h != null) h.close();
  }

  /** An editor that notes what it was given and how it found the terminal, then answers as told. */
  final class FakeEditor implements QuestionEditor {
    final List<String> edited = new ArrayList<>();
    boolean cooked;
    boolean leftAlternateScreen;
    Edited answer;
    Runnable during = () -> {};

    @Override
    public Edited edit(Question q) {
      edited.add(q.id());
      var flags = h.terminal.getAttributes().getLocalFlags();
      cooked = flags.contains(LocalFlag.ICANON) && flags.contains(LocalFlag.ECHO);
      String out = h.output();
      leftAlternateScreen = out.lastIndexOf("\u001b[?1049l") > out.lastIndexOf("\u001b[?1049h");
      during.run();
      return answer;
    }
  }

  final MutableClock clock = new MutableClock(T0);

  Outcome drill(String keys, QuestionEditor editor) throws Exception {
    h = new TermHarness(80, 24);
    DrillSession session = new DrillSession(List.of(ADAM, BIAS), T0);
    h.start(t -> new TerminalDrill(t, session, sink, new Style(false), clock, "idrill").editing(editor));
    return h.finish(keys);
  }

  @Test
  void eHandsTheTerminalOverThenShowsTheEditedTextUnderTheSameId() throws Exception {
    FakeEditor editor = new FakeEditor();
    editor.answer = new QuestionEditor.Edited(ADAM_EDITED, "edited adam", false);
    drill("e 3q", editor);
    assertEquals(List.of("adam"), editor.edited);
    assertTrue(editor.cooked, "the editor gets the terminal in cooked mode");
    assertTrue(editor.leftAlternateScreen, "the editor gets the normal screen");
    Screen s = h.screen();
    List<String> afterEdit = s.frames.get(1);
    assertEquals("idrill · 2 new · 0 learning · 0 review · optimization · 0:00", afterEdit.get(0));
    assertEquals("What does Adam add to SGD, in one line?", afterEdit.get(2));
    assertTrue(afterEdit.get(22).startsWith("edited adam"), afterEdit.get(22));
    assertTrue(String.join("\n", s.frames.get(2)).contains("Momentum plus per-parameter step sizes."));
    assertEquals(List.of(new Review(T0, "adam", Grade.GOOD, 0)), sink.saved(), "the grade goes to the same id");
    String out = h.output();
    assertTrue(out.lastIndexOf("\u001b[?1049h") > out.indexOf("\u001b[?1049l"), "back on the alternate screen");
  }

  @Test
  void timeInTheEditorIsNotCountedAsTimeOnTheQuestion() throws Exception {
    FakeEditor editor = new FakeEditor();
    editor.answer = new QuestionEditor.Edited(ADAM_EDITED, "edited adam", false);
    editor.during = () -> clock.advanceSeconds(90);
    drill("e 3q", editor);
    assertEquals(List.of(new Review(T0.plusSeconds(90), "adam", Grade.GOOD, 0)), sink.saved());
  }

  @Test
  void anEditThatLostTheQuestionKeepsTheOldTextAndSaysWhy() throws Exception {
    FakeEditor editor = new FakeEditor();
    editor.answer = new QuestionEditor.Edited(null, "no question 'adam' in t.yaml any more (removed or renamed?)", true);
    drill("e q", editor);
    List<String> after = h.screen().frames.get(1);
    assertEquals("What does Adam add to plain SGD?", after.get(2));
    assertTrue(after.get(22).startsWith("no question 'adam' in t.yaml any more"), after.get(22));
    assertTrue(String.join("\n", h.screen().frames.get(2)).contains("Momentum, and a step size per parameter"));
  }

  @Test
  void theCommandLinesEditWordEditsToo() throws Exception {
    FakeEditor editor = new FakeEditor();
    editor.answer = new QuestionEditor.Edited(ADAM_EDITED, "edited adam", false);
    drill(":edit\rq", editor);
    assertEquals(List.of("adam"), editor.edited);
    assertTrue(String.join("\n", h.screen().lastFrame()).contains("What does Adam add to SGD, in one line?"));
  }

  @Test
  void withoutAnEditorTheKeySaysSo() throws Exception {
    drill("eq", null);
    List<String> last = h.screen().lastFrame();
    assertTrue(last.get(22).startsWith("editing is not available"), last.get(22));
    assertFalse(String.join("\n", h.screen().frames.get(0)).contains("editing"));
  }
}
