package idrill.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import idrill.bank.Question;
import idrill.review.FsrsParams;
import idrill.review.Grade;
import idrill.review.Review;
import idrill.review.ReviewEvents;
import idrill.review.ReviewLog;
import idrill.review.Schedule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatsTest {
  /** Wednesday; days start at 04:00 UTC, so the last 30 days are 02-20 .. 03-20. */
  static final Instant NOW = Instant.parse("2024-03-20T12:00:00Z");

  static Question q(String id, String... tags) {
    return new Question(id, "Q " + id, "A " + id, List.of(tags), null, List.of(), null);
  }

  static Review r(String time, String id, Grade g) {
    return new Review(Instant.parse(time), id, g, 1000);
  }

  static final List<Question> QUESTIONS = List.of(
      q("q1", "algo", "graphs"), q("q2", "algo"), q("q3", "sql"), q("q4", "sql"), q("q5", "design"));

  /** States before each grade are noted: only grades given in REVIEW state count for true retention. */
  static final List<Review> LOG = List.of(
      r("2024-02-10T12:00:00Z", "q3", Grade.GOOD),    // new
      r("2024-02-10T12:10:00Z", "q3", Grade.GOOD),    // learning -> review
      r("2024-02-15T12:00:00Z", "q3", Grade.AGAIN),   // review, fail, before the 30 days
      r("2024-02-15T12:10:00Z", "q3", Grade.GOOD),    // relearning -> review
      r("2024-03-01T12:00:00Z", "q1", Grade.GOOD),    // new
      r("2024-03-01T12:10:00Z", "q1", Grade.GOOD),    // learning -> review
      r("2024-03-02T12:00:00Z", "q1", Grade.GOOD),    // review, pass
      r("2024-03-02T13:00:00Z", "q3", Grade.AGAIN),   // review, fail
      r("2024-03-03T12:00:00Z", "q1", Grade.AGAIN),   // review, fail
      r("2024-03-04T03:00:00Z", "q1", Grade.GOOD),    // relearning; 03:00 still counts as 03-03
      r("2024-03-10T12:00:00Z", "q1", Grade.GOOD),    // review, pass
      r("2024-03-11T12:00:00Z", "q1", Grade.HARD),    // review, pass
      r("2024-03-12T12:00:00Z", "q2", Grade.EASY),    // new -> review
      r("2024-03-13T12:00:00Z", "q2", Grade.AGAIN),   // review, fail
      r("2024-03-14T12:00:00Z", "q2", Grade.GOOD),    // relearning
      r("2024-03-15T12:00:00Z", "gone", Grade.EASY),  // not in the bank: would bridge 03-14..03-18
      r("2024-03-16T12:00:00Z", "gone", Grade.GOOD),
      r("2024-03-17T12:00:00Z", "gone", Grade.AGAIN),
      r("2024-03-18T12:00:00Z", "q2", Grade.GOOD),    // review, pass
      r("2024-03-19T12:00:00Z", "q2", Grade.EASY));   // review, pass

  static Schedule schedule() {
    return Schedule.replay(LOG, FsrsParams.defaults(), ZoneOffset.UTC, 4);
  }

  @Test
  void totalsCountOnlyTheSelectionsReviews() {
    Schedule s = schedule();
    Stats.Totals t = Stats.compute(QUESTIONS, s, NOW, 10, null).totals();
    assertEquals(5, t.questions());
    assertEquals(3, t.seen());
    assertEquals(17, t.reviews());
    // runs: 02-10, 02-15, 03-01..03-03, 03-10..03-14, 03-18..03-19 (today 03-20 has none yet)
    assertEquals(5, t.longestStreak());
    assertEquals(2, t.currentStreak());
    // review-state grades in 02-20..03-20: q1 pass fail pass pass, q2 fail pass pass, q3 fail
    assertEquals(8, t.retentionSample());
    assertEquals(5.0 / 8, t.trueRetention30d());
    List<String> ids = QUESTIONS.stream().map(Question::id).toList();
    assertEquals(s.dueQueue(ids, NOW, 10).size(), t.dueToday());
  }

  @Test
  void currentStreakCountsTodayOnceReviewedAndBreaksAfterAMissedDay() {
    Schedule s = schedule();
    assertEquals(2, Stats.compute(QUESTIONS, s, Instant.parse("2024-03-19T20:00:00Z"), 10, null).totals()
        .currentStreak());
    assertEquals(1, Stats.compute(QUESTIONS, s, Instant.parse("2024-03-18T20:00:00Z"), 10, null).totals()
        .currentStreak());
    // 03:00 on the 21st is still the 20th, so yesterday (the 19th) keeps the streak alive
    assertEquals(2, Stats.compute(QUESTIONS, s, Instant.parse("2024-03-21T03:00:00Z"), 10, null).totals()
        .currentStreak());
    assertEquals(0, Stats.compute(QUESTIONS, s, Instant.parse("2024-03-21T05:00:00Z"), 10, null).totals()
        .currentStreak());
  }

  @Test
  void noReviewStateGradesMeansNoRetention() {
    Schedule s = Schedule.replay(List.of(r("2024-03-19T12:00:00Z", "q1", Grade.GOOD)), FsrsParams.defaults(),
        ZoneOffset.UTC, 4);
    Stats.Totals t = Stats.compute(QUESTIONS, s, NOW, 10, null).totals();
    assertNull(t.trueRetention30d());
    assertEquals(0, t.retentionSample());
    assertEquals(1, t.currentStreak());
    assertEquals(1, t.longestStreak());
  }

  @Test
  void heatmapCoversTwentySixWeeksEndingToday() {
    Stats.Heatmap h = Stats.compute(QUESTIONS, schedule(), NOW, 10, null).heatmap();
    assertEquals(LocalDate.parse("2023-09-25"), h.firstDay()); // a Monday, 25 weeks before this week's
    assertEquals(LocalDate.parse("2024-03-20"), h.today());
    assertEquals(25 * 7 + 3, h.counts().length);
    assertEquals(2, h.count(LocalDate.parse("2024-03-01")));
    assertEquals(2, h.count(LocalDate.parse("2024-03-02")));
    assertEquals(2, h.count(LocalDate.parse("2024-03-03")));
    assertEquals(0, h.count(LocalDate.parse("2024-03-04")));
    assertEquals(2, h.count(LocalDate.parse("2024-02-15")));
    assertEquals(0, h.count(LocalDate.parse("2024-03-16"))); // only "gone" was reviewed that day
    assertEquals(1, h.count(LocalDate.parse("2024-03-19")));
    int sum = 0;
    for (int c : h.counts()) sum += c;
    assertEquals(17, sum);
  }

  @Test
  void tagTableIsWeakestFirst() {
    Schedule s = schedule();
    List<Stats.TagRow> rows = Stats.compute(QUESTIONS, s, NOW, 10, null).tags();
    assertEquals(List.of("design", "sql"), rows.stream().map(Stats.TagRow::tag).toList().subList(0, 2));
    assertEquals(4, rows.size());
    for (int i = 1; i < rows.size(); i++) {
      assertTrue(rows.get(i - 1).meanRecall() <= rows.get(i).meanRecall(), rows.toString());
    }
    Stats.TagRow design = rows.get(0);
    assertEquals(new Stats.TagRow("design", 1, 0, null, 0.0), design);
    double r1 = s.predictedRecall("q1", NOW);
    double r2 = s.predictedRecall("q2", NOW);
    double r3 = s.predictedRecall("q3", NOW);
    assertEquals(new Stats.TagRow("sql", 2, 1, 3.0 / 5, r3 / 2), rows.get(1));
    Stats.TagRow algo = rows.stream().filter(r -> r.tag().equals("algo")).findFirst().orElseThrow();
    assertEquals(new Stats.TagRow("algo", 2, 2, 9.0 / 12, (r1 + r2) / 2), algo);
    Stats.TagRow graphs = rows.stream().filter(r -> r.tag().equals("graphs")).findFirst().orElseThrow();
    assertEquals(new Stats.TagRow("graphs", 1, 1, 5.0 / 7, r1), graphs);
  }

  @Test
  void readinessCountsUnseenQuestionsAsForgotten() {
    Schedule s = schedule();
    LocalDate on = LocalDate.parse("2024-04-15");
    Stats.Readiness r = Stats.compute(QUESTIONS, s, NOW, 10, on).readiness();
    Instant at = s.startOf(on);
    double r1 = s.predictedRecall("q1", at);
    double r2 = s.predictedRecall("q2", at);
    double r3 = s.predictedRecall("q3", at);
    assertEquals(on, r.on());
    assertEquals((r1 + r2 + r3 + 0 + 0) / 5, r.overall(), 1e-12);
    assertEquals(new Stats.Readiness.TagReadiness("design", 1, 0.0), r.tags().get(0));
    assertEquals(new Stats.Readiness.TagReadiness("sql", 2, r3 / 2), r.tags().get(1));
    for (int i = 1; i < r.tags().size(); i++) {
      assertTrue(r.tags().get(i - 1).recall() <= r.tags().get(i).recall(), r.toString());
    }
    assertNull(Stats.compute(QUESTIONS, s, NOW, 10, null).readiness());
  }

  @Test
  void aShuffledLogFileWithUndosGivesTheSameStatsAsTheSortedRecords(@TempDir Path tmp) throws IOException {
    List<Review> lines = new ArrayList<>(LOG);
    Collections.shuffle(lines, new Random(4));
    StringBuilder text = new StringBuilder(ReviewLog.HEADER + "\n");
    for (Review r : lines) {
      text.append(ReviewLog.format(r)).append('\n');
      // a grade taken back at once: the undo withdraws it, whatever its time
      Review extra = new Review(r.time().plusSeconds(3600), r.id(), Grade.EASY, 1);
      text.append(ReviewLog.format(extra)).append('\n').append(ReviewLog.format(new Review(r.time(), r.id(), Grade.UNDO, 0))).append('\n');
    }
    Files.writeString(tmp.resolve(ReviewLog.FILE_NAME), text);
    ReviewEvents standing = new ReviewLog(tmp).readStanding(w -> { throw new AssertionError(w); });
    Schedule fromFile = Schedule.replay(standing, FsrsParams.defaults(), ZoneOffset.UTC, 4);
    Schedule fromRecords = schedule();
    LocalDate on = LocalDate.parse("2024-04-15");
    assertEquals(Stats.compute(QUESTIONS, fromRecords, NOW, 10, on), Stats.compute(QUESTIONS, fromFile, NOW, 10, on));
    for (String id : List.of("q1", "q2", "q3", "gone")) {
      assertEquals(fromRecords.history(id), fromFile.history(id));
      assertEquals(fromRecords.state(id), fromFile.state(id));
    }
  }
}
