package idrill.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import idrill.bank.Position;
import idrill.bank.Question;
import idrill.drill.DrillSession.Phase;
import idrill.review.Grade;
import idrill.review.Review;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DrillSessionTest {
  static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

  static Question q(String id, String... tags) {
    return new Question(id, "What is " + id + "?", "It is " + id + ".", List.of(tags), null, List.of(),
        new Position("t.yaml", 1, 1));
  }

  static Instant t(long seconds) {
    return T0.plusSeconds(seconds);
  }

  static DrillSession session(String... ids) {
    List<Question> qs = new ArrayList<>();
    for (String id : ids) qs.add(q(id, "tag"));
    return new DrillSession(qs, T0);
  }

  /** Reveals and grades the current question; returns its id. */
  static String gradeCurrent(DrillSession s, Grade g, Instant now) {
    String id = s.current().id();
    s.reveal(now);
    s.grade(g, now);
    return id;
  }

  @Test
  void startsOnTheFirstQuestionUnrevealed() {
    DrillSession s = session("a", "b", "c");
    assertEquals("a", s.current().id());
    assertEquals(Phase.QUESTION, s.phase());
    assertEquals(1, s.position());
    assertEquals(3, s.total());
  }

  @Test
  void revealShowsTheAnswerAndGradeReturnsTheEventAndMovesOn() {
    DrillSession s = session("a", "b");
    s.reveal(t(4));
    assertEquals(Phase.ANSWER, s.phase());
    Review r = s.grade(Grade.GOOD, t(7));
    assertEquals(new Review(t(7), "a", Grade.GOOD, 7000), r);
    assertEquals("b", s.current().id());
    assertEquals(Phase.QUESTION, s.phase());
    assertEquals(2, s.position());
    assertEquals(2, s.total());
    assertEquals(Duration.ofSeconds(3), s.elapsedOnCurrent(t(10)), "timer restarts on the next question");
  }

  @Test
  void gradingBeforeRevealIsRefused() {
    DrillSession s = session("a");
    assertThrows(IllegalStateException.class, () -> s.grade(Grade.GOOD, t(1)));
    s.reveal(t(1));
    assertThrows(IllegalArgumentException.class, () -> s.grade(Grade.UNDO, t(1)));
    assertEquals("a", s.current().id());
  }

  @Test
  void gradingTheLastQuestionEndsTheSession() {
    DrillSession s = session("a");
    gradeCurrent(s, Grade.EASY, t(2));
    assertEquals(Phase.DONE, s.phase());
    assertNull(s.current());
    assertEquals(1, s.position());
    assertEquals(1, s.total());
    assertEquals(Duration.ZERO, s.elapsedOnCurrent(t(9)));
  }

  @Test
  void againComesBackAfterThreeOthers() {
    DrillSession s = session("a", "b", "c", "d", "e");
    gradeCurrent(s, Grade.AGAIN, t(1));
    assertEquals(6, s.total(), "the requeued showing counts");
    List<String> order = new ArrayList<>();
    while (s.phase() != Phase.DONE) order.add(gradeCurrent(s, Grade.GOOD, t(2)));
    assertEquals(List.of("b", "c", "d", "a", "e"), order);
  }

  @Test
  void leftHoldsTheCurrentQuestionAndEveryShowingStillToComeRequeuesIncluded() {
    DrillSession s = session("a", "b", "c");
    assertEquals(List.of("a", "b", "c"), ids(s.left()));
    gradeCurrent(s, Grade.AGAIN, t(1));
    assertEquals(List.of("b", "c", "a"), ids(s.left()));
    gradeCurrent(s, Grade.GOOD, t(2));
    s.skip(t(3));
    assertEquals(List.of("a"), ids(s.left()));
    gradeCurrent(s, Grade.GOOD, t(4));
    assertEquals(List.of(), s.left());
  }

  static List<String> ids(List<Question> qs) {
    List<String> out = new ArrayList<>();
    for (Question q : qs) out.add(q.id());
    return out;
  }

  @Test
  void againComesBackAtTheEndWhenFewAreLeft() {
    DrillSession s = session("a", "b");
    gradeCurrent(s, Grade.AGAIN, t(1));
    assertEquals("b", gradeCurrent(s, Grade.GOOD, t(2)));
    assertEquals("a", s.current().id());
    assertEquals(3, s.position());
    assertEquals(3, s.total());
    gradeCurrent(s, Grade.AGAIN, t(3));
    assertEquals("a", s.current().id(), "alone in the queue, it comes straight back");
  }

  @Test
  void skipMovesOnWithoutGrading() {
    DrillSession s = session("a", "b");
    s.skip(t(1));
    assertEquals("b", s.current().id());
    assertEquals(2, s.position());
    s.reveal(t(2));
    s.skip(t(3));
    assertEquals(Phase.DONE, s.phase());
    Summary sum = s.summary();
    assertEquals(0, sum.graded());
    assertEquals(2, sum.skipped());
  }

  @Test
  void undoWithNothingGradedReturnsNullAndChangesNothing() {
    DrillSession s = session("a", "b");
    s.skip(t(1));
    assertNull(s.undo(t(2)));
    assertEquals("b", s.current().id());
    assertEquals(2, s.position());
  }

  @Test
  void undoShowsTheGradedQuestionAgainUnrevealedWithItsTimerRestarted() {
    DrillSession s = session("a", "b", "c");
    gradeCurrent(s, Grade.GOOD, t(5));
    s.reveal(t(6)); // b revealed, then undo
    Review u = s.undo(t(8));
    assertEquals(Review.undo(t(8), "a", t(5)), u, "names the grade it withdraws");
    assertEquals("a", s.current().id());
    assertEquals(Phase.QUESTION, s.phase());
    assertEquals(1, s.position());
    assertEquals(3, s.total());
    assertEquals(Duration.ofSeconds(2), s.elapsedOnCurrent(t(10)));
    List<String> order = new ArrayList<>();
    while (s.phase() != Phase.DONE) order.add(gradeCurrent(s, Grade.GOOD, t(11)));
    assertEquals(List.of("a", "b", "c"), order, "the interrupted question comes next");
  }

  @Test
  void repeatedUndoWalksBackThroughTheSessionsGrades() {
    DrillSession s = session("a", "b", "c");
    gradeCurrent(s, Grade.GOOD, t(1));
    gradeCurrent(s, Grade.HARD, t(2));
    assertEquals("b", s.undo(t(3)).id());
    assertEquals("a", s.undo(t(4)).id());
    assertNull(s.undo(t(5)));
    assertEquals("a", s.current().id());
    assertEquals(0, s.summary().graded());
  }

  @Test
  void undoAfterTheLastGradeReopensTheSession() {
    DrillSession s = session("a");
    gradeCurrent(s, Grade.GOOD, t(1));
    assertEquals(Phase.DONE, s.phase());
    assertEquals("a", s.undo(t(2)).id());
    assertEquals(Phase.QUESTION, s.phase());
    assertEquals("a", s.current().id());
  }

  @Test
  void undoingAnAgainTakesItsRequeuedShowingOut() {
    DrillSession s = session("a", "b", "c");
    gradeCurrent(s, Grade.AGAIN, t(1));
    assertEquals(4, s.total());
    s.undo(t(2));
    assertEquals(3, s.total());
    List<String> order = new ArrayList<>();
    while (s.phase() != Phase.DONE) order.add(gradeCurrent(s, Grade.GOOD, t(3)));
    assertEquals(List.of("a", "b", "c"), order);
  }

  @Test
  void quitEndsTheSessionAndForbidsUndo() {
    DrillSession s = session("a", "b");
    gradeCurrent(s, Grade.GOOD, t(1));
    s.quit();
    assertEquals(Phase.DONE, s.phase());
    assertNull(s.current());
    assertNull(s.undo(t(2)));
    assertEquals(1, s.summary().graded());
  }

  @Test
  void summaryCountsStandingGradesPerGradeAndTagWithTotalAndMedianTime() {
    DrillSession s = new DrillSession(
        List.of(q("a", "ml", "opt"), q("b", "ml"), q("c", "stats"), q("d", "opt")), T0);
    s.reveal(t(1));
    s.grade(Grade.GOOD, t(10)); // a: 10 s
    s.reveal(t(11));
    s.grade(Grade.AGAIN, t(14)); // b: 4 s, requeued at the end (after c, d)
    s.skip(t(15)); // c
    s.reveal(t(16));
    s.grade(Grade.EASY, t(21)); // d: 6 s
    s.reveal(t(22));
    s.grade(Grade.HARD, t(23)); // b again: 2 s
    Summary sum = s.summary();
    assertEquals(Map.of(Grade.AGAIN, 1, Grade.HARD, 1, Grade.GOOD, 1, Grade.EASY, 1), sum.perGrade());
    assertEquals(Map.of(
        "ml", new Summary.TagResult(3, 1),
        "opt", new Summary.TagResult(2, 2)), sum.perTag());
    assertEquals(List.of("ml", "opt"), List.copyOf(sum.perTag().keySet()), "tags sorted");
    assertEquals(4, sum.graded());
    assertEquals(1, sum.skipped());
    assertEquals(Duration.ofSeconds(22), sum.total());
    assertEquals(Duration.ofSeconds(5), sum.median(), "median of 2, 4, 6, 10 s");
  }

  @Test
  void summaryLeavesUndoneGradesOutAndTakesTheOddMedian() {
    DrillSession s = session("a", "b", "c", "d");
    s.reveal(t(0));
    s.grade(Grade.GOOD, t(3)); // 3 s
    s.reveal(t(3));
    s.grade(Grade.GOOD, t(4)); // 1 s
    s.reveal(t(4));
    s.grade(Grade.EASY, t(13)); // 9 s, then undone
    s.undo(t(13));
    s.reveal(t(13));
    s.grade(Grade.HARD, t(20)); // c again: 7 s
    Summary sum = s.summary();
    assertEquals(3, sum.graded());
    assertEquals(0, sum.perGrade().get(Grade.EASY));
    assertEquals(1, sum.perGrade().get(Grade.HARD));
    assertEquals(Duration.ofSeconds(11), sum.total());
    assertEquals(Duration.ofSeconds(3), sum.median());
  }

  @Test
  void emptySummaryHasZeros() {
    Summary sum = new DrillSession(List.of(), T0).summary();
    assertEquals(0, sum.graded());
    assertEquals(Duration.ZERO, sum.median());
    assertEquals(4, sum.perGrade().size());
  }
}
