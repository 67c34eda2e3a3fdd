package idrill.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Instant NOW = Instant.parse("2024-03-10T12:00:00Z");

  private static Review r(String time, String id, Grade g) {
    return new Review(Instant.parse(time), id, g, 1000);
  }

  private static Schedule utc4(List<Review> log) {
    return Schedule.replay(log, FsrsParams.defaults(), ZoneOffset.UTC, 4);
  }

  /** A day in UTC with days starting at 04:00: today is 2024-03-10T04:00Z .. 2024-03-11T04:00Z. */
  private static List<Review> fixture() {
    return List.of(
        r("2024-01-01T12:00:00Z", "rev-weak", Grade.EASY),        // review, due long ago, low recall
        r("2024-01-05T12:00:00Z", "gone", Grade.EASY),            // no longer in the bank
        r("2024-03-01T12:00:00Z", "rev-strong", Grade.EASY),      // review, due 03-09
        r("2024-03-03T02:00:00Z", "rev-tonight", Grade.EASY),     // review, due 03-11T02:00, before the day ends
        r("2024-03-03T05:00:00Z", "rev-tomorrow", Grade.EASY),    // review, due 03-11T05:00, tomorrow
        r("2024-03-10T03:00:00Z", "early-bird", Grade.GOOD),      // learning; 03:00 is still yesterday
        r("2024-03-10T11:00:00Z", "learn-a", Grade.AGAIN),        // learning, due 11:01
        r("2024-03-10T11:30:00Z", "learn-b", Grade.GOOD),         // learning, due 11:40
        r("2024-03-10T11:59:30Z", "learn-later", Grade.AGAIN));   // learning, due 12:00:30, after now
  }

  private static final List<String> BANK = List.of("new1", "learn-later", "rev-strong", "learn-b", "rev-tomorrow",
      "new2", "rev-tonight", "learn-a", "rev-weak", "early-bird", "new3");

  @Test
  void fixtureStatesAreWhatTheOrderingTestAssumes() {
    Schedule s = utc4(fixture());
    assertEquals(Instant.parse("2024-03-11T02:00:00Z"), s.state("rev-tonight").due());
    assertEquals(Instant.parse("2024-03-11T05:00:00Z"), s.state("rev-tomorrow").due());
    assertEquals(Instant.parse("2024-03-10T11:01:00Z"), s.state("learn-a").due());
    assertEquals(Instant.parse("2024-03-10T11:40:00Z"), s.state("learn-b").due());
    assertEquals(CardState.LEARNING, s.state("early-bird").state());
    assertEquals(CardState.REVIEW, s.state("rev-weak").state());
  }

  @Test
  void dueQueueTakesLearningStepsThenReviewsByRecallThenNewUpToTheDailyLimit() {
    Schedule s = utc4(fixture());
    // three questions were first reviewed today (early-bird's 03:00 was yesterday): 5 - 3 = 2 new ones
    List<String> queue = s.dueQueue(BANK, NOW, 5);
    assertEquals(List.of("early-bird", "learn-a", "learn-b", "rev-weak", "rev-strong", "rev-tonight", "new1", "new2"),
        queue);
    assertEquals(queue.size(), s.dueCount(BANK, NOW, 5));
    double weak = s.predictedRecall("rev-weak", NOW);
    double strong = s.predictedRecall("rev-strong", NOW);
    double tonight = s.predictedRecall("rev-tonight", NOW);
    assertTrue(weak < strong && strong < tonight, weak + " " + strong + " " + tonight);
  }

  @Test
  void newQuestionsStopWhenTodaysBudgetIsSpent() {
    Schedule s = utc4(fixture());
    assertEquals(3, s.introducedOn(s.dayNumber(NOW)));
    assertEquals(List.of("early-bird", "learn-a", "learn-b", "rev-weak", "rev-strong", "rev-tonight"),
        s.dueQueue(BANK, NOW, 3));
    assertEquals(6, s.dueCount(BANK, NOW, 2));
    assertEquals(9, s.dueCount(BANK, NOW, 20));
    assertEquals(List.of("new1", "new2", "new3"), s.dueQueue(List.of("new1", "new2", "new3"), NOW, 20));
  }

  @Test
  void onlyTheGivenIdsAreQueued() {
    Schedule s = utc4(fixture());
    assertEquals(List.of("learn-b", "rev-strong", "new2"), s.dueQueue(List.of("rev-tomorrow", "new2", "rev-strong",
        "learn-b"), NOW, 20));
  }

  @Test
  void aReviewAtThreeInTheMorningBelongsToThePreviousDay() {
    Instant now = LocalDateTime.parse("2024-03-10T12:00").atZone(BERLIN).toInstant();
    Instant at0300 = LocalDateTime.parse("2024-03-10T03:00").atZone(BERLIN).toInstant();
    Instant at0430 = LocalDateTime.parse("2024-03-10T04:30").atZone(BERLIN).toInstant();
    Schedule before = Schedule.replay(List.of(new Review(at0300, "a", Grade.EASY, 0)), FsrsParams.defaults(),
        BERLIN, 4);
    Schedule after = Schedule.replay(List.of(new Review(at0430, "a", Grade.EASY, 0)), FsrsParams.defaults(),
        BERLIN, 4);

    assertEquals(LocalDate.parse("2024-03-09"), before.day(at0300));
    assertEquals(LocalDate.parse("2024-03-10"), before.day(at0430));
    assertEquals(LocalDateTime.parse("2024-03-09T04:00").atZone(BERLIN).toInstant(), before.startOfDay(at0300));
    assertEquals(LocalDateTime.parse("2024-03-10T04:00").atZone(BERLIN).toInstant(), before.startOfDay(now));
    // with one new question a day, "b" is still on offer only when "a" was learned yesterday
    assertEquals(List.of("b"), before.dueQueue(List.of("a", "b"), now, 1));
    assertEquals(List.of(), after.dueQueue(List.of("a", "b"), now, 1));
  }

  @Test
  void dayBoundaryFollowsTheZoneAcrossDaylightSaving() {
    Schedule s = Schedule.replay(List.of(), FsrsParams.defaults(), BERLIN, 4);
    // clocks go from 02:00 to 03:00 in Berlin on 2024-03-31, inside the day that starts 03-30 04:00
    Instant start = s.startOf(LocalDate.parse("2024-03-30"));
    Instant next = s.startOf(LocalDate.parse("2024-03-31"));
    assertEquals(Instant.parse("2024-03-30T03:00:00Z"), start);
    assertEquals(Duration.ofHours(23), Duration.between(start, next));
    assertEquals(LocalDate.parse("2024-03-30"), s.day(next.minusSeconds(1)));
    assertEquals(LocalDate.parse("2024-03-31"), s.day(next));
  }

  @Test
  void dayOfAnInstantIsTheLocalDateFourHoursEarlierInsideAndOutsideTheLoggedSpan() {
    Instant logged = Instant.parse("2024-06-01T10:00:00Z");
    Schedule s = Schedule.replay(List.of(new Review(logged, "a", Grade.GOOD, 0)), FsrsParams.defaults(), BERLIN, 4);
    for (String from : List.of("1995-01-01T00:00:00Z", "2023-01-01T00:00:00Z", "2035-01-01T00:00:00Z")) {
      Instant t = Instant.parse(from);
      for (int hour = 0; hour < 3 * 366 * 24; hour += 1) {
        Instant at = t.plusSeconds(hour * 3600L + 1799);
        LocalDate expected = LocalDateTime.ofInstant(at, BERLIN).minusHours(4).toLocalDate();
        assertEquals(expected, s.day(at), at.toString());
        assertEquals(s.fsrs().elapsedDays(logged, at), s.dayNumber(at) - s.dayNumber(logged), at.toString());
      }
    }
  }

  @Test
  void idsOutsideTheBankAreKeptButNeverQueued() {
    Schedule s = utc4(fixture());
    assertEquals(CardState.REVIEW, s.state("gone").state());
    assertEquals(1, s.history("gone").size());
    assertTrue(s.reviewedIds().contains("gone"));
    assertEquals(9, s.reviewCount());
    assertTrue(!s.dueQueue(BANK, NOW, 20).contains("gone"));
    // an id with no reviews at all is simply new
    assertEquals(MemoryState.NEW, s.state("never"));
    assertEquals(List.of(), s.history("never"));
    assertEquals(0.0, s.predictedRecall("never", NOW));
  }

  @Test
  void cramOrderIsWeakestFirstWithUnseenAtZeroInBankOrder() {
    Schedule s = utc4(fixture());
    List<String> ids = List.of("rev-tonight", "new2", "rev-weak", "new1", "rev-strong");
    assertEquals(List.of("new2", "new1", "rev-weak", "rev-strong", "rev-tonight"), s.cramOrder(ids, NOW));
  }

  @Test
  void readinessOrderRanksByRecallOnTheDay() {
    Schedule s = utc4(fixture());
    Instant interview = s.startOf(LocalDate.parse("2024-04-15"));
    List<String> ids = List.of("rev-tonight", "rev-weak", "new1", "rev-strong");
    List<String> order = s.readinessOrder(ids, interview);
    assertEquals("new1", order.get(0));
    for (int i = 1; i < order.size(); i++) {
      assertTrue(s.predictedRecall(order.get(i - 1), interview) <= s.predictedRecall(order.get(i), interview));
    }
    assertTrue(s.predictedRecall("rev-strong", interview) < s.predictedRecall("rev-strong", NOW));
  }

  @Test
  void historyIsInTimeOrderAndReadOnly() {
    List<Review> log = new ArrayList<>(List.of(
        r("2024-03-02T12:00:00Z", "q", Grade.GOOD),
        r("2024-03-01T12:00:00Z", "q", Grade.AGAIN),
        r("2024-03-03T12:00:00Z", "q", Grade.HARD)));
    Schedule s = utc4(log);
    List<Review> h = s.history("q");
    assertEquals(List.of(Grade.AGAIN, Grade.GOOD, Grade.HARD), h.stream().map(Review::grade).toList());
    assertThrows(UnsupportedOperationException.class, () -> h.add(log.get(0)));
    assertEquals(CardState.NEW, s.card("q").stateBefore(0));
    assertEquals(CardState.LEARNING, s.card("q").stateBefore(1));
  }

  @Test
  void undoEventsAreRejectedBecauseTheyMustBeAppliedFirst() {
    List<Review> log = List.of(r("2024-03-01T12:00:00Z", "q", Grade.GOOD), r("2024-03-01T12:01:00Z", "q", Grade.UNDO));
    assertThrows(IllegalArgumentException.class, () -> utc4(log));
  }

  @Test
  void anOutOfOrderLogIsReplayedPerQuestionInTimeOrderWithTiesInFileOrder() {
    Instant t = Instant.parse("2024-03-01T12:00:00Z");
    Review a3 = new Review(t.plusSeconds(3 * 86_400), "a", Grade.GOOD, 1);
    Review b1 = new Review(t.plusSeconds(86_400), "b", Grade.EASY, 2);
    Review a1 = new Review(t, "a", Grade.AGAIN, 3);
    Review a2 = new Review(t.plusSeconds(600), "a", Grade.HARD, 4);
    Review tieFirst = new Review(t.plusSeconds(600), "a", Grade.GOOD, 5); // same time as a2, later in the file
    Schedule s = Schedule.replay(ReviewEvents.of(List.of(a3, b1, a1, a2, tieFirst)), FsrsParams.defaults(), BERLIN, 4);
    List<Review> sorted = List.of(a1, a2, tieFirst, a3);
    assertEquals(sorted, s.history("a"));
    Fsrs fsrs = new Fsrs(FsrsParams.defaults(), BERLIN, 4);
    assertEquals(fsrs.replay(sorted), s.state("a"));
    assertEquals(fsrs.replay(List.of(b1)), s.state("b"));
    Schedule.Card a = s.card("a");
    assertEquals(4, a.reviews());
    assertEquals(a2.time().toEpochMilli(), a.millis(1));
    assertEquals(Grade.GOOD, a.grade(2));
    assertEquals(CardState.NEW, a.stateBefore(0));
    assertEquals(5, s.reviewCount());
  }

  @Test
  void replayRefusesAnUndoItWasNotMeantToSee() {
    List<Review> log = List.of(new Review(NOW, "a", Grade.GOOD, 0), new Review(NOW, "a", Grade.UNDO, 0));
    assertThrows(IllegalArgumentException.class, () -> Schedule.replay(ReviewEvents.of(log), FsrsParams.defaults(), BERLIN, 4));
  }
}
