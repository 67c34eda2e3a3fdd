package idrill.drill;

import static idrill.drill.Fixtures.ADAM;
import static idrill.drill.Fixtures.BIAS;
import static idrill.drill.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import idrill.bank.Position;
import idrill.bank.Question;
import idrill.render.Style;
import idrill.render.Text;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The drill's rows as a pure function of the session, the scroll, the size: no terminal involved. */
class DrillScreenTest {
  static final Style PLAIN = new Style(false);

  static DrillScreen screen(int cols, int rows) {
    return new DrillScreen(cols, rows, PLAIN, "idrill", Outlook.unscheduled(), null);
  }

  static DrillScreen.Ui ui(int scroll) {
    return new DrillScreen.Ui(null, false, false, scroll, 0, false);
  }

  static DrillSession session(Question... qs) {
    return new DrillSession(List.of(qs), T0);
  }

  @ParameterizedTest
  @ValueSource(ints = {40, 80, 160})
  void everyStateFillsTheScreenWithinItsWidth(int cols) {
    DrillSession s = session(ADAM, BIAS);
    for (int step = 0; step < 3; step++) {
      DrillScreen.Frame f = screen(cols, 24).frame(s, T0, ui(0));
      assertEquals(24, f.rows().size());
      for (String r : f.rows()) assertTrue(Text.width(r) <= cols - 1, cols + " columns: " + r);
      assertTrue(f.rows().get(0).startsWith("idrill · "), f.rows().get(0));
      if (step == 0) {
        assertEquals("What does Adam add to plain SGD?", f.rows().get(2));
        assertTrue(f.rows().get(23).startsWith("space reveal"), f.rows().get(23));
        s.reveal(T0);
      } else if (step == 1) {
        assertTrue(String.join("\n", f.rows()).contains("Momentum"), "the answer after reveal");
        assertTrue(f.rows().get(23).startsWith(cols < 60 ? "1 1m · 2 6m" : "1 again 1m · 2 hard 6m"), f.rows().get(23));
        s.grade(idrill.review.Grade.GOOD, T0);
        s.reveal(T0);
        s.grade(idrill.review.Grade.GOOD, T0);
      } else {
        assertTrue(f.rows().get(0).endsWith("done"), f.rows().get(0));
        assertTrue(f.rows().get(23).startsWith("u undo last grade"), f.rows().get(23));
      }
    }
  }

  @Test
  void theFooterGivesWayLeastKeptFirstAndKeepsGrades() {
    DrillSession s = session(ADAM);
    assertEquals("space reveal · n next · u undo · q quit · ? help · : command",
        screen(160, 24).frame(s, T0, ui(0)).rows().get(23));
    assertEquals("space reveal · n next · q quit · ? help", screen(46, 24).frame(s, T0, ui(0)).rows().get(23));
    assertEquals("space reveal · ? help", screen(30, 24).frame(s, T0, ui(0)).rows().get(23));
    s.reveal(T0);
    assertEquals("1 1m · 2 6m · 3 10m · 4 8d · ? help", screen(40, 24).frame(s, T0, ui(0)).rows().get(23),
        "the grades keep their keys and intervals");
  }

  @Test
  void pagingALongAnswerPinsAShortQuestionAndSaysWhereYouAre() {
    DrillSession s = session(Fixtures.tall(40));
    s.reveal(T0);
    DrillScreen sc = screen(80, 24);
    DrillScreen.Frame top = sc.frame(s, T0, ui(0));
    assertEquals("lines 1–20 of 44 ↓", top.rows().get(22).strip());
    assertEquals(24, top.maxScroll(), "44 lines in 20 rows");
    DrillScreen.Frame end = sc.frame(s, T0, ui(top.maxScroll()));
    assertEquals("A question with a long answer?", end.rows().get(2), "pinned");
    assertTrue(end.rows().get(3).startsWith("───"), "a rule under the pinned question");
    assertEquals("40. step number 40", end.rows().get(21).strip());
    assertEquals("lines 27–44 of 44", end.rows().get(22).strip());
    DrillScreen.Frame one = sc.frame(s, T0, ui(1));
    assertEquals(top.rows().get(21), one.rows().get(20), "one line of scroll moves the rows below the pin by one");
  }

  @Test
  void aLongQuestionLeavesAOneLineReminder() {
    StringBuilder q = new StringBuilder("Why is this question so long?");
    for (int i = 0; i < 12; i++) q.append("\n\nParagraph ").append(i).append(" of the question.");
    StringBuilder a = new StringBuilder();
    for (int i = 1; i <= 40; i++) a.append(i).append(". step ").append(i).append('\n');
    DrillSession s = session(new Question("long", q.toString(), a.toString(), List.of(), null, List.of(),
        new Position("t.yaml", 1, 1)));
    s.reveal(T0);
    DrillScreen.Frame f = screen(80, 24).frame(s, T0, ui(30));
    assertEquals("Q: Why is this question so long? …", f.rows().get(2));
    assertFalse(f.rows().get(3).contains("Why is this question"));
    assertTrue(f.rows().get(22).contains("lines "), f.rows().get(22));
  }

  @Test
  void helpThatDoesNotFitScrollsAndSaysHow() {
    DrillSession s = session(ADAM);
    DrillScreen sc = screen(80, 14);
    DrillScreen.Frame top = sc.frame(s, T0, new DrillScreen.Ui(null, false, true, 0, 0, false));
    assertEquals("Help", top.rows().get(2));
    assertTrue(top.maxScroll() > 0);
    assertEquals("j k space scroll · any other key back", top.rows().get(13));
    DrillScreen.Frame end = sc.frame(s, T0, new DrillScreen.Ui(null, false, true, 0, top.maxScroll(), false));
    assertTrue(String.join("\n", end.rows()).contains("comes back after 3 others"), String.join("\n", end.rows()));
    assertEquals("any key back", screen(80, 60).frame(s, T0, new DrillScreen.Ui(null, false, true, 0, 0, false))
        .rows().get(59), "help that fits has nothing to scroll");
  }
}
