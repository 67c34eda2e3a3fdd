package idrill.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewLogStandingTest {
  private static Review at(int minute, String id, Grade grade) {
    return new Review(Instant.parse("2026-11-25T17:00:00Z").plusSeconds(60L * minute), id, grade, minute);
  }

  @Test
  void undoOfTheOnlyGradeLeavesNothing() {
    assertEquals(List.of(), ReviewLog.standing(List.of(at(1, "a", Grade.GOOD), at(2, "a", Grade.UNDO))));
  }

  @Test
  void undoRemovesOnlyTheLatestGrade() {
    Review good = at(1, "a", Grade.GOOD);
    assertEquals(List.of(good), ReviewLog.standing(List.of(good, at(2, "a", Grade.HARD), at(3, "a", Grade.UNDO))));
  }

  @Test
  void repeatedUndosWalkBackAndExtraOnesAreIgnored() {
    List<Review> events = List.of(at(1, "a", Grade.GOOD), at(2, "a", Grade.HARD), at(3, "a", Grade.UNDO),
        at(4, "a", Grade.UNDO), at(5, "a", Grade.UNDO), at(6, "a", Grade.EASY));
    assertEquals(List.of(at(6, "a", Grade.EASY)), ReviewLog.standing(events));
  }

  @Test
  void undoWithNothingToUndoIsIgnored() {
    Review easy = at(2, "a", Grade.EASY);
    assertEquals(List.of(easy), ReviewLog.standing(List.of(at(1, "a", Grade.UNDO), easy)));
  }

  @Test
  void undoOfOneIdLeavesOtherIdsAlone() {
    Review a = at(1, "a", Grade.GOOD);
    Review b = at(2, "b", Grade.AGAIN);
    assertEquals(List.of(a), ReviewLog.standing(List.of(a, b, at(3, "b", Grade.UNDO))));
    assertEquals(List.of(a, b), ReviewLog.standing(List.of(a, b, at(3, "c", Grade.UNDO))));
  }

  @Test
  void undoFollowsFileOrderThenTheResultIsSortedByTimeStably() {
    // two clocks wrote out of order: the undo (file order) withdraws the later-appended grade, not the later-timed one
    Review late = at(9, "a", Grade.GOOD);
    Review early = at(1, "a", Grade.HARD);
    Review tieFirst = new Review(at(5, "x", Grade.GOOD).time(), "x", Grade.GOOD, 1);
    Review tieSecond = new Review(at(5, "y", Grade.GOOD).time(), "y", Grade.EASY, 2);
    List<Review> events = List.of(late, tieFirst, tieSecond, early, at(10, "a", Grade.UNDO));
    assertEquals(List.of(tieFirst, tieSecond, late), ReviewLog.standing(events));
    List<Review> unsorted = List.of(late, early, tieFirst, tieSecond);
    assertEquals(List.of(early, tieFirst, tieSecond, late), ReviewLog.standing(unsorted));
  }

  @Test
  void manyUndosOnManyIdsMatchAPlainStackModel() {
    java.util.Random random = new java.util.Random(7);
    List<Review> events = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      Grade g = Grade.values()[random.nextInt(5)];
      events.add(at(i, "q" + random.nextInt(20), g));
    }
    assertEquals(ReviewEventsTest.model(events), ReviewLog.standing(events));
  }
}
