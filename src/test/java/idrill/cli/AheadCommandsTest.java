package idrill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import idrill.review.Fsrs;
import idrill.review.FsrsParams;
import idrill.review.Grade;
import idrill.review.Intervals;
import idrill.review.MemoryState;
import idrill.review.Review;
import idrill.review.Schedule;
import idrill.stats.ForecastView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seeing ahead from the command line: the next due question, the forecast, weakest questions and leeches. */
class AheadCommandsTest {
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final int DAY_START = 5;
  static final Instant NOW = Instant.parse("2026-11-25T14:00:00Z"); // 09:00 in New York

  static final DateTimeFormatter LOG_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  @TempDir Path home;
  CliHarness cli;
  Path data;

  @BeforeEach
  void setUp() throws IOException {
    cli = new CliHarness(home);
    data = home.resolve("data-dir");
    cli.env.put("IDRILL_DATA_DIR", data.toString());
    Files.createDirectories(data);
  }

  String smallBank() throws IOException {
    Path b = home.resolve("small.yaml");
    Files.writeString(b, CommandsTest.SMALL);
    return b.toString();
  }

  void writeLog(List<Review> reviews) throws IOException {
    StringBuilder sb = new StringBuilder("time\tid\tgrade\tms\n");
    for (Review r : reviews) {
      sb.append(LOG_TIME.format(r.time())).append('\t').append(r.id()).append('\t')
          .append(r.grade().word()).append('\t').append(r.ms()).append('\n');
    }
    Files.writeString(data.resolve("reviews.tsv"), sb.toString());
  }

  // ---------------------------------------------------------------- the next question due, plurals, --cram

  @Test
  void withNothingDueDueAndDrillNameTheNextQuestionAndDrillKeepsTheFilterInItsCramHint() throws IOException {
    String bank = smallBank();
    cli.stdin = "reveal\ngrade good\nreveal\ngrade again\nquit\n"; // kmeans: step due 09:10, entropy: 09:01
    cli.run("drill", "--bank", bank, "--order", "sequential", "--now", "2026-11-25T09:00:00Z");
    var due = cli.run("due", "--bank", bank, "-t", "information-theory", "--now", "2026-11-25T09:00:30Z");
    assertEquals("0 questions are due now (tag information-theory).\nnext: entropy in 1 min, today 09:01\n", due.out());
    cli.stdin = "";
    var drill = cli.run("drill", "--bank", bank, "-t", "information-theory", "--now", "2026-11-25T09:00:30Z");
    assertEquals(0, drill.code(), drill.toString());
    assertEquals("Nothing is due now (1 question in this selection).\n"
        + "next: entropy in 1 min, today 09:01\n"
        + "Run 'idrill drill --cram --bank " + bank + " -t information-theory' to drill it anyway, weakest first.\n",
        drill.out());
    var later = cli.run("due", "--bank", bank, "-t", "clustering", "-x", "statistics", "--now", "2026-11-25T09:05:00Z");
    assertTrue(later.out().contains("1 question is due now"), "kmeans-empty is new: " + later);
  }

  @Test
  void theNextQuestionOfAReviewIsDueWhenItsDayStartsAndNewOnesWaitForTomorrowOnceTodaysAreUsed() throws IOException {
    String bank = smallBank();
    Files.createDirectories(home.resolve("config/idrill"));
    Files.writeString(home.resolve("config/idrill/config.yaml"), "new_per_day: 0\n");
    writeLog(List.of(new Review(Instant.parse("2026-11-20T10:00:00Z"), "entropy", Grade.EASY, 1000)));
    // UTC, day start 4: entropy's first interval is days long; a review is listed from the start of its due day
    var r = cli.run("due", "--bank", bank, "--now", "2026-11-21T10:00:00Z");
    assertTrue(r.out().startsWith("0 questions are due now.\nnext: entropy in "), r.toString());
    assertTrue(r.out().endsWith(" 04:00\n"), r.out());
    Files.writeString(home.resolve("config/idrill/config.yaml"), "new_per_day: 1\n");
    writeLog(List.of(new Review(Instant.parse("2026-11-21T09:00:00Z"), "dropout", Grade.EASY, 1000),
        new Review(Instant.parse("2026-11-20T10:00:00Z"), "entropy", Grade.EASY, 1000)));
    var tomorrow = cli.run("due", "--bank", bank, "-t", "clustering", "--now", "2026-11-21T10:00:00Z");
    assertEquals("0 questions are due now (tag clustering).\nnext: kmeans-convergence in 18 h, tomorrow 04:00\n",
        tomorrow.out(), "today's one new question went to dropout");
  }

