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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** suspend, unsuspend, bury, flag and unflag from the command line, and the commands that respect them. */
class AsideCommandsTest {
  private static final String NOW = "2026-11-25T09:00:00Z";
  @TempDir Path home;
  CliHarness cli;
  String bank;

  @BeforeEach
  void setUp() throws IOException {
    cli = new CliHarness(home);
    Files.createDirectories(home.resolve("config/idrill"));
    Files.writeString(home.resolve("config/idrill/config.yaml"), "machine: laptop\n");
    Path b = home.resolve("bank.yaml");
    Files.writeString(b, CommandsTest.SMALL);
    bank = b.toString();
  }

  private CliHarness.Result ok(String... args) {
    CliHarness.Result r = cli.run(args);
    assertEquals(0, r.code(), r.toString());
    return r;
  }

  private CliHarness.Result at(String now, String... args) {
    String[] all = new String[args.length + 4];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--bank";
    all[args.length + 1] = bank;
    all[args.length + 2] = "--now";
    all[args.length + 3] = now;
    return ok(all);
  }

  private Path log() {
    return home.resolve("data/idrill/reviews-laptop.tsv");
  }

  private int dueCount(String now) {
    return Integer.parseInt(at(now, "due", "--count").out().strip());
  }

  private JsonObject memory(String id, String now) {
    return JsonParser.parseString(at(now, "show", id, "--format", "json").out()).getAsJsonObject()
        .getAsJsonObject("memory");
  }

  @Test
  void suspendIsAnEventInTheLogThatKeepsQuestionsOutOfDueStatsAndDrillUntilUnsuspended() throws IOException {
    assertEquals(4, dueCount(NOW));
    CliHarness.Result r = at(NOW, "suspend", "entropy", "dropout");
    assertEquals("suspended 2 questions: entropy, dropout\n", r.out());
    String text = Files.readString(log());
    assertTrue(text.contains("2026-11-25T09:00:00.000Z\tentropy\tsuspend\t0\n"), text);
    assertEquals(2, dueCount(NOW));
    // already suspended is no error, and writes nothing
    r = at(NOW, "suspend", "entropy", "kmeans-empty");
    assertEquals("suspended 1 question: kmeans-empty\nentropy is suspended already\n", r.out());
    assertEquals(4, Files.readAllLines(log()).size()); // header and three events
    assertEquals(1, dueCount(NOW));

    JsonObject stats = JsonParser.parseString(at(NOW, "stats", "--format", "json").out()).getAsJsonObject()
        .getAsJsonObject("totals");
    assertEquals(1, stats.get("due_today").getAsInt());
    assertEquals(3, stats.get("suspended").getAsInt());
    assertTrue(at(NOW, "stats").out().contains("3 suspended"));

    JsonArray all = JsonParser.parseString(at(NOW, "due", "--all", "--format", "json").out()).getAsJsonArray();
    Set<String> suspended = new HashSet<>();
    for (var e : all) if (e.getAsJsonObject().get("suspended").getAsBoolean()) suspended.add(e.getAsJsonObject().get("id").getAsString());
    assertEquals(Set.of("entropy", "dropout", "kmeans-empty"), suspended);

    assertTrue(at(NOW, "show", "entropy").out().contains("suspended (idrill unsuspend entropy)"));
    cli.stdin = "reveal\ngrade good\nquit\n";
    String drilled = at(NOW, "drill", "--cram").out();
    assertTrue(drilled.contains("kmeans-convergence") && !drilled.contains("] entropy"), drilled);
    cli.stdin = "quit\n";
    String sequential = at(NOW, "drill", "--order", "sequential").out();
    assertFalse(sequential.contains("] dropout"), sequential);

    r = at(NOW, "unsuspend", "entropy", "kmeans-convergence");
    assertEquals("unsuspended 1 question: entropy\nkmeans-convergence is not suspended\n", r.out());
    assertFalse(memory("entropy", NOW).get("suspended").getAsBoolean());
    assertEquals(1, dueCount(NOW)); // entropy is new again, but kmeans-convergence took today's... new ones
  }

