package idrill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line conventions of issue 13, as a user meets them, end to end through {@link CliHarness}. */
class ConventionsTest {
  @TempDir Path home;
  CliHarness cli;

  @BeforeEach
  void setUp() {
    TranscriptTest.copyTree(TranscriptTest.DIR.resolve("home"), home); // small.yaml, bad.yaml, a log, a config
    cli = new CliHarness(home);
  }

  private CliHarness.Result run(String... args) {
    return cli.run(args);
  }

  /** The commands that run something (no group, not help): "log merge", not "log". */
  private List<String> leaves() {
    List<String> all = TranscriptTest.commandsInHelp(home);
    List<String> leaves = new ArrayList<>();
    for (String c : all) {
      if (c.equals("help") || all.stream().anyMatch(o -> o.startsWith(c + " "))) continue;
      leaves.add(c);
    }
    return leaves;
  }

  private static String[] args(String command, String... more) {
    List<String> a = new ArrayList<>(List.of(command.split(" ")));
    a.addAll(List.of(more));
    return a.toArray(String[]::new);
  }

  @Test
  void sharedOptionsWorkBeforeTheCommandAsAfterIt() throws Exception {
    Files.createDirectories(home.resolve("other"));
    List<String[][]> pairs = List.of(
        new String[][] {{"--bank", "bad.yaml", "list"}, {"list", "--bank", "bad.yaml"}},
        new String[][] {{"--bank=small.yaml", "list", "-t", "clustering"}, {"list", "-t", "clustering", "--bank=small.yaml"}},
        new String[][] {{"--data-dir", "other", "due", "--count"}, {"due", "--count", "--data-dir", "other"}},
        new String[][] {{"--now", "2026-12-20T09:00:00Z", "due", "--count"}, {"due", "--count", "--now", "2026-12-20T09:00:00Z"}},
        new String[][] {{"--color", "never", "tags"}, {"tags", "--color", "never"}},
        new String[][] {{"--debug", "show", "entropy"}, {"show", "entropy", "--debug"}},
        new String[][] {{"--debug", "--color=never", "log", "merge", "data/idrill/reviews-golden.tsv"},
            {"log", "merge", "data/idrill/reviews-golden.tsv", "--debug", "--color=never"}});
    for (String[][] p : pairs) {
      var before = run(p[0]);
      var after = run(p[1]);
      assertEquals(after.toString(), before.toString(), String.join(" ", p[0]));
      assertFalse(before.err().contains("unknown option") || before.err().contains("unknown command"), before.toString());
    }
    assertEquals("4\n", run("--data-dir", "other", "due", "--count").out(), "a fresh data directory: all new");
    assertEquals(65, run("--bank", "bad.yaml", "list").code(), "the --bank before the command was the one used");
  }

  @Test
  void everyCommandTakesDebugAndColor() {
    for (String c : leaves()) {
      var r = run(args(c, "--debug", "--color", "never", "--help"));
      assertEquals(0, r.code(), c + "\n" + r);
      assertTrue(r.out().contains("--debug") && r.out().contains("--color=WHEN"), c + " documents them");
    }
    var r = run("import", "notes.md", "--debug", "--color", "always");
    assertEquals(0, r.code(), r.toString());
    r = run("log", "merge", "--color", "never", "--debug", "data/idrill/reviews-golden.tsv");
    assertEquals(0, r.code(), r.toString());
  }

  @Test
  void helpCommandEqualsCommandHelp() {
    for (String c : TranscriptTest.commandsInHelp(home)) {
      if (c.contains(" ")) continue; // idrill help names one command
      var byHelp = run("help", c);
      var byOption = run(c, "--help");
      assertEquals(0, byHelp.code(), byHelp.toString());
      assertEquals(byOption.out(), byHelp.out(), "idrill help " + c);
    }
    assertEquals(run("--help").out(), run("help").out());
  }

  @Test
  void typosGetTheNearestNameByEditDistance() {
    assertEquals("idrill: unknown command 'stat'; did you mean 'stats'?", run("stat").err().lines().findFirst().get());
    assertEquals("idrill list: unknown option '--tga'; did you mean '--tag'?",
        run("list", "--tga", "x").err().lines().findFirst().get());
    assertEquals("idrill: unknown command 'version'; did you mean '--version'?",
        run("version").err().lines().findFirst().get());
    assertEquals("idrill: unknown command 'shwo'; did you mean 'show'?", run("help", "shwo").err().lines().findFirst().get());
    assertTrue(run("due", "--cuont").err().startsWith("idrill due: unknown option '--cuont'; did you mean '--count'"));
  }

  static final Pattern JARGON = Pattern.compile(
      "Unmatched argument|\\bindex\\b|picocli|Exception|\\bjava\\.|[a-z]+\\.[a-z]+\\.[A-Z][A-Za-z]+|at [a-z]+\\.[a-z.]+\\(");