  @Test
  void theSessionSummaryEndsWithTheNextQuestionDue() throws IOException {
    String bank = smallBank();
    cli.stdin = "reveal\ngrade again\nquit\n";
    var r = cli.run("drill", "--bank", bank, "-t", "information-theory", "--order", "sequential",
        "--now", "2026-11-25T09:00:00Z");
    assertTrue(r.out().endsWith("\n  next: entropy in 1 min, today 09:01\n"), r.out());
  }

  // ---------------------------------------------------------------- the forecast

  /** 30 questions, tags a and b, and a seeded log over 60 days that crosses the end of daylight saving time. */
  List<Review> randomHistory(Path bankFile) throws IOException {
    StringBuilder bank = new StringBuilder("questions:\n");
    for (int i = 1; i <= 30; i++) {
      bank.append("  - id: q").append(i).append("\n    question: Question ").append(i).append("?\n    answer: A.\n")
          .append("    tags: [").append(i % 2 == 0 ? "a" : "b").append("]\n");
    }
    Files.writeString(bankFile, bank.toString());
    Random rnd = new Random(12);
    List<Review> log = new ArrayList<>();
    Grade[] grades = {Grade.AGAIN, Grade.HARD, Grade.GOOD, Grade.GOOD, Grade.GOOD, Grade.EASY};
    for (int i = 1; i <= 26; i++) {
      Instant t = NOW.minus(Duration.ofMinutes(60 * 24 * (5 + rnd.nextInt(55)) + rnd.nextInt(24 * 60)));
      while (t.isBefore(NOW)) {
        log.add(new Review(t, "q" + i, grades[rnd.nextInt(grades.length)], 1000));
        t = t.plus(Duration.ofMinutes(10 + rnd.nextInt(6 * 24 * 60)));
      }
    }
    return log;
  }

  /** The forecast by an independent route: each question replayed on its own, bucketed by local wall-clock day. */
  static Map<LocalDate, List<String>> expectedByDay(List<Review> log, int days) {
    Fsrs fsrs = new Fsrs(FsrsParams.defaults(), NEW_YORK, DAY_START);
    Map<String, List<Review>> byId = new LinkedHashMap<>();
    for (int i = 1; i <= 30; i++) byId.put("q" + i, new ArrayList<>());
    for (Review r : log) byId.get(r.id()).add(r);
    LocalDate today = NOW.atZone(NEW_YORK).toLocalDateTime().minusHours(DAY_START).toLocalDate();
    Map<LocalDate, List<String>> out = new LinkedHashMap<>();
    for (int d = 0; d < days; d++) out.put(today.plusDays(d), new ArrayList<>());
    for (Map.Entry<String, List<Review>> e : byId.entrySet()) {
      List<Review> h = new ArrayList<>(e.getValue());
      h.sort((a, b) -> a.time().compareTo(b.time()));
      MemoryState s = fsrs.replay(h);
      if (s.due() == null) continue;
      LocalDate day = s.due().atZone(NEW_YORK).toLocalDateTime().minusHours(DAY_START).toLocalDate();
      if (day.isBefore(today)) day = today;
      if (out.containsKey(day)) out.get(day).add(e.getKey());
    }
    return out;
  }

  /** The many-question bank and its random log written, the clock in New York, days starting at DAY_START. */
  List<Review> newYork(Path bank) throws IOException {
    List<Review> log = randomHistory(bank);
    writeLog(log);
    cli.clock = Clock.fixed(NOW, NEW_YORK);
    Files.createDirectories(home.resolve("config/idrill"));
    Files.writeString(home.resolve("config/idrill/config.yaml"), "day_start_hour: " + DAY_START + "\n");
    return log;
  }

  @Test
  void statsSaysHowManyOfTodaysDueAreNewSinceItsForecastCountsReviewsOnly() throws IOException {
    String bank = smallBank();
    Files.createDirectories(home.resolve("config/idrill"));
    Files.writeString(home.resolve("config/idrill/config.yaml"), "new_per_day: 2\n");
    Instant week = NOW.minus(Duration.ofDays(7));
    // entropy learned a week ago and due again; kmeans-convergence begun today (one of the two new of the day)
    writeLog(List.of(new Review(week, "entropy", Grade.GOOD, 0), new Review(week.plusSeconds(700), "entropy",
        Grade.GOOD, 0), new Review(NOW.minusSeconds(60), "kmeans-convergence", Grade.EASY, 0)));
    String now = NOW.toString();
    int due = Integer.parseInt(cli.run("due", "--count", "--bank", bank, "--now", now).out().strip());
    JsonObject totals = JsonParser.parseString(cli.run("stats", "--bank", bank, "--now", now, "--format", "json")
        .out()).getAsJsonObject().getAsJsonObject("totals");
    assertEquals(due, totals.get("due_today").getAsInt());
    assertEquals(1, totals.get("new_today").getAsInt(), "two new a day, one begun today: " + totals);
    String text = cli.run("stats", "--bank", bank, "--now", now).out();
    assertTrue(text.contains("Due today       " + due + "  " + (due - 1) + " to review · 1 new"), text);
  }

