package idrill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** drill (line mode), due, stats and show's history, end to end through picocli. */
class ReviewCommandsTest {
  @TempDir Path home;
  CliHarness cli;
  String bank;
  Path data;

  @BeforeEach
  void setUp() throws IOException {
    cli = new CliHarness(home);
    Path b = home.resolve("small.yaml");
    Files.writeString(b, CommandsTest.SMALL);
    bank = b.toString();
    data = home.resolve("data-dir");
    cli.env.put("IDRILL_DATA_DIR", data.toString());
  }

  CliHarness.Result drillTwo() {
    cli.stdin = "reveal\ngrade good\nreveal\ngrade again\nquit\n";
    return cli.run("drill", "--bank", bank, "--order", "sequential", "--now", "2026-11-25T09:00:00Z");
  }

  List<String> log() throws IOException {
    return Files.readAllLines(machineLog(data));
  }

  /** The one reviews-MACHINE.tsv a drill on this machine writes. */
  static Path machineLog(Path dataDir) throws IOException {
    try (var files = Files.list(dataDir)) {
      List<Path> logs = files.filter(p -> p.getFileName().toString().matches("reviews-[a-z0-9-]+\\.tsv")).toList();
      assertEquals(1, logs.size(), "one machine log: " + logs);
      return logs.get(0);
    }
  }

