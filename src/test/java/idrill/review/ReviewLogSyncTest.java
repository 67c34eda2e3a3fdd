package idrill.review;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Targeted undo, machine logs read as one union, merges under the lock, and what a reader refuses. */
class ReviewLogSyncTest {
  @TempDir Path tmp;
  private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
  private static final Instant T = Instant.parse("2026-11-25T17:00:00Z");

  private static Instant t(int s) {
    return T.plusSeconds(s);
  }

  private static Review grade(int s, String id, Grade g) {
    return new Review(t(s), id, g, 1000);
  }

  private List<Review> standing(ReviewLog log) throws IOException {
    return ReviewLog.standing(log.readEvents(warnings::add));
  }

  @Test
  void anUndoWithdrawsTheGradeItNamesNotAnotherTerminalsLaterOne() throws IOException {
    ReviewLog a = ReviewLog.forMachine(tmp, "desk");
    ReviewLog b = ReviewLog.forMachine(tmp, "desk"); // a second terminal on the same machine
    a.append(grade(1, "q", Grade.AGAIN));
    b.append(grade(2, "q", Grade.EASY));
    a.append(Review.undo(t(3), "q", t(1)));
    assertEquals(List.of(grade(2, "q", Grade.EASY)), standing(a), "B's grade stands");
    assertTrue(Files.readString(a.file(), UTF_8).endsWith("\tq\tundo\t0\t2026-11-25T17:00:01.000Z\n"),
        "the undo line names its grade in the fifth column");
  }

  @Test
  void anUndoThatArrivesByMergeAfterTheOtherMachinesGradeStillWithdrawsOnlyItsOwn() throws IOException {
    Path laptop = tmp.resolve("laptop");
    Path desk = tmp.resolve("desk");
    ReviewLog l = ReviewLog.forMachine(laptop, "laptop");
    l.append(grade(1, "q", Grade.AGAIN));
    l.append(Review.undo(t(3), "q", t(1)));
    ReviewLog d = ReviewLog.forMachine(desk, "desk");
    d.append(grade(2, "q", Grade.EASY));
    assertEquals(new ReviewLog.MergeResult(2, 0), d.merge(l.file(), warnings::add, t(4)));
    assertEquals(List.of(grade(2, "q", Grade.EASY)), standing(d));
    // the same with the files side by side, in either name order
    Files.copy(d.file(), laptop.resolve(d.file().getFileName()));
    assertEquals(List.of(grade(2, "q", Grade.EASY)), standing(l));
  }

  @Test
  void anOldUndoWithoutATargetKeepsItsMeaningInItsFileAndGetsATargetWhenMerged() throws IOException {
    Path other = tmp.resolve("old.tsv");
    Files.writeString(other, ReviewLog.HEADER + "\n2026-11-25T17:00:01.000Z\tq\tgood\t1\n"
        + "2026-11-25T17:00:02.000Z\tq\thard\t1\n2026-11-25T17:00:03.000Z\tq\tundo\t0\n");
    ReviewLog d = ReviewLog.forMachine(tmp.resolve("d"), "desk");
    d.append(grade(5, "q", Grade.EASY)); // later than the old undo: an untargeted undo would not reach it anyway
    d.merge(other, warnings::add, t(9));
    assertTrue(Files.readString(d.file(), UTF_8).contains("\tq\tundo\t0\t2026-11-25T17:00:02.000Z\n"), "targeted on merge");
    assertEquals(List.of(new Review(t(1), "q", Grade.GOOD, 1), grade(5, "q", Grade.EASY)), standing(d));
  }

  @Test
  void aGradeAnOldUndoWithdrewInItsFileIsWithdrawnInACopyThatLacksTheUndo() throws IOException {
    String g = ReviewLog.format(grade(1, "q", Grade.GOOD)) + "\n";
    Files.writeString(tmp.resolve(ReviewLog.FILE_NAME), ReviewLog.HEADER + "\n" + g + "2026-11-25T17:00:02.000Z\tq\tundo\t0\n");
    Files.writeString(tmp.resolve("reviews-old-desk.tsv"), ReviewLog.HEADER + "\n" + g); // merged before the undo
    assertEquals(List.of(), ReviewLog.forMachine(tmp, "desk").readStanding(warnings::add).asList());
  }

