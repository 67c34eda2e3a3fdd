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
}
