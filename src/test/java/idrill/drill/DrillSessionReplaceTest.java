package idrill.drill;

import static idrill.drill.Fixtures.ADAM;
import static idrill.drill.Fixtures.BIAS;
import static idrill.drill.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import idrill.bank.Position;
import idrill.bank.Question;
import idrill.review.Grade;
import java.util.List;
import org.junit.jupiter.api.Test;

class DrillSessionReplaceTest {
  static final Question ADAM2 = new Question("adam", "Adam, again?", "Edited.", List.of("optimization"), null,
      List.of(), new Position("t.yaml", 1, 1));

  @Test
  void anEditedQuestionReplacesItsRequeuedShowingsAndKeepsThePhase() {
    DrillSession s = new DrillSession(List.of(ADAM, BIAS), T0);
    s.reveal(T0);
    s.grade(Grade.AGAIN, T0); // adam comes back after bias
    assertEquals("bias", s.current().id());
    assertTrue(s.replace(ADAM2));
    s.reveal(T0);
    s.grade(Grade.GOOD, T0);
    assertEquals(ADAM2, s.current(), "the comeback shows the edited text");
    assertEquals(DrillSession.Phase.QUESTION, s.phase());
  }

  @Test
  void anIdNotInTheSessionChangesNothing() {
    DrillSession s = new DrillSession(List.of(BIAS), T0);
    assertFalse(s.replace(ADAM2));
    assertEquals(BIAS, s.current());
  }
}