  @Test
  void dueDaysCountsWhatComesDueEachDayAsAnIndependentReplayDoes() throws IOException {
    Path bank = home.resolve("many.yaml");
    List<Review> log = newYork(bank);
    Map<LocalDate, List<String>> expected = expectedByDay(log, 21);
    int busyDays = 0;
    for (List<String> ids : expected.values()) if (!ids.isEmpty()) busyDays++;
    assertTrue(busyDays >= 5, "the fixture spreads over several days: " + expected);

    var json = cli.run("due", "--bank", bank.toString(), "--days", "21", "--format", "json");
    assertEquals(0, json.code(), json.toString());
    JsonArray arr = JsonParser.parseString(json.out()).getAsJsonArray();
    assertEquals(21, arr.size());
    int i = 0;
    for (Map.Entry<LocalDate, List<String>> e : expected.entrySet()) {
      JsonObject day = arr.get(i++).getAsJsonObject();
      assertEquals(e.getKey().toString(), day.get("date").getAsString());
      assertEquals(e.getValue().size(), day.get("due").getAsInt(), "on " + e.getKey());
    }

    var text = cli.run("due", "--bank", bank.toString(), "--days", "21");
    List<String> rows = text.out().lines().toList();
    assertEquals(22, rows.size(), text.out());
    LocalDate today = expected.keySet().iterator().next();
    assertTrue(rows.get(1).contains(today + "  today"), rows.get(1));
    for (int d = 0; d < 21; d++) {
      int n = expected.get(today.plusDays(d)).size();
      assertTrue(rows.get(1 + d).matches(".*\\s" + n + (n == 0 ? "" : "  █+")), rows.get(1 + d));
    }

    var stats = cli.run("stats", "--bank", bank.toString(), "--format", "json");
    JsonArray fourteen = JsonParser.parseString(stats.out()).getAsJsonObject().getAsJsonArray("forecast");
    assertEquals(14, fourteen.size());
    for (int d = 0; d < 14; d++) {
      assertEquals(expected.get(today.plusDays(d)).size(), fourteen.get(d).getAsJsonObject().get("due").getAsInt());
    }
    assertTrue(cli.run("stats", "--bank", bank.toString()).out().contains("Due, next 14 days"));
  }

  @Test
  void dueOnListsWhatComesDueThatDay() throws IOException {
    Path bank = home.resolve("many.yaml");
    List<Review> log = newYork(bank);
    Map<LocalDate, List<String>> expected = expectedByDay(log, 14);
    for (Map.Entry<LocalDate, List<String>> e : expected.entrySet()) {
      var r = cli.run("due", "--bank", bank.toString(), "--on", e.getKey().toString(), "--format", "json");
      assertEquals(0, r.code(), r.toString());
      List<String> ids = new ArrayList<>();
      for (var o : JsonParser.parseString(r.out()).getAsJsonArray()) ids.add(o.getAsJsonObject().get("id").getAsString());
      assertEquals(e.getValue().stream().sorted().toList(), ids.stream().sorted().toList(), "on " + e.getKey());
      var count = cli.run("due", "--bank", bank.toString(), "--on", e.getKey().toString(), "--count");
      assertEquals(e.getValue().size() + "\n", count.out());
      int n = e.getValue().size();
      List<String> text = cli.run("due", "--bank", bank.toString(), "--on", e.getKey().toString()).out().lines().toList();
      assertTrue(text.get(0).startsWith(n + (n == 1 ? " question comes due on " : " questions come due on ")
          + ForecastView.weekday(e.getKey()) + " " + e.getKey()), text.get(0));
      assertEquals(n, text.size() - 1, "one line per question: " + text);
    }
    var past = cli.run("due", "--bank", bank.toString(), "--on", "2026-11-01");
    assertEquals(2, past.code(), past.toString());
    assertEquals("idrill due: --on 2026-11-01 is in the past (today is 2026-11-25)\n", past.err());
    var bad = cli.run("due", "--bank", bank.toString(), "--days", "0");
    assertEquals(2, bad.code(), bad.toString());
  }

  // ---------------------------------------------------------------- weakest questions and leeches