  @Test
  void theUnionOfMachineLogsCountsAnEventHeldByTwoFilesOnce() throws IOException {
    ReviewLog desk = ReviewLog.forMachine(tmp, "desk");
    desk.append(grade(1, "q", Grade.GOOD));
    desk.append(grade(2, "r", Grade.HARD));
    Files.writeString(tmp.resolve(ReviewLog.FILE_NAME), ReviewLog.HEADER + "\n" + ReviewLog.format(grade(0, "q", Grade.AGAIN))
        + "\n" + ReviewLog.format(grade(1, "q", Grade.GOOD)) + "\n"); // an older log that already had one of them
    Files.copy(desk.file(), tmp.resolve("reviews-desk.sync-conflict-20261125.tsv")); // a sync engine's conflict copy
    List<Review> expected = List.of(grade(0, "q", Grade.AGAIN), grade(1, "q", Grade.GOOD), grade(2, "r", Grade.HARD));
    Schedule s = Schedule.replay(desk.readStanding(warnings::add), FsrsParams.defaults(), java.time.ZoneOffset.UTC, 4);
    assertEquals(3, s.reviewCount());
    assertEquals(expected.subList(0, 2), s.history("q"));
    assertEquals(List.of(), warnings);
  }

  @Test
  void machineNamesBecomeSafeFileNames() {
    assertEquals("reviews-my-laptop-local.tsv", ReviewLog.forMachine(tmp, "My Laptop.local").file().getFileName().toString());
    assertEquals("reviews-machine.tsv", ReviewLog.forMachine(tmp, "../\u001b").file().getFileName().toString());
    assertEquals("x-y", ReviewLog.machineSlug("--x//y--"));
  }

  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void mergesStartedAtOnceAddEachEventOnce() throws Exception {
    Path other = tmp.resolve("laptop.tsv");
    StringBuilder text = new StringBuilder(ReviewLog.HEADER + "\n");
    for (int i = 0; i < 300; i++) text.append(ReviewLog.format(grade(i, "q" + i % 7, Grade.GOOD))).append('\n');
    Files.writeString(other, text);
    Path data = tmp.resolve("data");
    for (int round = 0; round < 5; round++) {
      int threads = 8;
      CountDownLatch go = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<ReviewLog.MergeResult>> results = new ArrayList<>();
      for (int k = 0; k < threads; k++) {
        results.add(pool.submit(() -> {
          go.await();
          return ReviewLog.forMachine(data, "desk").merge(other, warnings::add, t(0));
        }));
      }
      go.countDown();
      int added = 0;
      for (Future<ReviewLog.MergeResult> f : results) added += f.get().added();
      pool.shutdown();
      assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
      assertEquals(round == 0 ? 300 : 0, added, "round " + round);
      assertEquals(300, ReviewLog.forMachine(data, "desk").readEvents(warnings::add).size());
    }
  }

  @Test
  void mergeSkipsBadLinesByFileAndLineAndWritesNoInvalidId() throws IOException {
    Path other = tmp.resolve("in.tsv");
    Files.writeString(other, ReviewLog.HEADER + "\n"
        + "2026-11-25T17:00:01.000Z\tgood-id\tgood\t1\n"
        + "2026-11-25T17:00:02.000Z\tlone\rcr\tgood\t1\n"
        + "2026-11-25T17:00:03.000Z\tesc\u001b[2J\teasy\t1\n"
        + "2026-11-25T17:00:04.000Z\twith space\thard\t1\n"
        + "2026-11-25T17:00:05.000Z\tUpper\thard\t1\n"
        + "2026-11-25T17:00:06.000Z\tlast\tagain\t1\n");
    ReviewLog d = ReviewLog.forMachine(tmp.resolve("d"), "desk");
    assertEquals(2, d.merge(other, warnings::add, t(9)).added());
    String p = other.toString();
    assertEquals(List.of(
        p + ":3: skipped: bad id 'lone\\x0dcr' (ids are lowercase letters, digits and '-')",
        p + ":4: skipped: bad id 'esc\\x1b[2J' (ids are lowercase letters, digits and '-')",
        p + ":5: skipped: bad id 'with space' (ids are lowercase letters, digits and '-')",
        p + ":6: skipped: bad id 'Upper' (ids are lowercase letters, digits and '-')"), warnings);
    String written = Files.readString(d.file(), UTF_8);
    assertEquals(ReviewLog.HEADER + "\n2026-11-25T17:00:01.000Z\tgood-id\tgood\t1\n2026-11-25T17:00:06.000Z\tlast\tagain\t1\n",
        written);
    assertThrows(IllegalArgumentException.class, () -> d.append(grade(1, "bad id", Grade.GOOD)), "never written");
  }

