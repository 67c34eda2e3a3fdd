package idrill.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/** Manual timing only (-Didrill.perf=true, or run main): a timed assertion would flake on a busy machine. */
class ReviewLogPerfTest {
  @Test
  @EnabledIfSystemProperty(named = "idrill.perf", matches = "true")
  void readsAMillionLines(@TempDir Path tmp) throws IOException {
    measure(tmp);
  }

  public static void main(String[] args) throws IOException {
    Path tmp = Files.createTempDirectory("idrill-perf");
    measure(tmp);
    Files.delete(tmp.resolve(ReviewLog.FILE_NAME));
    Files.delete(tmp);
  }

  static void measure(Path dir) throws IOException {
    int lines = 1_000_000;
    long start = 1_790_000_000_000L;
    try (BufferedWriter w = Files.newBufferedWriter(dir.resolve(ReviewLog.FILE_NAME), StandardCharsets.UTF_8)) {
      w.write(ReviewLog.HEADER + "\n");
      for (int i = 0; i < lines; i++) {
        Grade g = i % 50 == 49 ? Grade.UNDO : Grade.values()[i % 4];
        w.write(ReviewLog.format(new Review(java.time.Instant.ofEpochMilli(start + 37_123L * i), "question-" + (i * 7919 % 10_000), g, i % 60_000)));
        w.write('\n');
      }
    }
    System.out.printf("file: %d bytes%n", Files.size(dir.resolve(ReviewLog.FILE_NAME)));
    ReviewLog log = new ReviewLog(dir);
    for (int run = 1; run <= 5; run++) {
      long t0 = System.nanoTime();
      ReviewEvents events = log.read(w -> { throw new AssertionError(w); });
      long t1 = System.nanoTime();
      ReviewEvents standing = events.standing();
      long t2 = System.nanoTime();
      Schedule schedule = Schedule.replay(standing, FsrsParams.defaults(), ZoneId.of("Europe/Berlin"), 4);
      long t3 = System.nanoTime();
      assertEquals(lines, events.size());
      System.out.printf("run %d: read %d ms, standing %d ms (%d standing), replay %d ms (%d questions)%n",
          run, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, standing.size(), (t3 - t2) / 1_000_000,
          schedule.reviewedIds().size());
    }
  }
}
