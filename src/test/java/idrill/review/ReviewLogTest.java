package idrill.review;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ReviewLogTest {
  @TempDir Path tmp;
  private final List<String> warnings = new ArrayList<>();

  static Review rv(String time, String id, Grade grade, long ms) {
    return new Review(Instant.parse(time), id, grade, ms);
  }

  private String content(ReviewLog log) throws IOException {
    return Files.readString(log.file(), UTF_8);
  }

  private ReviewLog logWith(String text) throws IOException {
    Files.write(tmp.resolve(ReviewLog.FILE_NAME), text.getBytes(UTF_8));
    return new ReviewLog(tmp);
  }

  @Test
  void roundTripCreatesDirectoriesAndWritesExactLines() throws IOException {
    ReviewLog log = new ReviewLog(tmp.resolve("a/b"));
    assertEquals(tmp.resolve("a/b/reviews.tsv"), log.file());
    List<Review> written = List.of(
        rv("2026-11-25T17:03:04Z", "entropy", Grade.GOOD, 5300),
        rv("2026-11-25T17:03:09.120Z", "bayes", Grade.AGAIN, 0),
        rv("2026-11-25T17:04:00.007Z", "entropy", Grade.UNDO, 0),
        rv("2026-11-26T00:00:00.999Z", "kl-divergence", Grade.EASY, 123456789012L),
        rv("2026-11-27T08:00:00.500Z", "bayes", Grade.HARD, 1));
    for (Review r : written) log.append(r);

    assertEquals(ReviewLog.HEADER + "\n"
        + "2026-11-25T17:03:04.000Z\tentropy\tgood\t5300\n"
        + "2026-11-25T17:03:09.120Z\tbayes\tagain\t0\n"
        + "2026-11-25T17:04:00.007Z\tentropy\tundo\t0\n"
        + "2026-11-26T00:00:00.999Z\tkl-divergence\teasy\t123456789012\n"
        + "2026-11-27T08:00:00.500Z\tbayes\thard\t1\n", content(log));
    assertEquals(written, log.readEvents(warnings::add));
    assertEquals(List.of(), warnings);
  }

  @Test
  void readSharesOneStringPerId() throws IOException {
    ReviewLog log = logWith(ReviewLog.HEADER + "\n"
        + "2026-11-25T17:03:04.000Z\tentropy\tgood\t1\n"
        + "2026-11-25T17:03:05.000Z\tentropy\thard\t2\n");
    List<Review> events = log.readEvents(warnings::add);
    assertSame(events.get(0).id(), events.get(1).id());
  }

  @Test
  void formatKeepsThreeFractionDigitsAndTruncatesBelowMillis() {
    assertEquals("2026-01-01T00:00:00.000Z\tq\tgood\t0", ReviewLog.format(rv("2026-01-01T00:00:00Z", "q", Grade.GOOD, 0)));
    assertEquals("1969-12-31T23:59:59.999Z\tq\thard\t7",
        ReviewLog.format(new Review(Instant.ofEpochSecond(-1, 999_999_999), "q", Grade.HARD, 7)));
    assertEquals("0042-03-04T05:06:07.089Z\tq\teasy\t1", ReviewLog.format(rv("0042-03-04T05:06:07.089Z", "q", Grade.EASY, 1)));
  }

  @Test
  void formatRejectsWhatWouldBreakTheLine() {
    assertThrows(IllegalArgumentException.class, () -> ReviewLog.format(rv("2026-01-01T00:00:00Z", "a\tb", Grade.GOOD, 0)));
    assertThrows(IllegalArgumentException.class, () -> ReviewLog.format(rv("2026-01-01T00:00:00Z", "a\nb", Grade.GOOD, 0)));
    assertThrows(IllegalArgumentException.class, () -> ReviewLog.format(rv("2026-01-01T00:00:00Z", "", Grade.GOOD, 0)));
    assertThrows(IllegalArgumentException.class, () -> ReviewLog.format(rv("2026-01-01T00:00:00Z", "a", Grade.GOOD, -1)));
    assertThrows(IllegalArgumentException.class, () -> ReviewLog.format(rv("+10000-01-01T00:00:00Z", "a", Grade.GOOD, 0)));
  }

  @Test
  void handTimeCodeAgreesWithJavaTime() throws IOException {
    DateTimeFormatter iso = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    Random random = new Random(42);
    long min = Instant.parse("0000-01-01T00:00:00Z").toEpochMilli();
    long max = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();
    StringBuilder file = new StringBuilder();
    List<Instant> times = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      long ms = i < 4 ? new long[] {min, max, 0, 951_782_400_000L}[i] : min + (long) (random.nextDouble() * (max - min));
      Instant t = Instant.ofEpochMilli(ms);
      String line = ReviewLog.format(new Review(t, "q", Grade.GOOD, 0));
      assertEquals(iso.format(t), line.substring(0, 24));
      times.add(t);
      file.append(line).append('\n');
    }
    List<Review> read = logWith(file.toString()).readEvents(warnings::add);
    for (int i = 0; i < times.size(); i++) assertEquals(times.get(i), read.get(i).time());
  }

  @Test
  void missingFileOrDirectoryReadsEmpty() throws IOException {
    assertEquals(List.of(), new ReviewLog(tmp.resolve("nowhere")).readEvents(warnings::add));
    assertEquals(List.of(), new ReviewLog(tmp).readEvents(warnings::add));
    assertFalse(Files.exists(tmp.resolve("nowhere")));
  }

  @Test
  void checkWritableCreatesTheFileWithOnlyTheHeaderOnce() throws IOException {
    ReviewLog log = new ReviewLog(tmp.resolve("new/dir"));
    log.checkWritable();
    assertEquals(ReviewLog.HEADER + "\n", content(log));
    log.checkWritable();
    log.append(rv("2026-11-25T17:03:04Z", "q", Grade.GOOD, 1));
    log.checkWritable();
    assertEquals(ReviewLog.HEADER + "\n2026-11-25T17:03:04.000Z\tq\tgood\t1\n", content(log));
  }

  @Test
  void checkWritableNamesThePathWhenTheDirectoryCannotBeMade() throws IOException {
    // a regular file as parent stops root too, unlike chmod
    Path blocker = Files.writeString(tmp.resolve("blocker"), "x");
    ReviewLog log = new ReviewLog(blocker.resolve("sub"));
    IOException e = assertThrows(IOException.class, log::checkWritable);
    assertTrue(e.getMessage().startsWith(blocker.resolve("sub/reviews.tsv") + ": "), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    IOException onAppend = assertThrows(IOException.class, () -> log.append(rv("2026-11-25T17:03:04Z", "q", Grade.GOOD, 1)));
    assertTrue(onAppend.getMessage().startsWith(log.file() + ": "), onAppend.getMessage());
    assertEquals("x", Files.readString(blocker));
  }

  @Test
  void checkWritableFailsOnProcForRootToo() {
    ReviewLog log = new ReviewLog(Path.of("/proc/idrill-no-such-dir"));
    IOException e = assertThrows(IOException.class, log::checkWritable);
    assertTrue(e.getMessage().startsWith("/proc/idrill-no-such-dir/reviews.tsv: "), e.getMessage());
  }

  @Test
  void tornLastLineIsSkippedThenSealedByTheNextAppendAndKept() throws IOException {
    String good = "2026-11-25T17:03:04.000Z\tentropy\tgood\t5300\n";
    // the crash cut "5300" to "53": well-formed by itself, so only the marker keeps it from counting later
    String torn = "2026-11-25T17:03:09.000Z\tbayes\thard\t53";
    ReviewLog log = logWith(ReviewLog.HEADER + "\n" + good + torn);
    assertEquals(List.of(rv("2026-11-25T17:03:04Z", "entropy", Grade.GOOD, 5300)), log.readEvents(warnings::add));
    assertEquals(List.of("reviews.tsv:3: skipped: torn last line (no newline)"), warnings);

    log.append(rv("2026-11-25T17:04:00Z", "bayes", Grade.EASY, 800));
    String after = content(log);
    assertEquals(ReviewLog.HEADER + "\n" + good + torn + "\n" + ReviewLogCodec.TORN_MARK + "\n"
        + "2026-11-25T17:04:00.000Z\tbayes\teasy\t800\n", after);
    warnings.clear();
    assertEquals(List.of(rv("2026-11-25T17:03:04Z", "entropy", Grade.GOOD, 5300), rv("2026-11-25T17:04:00Z", "bayes", Grade.EASY, 800)),
        log.readEvents(warnings::add));
    assertEquals(List.of(), warnings, "a marked torn line is known: later reads stay quiet");

    log.append(rv("2026-11-25T17:05:00Z", "bayes", Grade.GOOD, 1));
    assertEquals(after + "2026-11-25T17:05:00.000Z\tbayes\tgood\t1\n", content(log));
  }

  @Test
  void tornFirstWriteOfAnEmptyLookingFileKeepsLaterLinesReadable() throws IOException {
    ReviewLog log = logWith("time\tid\tgr");
    assertEquals(List.of(), log.readEvents(warnings::add));
    assertEquals(List.of("reviews.tsv:1: skipped: torn last line (no newline)"), warnings);
    log.append(rv("2026-11-25T17:04:00Z", "q", Grade.AGAIN, 3));
    warnings.clear();
    assertEquals(List.of(rv("2026-11-25T17:04:00Z", "q", Grade.AGAIN, 3)), log.readEvents(warnings::add));
    assertEquals(List.of(), warnings);
  }

  @Test
  void malformedLinesAreSkippedWithTheirLineNumberAndNeverDeleted() throws IOException {
    String text = ReviewLog.HEADER + "\n"                                  // 1
        + "# a comment\n"                                                 // 2
        + "\n"                                                            // 3
        + "2026-11-25T17:03:04.000Z\tentropy\tgood\t5300\n"               // 4 ok
        + "2026-11-25 17:03:04\tentropy\tgood\t5300\n"                    // 5 bad time
        + "2026-11-25T17:03:04.000Z\tentropy\tgud\t5300\n"                // 6 a kind this version does not know
        + "2026-11-25T17:03:04.000Z\tentropy\tgood\n"                     // 7 too few fields
        + "2026-11-25T17:03:04.000Z\tentropy\tgood\t5.3s\n"               // 8 bad ms
        + "2026-11-25T17:03:04.000Z\tentropy\tgood\t-5\n"                 // 9 negative ms
        + "2026-11-25T17:03:05.000Z\tbayes\thard\t10\tlaptop\textra\n"    // 10 ok, extra columns
        + "2026-02-30T17:03:04.000Z\tentropy\tgood\t1\n"                  // 11 no such day
        + "2026-11-25T24:00:00.000Z\tentropy\tgood\t1\n"                  // 12 hour
        + "2026-11-25T17:03:04.000Z\t\tgood\t1\n"                         // 13 empty id
        + "2026-11-25T17:03:04.000Z\tentropy\tGood\t\n"                   // 14 grade is case-sensitive
        + "2026-11-25T17:03:06.000Z\tbayes\teasy\t11\r\n"                 // 15 ok, CRLF
        + "2026-11-25T17:03:04.000Z\tentropy\tgood\t\n"                   // 16 empty ms
        + "2024-02-29T23:59:59.999Z\tleap\tagain\t0\n";                   // 17 ok
    ReviewLog log = logWith(text);
    assertEquals(List.of(
        rv("2026-11-25T17:03:04Z", "entropy", Grade.GOOD, 5300),
        rv("2026-11-25T17:03:05Z", "bayes", Grade.HARD, 10),
        rv("2026-11-25T17:03:06Z", "bayes", Grade.EASY, 11),
        rv("2024-02-29T23:59:59.999Z", "leap", Grade.AGAIN, 0)), log.readEvents(warnings::add));
    assertEquals(List.of(
        "reviews.tsv:5: skipped: bad time '2026-11-25 17:03:04' (expected UTC like 2026-11-25T17:03:04.123Z)",
        "reviews.tsv:7: skipped: expected at least 4 tab-separated fields (time, id, grade, ms)",
        "reviews.tsv:8: skipped: bad ms '5.3s' (expected a non-negative whole number)",
        "reviews.tsv:9: skipped: bad ms '-5' (expected a non-negative whole number)",
        "reviews.tsv:11: skipped: bad time '2026-02-30T17:03:04.000Z' (no day 30 in month 2 of 2026)",
        "reviews.tsv:12: skipped: bad time '2026-11-25T24:00:00.000Z' (hour out of range)",
        "reviews.tsv:13: skipped: empty id",
        "reviews.tsv:14: skipped: unknown grade 'Good' (expected again, hard, good, easy or undo)",
        "reviews.tsv:16: skipped: bad ms '' (expected a non-negative whole number)",
        "reviews.tsv: 1 event of a kind this idrill does not know skipped (gud); a newer idrill wrote it"), warnings);
    log.append(rv("2026-11-25T17:04:00Z", "q", Grade.GOOD, 1));
    assertTrue(content(log).startsWith(text), "nothing rewritten");
  }

  @Test
  void headersAnywhereAndAByteOrderMarkAreNotErrors() throws IOException {
    // sort moves the header below the dated lines; cat of two logs repeats it
    ReviewLog log = logWith("\uFEFF2026-11-25T17:03:04.000Z\tq\tgood\t1\n" + ReviewLog.HEADER + "\ttag\n" + ReviewLog.HEADER + "\n");
    assertEquals(List.of(rv("2026-11-25T17:03:04Z", "q", Grade.GOOD, 1)), log.readEvents(warnings::add));
    assertEquals(List.of(), warnings);
  }

  @Test
  void warningsStayOneLineAndStopAfterACap() throws IOException {
    StringBuilder text = new StringBuilder("bad\u0000\tq\tgood\t1\n");
    for (int i = 0; i < 100; i++) text.append("x".repeat(200)).append('\n');
    logWith(text.toString()).readEvents(warnings::add);
    assertEquals(ReviewLogCodec.MAX_WARNINGS + 1, warnings.size());
    assertEquals("reviews.tsv:1: skipped: bad time 'bad\\x00' (expected UTC like 2026-11-25T17:03:04.123Z)", warnings.get(0));
    assertEquals("reviews.tsv: 51 more malformed lines skipped (not listed)", warnings.get(warnings.size() - 1));
  }

  @Test
  void longGarbageIsQuotedShort() throws IOException {
    logWith("y".repeat(500) + "\tq\tgood\t1\n").readEvents(warnings::add);
    assertEquals("reviews.tsv:1: skipped: bad time '" + "y".repeat(40) + "...' (expected UTC like 2026-11-25T17:03:04.123Z)",
        warnings.get(0));
  }

  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a parser stuck on a long line must fail, not hang
  void linesAcrossChunkBoundariesReadBackAndOneLongerThanTheCapIsSkipped() throws IOException {
    StringBuilder text = new StringBuilder(ReviewLog.HEADER + "\n");
    List<Review> expected = new ArrayList<>();
    Instant t = Instant.parse("2026-01-30T23:00:00Z");
    for (int i = 0; i < 80_000; i++) {
      Review r = new Review(t.plusSeconds(97L * i), "q" + (i * 31 % 1500), Grade.values()[i % 5], i);
      if (i != 40_000 && i != 50_000) expected.add(r);
      text.append(ReviewLog.format(r));
      if (i == 40_000) text.append('\t').append("x".repeat(3 * ReviewLogCodec.CHUNK)); // longer than a chunk
      if (i == 50_000) text.append('\t').append("x".repeat(ReviewLogCodec.MAX_LINE)); // within a chunk, over the cap
      if (i == 60_000) text.append('\t').append("x".repeat(ReviewLogCodec.MAX_LINE - 100)); // extra column, ignored
      text.append(i % 7 == 0 ? "\r\n" : "\n");
    }
    assertEquals(expected, logWith(text.toString()).readEvents(warnings::add));
    assertEquals(List.of("reviews.tsv:40002: skipped: line longer than 65536 bytes",
        "reviews.tsv:50002: skipped: line longer than 65536 bytes"), warnings);
  }

  @Test
  void tornMarkSplitByAChunkBoundaryStillCounts() throws IOException {
    String torn = "2026-11-25T17:03:09.000Z\tbayes\thard\t53\n";
    // pad with a comment so the torn line's newline falls 2 bytes before the end of the first chunk
    int pad = ReviewLogCodec.CHUNK - 2 - (ReviewLog.HEADER.length() + 1) - torn.length() - 1;
    String text = ReviewLog.HEADER + "\n#" + "p".repeat(pad - 1) + "\n" + torn + ReviewLogCodec.TORN_MARK + "\n"
        + "2026-11-25T17:04:00.000Z\tq\tgood\t1\n";
    assertEquals(ReviewLogCodec.CHUNK - 2, text.indexOf(ReviewLogCodec.TORN_MARK));
    assertEquals(List.of(rv("2026-11-25T17:04:00Z", "q", Grade.GOOD, 1)), logWith(text).readEvents(warnings::add));
    assertEquals(List.of(), warnings, "marked, so quiet");
  }
}