  @Test
  void drillInLineModeSavesEachGradeAndPrintsASummary() throws IOException {
    var r = drillTwo();
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("Is k-means guaranteed to converge?"), r.out());
    assertTrue(r.out().contains("local"), "the answer was revealed: " + r.out());
    assertFalse(r.out().contains("\u001b"), "plain text in line mode");
    assertEquals(List.of("time\tid\tgrade\tms", "2026-11-25T09:00:00.000Z\tkmeans-convergence\tgood\t0",
        "2026-11-25T09:00:00.000Z\tentropy\tagain\t0"), log());
    assertTrue(r.out().toLowerCase().contains("summary"), r.out());
  }

  @Test
  void reportsRefuseAMarkdownFormatTheyDoNotHave() {
    for (String command : new String[] {"due", "stats"}) {
      var r = cli.run(command, "--bank", bank, "--format", "markdown");
      assertEquals(2, r.code(), r.toString());
      assertTrue(r.err().contains("expected one of [text, json]"), r.err());
      assertEquals("", r.out());
    }
  }

  @Test
  void anUnwritableDataDirectoryFailsBeforeTheFirstQuestion() throws IOException {
    Path file = home.resolve("a-file");
    Files.writeString(file, "x");
    cli.stdin = "reveal\ngrade good\n";
    var r = cli.run("drill", "--bank", bank, "--data-dir", file.resolve("sub").toString());
    assertEquals(74, r.code(), r.toString());
    assertTrue(r.err().contains(file.resolve("sub").toString()), r.err());
    assertFalse(r.out().contains("?"), "no question shown: " + r.out());
  }

  @Test
  void dueCountsNewQuestionsThenLearningStepsWhenTheirMinutesPass() throws IOException {
    drillTwo();
    var now = cli.run("due", "--bank", bank, "--count", "--now", "2026-11-25T09:00:30Z");
    assertEquals("2\n", now.out(), "the two unseen questions; both learning steps still wait: " + now);
    var later = cli.run("due", "--bank", bank, "--count", "--now", "2026-11-25T09:30:00Z");
    assertEquals("4\n", later.out(), later.toString());
    var capped = cli.run("due", "--bank", bank, "--count", "--now", "2026-11-25T09:00:30Z", "-t", "clustering");
    assertEquals("1\n", capped.out(), capped.toString());
  }

  @Test
  void dueAllAsJsonGivesEveryQuestionsMemoryState() throws IOException {
    drillTwo();
    var r = cli.run("due", "--bank", bank, "--all", "--format", "json", "--now", "2026-11-25T09:00:30Z");
    assertEquals(0, r.code(), r.toString());
    JsonArray arr = JsonParser.parseString(r.out()).getAsJsonArray();
    assertEquals(4, arr.size());
    JsonObject entropy = null;
    JsonObject dropout = null;
    for (var e : arr) {
      JsonObject o = e.getAsJsonObject();
      if (o.get("id").getAsString().equals("entropy")) entropy = o;
      if (o.get("id").getAsString().equals("dropout")) dropout = o;
    }
    assertEquals("learning", entropy.get("state").getAsString());
    assertEquals("2026-11-25T09:01:00Z", entropy.get("due").getAsString());
    assertEquals(1, entropy.get("reps").getAsInt());
    assertEquals("2026-11-25T09:00:00Z", entropy.get("last_review").getAsString());
    assertTrue(entropy.get("stability").getAsDouble() > 0);
    assertEquals("new", dropout.get("state").getAsString());
    assertTrue(dropout.get("due").isJsonNull());
    assertEquals(0.0, dropout.get("retrievability").getAsDouble());
  }

  @Test
  void drillFollowsTheScheduleAndSaysWhenNothingIsDue() throws IOException {
    drillTwo();
    cli.stdin = "quit\n";
    var r = cli.run("drill", "--bank", bank, "-t", "information-theory", "--now", "2026-11-25T09:00:30Z");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("Nothing is due now"), r.out());
    assertTrue(r.out().contains("--cram"), r.out());
    cli.stdin = "reveal\ngrade good\nquit\n";
    var cram = cli.run("drill", "--bank", bank, "-t", "information-theory", "--cram", "--now", "2026-11-25T09:00:30Z");
    assertEquals(0, cram.code(), cram.toString());
    assertTrue(cram.out().contains("What is entropy?"), cram.out());
  }

  @Test
  void statsReportsTotalsAndReadiness() throws IOException {
    drillTwo();
    var json = cli.run("stats", "--bank", bank, "--format", "json", "--on", "2026-12-10", "--now", "2026-11-25T10:00:00Z");
    assertEquals(0, json.code(), json.toString());
    JsonObject o = JsonParser.parseString(json.out()).getAsJsonObject();
    assertEquals(4, o.getAsJsonObject("totals").get("questions").getAsInt());
    assertEquals(2, o.getAsJsonObject("totals").get("seen").getAsInt());
    assertEquals(2, o.getAsJsonObject("totals").get("reviews").getAsInt());
    assertEquals(1, o.getAsJsonObject("totals").get("current_streak").getAsInt());
    double recall = o.getAsJsonObject("readiness").get("recall").getAsDouble();
    assertTrue(recall > 0 && recall < 0.5, "two unseen of four count as 0: " + recall);
    var text = cli.run("stats", "--bank", bank, "--on", "2026-12-10", "--now", "2026-11-25T10:00:00Z");
    assertEquals(0, text.code(), text.toString());
    assertTrue(text.out().contains("2026-12-10"), text.out());
    assertTrue(text.out().contains("clustering"), text.out());
  }

  @Test
  void showAddsTheMemoryStateAndHistory() throws IOException {
    drillTwo();
    var r = cli.run("show", "entropy", "--bank", bank, "--now", "2026-11-25T10:00:00Z");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("History"), r.out());
    assertTrue(r.out().contains("again"), r.out());
    assertTrue(r.out().contains("learning"), r.out());
    var fresh = cli.run("show", "dropout", "--bank", bank);
    assertTrue(fresh.out().contains("never graded"), fresh.out());
  }

  @Test
  void malformedLogLinesAreSkippedWithAWarningAndKept() throws IOException {
    drillTwo();
    Path own = machineLog(data);
    Files.writeString(own, "garbage line\n", java.nio.file.StandardOpenOption.APPEND);
    var r = cli.run("due", "--bank", bank, "--count", "--now", "2026-11-25T09:00:30Z");
    assertEquals(0, r.code(), r.toString());
    assertEquals("2\n", r.out());
    assertTrue(r.err().contains(own.getFileName() + ":4: skipped"), r.err());
    assertTrue(Files.readString(own).contains("garbage line"));
  }

  @Test
  void logMergeAppendsOnlyMissingEventsAndIsIdempotent() throws IOException {
    drillTwo();
    Path other = home.resolve("laptop.tsv");
    Files.writeString(other, "time\tid\tgrade\tms\n"
        + "2026-11-25T09:00:00.000Z\tkmeans-convergence\tgood\t0\n"   // already here
        + "2026-11-24T20:00:00.000Z\tdropout\teasy\t4100\n"
        + "2026-11-24T20:00:10.000Z\tdropout\tundo\t0\n"
        + "2026-11-24T20:00:20.000Z\tdropout\thard\t3000\n");
    List<String> before = log();
    var r = cli.run("log", "merge", other.toString());
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("3 added, 1 already"), r.out());
    List<String> after = log();
    assertEquals(before, after.subList(0, before.size()), "existing lines untouched, in order");
    assertEquals(before.size() + 3, after.size());
    var again = cli.run("log", "merge", other.toString());
    assertTrue(again.out().contains("0 added, 4 already"), again.out());
    assertEquals(after, log());
    var json = cli.run("due", "--bank", bank, "--all", "--format", "json", "-t", "regularization");
    JsonObject dropout = JsonParser.parseString(json.out()).getAsJsonArray().get(0).getAsJsonObject();
    assertEquals(1, dropout.get("reps").getAsInt(), "easy was undone, hard stands: " + json.out());
    var missing = cli.run("log", "merge", home.resolve("nope.tsv").toString());
    assertEquals(74, missing.code(), missing.toString());
  }
}
