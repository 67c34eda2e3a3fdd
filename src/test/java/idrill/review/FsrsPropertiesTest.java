package idrill.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FsrsPropertiesTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Grade[] GRADES = {Grade.AGAIN, Grade.HARD, Grade.GOOD, Grade.EASY};
  private final Fsrs utc = new Fsrs(FsrsParams.defaults(), ZoneOffset.UTC, 0);
  private final Fsrs berlin4 = new Fsrs(FsrsParams.defaults(), BERLIN, 4);

  private static Instant berlin(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
  }

  @Test
  void intervalsGrowWithConsecutiveGoodAnswers() {
    for (Fsrs fsrs : List.of(utc, berlin4)) {
      MemoryState s = MemoryState.NEW;
      Instant now = Instant.parse("2024-01-10T09:15:00Z");
      long previous = 0;
      int reviewsInReview = 0;
      for (int i = 0; i < 12; i++) {
        s = fsrs.review(s, Grade.GOOD, now);
        long ivl = Duration.between(now, s.due()).toSeconds();
        assertTrue(ivl > previous, "interval " + i + " " + ivl + " after " + previous);
        previous = ivl;
        if (s.state() == CardState.REVIEW) reviewsInReview++;
        now = s.due();
      }
      assertEquals(11, reviewsInReview);
    }
  }

  @Test
  void retrievabilityDecreasesWithTime() {
    MemoryState s = MemoryState.NEW;
    Instant now = Instant.parse("2024-01-10T09:15:00Z");
    for (int i = 0; i < 4; i++) {
      s = utc.review(s, Grade.GOOD, now);
      now = s.due();
    }
    assertEquals(CardState.REVIEW, s.state());
    assertEquals(1.0, utc.retrievability(s, s.lastReview()));
    double previous = 1.0;
    for (int day = 1; day <= 400; day++) {
      double r = utc.retrievability(s, s.lastReview().plus(Duration.ofDays(day)));
      assertTrue(r < previous && r > 0, "R on day " + day + " = " + r);
      previous = r;
    }
    // at the due time R is about the desired retention
    assertEquals(0.9, utc.retrievability(s, s.due()), 0.01);
    assertEquals(0.0, utc.retrievability(MemoryState.NEW, now));
  }

  @Test
  void replayOfShuffledThenSortedListEqualsReplayOfSortedList() {
    Random rnd = new Random(7);
    for (int q = 0; q < 50; q++) {
      List<Review> sorted = new ArrayList<>();
      Instant t = Instant.parse("2023-03-01T00:00:00Z").plusSeconds(rnd.nextInt(1_000_000));
      for (int i = 0; i < 30; i++) {
        t = t.plusSeconds(1 + rnd.nextInt(20 * 86_400));
        sorted.add(new Review(t, "q" + q, GRADES[rnd.nextInt(4)], 1000));
      }
      List<Review> shuffled = new ArrayList<>(sorted);
      Collections.shuffle(shuffled, rnd);
      assertNotEquals(sorted, shuffled);
      shuffled.sort(Comparator.comparing(Review::time));
      assertEquals(berlin4.replay(sorted), berlin4.replay(shuffled));
      // replay is a fold of review
      MemoryState s = MemoryState.NEW;
      for (Review r : sorted) s = berlin4.review(s, r.grade(), r.time());
      assertEquals(s, berlin4.replay(sorted));
    }
  }

  @Test
  void dayStartHourFourCountsThreeAmTowardThePreviousDay() {
    Instant evening = berlin("2024-05-06T22:00");
    Instant threeAm = berlin("2024-05-07T03:00");
    Instant fourAm = berlin("2024-05-07T04:00");
    assertEquals(0, berlin4.elapsedDays(evening, threeAm));
    assertEquals(1, berlin4.elapsedDays(evening, fourAm));
    assertEquals(1, berlin4.elapsedDays(threeAm, fourAm));
    Fsrs berlin0 = new Fsrs(FsrsParams.defaults(), BERLIN, 0);
    assertEquals(1, berlin0.elapsedDays(evening, threeAm));
    // 03:00 local is 01:00 UTC: the UTC calendar would say a day has passed too
    assertEquals(1, utc.elapsedDays(evening, threeAm));

    // the review at 03:00 is a same-day review: short-term stability, not a recall after a day
    MemoryState s = MemoryState.NEW;
    Instant now = berlin("2024-05-01T21:00");
    s = berlin4.review(s, Grade.EASY, now);
    MemoryState due = new MemoryState(CardState.REVIEW, s.stability(), s.difficulty(), s.due(), evening,
        s.reps(), 0, 0);
    double sameDay = berlin4.nextShortTermStability(due.stability(), 3);
    assertEquals(sameDay, berlin4.review(due, Grade.GOOD, threeAm).stability(), 0);
    assertNotEquals(sameDay, berlin4.review(due, Grade.GOOD, fourAm).stability());
    assertEquals(berlin4.retrievability(due, evening), berlin4.retrievability(due, threeAm));
  }

  @Test
  void elapsedDaysAreLocalCalendarDaysAcrossDaylightSavingTime() {
    // 2024-03-31 Berlin springs forward: 04:30 to 04:30 is 23 hours but one calendar day
    assertEquals(1, berlin4.elapsedDays(berlin("2024-03-30T04:30"), berlin("2024-03-31T04:30")));
    // 2024-10-27 falls back: 04:10 to 03:50 next day is 24h40m but the same day-start-4 day
    assertEquals(0, berlin4.elapsedDays(berlin("2024-10-27T04:10"), berlin("2024-10-28T03:50")));
    assertEquals(-1, berlin4.elapsedDays(berlin("2024-10-28T05:00"), berlin("2024-10-27T05:00")));
  }

  @Test
  void elapsedDaysUnderUtcAndHourZeroAreTsFsrsDateDiffInDays() {
    // whole UTC dates, not floor(hours / 24): 23:59 to 00:01 is one day, 00:01 to 23:59 is none
    assertEquals(1, utc.elapsedDays(Instant.parse("2024-01-01T23:59:00Z"), Instant.parse("2024-01-02T00:01:00Z")));
    assertEquals(0, utc.elapsedDays(Instant.parse("2024-01-01T00:01:00Z"), Instant.parse("2024-01-01T23:59:59Z")));
    assertEquals(366, utc.elapsedDays(Instant.parse("2024-01-01T12:00:00Z"), Instant.parse("2025-01-01T00:00:00Z")));
    assertEquals(1, utc.elapsedDays(Instant.parse("1969-12-31T23:00:00Z"), Instant.parse("1970-01-01T01:00:00Z")));
  }

  @Test
  void hardAtTheLaterLearningStepWaitsBetweenTheFirstTwoSteps() {
    Instant t0 = Instant.parse("2024-02-02T10:00:00Z");
    MemoryState s = utc.review(MemoryState.NEW, Grade.GOOD, t0);
    assertEquals(1, s.step());
    assertEquals(t0.plus(Duration.ofMinutes(10)), s.due());
    MemoryState hard = utc.review(s, Grade.HARD, s.due());
    // ts-fsrs: (1m + 10m) / 2 rounded = 6m, and the card stays at step 1
    assertEquals(CardState.LEARNING, hard.state());
    assertEquals(1, hard.step());
    assertEquals(s.due().plus(Duration.ofMinutes(6)), hard.due());
    // same-day Hard never lowers stability
    assertEquals(s.stability(), hard.stability(), 0);
    MemoryState good = utc.review(hard, Grade.GOOD, hard.due());
    assertEquals(CardState.REVIEW, good.state());
    assertEquals(0, good.step());
  }

  @Test
  void lapseGoesToRelearningAndCountsALapse() {
    Instant t = Instant.parse("2024-02-02T10:00:00Z");
    MemoryState s = utc.review(MemoryState.NEW, Grade.EASY, t);
    MemoryState lapse = utc.review(s, Grade.AGAIN, s.due());
    assertEquals(CardState.RELEARNING, lapse.state());
    assertEquals(1, lapse.lapses());
    assertEquals(2, lapse.reps());
    assertEquals(s.due().plus(Duration.ofMinutes(10)), lapse.due());
    assertTrue(lapse.stability() < s.stability());
  }

  @Test
  void paramsDefaultsAndValidation() {
    FsrsParams d = FsrsParams.defaults();
    assertEquals(21, d.weights().length);
    assertEquals(0.1542, d.weights()[20]);
    assertEquals(0.9, d.desiredRetention());
    assertEquals(36500, d.maximumInterval());
    assertEquals(List.of(Duration.ofMinutes(1), Duration.ofMinutes(10)), d.learningSteps());
    assertEquals(List.of(Duration.ofMinutes(10)), d.relearningSteps());
    assertTrue(d.enableShortTerm());
    assertEquals(d, FsrsParams.defaults());
    assertEquals(0.8, d.withRetention(0.8).desiredRetention());
    assertThrows(IllegalArgumentException.class, () -> d.withRetention(0));
    assertThrows(IllegalArgumentException.class, () -> d.withRetention(1.5));
    assertThrows(IllegalArgumentException.class, () -> d.withWeights(new double[19]));
    double[] w = d.weights();
    w[0] = 500;
    assertEquals(100, d.withWeights(w).weights()[0]);
    w[0] = Double.NaN;
    assertThrows(IllegalArgumentException.class, () -> d.withWeights(w));
    d.weights()[0] = 9;
    assertEquals(0.212, d.weights()[0]);
    assertThrows(IllegalArgumentException.class, () -> new Fsrs(d, ZoneOffset.UTC, 24));
  }

  @Test
  void lowerRetentionGivesLongerIntervals() {
    Fsrs lax = new Fsrs(FsrsParams.defaults().withRetention(0.8), ZoneOffset.UTC, 0);
    Instant t = Instant.parse("2024-02-02T10:00:00Z");
    assertTrue(lax.review(MemoryState.NEW, Grade.EASY, t).due().isAfter(utc.review(MemoryState.NEW, Grade.EASY, t).due()));
  }

  @Test
  void undoIsNotAGradeToSchedule() {
    assertThrows(IllegalArgumentException.class,
        () -> utc.review(MemoryState.NEW, Grade.UNDO, Instant.parse("2024-02-02T10:00:00Z")));
  }

  @Test
  void cardStateWords() {
    assertEquals("new", CardState.NEW.word());
    assertEquals("relearning", CardState.RELEARNING.word());
  }

  @Test
  void aReviewKeepsTheClocksNanosecondsInItsDueAndLastReview() {
    Instant now = Instant.parse("2024-01-10T09:15:00.123456789Z");
    MemoryState s = utc.review(MemoryState.NEW, Grade.AGAIN, now);
    assertEquals(now.plusSeconds(60), s.due());
    assertEquals(now, s.lastReview());
  }
}