  /** entropy lapses twice, dropout once; kmeans-convergence learned without a lapse. */
  List<Review> lapses() {
    Instant t = Instant.parse("2026-11-01T10:00:00Z");
    List<Review> log = new ArrayList<>();
    for (String id : List.of("entropy", "dropout", "kmeans-convergence")) {
      log.add(new Review(t, id, Grade.GOOD, 1000));
      log.add(new Review(t.plusSeconds(600), id, Grade.GOOD, 1000));
    }
    Instant d3 = t.plus(Duration.ofDays(3));
    log.add(new Review(d3, "entropy", Grade.AGAIN, 1000));
    log.add(new Review(d3.plusSeconds(600), "entropy", Grade.GOOD, 1000));
    log.add(new Review(d3, "dropout", Grade.AGAIN, 1000));
    log.add(new Review(d3.plusSeconds(600), "dropout", Grade.GOOD, 1000));
    Instant d10 = t.plus(Duration.ofDays(10));
    log.add(new Review(d10, "entropy", Grade.AGAIN, 1000));
    log.add(new Review(d10.plusSeconds(600), "entropy", Grade.GOOD, 1000));
    return log;
  }

  @Test
  void statsListsTheWeakestQuestionsAndShowMarksLeechesFromLeechLapses() throws IOException {
    String bank = smallBank();
    writeLog(lapses());
    Files.createDirectories(home.resolve("config/idrill"));
    Files.writeString(home.resolve("config/idrill/config.yaml"), "leech_lapses: 2\n");
    String now = "2026-11-12T12:00:00Z";

    JsonObject stats = JsonParser.parseString(cli.run("stats", "--bank", bank, "--format", "json", "--now", now).out())
        .getAsJsonObject();
    JsonArray weakest = stats.getAsJsonArray("weakest");
    assertEquals("entropy", weakest.get(0).getAsJsonObject().get("id").getAsString());
    assertEquals(2, weakest.get(0).getAsJsonObject().get("lapses").getAsInt());
    assertTrue(weakest.get(0).getAsJsonObject().get("leech").getAsBoolean());
    assertEquals("dropout", weakest.get(1).getAsJsonObject().get("id").getAsString());
    assertFalse(weakest.get(1).getAsJsonObject().get("leech").getAsBoolean());
    assertEquals(1, stats.getAsJsonObject("totals").get("leeches").getAsInt());

    String text = cli.run("stats", "--bank", bank, "--now", now).out();
    assertTrue(text.contains("Weakest questions"), text);
    assertTrue(text.lines().anyMatch(l -> l.matches("entropy\\s+2\\s+\\d+%  leech")), text);
    assertTrue(text.lines().anyMatch(l -> l.matches("dropout\\s+1\\s+\\d+%")), text);

    String show = cli.run("show", "entropy", "--bank", bank, "--now", now).out();
    assertTrue(show.contains("2 lapses · leech"), show);
    assertFalse(cli.run("show", "dropout", "--bank", bank, "--now", now).out().contains("leech"));
    JsonObject json = JsonParser.parseString(cli.run("show", "entropy", "--bank", bank, "--format", "json",
        "--now", now).out()).getAsJsonObject();
    assertTrue(json.get("leech").getAsBoolean());

    Files.writeString(home.resolve("config/idrill/config.yaml"), "leech_lapses: 3\n");
    assertFalse(cli.run("show", "entropy", "--bank", bank, "--now", now).out().contains("leech"), "3 lapses needed");
  }

  @Test
  void theLineDrillMarksALeechInItsHeader() throws IOException {
    String bank = smallBank();
    writeLog(lapses());
    Files.createDirectories(home.resolve("config/idrill"));
    Files.writeString(home.resolve("config/idrill/config.yaml"), "leech_lapses: 2\n");
    cli.stdin = "quit\n";
    var r = cli.run("drill", "--bank", bank, "-t", "information-theory", "--cram", "--now", "2026-11-12T12:00:00Z");
    assertTrue(r.out().startsWith("[0 new · 0 learning · 1 review] entropy · leech · "), r.out());
  }

  @Test
  void inSequentialOrderTooThePromptAfterRevealShowsWhatEachGradeWouldSchedule() throws IOException {
    String bank = smallBank();
    writeLog(lapses());
    cli.stdin = "reveal\nquit\n";
    Instant now = Instant.parse("2026-11-12T12:00:00Z");
    var r = cli.run("drill", "--bank", bank, "-t", "information-theory", "--order", "sequential", "--now", now.toString());
    Schedule s = Schedule.replay(lapses(), FsrsParams.defaults(), ZoneOffset.UTC, 4);
    String intervals = Intervals.of(s.fsrs(), s.state("entropy"), now).line();
    assertFalse(intervals.startsWith("1 again 1m · 2 hard 6m · 3 good 10m"), "a review's, not a new question's");
    assertTrue(r.out().contains("\n(" + intervals + " · next · undo · quit · help)\n"), r.out());
  }
}
