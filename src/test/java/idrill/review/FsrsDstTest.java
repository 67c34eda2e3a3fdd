package idrill.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Intervals are local calendar days: across a DST change the due time keeps its local time of day. */
class FsrsDstTest {
  @Test
  void aReviewIntervalOfNDaysLandsNLocalDaysLaterAtTheSameLocalTime() {
    ZoneId ny = ZoneId.of("America/New_York");
    Fsrs local = new Fsrs(FsrsParams.defaults(), ny, 4);
    Random random = new Random(11);
    int crossed = 0;
    for (int n = 0; n < 2000; n++) {
      // the ten days before each change, when short intervals cross it
      Instant t = Instant.parse(n % 2 == 0 ? "2026-02-27T00:00:00Z" : "2026-10-22T00:00:00Z").plusSeconds(random.nextInt(10 * 86_400));
      List<Review> grades = List.of(new Review(t, "q", Grade.AGAIN, 0), new Review(t.plusSeconds(60), "q", Grade.GOOD, 0),
          new Review(t.plusSeconds(660), "q", Grade.values()[1 + random.nextInt(3)], 0));
      MemoryState s = local.replay(grades);
      if (s.state() != CardState.REVIEW) continue;
      Instant last = s.lastReview();
      ZonedDateTime from = last.atZone(ny);
      ZonedDateTime due = s.due().atZone(ny);
      long days = ChronoUnit.DAYS.between(from.toLocalDate(), due.toLocalDate());
      if (ny.getRules().getValidOffsets(from.toLocalDateTime().plusDays(days)).size() != 1) continue; // a gap or overlap
      if (!from.getOffset().equals(due.getOffset())) crossed++;
      assertEquals(from.toLocalTime(), due.toLocalTime(), "reviewed " + from + ", due " + due);
      assertEquals(days, Math.round(Duration.between(last, s.due()).toMinutes() / 1440.0), "whole days, give or take an hour");
    }
    assertEquals(true, crossed > 50, "some intervals crossed a change: " + crossed);
  }
}
