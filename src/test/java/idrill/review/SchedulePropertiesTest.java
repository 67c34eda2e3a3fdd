package idrill.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SchedulePropertiesTest {
  private static final ZoneId ZONE = ZoneId.of("America/New_York");
  private static final Instant START = Instant.parse("2024-01-10T14:15:00Z");

  private static Schedule replay(List<Review> log) {
    return Schedule.replay(log, FsrsParams.defaults(), ZONE, 4);
  }

  @Test
  void recallFallsDayByDayAfterTheLastReview() {
    List<Review> log = new ArrayList<>();
    Instant t = START;
    for (int i = 0; i < 5; i++) {
      log.add(new Review(t, "q", Grade.GOOD, 0));
      t = replay(log).state("q").due();
    }
    Schedule s = replay(log);
    Instant last = s.state("q").lastReview();
    assertEquals(1.0, s.predictedRecall("q", last));
    double previous = 1.0;
    for (int day = 1; day <= 400; day++) {
      double r = s.predictedRecall("q", last.plus(Duration.ofDays(day)));
      assertTrue(r < previous, "day " + day + ": " + r + " after " + previous);
      assertTrue(r > 0);
      previous = r;
    }
  }

  @Test
  void intervalsGrowWithEachGoodAnswer() {
    List<Review> log = new ArrayList<>();
    Instant t = START;
    long previous = 0;
    for (int i = 0; i < 10; i++) {
      log.add(new Review(t, "q", Grade.GOOD, 0));
      MemoryState s = replay(log).state("q");
      long interval = Duration.between(s.lastReview(), s.due()).toMinutes();
      assertTrue(interval > previous, "review " + i + ": " + interval + " min after " + previous);
      previous = interval;
      t = s.due();
    }
    assertTrue(previous > 60 * 24 * 100, "ten good answers reach months: " + previous + " min");
  }

  @Test
  void dueCountIsTheLengthOfTheDueQueue() {
    Random rnd = new Random(3);
    Grade[] grades = {Grade.AGAIN, Grade.HARD, Grade.GOOD, Grade.EASY};
    List<Review> log = new ArrayList<>();
    Instant t = START;
    for (int i = 0; i < 3000; i++) {
      t = t.plusSeconds(1 + rnd.nextInt(3 * 3600));
      log.add(new Review(t, "q" + rnd.nextInt(300), grades[rnd.nextInt(grades.length)], 0));
    }
    Schedule s = replay(log);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 400; i++) ids.add("q" + i);
    int nonEmpty = 0;
    for (int k = 0; k < 200; k++) {
      Instant now = START.plusSeconds(rnd.nextInt(200 * 86_400));
      int newPerDay = rnd.nextInt(30);
      List<String> queue = s.dueQueue(ids, now, newPerDay);
      assertEquals(queue.size(), s.dueCount(ids, now, newPerDay));
      assertEquals(queue.size(), new java.util.HashSet<>(queue).size(), "no id twice");
      if (!queue.isEmpty()) nonEmpty++;
    }
    assertTrue(nonEmpty > 100);
  }

  @Test
  void replayDependsOnTimesNotOnTheOrderOfTheInput() {
    Random rnd = new Random(42);
    Grade[] grades = {Grade.AGAIN, Grade.HARD, Grade.GOOD, Grade.GOOD, Grade.EASY};
    List<Review> sorted = new ArrayList<>();
    Instant t = START;
    for (int i = 0; i < 5000; i++) {
      t = t.plusSeconds(1 + rnd.nextInt(6 * 3600));
      sorted.add(new Review(t, "q" + rnd.nextInt(200), grades[rnd.nextInt(grades.length)], rnd.nextInt(60_000)));
    }
    List<Review> shuffled = new ArrayList<>(sorted);
    Collections.shuffle(shuffled, rnd);
    List<Review> resorted = new ArrayList<>(shuffled);
    resorted.sort(Comparator.comparing(Review::time));

    Schedule a = replay(sorted);
    Schedule b = replay(shuffled);
    Schedule c = replay(resorted);
    assertEquals(a.reviewedIds(), b.reviewedIds());
    int states = 0;
    for (String id : a.reviewedIds()) {
      assertEquals(a.state(id), b.state(id), id);
      assertEquals(a.state(id), c.state(id), id);
      assertEquals(a.history(id), b.history(id), id);
      if (a.state(id).state() != CardState.REVIEW) states++;
    }
    // the random log reaches more than one kind of state, so the comparison means something
    assertTrue(states > 0 && states < a.reviewedIds().size(), "non-review states: " + states);
  }
}
