package idrill.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntervalsTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");

  private static Review r(Instant t, Grade g) {
    return new Review(t, "q", g, 1000);
  }

  /** Histories in every state: new, learning, review (young and old), relearning. */
  private static List<List<Review>> histories() {
    Instant d = NOW.minus(Duration.ofDays(40));
    return List.of(
        List.of(),
        List.of(r(NOW.minusSeconds(120), Grade.AGAIN)),
        List.of(r(NOW.minusSeconds(900), Grade.GOOD)),
        List.of(r(d, Grade.GOOD), r(d.plusSeconds(600), Grade.GOOD)),
        List.of(r(d, Grade.EASY), r(d.plus(Duration.ofDays(9)), Grade.GOOD), r(d.plus(Duration.ofDays(30)), Grade.HARD)),
        List.of(r(d, Grade.EASY), r(d.plus(Duration.ofDays(20)), Grade.AGAIN)));
  }

  @Test
  void eachIntervalIsWhereThatGradeLeavesTheQuestionWhenTheLogIsReplayedWithIt() {
    FsrsParams params = FsrsParams.defaults();
    for (List<Review> history : histories()) {
      Schedule before = Schedule.replay(history, params, BERLIN, 4);
      Intervals ivl = Intervals.of(before.fsrs(), before.state("q"), NOW);
      for (Grade g : List.of(Grade.AGAIN, Grade.HARD, Grade.GOOD, Grade.EASY)) {
        List<Review> graded = new ArrayList<>(history);
        graded.add(r(NOW, g));
        // an independent path: a whole replay of the log the grade would leave, as the next command will do
        Instant due = Schedule.replay(graded, params, BERLIN, 4).state("q").due();
        assertEquals(Duration.between(NOW, due), ivl.of(g), g + " after " + history);
      }
    }
  }

  @Test
  void aNewQuestionShowsTheLearningStepsAndEasysFirstInterval() {
    Fsrs fsrs = new Fsrs(FsrsParams.defaults(), BERLIN, 4);
    Intervals ivl = Intervals.of(fsrs, MemoryState.NEW, NOW);
    long easyDays = fsrs.nextInterval(fsrs.initStability(4));
    assertEquals("1 again 1m · 2 hard 6m · 3 good 10m · 4 easy " + easyDays + "d", ivl.line());
  }

  @Test
  void shortDurationsUseAnkisUnits() {
    assertEquals("<1m", Intervals.shortDuration(Duration.ofSeconds(30)));
    assertEquals("1m", Intervals.shortDuration(Duration.ofSeconds(60)));
    assertEquals("10m", Intervals.shortDuration(Duration.ofMinutes(10)));
    assertEquals("1h", Intervals.shortDuration(Duration.ofSeconds(59 * 60 + 50)));
    assertEquals("3h", Intervals.shortDuration(Duration.ofHours(3)));
    assertEquals("1d", Intervals.shortDuration(Duration.ofHours(24)));
    assertEquals("4d", Intervals.shortDuration(Duration.ofDays(4)));
    assertEquals("29d", Intervals.shortDuration(Duration.ofDays(29)));
    assertEquals("1mo", Intervals.shortDuration(Duration.ofDays(30)));
    assertEquals("1.5mo", Intervals.shortDuration(Duration.ofDays(45)));
    assertEquals("1y", Intervals.shortDuration(Duration.ofDays(365)));
    assertEquals("2.5y", Intervals.shortDuration(Duration.ofDays(912)));
  }
}
