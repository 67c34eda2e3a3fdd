package idrill.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import idrill.bank.Question;
import idrill.review.FsrsParams;
import idrill.review.Grade;
import idrill.review.Review;
import idrill.review.Schedule;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StatsPerformanceTest {
  @Test
  void aMillionReviewsOfTenThousandQuestionsReplayAndAggregateWithinASecond() {
    int questions = 10_000;
    int rounds = 100;
    Random rnd = new Random(7);
    Grade[] grades = {Grade.AGAIN, Grade.HARD, Grade.GOOD, Grade.GOOD, Grade.GOOD, Grade.EASY};
    List<Question> bank = new ArrayList<>(questions);
    String[] ids = new String[questions];
    for (int i = 0; i < questions; i++) {
      ids[i] = "q-" + i;
      bank.add(StatsTest.q(ids[i], "tag-" + (i % 40), "level-" + (i % 3)));
    }
    List<Review> log = new ArrayList<>(questions * rounds);
    Instant start = Instant.parse("2022-01-01T08:00:00Z");
    for (int round = 0; round < rounds; round++) {
      for (int i = 0; i < questions; i++) {
        // ids are fresh strings, as a log parser would make them
        Instant t = start.plusSeconds(round * 7L * 86_400 + i * 6L);
        log.add(new Review(t, new String(ids[i]), grades[rnd.nextInt(grades.length)], 5000));
      }
    }
    Instant now = start.plusSeconds(rounds * 7L * 86_400);
    ZoneId zone = ZoneId.of("Europe/Berlin");

    long best = Long.MAX_VALUE;
    for (int run = 0; run < 3; run++) {
      long t0 = System.nanoTime();
      Schedule s = Schedule.replay(log, FsrsParams.defaults(), zone, 4);
      Stats stats = Stats.compute(bank, s, now, 20, now.atZone(zone).toLocalDate().plusDays(60));
      long ms = (System.nanoTime() - t0) / 1_000_000;
      best = Math.min(best, ms);
      assertEquals(1_000_000, stats.totals().reviews());
      assertEquals(questions, stats.totals().seen());
      System.out.println("replay + stats of 1,000,000 reviews: " + ms + " ms");
    }
    // the first run includes JIT warm-up; about 0.3-0.5 s with the launcher's flags (C1, serial GC),
    // the bound leaves room for a busy CI machine and still catches anything quadratic
    assertTrue(best < 1500, "best of three took " + best + " ms");
  }
}
