package idrill.drill;

import static idrill.drill.Fixtures.ADAM;
import static idrill.drill.Fixtures.BIAS;
import static idrill.drill.Fixtures.DROPOUT;
import static idrill.drill.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import idrill.review.Aside;
import idrill.review.AsideEvent;
import idrill.review.Grade;
import idrill.review.Review;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Suspend, bury and flag in the drill: the session's queue, the events saved, and undo. */
class AsideDrillTest {
  final Fixtures.RecordingSink grades = new Fixtures.RecordingSink();
  final List<Object> saved = new ArrayList<>(); // AsideEvents and the undos that withdraw them, in order
  final AsideSink asides = new AsideSink() {
    @Override
    public void save(AsideEvent e) {
      saved.add(e);
    }

    @Override
    public void withdraw(Review undo) {
      saved.add(undo);
    }
  };
  String printed;

  Outcome drill(String script, Set<String> flagged) {
    StringWriter out = new StringWriter();
    DrillSession session = new DrillSession(List.of(ADAM, BIAS, DROPOUT), T0);
    Outcome o = new LineDrill(new BufferedReader(new StringReader(script)), new PrintWriter(out), session, grades, 72,
        Fixtures.fixed()).asides(asides, flagged::contains).run();
    printed = out.toString();
    return o;
  }

  @Test
  void suspendAndBuryMoveOnFlagStaysAndUndoWithdrawsEachByItsTime() {
    Outcome o = drill("suspend\nflag\nbury\nundo\nundo\nundo\nreveal\ngrade good\nquit\n", Set.of());
    assertEquals(6, saved.size(), saved.toString());
    AsideEvent suspend = (AsideEvent) saved.get(0);
    AsideEvent flag = (AsideEvent) saved.get(1);
    AsideEvent bury = (AsideEvent) saved.get(2);
    assertEquals(List.of("adam", Aside.SUSPEND, "bias", Aside.FLAG, "bias", Aside.BURY),
        List.of(suspend.id(), suspend.kind(), flag.id(), flag.kind(), bury.id(), bury.kind()));
    // the clock stands still, so the events of one question get times of their own: an undo names one by time
    assertNotEquals(flag.time(), bury.time());
    Review u1 = (Review) saved.get(3), u2 = (Review) saved.get(4), u3 = (Review) saved.get(5);
    assertEquals(List.of(Grade.UNDO, "bias", bury.time()), List.of(u1.grade(), u1.id(), u1.target()));
    assertEquals(List.of("bias", flag.time()), List.of(u2.id(), u2.target()));
    assertEquals(List.of("adam", suspend.time()), List.of(u3.id(), u3.target()));
    // the set-aside events never reached the grade sink; the one grade did, for adam, shown again by the last undo
    assertEquals(1, grades.saved.size(), grades.saved.toString());
    assertEquals("adam", grades.saved.get(0).id());
    assertEquals(1, o.summary().graded(), "set-aside events are no grades in the summary");
    int s = printed.indexOf("suspended adam");
    int f = printed.indexOf("flagged bias");
    int b = printed.indexOf("buried bias until tomorrow");
    assertTrue(s >= 0 && f > s && b > f, printed);
    assertTrue(printed.indexOf("] dropout") > b, "bury moved on to the next question:\n" + printed);
    assertTrue(printed.contains("undid the bury of bias") && printed.contains("undid the suspend of adam"), printed);
    assertFalse(printed.substring(f, b).contains("] bias"), "flag keeps the question without showing it anew");
  }

  @Test
  void flagOnAFlaggedQuestionUnflagsItAndTheHeaderShowsTheMark() {
    drill("flag\nnext\nflag\nquit\n", Set.of("adam"));
    assertTrue(printed.startsWith("[") && printed.lines().findFirst().get().contains("adam · flagged"), printed);
    assertEquals(Aside.UNFLAG, ((AsideEvent) saved.get(0)).kind());
    assertEquals(Aside.FLAG, ((AsideEvent) saved.get(1)).kind());
    assertTrue(printed.contains("unflagged adam") && printed.contains("flagged bias"), printed);
  }

  @Test
  void withoutAnAsideSinkTheWordsSaySoAndNothingChanges() {
    StringWriter out = new StringWriter();
    DrillSession session = new DrillSession(List.of(ADAM), T0);
    new LineDrill(new BufferedReader(new StringReader("suspend\nquit\n")), new PrintWriter(out), session, grades, 72,
        Fixtures.fixed()).run();
    assertTrue(out.toString().contains("error: setting questions aside needs the review log"), out.toString());
  }

  @Test
  void suspendTakesEveryShowingOfTheQuestionOutAndUndoPutsThemBack() {
    DrillSession s = new DrillSession(List.of(ADAM, BIAS, ADAM, DROPOUT), T0);
    s.putAside(Aside.SUSPEND, T0.plusSeconds(2));
    assertEquals(List.of("bias", "dropout"), ids(s), "the later showing of adam went too");
    Review undo = s.undo(T0.plusSeconds(3));
    assertEquals(T0.plusSeconds(2), undo.target());
    assertEquals(List.of("adam", "bias", "adam", "dropout"), ids(s), "every showing back in its place");
    assertEquals(null, s.latestAside());
    s.putAside(Aside.BURY, T0.plusSeconds(4));
    s.reveal(T0);
    s.grade(Grade.AGAIN, T0.plusSeconds(5)); // bias again: it comes back later
    assertEquals(Grade.UNDO, s.undo(T0.plusSeconds(6)).grade());
    assertEquals(List.of("bias", "dropout"), ids(s), "undoing the grade leaves the bury standing");
  }

  private static List<String> ids(DrillSession s) {
    List<String> out = new ArrayList<>();
    s.left().forEach(q -> out.add(q.id()));
    return out;
  }

  @Test
  void anAsideThatCannotBeSavedLeavesTheQuestionAndEndsTheSession() {
    StringWriter out = new StringWriter();
    DrillSession session = new DrillSession(List.of(ADAM, BIAS), T0);
    AsideSink failing = new AsideSink() {
      @Override
      public void save(AsideEvent e) throws IOException {
        throw new IOException("disk full");
      }

      @Override
      public void withdraw(Review undo) throws IOException {
        throw new IOException("disk full");
      }
    };
    Outcome o = new LineDrill(new BufferedReader(new StringReader("suspend\n")), new PrintWriter(out), session, grades,
        72, Fixtures.fixed()).asides(failing, id -> false).run();
    assertEquals("disk full", o.failure().getMessage());
    assertEquals(0, o.summary().graded());
  }
}
