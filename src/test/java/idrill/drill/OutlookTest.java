package idrill.drill;

import static idrill.drill.Fixtures.ADAM;
import static idrill.drill.Fixtures.BIAS;
import static idrill.drill.Fixtures.DROPOUT;
import static idrill.drill.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import idrill.drill.Fixtures.RecordingSink;
import idrill.review.Grade;
import idrill.review.Intervals;
import idrill.review.Review;
import idrill.review.Schedule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutlookTest {
  @Test
  void sessionGradesStepTheStateSoIntervalsLeechAndCountsFollowThemAndUndoTakesThemBack() throws Exception {
    Schedule schedule = TerminalDrillTest.history(); // adam: review, 4 lapses; bias: learning; dropout: new
    Outlook outlook = new Outlook(schedule, 5);
    DrillSession session = new DrillSession(List.of(ADAM, BIAS, DROPOUT), T0, new ScheduleRequeue(schedule));
    RecordingSink log = new RecordingSink();
    GradeSink sink = outlook.watching(log);
    assertEquals(new Outlook.Left(1, 1, 1), outlook.left(session.left()));
    assertFalse(outlook.leech(ADAM), "4 lapses, leech_lapses 5");

    session.reveal(T0);
    sink.save(session.grade(Grade.AGAIN, T0));
    assertTrue(outlook.leech(ADAM), "the fifth lapse, in this session");
    assertEquals(new Outlook.Left(1, 2, 0), outlook.left(session.left()));
    // the state a replay of the log with this grade gives: what the next showing's footer must be built on
    List<Review> replayed = new ArrayList<>();
    for (String id : List.of("adam")) replayed.addAll(schedule.history(id));
    replayed.addAll(log.saved());
    Schedule after = Schedule.replay(replayed, schedule.fsrs().params(), schedule.zone(), schedule.dayStartHour());
    assertEquals(after.state("adam"), outlook.state("adam"));
    assertEquals(Intervals.of(after.fsrs(), after.state("adam"), T0.plusSeconds(60)),
        outlook.intervals(ADAM, T0.plusSeconds(60)));

    sink.save(session.undo(T0.plusSeconds(1)));
    assertEquals(schedule.state("adam"), outlook.state("adam"));
    assertFalse(outlook.leech(ADAM));
    assertEquals(new Outlook.Left(1, 1, 1), outlook.left(session.left()));
  }

  @Test
  void aNarrowHeaderNamesOnlyTheKindsThereAre() {
    assertEquals("3 new · 0 learning · 5 review", new Outlook.Left(3, 0, 5).text());
    assertEquals("3 new · 5 review", new Outlook.Left(3, 0, 5).brief());
    assertEquals("1 learning", new Outlook.Left(0, 1, 0).brief());
  }
}
