package idrill.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForecastTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Instant NOW = Instant.parse("2026-11-25T09:53:00Z"); // 10:53 in Berlin

  @Test
  void nextSaysHowLongAndWhenInLocalTime() {
    assertEquals("softmax-temperature in 3 h 12 min, today 14:05",
        new Forecast.Next("softmax-temperature", NOW.plus(Duration.ofMinutes(192))).describe(NOW, BERLIN));
    assertEquals("a in 1 min, today 10:53", new Forecast.Next("a", NOW.plusSeconds(20)).describe(NOW, BERLIN));
    assertEquals("a in 17 h 7 min, tomorrow 04:00",
        new Forecast.Next("a", Instant.parse("2026-11-26T03:00:00Z")).describe(NOW, BERLIN));
    assertEquals("a in 2 days 17 h, Sat 2026-11-28 04:00",
        new Forecast.Next("a", Instant.parse("2026-11-28T03:00:00Z")).describe(NOW, BERLIN));
    assertEquals("a, due now", new Forecast.Next("a", NOW).describe(NOW, BERLIN));
  }

  @Test
  void nextTakesTheEarliestLearningStepOrReviewDayAndNewOnesOnlyWhileTheDayAllowsThem() {
    Schedule s = Schedule.replay(List.of(
        new Review(NOW.minusSeconds(60), "step", Grade.GOOD, 1000),       // learning, due in 9 min
        new Review(NOW.minus(Duration.ofDays(1)), "rev", Grade.EASY, 1000)), // review, due in days
        FsrsParams.defaults(), BERLIN, 4);
    List<String> ids = List.of("fresh", "rev", "step");
    assertEquals(new Forecast.Next("fresh", NOW), Forecast.next(s, ids, s::state, NOW, 20, 1));
    assertEquals(new Forecast.Next("step", NOW.plusSeconds(540)), Forecast.next(s, ids, s::state, NOW, 20, 0));
    Instant revDay = s.startOf(s.day(s.state("rev").due()));
    assertEquals(new Forecast.Next("rev", revDay), Forecast.next(s, List.of("rev"), s::state, NOW, 20, 0));
    assertEquals(new Forecast.Next("fresh", s.startOf(s.day(NOW).plusDays(1))),
        Forecast.next(s, List.of("fresh"), s::state, NOW, 20, 0));
    assertNull(Forecast.next(s, List.of("fresh"), s::state, NOW, 0, 0), "new_per_day 0: never");
  }
}