  @Test
  void noBadInputShowsParserJargonAndUsageErrorsExit2() {
    List<String[]> bad = new ArrayList<>();
    for (String c : leaves()) {
      bad.add(args(c, "--nosuch"));
      bad.add(args(c, "--colour", "never"));
      bad.add(args(c, "--color"));
      bad.add(args(c, "--color", "purple"));
      bad.add(args(c, "--debug=maybe"));
      bad.add(args(c, "-Z"));
    }
    bad.add(args("frobnicate"));
    bad.add(args("--nosuch"));
    bad.add(args("list", "extra", "words"));
    bad.add(args("tags", "x"));
    bad.add(args("list", "--now", "yesterday"));
    bad.add(args("due", "--days", "many"));
    bad.add(args("random", "--daily", "--date", "2026-13-45"));
    bad.add(args("show"));
    bad.add(args("help", "nosuch"));
    bad.add(args("log", "frob"));
    bad.add(args("list", "-g", "("));
    for (String[] a : bad) {
      var r = run(a);
      String what = String.join(" ", a) + "\n" + r;
      assertEquals(2, r.code(), what);
      assertFalse(JARGON.matcher(r.err()).find(), what);
      assertTrue(r.err().lines().count() <= 3, "a line and a hint: " + what);
      assertTrue(r.err().startsWith("idrill"), "says who: " + what);
      assertEquals("", r.out(), what);
    }
  }

  @Test
  void onlyAUsageErrorIsTheUsersMistakeAnyOtherIllegalArgumentIsABug() {
    StringWriter w = new StringWriter();
    assertEquals(1, Cli.report(new IllegalArgumentException("index 3 out of bounds"), "idrill list", new PrintWriter(w, true)));
    assertEquals("idrill list: internal error (a bug: run again with --debug for the stack trace, and please report it)",
        w.toString().strip());
    w = new StringWriter();
    assertEquals(2, Cli.report(new UsageException("--days must be 1 or more"), "idrill due", new PrintWriter(w, true)));
    assertEquals("idrill due: --days must be 1 or more", w.toString().strip());
  }

  @Test
  void theExitCodeTableIsInTheTopHelpOnly() {
    String top = run("--help").out();
    assertTrue(top.contains("Exit codes:"), top);
    for (String code : Cli.exitCodes().keySet()) assertTrue(Pattern.compile("\n  " + code + " +\\S").matcher(top).find(), code);
    for (String c : TranscriptTest.commandsInHelp(home)) {
      String help = run(args(c, "--help")).out();
      assertFalse(help.contains("Exit codes") || help.contains("internal error (a bug"), c);
    }
  }

  @Test
  void noCommandSummaryInTheTopHelpIsCutMidSentence() {
    String top = run("--help").out();
    String commands = top.substring(top.indexOf("Commands:\n"), top.indexOf("\n\n", top.indexOf("Commands:\n")));
    List<String> summaries = new ArrayList<>();
    for (String line : commands.lines().skip(1).toList()) {
      if (line.matches("  [a-z].*")) summaries.add(line.strip().replaceFirst("^\\S+\\s+", ""));
      else summaries.set(summaries.size() - 1, summaries.get(summaries.size() - 1) + " " + line.strip());
    }
    assertTrue(summaries.size() >= 20, commands);
    for (String s : summaries) assertTrue(s.matches(".*[.?!)]$"), "cut mid-sentence: " + s);
  }

  static final Pattern WRONG_PLURAL = Pattern.compile(
      "(?<![\\d.,])1 (?:more |valid )?(questions|reviews|errors|warnings|lapses|days|problems|answers)\\b"
          + "|(?<![\\d.,])(?:0|[2-9]|\\d\\d+) (?:more |valid )?(question|review|error|warning|lapse|day|problem|answer)\\b(?![-'])");

  @Test
  void pluralsAreRight() throws Exception {
    Files.writeString(home.resolve("one.yaml"),
        "questions:\n  - id: solo\n    question: Alone?\n    answer: Yes.\n    tags: [one]\n");
    Files.writeString(home.resolve("one-bad.yaml"), "questions:\n  - id: Bad\n    question: Q?\n    answer: A.\n    tags: [t]\n"
        + "  - id: ok\n    question: Q?\n    answer: A.\n    tags: [t]\n");
    Files.createDirectories(home.resolve("one"));
    Files.writeString(home.resolve("one/reviews-one.tsv"), "time\tid\tgrade\tms\n2026-11-24T09:00:00.000Z\tsolo\tgood\t1000\n");
    List<String[]> runs = List.of(
        args("show", "solo", "--bank", "one.yaml", "--data-dir", "one"),
        args("stats", "--bank", "one.yaml", "--data-dir", "one"),
        args("due", "--bank", "one.yaml", "--data-dir", "one", "--days", "7"),
        args("due", "--bank", "one.yaml", "--data-dir", "one"),
        args("import", "notes.md", "-o", "imported.yaml"),
        args("export", "--bank", "one.yaml", "--format", "json", "-o", "one.json"),
        args("validate", "one.yaml"),
        args("validate", "one-bad.yaml"),
        args("list", "--bank", "one-bad.yaml"),
        args("suspend", "solo", "--bank", "one.yaml", "--data-dir", "one"),
        args("show", "kmeans-convergence"),
        args("stats"),
        args("validate", "bad.yaml"),
        args("list", "--bank", "bad.yaml"));
    for (String[] a : runs) {
      var r = run(a);
      var m = WRONG_PLURAL.matcher(r.out() + r.err());
      assertFalse(m.find(), String.join(" ", a) + ": '" + (m.find(0) ? m.group() : "") + "'\n" + r);
    }
    assertTrue(run("validate", "one.yaml").err().startsWith("1 valid question; 0 errors, 0 warnings"));
    assertTrue(run("show", "solo", "--bank", "one.yaml", "--data-dir", "one").out().contains("1 review ·"));
    assertEquals("idrill list: 1 more error; run 'idrill validate' to see all",
        run("list", "--bank", "bad.yaml").err().lines().reduce((x, y) -> y).get());
    assertNotEquals(0, run("validate", "one-bad.yaml").code());
  }
}