  @Test
  void eventsMoreThanADayAheadAreNamedOnReadAndMerge() throws IOException {
    ReviewLog d = ReviewLog.forMachine(tmp, "desk");
    d.append(grade(0, "fine", Grade.GOOD));
    d.append(new Review(Instant.parse("2031-01-01T00:00:00Z"), "ahead", Grade.GOOD, 1));
    d.read(warnings::add, t(0));
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).startsWith("reviews-desk.tsv: 1 event more than a day after this machine's clock"
        + " (ahead at 2031-01-01T00:00:00.000Z)"), warnings.get(0));
    warnings.clear();
    d.read(warnings::add, Instant.parse("2030-12-31T01:00:00Z")); // less than a day ahead is no warning
    assertEquals(List.of(), warnings);
    warnings.clear();
    ReviewLog.forMachine(tmp.resolve("e"), "e").merge(d.file(), warnings::add, t(0));
    assertTrue(warnings.get(0).contains("ahead at 2031"), warnings.toString());
  }

  @Test
  void unknownEventKindsOfALaterVersionAreSkippedWithOneLine() throws IOException {
    Files.writeString(tmp.resolve("reviews-new.tsv"), ReviewLog.HEADER + "\n2026-11-25T17:00:01.000Z\tq\tgood\t1\n"
        + "2026-11-25T17:00:02.000Z\tq\tarchive\t0\n2026-11-25T17:00:03.000Z\tr\tarchive\t0\n"
        + "2026-11-25T17:00:04.000Z\tq\tcolor\t0\tred\n");
    assertEquals(List.of(grade(1, "q", Grade.GOOD).time()), new ReviewLog(tmp).readEvents(warnings::add).stream().map(Review::time).toList());
    assertEquals(List.of("reviews-new.tsv: 3 events of a kind this idrill does not know skipped (archive, color);"
        + " a newer idrill wrote them"), warnings);
  }

  @Test
  @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // opening a FIFO to read would block forever
  void aFifoInPlaceOfALogIsAnErrorNotAWait() throws Exception {
    Path fifo = tmp.resolve(ReviewLog.FILE_NAME);
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    ReviewLog log = new ReviewLog(tmp);
    IOException e = assertThrows(IOException.class, () -> log.readEvents(warnings::add));
    assertEquals(fifo + ": not a regular file (a FIFO or device?); a review log must be a plain file", e.getMessage());
    IOException w = assertThrows(IOException.class, () -> log.append(grade(1, "q", Grade.GOOD)));
    assertTrue(w.getMessage().startsWith(fifo + ": not a regular file"), w.getMessage());
    Files.delete(fifo);
    Files.createDirectory(fifo);
    IOException d = assertThrows(IOException.class, () -> log.readEvents(warnings::add));
    assertTrue(d.getMessage().endsWith("is a directory; a review log must be a plain file"), d.getMessage());
  }

  @Test
  void aNonUtf8IdIsSkippedByLineInPlainWords() throws IOException {
    byte[] bad = (ReviewLog.HEADER + "\n2026-11-25T17:00:01.000Z\tq\u00ff\tgood\t1\n2026-11-25T17:00:02.000Z\tq\tgood\t1\n")
        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    Files.write(tmp.resolve(ReviewLog.FILE_NAME), bad);
    assertEquals(1, new ReviewLog(tmp).readEvents(warnings::add).size());
    assertEquals(List.of("reviews.tsv:2: skipped: bad id (not UTF-8 text)"), warnings);
  }

  @Test
  void aTornLineOfAnotherMachinesFileIsSkippedQuietlyItMayBeMidCopy() throws IOException {
    Files.writeString(tmp.resolve("reviews-other.tsv"), ReviewLog.HEADER + "\n2026-11-25T17:00:01.000Z\tq\tgood\t1\n2026-11-25T1");
    ReviewLog mine = ReviewLog.forMachine(tmp, "desk");
    assertEquals(1, mine.readEvents(warnings::add).size());
    assertEquals(List.of(), warnings);
    assertFalse(Files.exists(mine.file()), "reading writes nothing");
  }
}
