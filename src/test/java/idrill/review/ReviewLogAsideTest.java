package idrill.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Set-aside events in the log: read back, withdrawn by a targeted undo, merged, synced, and scanned alone. */
class ReviewLogAsideTest {
  @TempDir Path tmp;
  static final Instant T = Instant.parse("2026-11-25T09:00:00Z");

  private static Schedule replay(ReviewEvents standing) {
    return Schedule.replay(standing, FsrsParams.defaults(), ZoneOffset.UTC, 4);
  }

  private Schedule read(ReviewLog log) throws IOException {
    List<String> warnings = new ArrayList<>();
    Schedule s = replay(log.readStanding(warnings::add));
    assertEquals(List.of(), warnings);
    return s;
  }

  @Test
  void eventsSurviveARestartAndATargetedUndoWithdrawsExactlyTheOneItNames() throws IOException {
    Path dir = tmp.resolve("data");
    ReviewLog log = ReviewLog.forMachine(dir, "laptop");
    log.append(new Review(T, "a", Grade.GOOD, 4000));
    log.append(new AsideEvent(T.plusSeconds(1), "a", Aside.SUSPEND));
    log.append(new AsideEvent(T.plusSeconds(2), "a", Aside.FLAG));
    log.append(new AsideEvent(T.plusSeconds(3), "b", Aside.BURY));
    Schedule s = read(ReviewLog.forMachine(dir, "laptop")); // a new reader: what a restart sees
    assertTrue(s.suspended("a") && s.flagged("a") && !s.suspended("b"));
    assertTrue(s.buried("b", T.plusSeconds(60)));
    assertFalse(s.buried("b", Instant.parse("2026-11-26T04:00:00Z")), "the day starts at 04:00");
    assertEquals(1, s.reviewCount(), "set-aside events are no reviews");
    assertEquals(List.of("b"), s.dueQueue(List.of("a", "b"), Instant.parse("2026-11-26T04:00:00Z"), 20));
    assertEquals(List.of(), s.dueQueue(List.of("a", "b"), T.plusSeconds(60), 20));

    log.append(Review.undo(T.plusSeconds(10), "a", T.plusSeconds(1))); // withdraws the suspend, not the grade or flag
    s = read(log);
    assertFalse(s.suspended("a"));
    assertTrue(s.flagged("a"));
    assertEquals(1, s.card("a").reviews());
    String text = Files.readString(log.file());
    assertTrue(text.contains("2026-11-25T09:00:01.000Z\ta\tsuspend\t0\n"), text);
    assertTrue(text.contains("\ta\tundo\t0\t2026-11-25T09:00:01.000Z\n"), text);
  }

  @Test
  void mergeCopiesSetAsideEventsOnceAndASyncedMachineLogGivesTheSameMarks() throws IOException {
    ReviewLog laptop = ReviewLog.forMachine(tmp.resolve("laptop"), "laptop");
    laptop.append(new AsideEvent(T, "a", Aside.SUSPEND));
    laptop.append(new AsideEvent(T.plusSeconds(1), "b", Aside.FLAG));
    laptop.append(new AsideEvent(T.plusSeconds(2), "c", Aside.FLAG));
    laptop.append(Review.undo(T.plusSeconds(3), "c", T.plusSeconds(2)));
    ReviewLog desk = ReviewLog.forMachine(tmp.resolve("desk"), "desk");
    desk.append(new Review(T, "a", Grade.GOOD, 1000));
    ReviewLog.MergeResult r = desk.merge(laptop.file(), w -> { }, T);
    assertEquals(4, r.added());
    assertEquals(new ReviewLog.MergeResult(0, 4), desk.merge(laptop.file(), w -> { }, T), "merging twice adds nothing");
    Schedule merged = read(desk);
    assertTrue(merged.suspended("a") && merged.flagged("b") && !merged.flagged("c"));
    assertEquals(1, merged.card("a").reviews());

    // a sync engine copies the file instead: the union reads the same
    ReviewLog synced = ReviewLog.forMachine(tmp.resolve("desk2"), "desk");
    synced.append(new Review(T, "a", Grade.GOOD, 1000));
    Files.copy(laptop.file(), tmp.resolve("desk2").resolve(laptop.file().getFileName()));
    Files.copy(laptop.file(), tmp.resolve("desk2").resolve("reviews.tsv")); // and an old copy of it: each event once
    Schedule union = read(synced);
    assertEquals(merged.marks().ids(), union.marks().ids());
    for (String id : List.of("a", "b", "c")) assertEquals(merged.marks().get(id), union.marks().get(id), id);
  }

  @Test
  void theScanForMarksAgreesWithTheFullReadIncludingTornAndOddLines() throws IOException {
    Path dir = tmp.resolve("scan");
    Files.createDirectories(dir);
    StringBuilder sb = new StringBuilder("time\tid\tgrade\tms\n");
    for (int i = 0; i < 3000; i++) { // several chunks' worth is not needed: the logic is per line
      sb.append(ReviewLog.format(new Review(T.plusSeconds(i), "q" + (i % 7), Grade.values()[i % 4], 900))).append('\n');
      if (i % 500 == 0) sb.append(ReviewLog.format(new AsideEvent(T.plusSeconds(i).plusMillis(1), "q" + (i % 7), Aside.SUSPEND))).append('\n');
      if (i % 700 == 0) sb.append(ReviewLog.format(new AsideEvent(T.plusSeconds(i).plusMillis(2), "q1", Aside.FLAG))).append('\n');
    }
    sb.append(ReviewLog.format(Review.undo(T.plusSeconds(4000), "q0", T.plusSeconds(0).plusMillis(1)))).append('\n');
    sb.append("2026-11-25T10:00:00.000Z\tq3\tsuspend\t0\r\n"); // CRLF from an editor
    sb.append("2026-11-25T10:00:01.000Z\tq4\tsuspend\t0\n#torn: the line above was cut short by a crash and is skipped\n");
    sb.append("2026-11-25T10:00:02.000Z\tq5\tbury\tnot-a-number\n");
    sb.append("2026-11-25T10:00:03.000Z\tq9\tsuspend\t0"); // torn last line: no event yet
    Files.writeString(dir.resolve("reviews-a.tsv"), sb);
    Files.writeString(dir.resolve("reviews-b.tsv"), "time\tid\tgrade\tms\n"
        + ReviewLog.format(new AsideEvent(T.plusSeconds(9000), "q2", Aside.UNSUSPEND)) + "\n");
    ReviewLog log = ReviewLog.forMachine(dir, "a");
    Marks full = Marks.of(log.readStanding(w -> { }));
    Marks scanned = log.readMarks();
    assertEquals(full.ids(), scanned.ids());
    for (String id : full.ids()) assertEquals(full.get(id), scanned.get(id), id);
    assertTrue(scanned.get("q3").suspended());
    assertFalse(scanned.get("q4").suspended(), "the marked torn line is skipped");
    assertFalse(scanned.get("q9").suspended());
    assertTrue(scanned.get("q6").suspended());
    assertFalse(scanned.get("q0").suspended(), "its suspend undone");
    assertFalse(scanned.get("q2").suspended(), "unsuspended on the other machine");
    assertTrue(scanned.get("q1").flagged());
  }
}
