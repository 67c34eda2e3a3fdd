package idrill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Two machines sharing a data directory through a file copy, and the review log's edges seen from the CLI. */
class LogSyncTest {
  @TempDir Path tmp;

  /** A clock that moves on a second at every reading, as a drill's clock does between keys. */
  static final class Ticking extends Clock {
    private Instant now;
    private final ZoneId zone;

    Ticking(Instant start, ZoneId zone) {
      this.now = start;
      this.zone = zone;
    }

    @Override
    public synchronized Instant instant() {
      now = now.plusSeconds(1);
      return now;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId z) {
      return new Ticking(now, z);
    }
  }

  /** One machine: its own home, config (machine name) and data directory. */
  final class Machine {
    final CliHarness cli;
    final Path data;
    final String bank;
    final String name;

    Machine(String name) throws IOException {
      this.name = name;
      Path home = tmp.resolve(name);
      cli = new CliHarness(home);
      cli.clock = new Ticking(Instant.parse("2026-11-01T08:00:00Z"), ZoneOffset.UTC);
      Files.createDirectories(home.resolve("config/idrill"));
      Files.writeString(home.resolve("config/idrill/config.yaml"), "machine: " + name + "\n");
      Path b = home.resolve("bank.yaml");
      Files.writeString(b, CommandsTest.SMALL);
      bank = b.toString();
      data = home.resolve("data/idrill");
    }

    CliHarness.Result drill(String now, String... commands) {
      cli.stdin = String.join("\n", commands) + "\nquit\n";
      CliHarness.Result r = cli.run("drill", "--bank", bank, "--order", "sequential", "--now", now);
      assertEquals(0, r.code(), r.toString());
      return r;
    }

    String dueAll() {
      CliHarness.Result r = cli.run("due", "--all", "--format", "json", "--bank", bank, "--now", "2026-11-20T12:00:00Z");
      assertEquals(0, r.code(), r.toString());
      return r.out();
    }

    Path own() {
      return data.resolve("reviews-" + name + ".tsv");
    }

