package idrill.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnswerLogTest {
  static final Instant T = Instant.parse("2026-11-25T09:00:00.250Z");
  @TempDir Path dir;

  @Test
  void anAnswerIsOneLineWithItsBreaksTabsAndBackslashesEscapedAndReadsBackTheSame() throws IOException {
    AnswerLog log = new AnswerLog(dir);
    Answer a = new Answer(T, "backprop", 42_000, "chain rule\n\tthen C:\\path\r\nend");
    log.append(a);
    List<String> lines = Files.readAllLines(dir.resolve("answers.tsv"));
    assertEquals(List.of("time\tid\tms\tanswer",
        "2026-11-25T09:00:00.250Z\tbackprop\t42000\tchain rule\\n\\tthen C:\\\\path\\r\\nend"), lines);
    assertEquals(List.of(a), log.read(w -> { throw new AssertionError(w); }));
  }

  @Test
  void appendsNeverRewriteWhatIsThere() throws IOException {
    AnswerLog log = new AnswerLog(dir);
    log.append(new Answer(T, "a", 1, "first"));
    byte[] before = Files.readAllBytes(log.file());
    log.append(new Answer(T.plusSeconds(1), "b", 2, "second"));
    byte[] after = Files.readAllBytes(log.file());
    assertEquals(new String(before, StandardCharsets.UTF_8),
        new String(after, 0, before.length, StandardCharsets.UTF_8), "the old bytes stay as they were");
    assertEquals(List.of("a", "b"), log.read(w -> { }).stream().map(Answer::id).toList());
    assertEquals(1, log.of("b", w -> { }).size());
  }

  @Test
  void aTornLastLineIsSkippedWithAWarningAndTheNextAnswerStartsOnAFreshLine() throws IOException {
    AnswerLog log = new AnswerLog(dir);
    log.append(new Answer(T, "a", 1, "whole"));
    Files.writeString(log.file(), "2026-11-25T09:01:00.000Z\tb\t5\tcut sh", StandardOpenOption.APPEND);
    List<String> warnings = new ArrayList<>();
    assertEquals(List.of("a"), log.read(warnings::add).stream().map(Answer::id).toList());
    assertEquals(List.of("answers.tsv:3: skipped: torn last line (no newline)"), warnings);

    log.append(new Answer(T.plusSeconds(120), "c", 3, "after the crash"));
    warnings.clear();
    assertEquals(List.of("a", "c"), log.read(warnings::add).stream().map(Answer::id).toList());
    assertEquals(List.of("answers.tsv:3: skipped: torn line (cut short by a crash; marked at line 4)"), warnings);
    assertTrue(Files.readString(log.file()).contains("cut sh\n#torn:"), "the torn bytes are kept, never deleted");
  }

  @Test
  void malformedLinesAreSkippedAndNamed() throws IOException {
    Files.writeString(dir.resolve("answers.tsv"), "time\tid\tms\tanswer\nnot a line\nyesterday\tx\t1\ttext\n");
    List<String> warnings = new ArrayList<>();
    assertEquals(List.of(), new AnswerLog(dir).read(warnings::add));
    assertEquals(List.of("answers.tsv:2: skipped: expected 4 tab-separated columns, got 1",
        "answers.tsv:3: skipped: not a time, an id and milliseconds"), warnings);
  }

  @Test
  void twoThreadsAppendingAtOnceLoseNothing() throws Exception {
    AnswerLog log = new AnswerLog(dir);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      int thread = t;
      done.add(pool.submit(() -> {
        for (int i = 0; i < 50; i++) log.append(new Answer(T.plusMillis(i), "t" + thread, i, "answer " + i));
        return null;
      }));
    }
    for (Future<?> f : done) f.get();
    pool.shutdown();
    assertEquals(100, log.read(w -> { throw new AssertionError(w); }).size());
  }

  @Test
  void mergingAddsOnlyTheAnswersThisFileLacks() throws IOException {
    AnswerLog mine = new AnswerLog(dir.resolve("mine"));
    AnswerLog theirs = new AnswerLog(dir.resolve("theirs"));
    mine.append(new Answer(T, "a", 1, "same"));
    theirs.append(new Answer(T, "a", 1, "same"));
    theirs.append(new Answer(T.plusSeconds(5), "b", 2, "new\nline"));
    assertEquals(1, mine.merge(theirs.file(), w -> { }));
    assertEquals(0, mine.merge(theirs.file(), w -> { }), "merging twice adds nothing");
    assertEquals(List.of("a", "b"), mine.read(w -> { }).stream().map(Answer::id).toList());
  }

  @Test
  void twoMachinesWriteTheirOwnFilesAndEachReadsTheUnionOnceWhateverCopiesArrive() throws IOException {
    Path laptop = dir.resolve("laptop"), desk = dir.resolve("desk");
    AnswerLog.forMachine(laptop, "Laptop").append(new Answer(T, "a", 1, "from the laptop"));
    AnswerLog.forMachine(desk, "desk").append(new Answer(T.plusSeconds(5), "a", 2, "from the desk"));
    assertTrue(Files.exists(laptop.resolve("answers-laptop.tsv")));
    // a sync engine copies each machine's file to the other, twice over and in either order
    for (int i = 0; i < 2; i++) {
      Files.copy(laptop.resolve("answers-laptop.tsv"), desk.resolve("answers-laptop.tsv"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      Files.copy(desk.resolve("answers-desk.tsv"), laptop.resolve("answers-desk.tsv"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    List<Answer> onLaptop = new AnswerLog(laptop).read(w -> { throw new AssertionError(w); });
    assertEquals(List.of("from the laptop", "from the desk"), onLaptop.stream().map(Answer::text).toList());
    assertEquals(onLaptop, new AnswerLog(desk).read(w -> { throw new AssertionError(w); }));
  }

  @Test
  void aLineOverTheCapIsSkippedWithAWarningAndTheRestStaysReadable() throws IOException {
    AnswerLog log = new AnswerLog(dir);
    log.append(new Answer(T, "a", 1, "before"));
    Files.writeString(log.file(), "2026-11-25T09:00:01.000Z\tb\t1\t" + "x".repeat(3 * AnswerLog.MAX_LINE_BYTES) + "\n",
        StandardOpenOption.APPEND);
    log.append(new Answer(T.plusSeconds(2), "c", 1, "after"));
    List<String> warnings = new ArrayList<>();
    assertEquals(List.of("before", "after"), log.read(warnings::add).stream().map(Answer::text).toList());
    assertEquals(List.of("answers.tsv:3: skipped: line longer than 64 KiB"), warnings);
  }

  @Test
  void aFifoInsteadOfTheFileIsAPlainErrorNotAWait() throws Exception {
    Process mk = new ProcessBuilder("mkfifo", dir.resolve("answers.tsv").toString()).start();
    org.junit.jupiter.api.Assumptions.assumeTrue(mk.waitFor() == 0, "mkfifo is not available");
    IOException e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
        () -> org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> new AnswerLog(dir).read(w -> {})));
    assertTrue(e.getMessage().contains("answers.tsv: not a regular file"), e.getMessage());
  }
}