  @Test
  void anUnknownIdIsAUsageErrorWithASuggestionAndWritesNothing() {
    CliHarness.Result r = cli.run("suspend", "entropy", "dropuot", "--bank", bank);
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains("unknown question id 'dropuot'") && r.err().contains("Did you mean: dropout?"), r.err());
    assertFalse(Files.exists(log()), "no event for the good id either: the command is all or nothing");
  }

  @Test
  void buryHidesAQuestionUntilTheNextDayStartsAsTheScheduleCountsDays() throws IOException {
    Files.writeString(home.resolve("config/idrill/config.yaml"), "machine: laptop\nday_start_hour: 4\n");
    CliHarness.Result r = at("2026-11-25T23:00:00Z", "bury", "entropy");
    assertEquals("buried 1 question until 2026-11-26 04:00: entropy\n", r.out());
    assertEquals(3, dueCount("2026-11-26T03:59:00Z"), "still the day of the bury before 04:00");
    assertEquals("2026-11-26T04:00:00Z", memory("entropy", "2026-11-26T03:59:00Z").get("buried_until").getAsString());
    assertTrue(at("2026-11-26T03:59:00Z", "show", "entropy").out().contains("buried until 2026-11-26 04:00"));
    assertEquals("entropy is buried already\n", at("2026-11-26T01:00:00Z", "bury", "entropy").out());
    assertEquals(4, dueCount("2026-11-26T04:00:00Z"));
    assertTrue(memory("entropy", "2026-11-26T04:00:00Z").get("buried_until").isJsonNull());
  }

  @Test
  void flagsAreShownAndFilteredByListAndShow() {
    assertEquals("flagged 1 question: dropout\n", at(NOW, "flag", "dropout").out());
    at(NOW, "suspend", "entropy");
    List<String> rows = at(NOW, "list").out().lines().toList();
    assertEquals(4, rows.size());
    assertTrue(rows.contains("dropout\tregularization,deep-learning\tWhat is dropout?\tflagged"), rows.toString());
    assertTrue(rows.contains("entropy\tinformation-theory,statistics\tWhat is entropy?\tsuspended"), rows.toString());
    assertTrue(rows.contains("kmeans-empty\tclustering\tCan a k-means centroid end up with no points?"), rows.toString());
    assertEquals(List.of("dropout"), at(NOW, "list", "--flagged").out().lines().map(l -> l.split("\t")[0]).toList());
    assertEquals(List.of("entropy"), at(NOW, "list", "--suspended").out().lines().map(l -> l.split("\t")[0]).toList());
    JsonArray json = JsonParser.parseString(at(NOW, "list", "--flagged", "--format", "json").out()).getAsJsonArray();
    assertTrue(json.get(0).getAsJsonObject().get("flagged").getAsBoolean());
    assertTrue(at(NOW, "show", "dropout").out().contains("flagged"));
    assertTrue(memory("dropout", NOW).get("flagged").getAsBoolean());

    CliHarness.Result none = cli.run("list", "--flagged", "-t", "clustering", "--bank", bank, "--now", NOW);
    assertEquals(3, none.code(), none.toString());
    assertTrue(none.err().contains("no flagged questions match"), none.err());

    assertEquals("unflagged 1 question: dropout\n", at(NOW, "unflag", "dropout").out());
    assertEquals("dropout is not flagged\n", at(NOW, "unflag", "dropout").out());
    assertEquals(3, cli.run("list", "--flagged", "--bank", bank).code());
  }

  @Test
  void theQuestionOfTheDaySkipsSuspendedQuestions() {
    at(NOW, "suspend", "entropy", "dropout", "kmeans-empty");
    for (int d = 1; d <= 6; d++) {
      String id = JsonParser.parseString(at(NOW, "random", "--daily", "--date", "2027-01-0" + d, "--format", "json").out())
          .getAsJsonObject().get("id").getAsString();
      assertEquals("kmeans-convergence", id, "day " + d);
    }
    at(NOW, "suspend", "kmeans-convergence");
    CliHarness.Result r = cli.run("random", "--daily", "--bank", bank, "--now", NOW);
    assertEquals(3, r.code(), r.toString());
    assertTrue(r.err().contains("is suspended"), r.err());
  }

  @Test
  void anOlderIdrillsLineOfAnUnknownKindIsSkippedWithOneSummaryLineAndSetAsideWordsAreNotGrades() throws IOException {
    Files.createDirectories(log().getParent());
    Files.writeString(log(), "time\tid\tgrade\tms\n"
        + "2026-11-24T09:00:00.000Z\tentropy\tsuspend\t0\n"
        + "2026-11-24T09:00:01.000Z\tdropout\tarchive\t0\n"
        + "2026-11-24T09:00:02.000Z\tdropout\tflag\t0\n");
    CliHarness.Result r = cli.run("due", "--count", "--bank", bank, "--now", NOW);
    assertEquals("3\n", r.out());
    assertTrue(r.err().contains("1 event of a kind this idrill does not know skipped (archive)"), r.err());
    JsonObject m = memory("dropout", NOW);
    assertEquals(0, m.get("reps").getAsInt(), "a flag is no review");
    assertTrue(m.get("flagged").getAsBoolean());
  }

  @Test
  void drillSuspendFlagBuryAndUndoSurviveARestartAMergeAndASync() throws IOException {
    cli.stdin = "suspend\nflag\nbury\nundo\nquit\n";
    String drilled = at(NOW, "drill", "--order", "sequential").out();
    assertTrue(drilled.contains("suspended kmeans-convergence") && drilled.contains("undid the bury of entropy"), drilled);
    // a new process reads it all back from the log
    assertEquals(List.of("kmeans-convergence"), ids(at(NOW, "list", "--suspended")));
    assertEquals(List.of("entropy"), ids(at(NOW, "list", "--flagged")));
    assertEquals(3, dueCount(NOW), "entropy's bury was undone; only the suspended one is out");

    CliHarness desk = new CliHarness(home.resolve("desk"));
    Files.createDirectories(home.resolve("desk/config/idrill"));
    Files.writeString(home.resolve("desk/config/idrill/config.yaml"), "machine: desk\n");
    CliHarness.Result merged = desk.run("log", "merge", log().toString());
    assertEquals(0, merged.code(), merged.toString());
    assertTrue(merged.out().contains(": 4 added, 0 already in"), merged.out());
    assertTrue(desk.run("log", "merge", log().toString()).out().contains(": 0 added, 4 already in"));
    assertEquals("3\n", desk.run("due", "--count", "--bank", bank, "--now", NOW).out());
    assertEquals(List.of("entropy"), ids(desk.run("list", "--flagged", "--bank", bank)));

    CliHarness synced = new CliHarness(home.resolve("synced"));
    Path data = home.resolve("synced/data/idrill");
    Files.createDirectories(data);
    Files.copy(log(), data.resolve("reviews-laptop.tsv"));
    assertEquals("3\n", synced.run("due", "--count", "--bank", bank, "--now", NOW).out());
    assertEquals(List.of("kmeans-convergence"), ids(synced.run("list", "--suspended", "--bank", bank)));
    // the desk unsuspends; once its log is synced back, the laptop drills the question again
    assertEquals(0, desk.run("unsuspend", "kmeans-convergence", "--bank", bank, "--now", "2026-11-25T10:00:00Z").code());
    Files.copy(home.resolve("desk/data/idrill/reviews-desk.tsv"), log().resolveSibling("reviews-desk.tsv"));
    assertEquals(4, dueCount("2026-11-25T10:00:00Z"));
  }

  private static List<String> ids(CliHarness.Result r) {
    assertEquals(0, r.code(), r.toString());
    return r.out().lines().map(l -> l.split("\t")[0]).toList();
  }
}
