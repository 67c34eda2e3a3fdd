package idrill.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import idrill.bank.Position;
import idrill.bank.Question;
import idrill.mock.MockSession.Phase;
import idrill.mock.MockSession.RevealedBy;
import idrill.review.Grade;
import idrill.review.Review;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class MockSessionTest {
  static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");
  static final Question A = MockSelectionTest.q("a", "x");
  static final Question B = MockSelectionTest.q("b", "y");

  static MockSession session(int seconds, Question... qs) {
    return new MockSession(List.of(qs), Collections.nCopies(qs.length, Duration.ofSeconds(seconds)), T0);
  }

  @Test
  void theCountdownRunsDownAndTheAnswerIsRevealedByTimeWhenTheBudgetIsUp() {
    MockSession s = session(3, A, B);
    assertEquals(Duration.ofSeconds(3), s.remaining(T0));
    assertFalse(s.tick(T0.plusMillis(2999)));
    assertEquals(Phase.QUESTION, s.phase());
    assertEquals(Duration.ofMillis(1), s.remaining(T0.plusMillis(2999)));
    assertTrue(s.tick(T0.plusSeconds(3)));
    assertEquals(Phase.ANSWER, s.phase());
    assertEquals(RevealedBy.TIME, s.revealedBy());
    assertFalse(s.tick(T0.plusSeconds(4)), "revealed once");
    assertEquals(Duration.ofSeconds(3), s.elapsed(T0.plusSeconds(50)), "time used stops at the reveal");
  }

  @Test
  void revealingEarlyRecordsTheTimeUsedAndALateRevealItsOverrun() {
    MockSession s = session(60, A, B);
    s.reveal(T0.plusSeconds(20));
    assertEquals(RevealedBy.YOU, s.revealedBy());
    Review r = s.grade(Grade.GOOD, T0.plusSeconds(25));
    assertEquals(new Review(T0.plusSeconds(25), "a", Grade.GOOD, 25_000), r);
    // the line mode looks at the clock only when a line comes: this one came 30 s late
    assertTrue(s.tick(T0.plusSeconds(25 + 90)));
    s.grade(Grade.AGAIN, T0.plusSeconds(120));
    List<MockSession.Result> results = s.results();
    assertEquals(Duration.ofSeconds(20), results.get(0).used());
    assertEquals(Duration.ZERO, results.get(0).overrun());
    assertEquals(Duration.ofSeconds(90), results.get(1).used());
    assertEquals(Duration.ofSeconds(30), results.get(1).overrun());
    assertEquals(Phase.DONE, s.phase());
  }

  @Test
  void undoGoesBackToTheGradedAnswerAndTheQuestionOnScreenKeepsItsTime() {
    MockSession s = session(60, A, B);
    s.type("my answer");
    s.reveal(T0.plusSeconds(10));
    s.grade(Grade.HARD, T0.plusSeconds(12));
    assertEquals(B, s.current());
    Review undo = s.undo(T0.plusSeconds(22)); // 10 s spent on B so far
    assertEquals(new Review(T0.plusSeconds(22), "a", Grade.UNDO, 0), undo);
    assertEquals(A, s.current());
    assertEquals(Phase.ANSWER, s.phase(), "back to grading, answer showing");
    assertEquals("my answer", s.typed());
    s.grade(Grade.GOOD, T0.plusSeconds(23));
    assertEquals(B, s.current());
    assertEquals(Duration.ofSeconds(50), s.remaining(T0.plusSeconds(23)), "B kept its 10 s");
  }

  @Test
  void skipAndQuitKeepTheTimeSpentAndEndTheInterview() {
    MockSession s = session(60, A, B);
    s.skip(T0.plusSeconds(5));
    s.quit(T0.plusSeconds(45));
    assertEquals(Phase.DONE, s.phase());
    List<MockSession.Result> r = s.results();
    assertTrue(r.get(0).skipped());
    assertEquals(Duration.ofSeconds(5), r.get(0).used());
    assertEquals(Duration.ofSeconds(40), r.get(1).used());
    assertNull(r.get(1).grade());
    assertNull(s.undo(T0.plusSeconds(50)), "nothing to undo after quitting");
  }

  @Test
  void gradingNeedsTheAnswerAndTypingStopsAtTheReveal() {
    MockSession s = session(60, A);
    assertThrows(IllegalStateException.class, () -> s.grade(Grade.GOOD, T0));
    s.type("first");
    s.reveal(T0);
    s.type("changed after seeing the answer");
    assertEquals("first", s.typed());
  }
}