    /** What a sync engine does: this machine's own file lands on the other side, whole. */
    void copyTo(Machine other) throws IOException {
      Files.createDirectories(other.data);
      Files.copy(own(), other.data.resolve(own().getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }

    /** A copy taken while this machine was appending: its last line cut in half. */
    void copyTornTo(Machine other) throws IOException {
      byte[] all = Files.readAllBytes(own());
      int cut = all.length - 12;
      Files.createDirectories(other.data);
      Files.write(other.data.resolve(own().getFileName()), java.util.Arrays.copyOf(all, cut));
    }
  }

  @Test
  void twoMachinesThatCopyEachOthersLogsInAnyOrderSeeTheSameSchedule() throws IOException {
    for (int order = 0; order < 3; order++) {
      Path round = tmp.resolve("round" + order);
      Files.createDirectories(round);
      Machine laptop = new Machine("laptop" + order);
      Machine desk = new Machine("desk" + order);
      laptop.drill("2026-11-02T08:00:00Z", "reveal", "grade good", "reveal", "grade again", "undo", "reveal", "grade hard");
      desk.drill("2026-11-03T19:00:00Z", "reveal", "grade easy", "reveal", "grade good");
      if (order == 0) {
        laptop.copyTo(desk);
        desk.copyTo(laptop);
      } else if (order == 1) {
        desk.copyTo(laptop);
        laptop.copyTornTo(desk); // mid-append: the torn line is skipped without a word
        assertEquals("", desk.cli.run("due", "--count", "--bank", desk.bank, "--now", "2026-11-20T12:00:00Z").err());
        laptop.copyTo(desk);
      } else {
        laptop.copyTo(desk);
        desk.copyTo(laptop);
        laptop.drill("2026-11-05T08:00:00Z", "reveal", "grade again", "undo");
        laptop.copyTo(desk);
        laptop.copyTo(desk); // repeated copies change nothing
        desk.copyTo(laptop);
      }
      String a = laptop.dueAll();
      assertEquals(a, desk.dueAll(), "order " + order);
      JsonArray cards = JsonParser.parseString(a).getAsJsonArray();
      int reps = 0;
      for (var c : cards) reps += c.getAsJsonObject().get("reps").getAsInt();
      assertEquals(4, reps, "both machines' standing grades count once: " + a);
      // each machine wrote only its own file
      try (var files = Files.list(laptop.data)) {
        assertEquals(List.of("reviews-desk" + order + ".tsv", "reviews-laptop" + order + ".tsv"),
            files.map(p -> p.getFileName().toString()).sorted().toList());
      }
    }
  }

  @Test
  void anExistingReviewsTsvIsStillReadAndNeverWrittenAgain() throws IOException {
    Machine m = new Machine("laptop");
    Files.createDirectories(m.data);
    String old = "time\tid\tgrade\tms\n2026-10-01T08:00:00.000Z\tentropy\tgood\t1000\n"
        + "2026-10-01T08:01:00.000Z\tentropy\tundo\t0\n2026-10-01T08:02:00.000Z\tentropy\thard\t1000\n";
    Files.writeString(m.data.resolve("reviews.tsv"), old);
    m.drill("2026-11-02T08:00:00Z", "reveal", "grade good");
    assertEquals(old, Files.readString(m.data.resolve("reviews.tsv")), "untouched");
    var show = m.cli.run("show", "entropy", "--bank", m.bank, "--format", "json", "--now", "2026-11-20T12:00:00Z");
    assertTrue(show.out().contains("\"grade\": \"hard\"") || show.out().contains("\"grade\":\"hard\""), show.out());
    assertFalse(show.out().contains("\"good\"") && show.out().contains("2026-10-01T08:00"), "the old undo still holds");
    assertTrue(Files.readString(m.own()).contains("\tkmeans-convergence\tgood\t"), "new grades go to the machine log");
  }

  @Test
  void theDrillsUndoNamesItsGradeSoAnotherMachinesGradeOfTheQuestionStands() throws IOException {
    Machine laptop = new Machine("laptop");
    Machine desk = new Machine("desk");
    // the desk grades easy after the laptop's again, and the laptop's undo arrives later still
    laptop.drill("2026-11-02T08:00:00Z", "reveal", "grade again");
    desk.drill("2026-11-02T08:05:00Z", "reveal", "grade easy");
    laptop.drill("2026-11-02T08:10:00Z", "undo"); // nothing of this session to undo: no line
    laptop.cli.stdin = "reveal\ngrade again\nundo\nquit\n";
    laptop.cli.run("drill", "--bank", laptop.bank, "--order", "sequential", "--now", "2026-11-02T08:20:00Z");
    desk.copyTo(laptop);
    laptop.copyTo(desk);
    String merged = laptop.dueAll();
    assertEquals(merged, desk.dueAll());
    var first = JsonParser.parseString(merged).getAsJsonArray().get(0).getAsJsonObject();
    assertEquals("kmeans-convergence", first.get("id").getAsString());
    assertEquals(2, first.get("reps").getAsInt(), "laptop's first again and desk's easy stand: " + merged);
    // and through log merge into a data directory of its own
    Machine third = new Machine("third");
    Files.createDirectories(third.data);
    for (Machine m : List.of(desk, laptop)) {
      var r = third.cli.run("log", "merge", m.own().toString());
      assertEquals(0, r.code(), r.toString());
    }
    assertEquals(merged, third.dueAll());
  }

  @Test
  void nowStartsAClockThatRunsOnSoGradesGetTheirTimeAndMs() throws IOException {
    Machine m = new Machine("laptop");
    m.drill("2026-11-02T08:00:00Z", "reveal", "grade good", "reveal", "grade hard");
    List<String> lines = Files.readAllLines(m.own());
    assertEquals(3, lines.size(), lines.toString());
    String[] a = lines.get(1).split("\t"), b = lines.get(2).split("\t");
    assertTrue(a[0].startsWith("2026-11-02T08:00:"), a[0]);
    assertNotEquals(a[0], b[0], "distinct times");
    assertNotEquals("0", a[3], "thinking time measured");
  }

  @Test
  void nowOutsideTheYearsTheLogHoldsIsAUsageError() {
    CliHarness cli = new CliHarness(tmp);
    for (String bad : new String[] {"9999-12-31T12:00:00Z", "+10000-01-01T00:00:00Z", "-0001-06-01T00:00:00Z"}) {
      var r = cli.run("due", "--count", "--now", bad);
      assertEquals(2, r.code(), r.toString());
      assertTrue(r.err().contains("outside the years the review log can hold"), r.err());
    }
  }

  @Test
  void aOneDayIntervalAcrossTheEndOfDstIsDueTheNextLocalDay() throws IOException {
    Path bank = tmp.resolve("a.yaml");
    Files.writeString(bank, "questions:\n  - id: a\n    question: q?\n    answer: a.\n    tags: [t]\n");
    Path data = tmp.resolve("data");
    Files.createDirectories(data);
    Files.writeString(data.resolve("reviews.tsv"), "time\tid\tgrade\tms\n2026-10-31T08:00:00.000Z\ta\tagain\t0\n"
        + "2026-10-31T08:01:00.000Z\ta\tgood\t0\n2026-10-31T08:11:00.000Z\ta\tgood\t0\n");
    for (String zone : new String[] {"America/New_York", "UTC", "Europe/Berlin"}) {
      CliHarness cli = new CliHarness(tmp);
      cli.clock = Clock.fixed(Instant.parse("2026-10-31T20:00:00Z"), ZoneId.of(zone));
      var r = cli.run("due", "--count", "--bank", bank.toString(), "--data-dir", data.toString(),
          "--now", "2026-10-31T20:00:00Z");
      assertEquals("0\n", r.out(), zone + ": " + r);
      var next = cli.run("due", "--count", "--bank", bank.toString(), "--data-dir", data.toString(),
          "--now", "2026-11-01T12:00:00Z");
      assertEquals("1\n", next.out(), zone + " the next day: " + next);
    }
  }

  @Test
  @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aFifoAtTheLogIsAClearErrorNotAHang() throws Exception {
    Path data = tmp.resolve("data");
    Files.createDirectories(data);
    assertEquals(0, new ProcessBuilder("mkfifo", data.resolve("reviews.tsv").toString()).start().waitFor());
    var r = new CliHarness(tmp).run("due", "--count", "--data-dir", data.toString());
    assertEquals(74, r.code(), r.toString());
    assertEquals("idrill due: " + data.resolve("reviews.tsv") + ": not a regular file (a FIFO or device?); a review log"
        + " must be a plain file\n", r.err());
  }

  @Test
  @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aLineOfManyMegabytesIsSkippedInBoundedMemory() throws Exception {
    Path data = tmp.resolve("data");
    Files.createDirectories(data);
    Path log = data.resolve("reviews.tsv");
    try (var out = Files.newOutputStream(log)) {
      out.write("time\tid\tgrade\tms\n2026-11-01T08:00:00.000Z\tentropy\tgood\t1\n2026-11-01T08:00:00.000Z\tx".getBytes());
      byte[] block = new byte[1 << 20];
      java.util.Arrays.fill(block, (byte) 'x');
      for (int i = 0; i < 48; i++) out.write(block); // 48 MB in one line, with a 32 MB heap
      out.write("\tgood\t1\n2026-11-01T08:00:00.000Z\tdropout\tgood\t1\n".getBytes());
    }
    Path bank = tmp.resolve("bank.yaml");
    Files.writeString(bank, CommandsTest.SMALL);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "-Xmx32m", "-cp", System.getProperty("java.class.path"),
        "idrill.Main", "due", "--count", "--bank", bank.toString(), "--data-dir", data.toString(),
        "--now", "2026-11-01T08:00:30Z").redirectErrorStream(false).start();
    String out = new String(p.getInputStream().readAllBytes());
    String err = new String(p.getErrorStream().readAllBytes());
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), err);
    assertEquals("2\n", out, "entropy and dropout read (their steps not due yet), the long line skipped: " + err);
    assertEquals("reviews.tsv:3: skipped: line longer than 65536 bytes\n", err);
  }

  @Test
  void aBadIdInTheLogIsNamedByFileAndLineWithoutJavasWords() throws IOException {
    Path data = tmp.resolve("data");
    Files.createDirectories(data);
    Files.write(data.resolve("reviews.tsv"), "time\tid\tgrade\tms\n2026-11-01T08:00:00.000Z\t\u00e9\tgood\t1\n"
        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    var r = new CliHarness(tmp).run("due", "--count", "--data-dir", data.toString());
    assertEquals(0, r.code(), r.toString());
    assertEquals("reviews.tsv:2: skipped: bad id (not UTF-8 text)\n", r.err());
  }

  @Test
  void futureEventsAreNamedOnRead() throws IOException {
    Path data = tmp.resolve("data");
    Files.createDirectories(data);
    Files.writeString(data.resolve("reviews-other.tsv"), "time\tid\tgrade\tms\n2031-01-01T00:00:00.000Z\tentropy\tgood\t1\n");
    var r = new CliHarness(tmp).run("due", "--count", "--data-dir", data.toString());
    assertTrue(r.err().contains("reviews-other.tsv: 1 event more than a day after this machine's clock (entropy at"
        + " 2031-01-01T00:00:00.000Z)"), r.err());
    List<String> lines = new ArrayList<>(List.of(r.err().split("\n")));
    assertEquals(1, lines.size(), r.err());
  }

  @Test
  @Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void logMergesStartedAtOnceInSeparateProcessesAddEachEventOnce() throws Exception {
    Path other = tmp.resolve("backup.tsv");
    StringBuilder text = new StringBuilder("time\tid\tgrade\tms\n");
    for (int i = 0; i < 500; i++) text.append(String.format("2026-10-%02dT08:%02d:00.000Z\tq%d\tgood\t1%n", 1 + i / 60, i % 60, i % 9));
    Files.writeString(other, text);
    Path data = tmp.resolve("data");
    Path config = tmp.resolve("config/idrill");
    Files.createDirectories(config);
    Files.writeString(config.resolve("config.yaml"), "machine: desk\n");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<Process> ps = new ArrayList<>();
    for (int k = 0; k < 4; k++) {
      ProcessBuilder pb = new ProcessBuilder(java.toString(), "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp",
          System.getProperty("java.class.path"), "idrill.Main", "log", "merge", other.toString(), "--data-dir", data.toString());
      pb.environment().put("XDG_CONFIG_HOME", tmp.resolve("config").toString());
      ps.add(pb.redirectErrorStream(true).start());
    }
    int added = 0;
    for (Process p : ps) {
      String out = new String(p.getInputStream().readAllBytes());
      assertTrue(p.waitFor(120, TimeUnit.SECONDS));
      assertEquals(0, p.exitValue(), out);
      added += Integer.parseInt(out.replaceAll("(?s).*: (\\d+) added.*", "$1"));
    }
    assertEquals(500, added, "each event added by exactly one of the merges");
    assertEquals(501, Files.readAllLines(data.resolve("reviews-desk.tsv")).size());
  }
}
