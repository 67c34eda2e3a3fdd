package idrill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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

class CommandsTest {
  static final String SMALL = String.join("\n",
      "questions:",
      "  - id: kmeans-convergence",
      "    question: Is **k-means** guaranteed to converge?",
      "    answer: |",
      "      Yes, to a *local* optimum: the objective never increases.",
      "    tags: [clustering]",
      "    difficulty: medium",
      "  - id: entropy",
      "    question: What is entropy?",
      "    answer: The expected surprise, \\(-\\sum_i p_i \\log p_i\\).",
      "    tags: [information-theory, statistics]",
      "    refs:",
      "      - {title: Wikipedia, url: 'https://en.wikipedia.org/wiki/Entropy_(information_theory)'}",
      "  - id: dropout",
      "    question: What is dropout?",
      "    answer: Randomly zeroing activations during training.",
      "    tags: [regularization, deep-learning]",
      "  - id: kmeans-empty",
      "    question: Can a k-means centroid end up with no points?",
      "    answer: Yes.",
      "    tags: [clustering]",
      "");

  @TempDir Path home;
  CliHarness cli;
  Path bank;

  @BeforeEach
  void setUp() throws IOException {
    cli = new CliHarness(home);
    bank = home.resolve("small.yaml");
    Files.writeString(bank, SMALL);
  }

  @Test
  void listPipedPrintsWholeTabSeparatedLines() {
    var r = cli.run("list", "--bank", bank.toString());
    assertEquals(0, r.code(), r.toString());
    List<String> lines = r.out().lines().toList();
    assertEquals(4, lines.size(), r.out());
    assertEquals("kmeans-convergence\tclustering\tIs k-means guaranteed to converge?", lines.get(0));
    assertEquals("entropy\tinformation-theory,statistics\tWhat is entropy?", lines.get(1));
    assertFalse(r.out().contains("\u001b"), "no colour when piped");
  }

  @Test
  void listPipedNeverCutsAQuestionWhateverColumnsSays() {
    cli.env.put("COLUMNS", "40");
    var r = cli.run("list", "--bank", "default");
    assertEquals(0, r.code(), r.toString());
    assertEquals(53, r.out().lines().count());
    assertTrue(r.out().lines().noneMatch(l -> l.endsWith("…")), r.out());
    assertTrue(r.out().lines().anyMatch(l -> l.length() > 120), "long questions stay whole");
    assertTrue(r.out().lines().allMatch(l -> l.split("\t", -1).length == 3), "three fields on every line");
  }

  @Test
  void listFieldsStayOnOneLineWithoutControlCharacters() throws IOException {
    Files.writeString(bank, String.join("\n",
        "questions:",
        "  - id: messy",
        "    question: \"Tabs\\tand\\nnewlines, \\e[31mred\\e[0m and a bell\\a?\"",
        "    answer: x",
        "    tags: [a, b]",
        ""));
    var r = cli.run("list", "--bank", bank.toString());
    assertEquals(0, r.code(), r.toString());
    assertEquals("messy\ta,b\tTabs and newlines, [31mred[0m and a bell?\n", r.out());
  }

  @Test
  void listOnAWideTerminalAlignsTagListsUpToAQuarterOfTheScreen() throws IOException {
    String tags = "neural-architectures, nlp, deep-learning"; // 38 columns joined: wider than 32
    Files.writeString(bank, SMALL.replaceFirst("tags: \\[[^]]*]", "tags: [" + tags + "]"));
    cli.terminal = true;
    cli.env.put("NO_COLOR", "1");
    cli.env.put("COLUMNS", "160");
    List<String> lines = cli.run("list", "--bank", bank.toString()).out().lines().toList();
    assertTrue(lines.get(0).contains("neural-architectures,nlp,deep-learning  "), lines.get(0));
    int column = lines.get(0).indexOf("Is k-means");
    for (String l : lines) assertEquals(column, questionColumn(l), "questions align:\n" + String.join("\n", lines));
  }

  /** Where the third column starts: after the second run of two spaces that follows text. */
  private static int questionColumn(String line) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\S  +(?=\\S)").matcher(line);
    m.find();
    m.find();
    return m.end();
  }

  @Test
  void listOnATerminalCutsTheQuestionNeverTheId() throws IOException {
    Files.writeString(bank, SMALL.replace("id: entropy", "id: entropy-of-a-discrete-distribution-in-bits"));
    cli.terminal = true;
    cli.env.put("NO_COLOR", "1");
    cli.env.put("COLUMNS", "40");
    var r = cli.run("list", "--bank", bank.toString());
    assertEquals(0, r.code(), r.toString());
    List<String> lines = r.out().lines().toList();
    assertEquals("kmeans-convergence  Is k-means guarante…", lines.get(0), "tags give way first, and go when only \"…\" is left");
    assertEquals("entropy-of-a-discrete-distribution-in-bits", lines.get(1), "an id too wide for its row has a line of its own");
    assertTrue(lines.get(2).startsWith("  information-th"), lines.get(2));
    for (String line : lines) assertTrue(line.length() <= 40 || line.equals(lines.get(1)), line);
  }

  @Test
  void listFiltersByTagExcludeAndGrep() {
    assertEquals(2, cli.run("list", "--bank", bank.toString(), "-t", "clustering").out().lines().count());
    assertEquals(3, cli.run("list", "--bank", bank.toString(), "-t", "clustering", "--tag", "statistics")
        .out().lines().count());
    assertEquals(3, cli.run("list", "--bank", bank.toString(), "-x", "regularization").out().lines().count());
    var r = cli.run("list", "--bank", bank.toString(), "-g", "K-MEANS.*POINTS");
    assertEquals(1, r.out().lines().count(), r.toString());
    assertTrue(r.out().startsWith("kmeans-empty"));
  }

  @Test
  void grepMatchesQuestionsAndGrepAnswerMatchesAnswers() {
    assertEquals(3, cli.run("list", "--bank", bank.toString(), "-g", "what|can").out().lines().count());
    var r = cli.run("list", "--bank", bank.toString(), "-g", "activations");
    assertEquals(3, r.code(), "-g does not look in answers: " + r);
    r = cli.run("list", "--bank", bank.toString(), "-G", "ACTIVATIONS");
    assertEquals("dropout", r.out().split("\t")[0], r.toString());
    r = cli.run("list", "--bank", bank.toString(), "--grep-answer", "^yes", "-g", "centroid");
    assertEquals(List.of("kmeans-empty"), r.out().lines().map(l -> l.split("\t")[0]).toList(), "both must match");
    r = cli.run("list", "--bank", bank.toString(), "-G", "nothing like this");
    assertEquals(3, r.code());
    assertTrue(r.err().contains("answer grep 'nothing like this'"), r.err());
    r = cli.run("list", "--bank", bank.toString(), "-G", "(yes");
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains("invalid --grep-answer pattern"), r.err());
  }

  @Test
  void listAsJsonHasEveryFieldAndOptionalOnesOnlyWhenPresent() {
    var r = cli.run("list", "--bank", bank.toString(), "--format", "json");
    assertEquals(0, r.code(), r.toString());
    JsonArray arr = JsonParser.parseString(r.out()).getAsJsonArray();
    assertEquals(4, arr.size());
    JsonObject k = arr.get(0).getAsJsonObject();
    assertEquals("kmeans-convergence", k.get("id").getAsString());
    assertEquals("Yes, to a *local* optimum: the objective never increases.", k.get("answer").getAsString());
    assertEquals("medium", k.get("difficulty").getAsString());
    assertFalse(k.has("refs"));
    JsonObject e = arr.get(1).getAsJsonObject();
    assertEquals(List.of("information-theory", "statistics"),
        e.get("tags").getAsJsonArray().asList().stream().map(x -> x.getAsString()).toList());
    assertEquals("Wikipedia", e.get("refs").getAsJsonArray().get(0).getAsJsonObject().get("title").getAsString());
    assertFalse(e.has("difficulty"));
  }

  @Test
  void unknownTagIsAUsageErrorWithSuggestions() {
    var r = cli.run("list", "--bank", bank.toString(), "-t", "clusterin");
    assertEquals(2, r.code(), r.toString());
    assertEquals("", r.out());
    assertTrue(r.err().contains("unknown tag 'clusterin'"), r.err());
    assertTrue(r.err().contains("clustering"), r.err());
    assertFalse(r.err().contains("at idrill."), "no stack trace");
  }

  @Test
  void nothingMatchingIsExitThree() {
    var r = cli.run("random", "--bank", bank.toString(), "-t", "clustering", "-g", "dropout");
    assertEquals(3, r.code(), r.toString());
    assertTrue(r.err().contains("no questions match"), r.err());
  }

  @Test
  void showRendersQuestionAnswerAndReferences() {
    var r = cli.run("show", "entropy", "--bank", bank.toString());
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("What is entropy?"), r.out());
    assertTrue(r.out().contains("Σ"), "TeX rendered to Unicode: " + r.out());
    assertFalse(r.out().contains("\\sum"), r.out());
    assertTrue(r.out().contains("https://en.wikipedia.org/wiki/Entropy_(information_theory)"), r.out());
    assertTrue(r.out().contains("information-theory, statistics"), r.out());
  }

  @Test
  void showUnknownIdSuggestsNearestIds() {
    var r = cli.run("show", "kmeans-convergnce", "--bank", bank.toString());
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains("unknown question id 'kmeans-convergnce'"), r.err());
    assertTrue(r.err().contains("kmeans-convergence"), r.err());
  }

  @Test
  void tagsCountsMostUsedFirst() {
    var r = cli.run("tags", "--bank", bank.toString());
    assertEquals(0, r.code(), r.toString());
    List<String> lines = r.out().lines().map(String::strip).toList();
    assertEquals("2  clustering", lines.get(0));
    assertEquals(5, lines.size(), r.out());
    var json = JsonParser.parseString(cli.run("tags", "--bank", bank.toString(), "--format", "json").out())
        .getAsJsonArray();
    assertEquals("clustering", json.get(0).getAsJsonObject().get("tag").getAsString());
    assertEquals(2, json.get(0).getAsJsonObject().get("questions").getAsInt());
  }

  @Test
  void randomWithSeedIsReproducible() {
    var a = cli.run("random", "--bank", "default", "--seed", "7");
    var b = cli.run("random", "--bank", "default", "--seed", "7");
    assertEquals(0, a.code(), a.toString());
    assertEquals(a.out(), b.out());
    assertFalse(a.out().contains("Answer"), "no answer without --answer");
  }

  @Test
  void dailyIsTheSameAllDayAndWalksEveryQuestionBeforeRepeating() {
    var morning = cli.run("random", "--daily", "--bank", "default", "--now", "2026-11-25T06:00:00Z", "--format", "json");
    var evening = cli.run("random", "--daily", "--bank", "default", "--now", "2026-11-25T22:59:00Z", "--format", "json");
    assertEquals(0, morning.code(), morning.toString());
    assertEquals(morning.out(), evening.out());
    Set<String> seen = new HashSet<>();
    for (int d = 1; d <= 4; d++) {
      var r = cli.run("random", "--daily", "--bank", bank.toString(), "--date", "2027-01-0" + d, "--format", "json");
      seen.add(JsonParser.parseString(r.out()).getAsJsonObject().get("id").getAsString());
    }
    assertEquals(4, seen.size(), "4 consecutive days over 4 questions show 4 different questions");
    var other = cli.run("random", "--daily", "--bank", "default", "--date", "2026-11-26", "--format", "json");
    assertNotEquals(morning.out(), other.out());
  }

  @Test
  void dailyJsonAlwaysHasTheAnswerAndTextOnlyWithAnswerFlag() {
    var json = cli.run("random", "--daily", "--bank", bank.toString(), "--format", "json");
    assertTrue(JsonParser.parseString(json.out()).getAsJsonObject().has("answer"));
    var text = cli.run("random", "--daily", "--bank", bank.toString(), "--answer");
    assertTrue(text.out().contains("Answer"), text.out());
  }

  @Test
  void badBankIsExit65WithPositionAndNoStackTrace() throws IOException {
    Path bad = home.resolve("bad.yaml");
    Files.writeString(bad, "questions:\n  - id: x\n    question: q\n    anwser: a\n    tags: [t]\n");
    var r = cli.run("list", "--bank", bad.toString());
    assertEquals(65, r.code(), r.toString());
    assertTrue(r.err().contains("bad.yaml:4:5: error:"), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
  }

  @Test
  void missingBankFileIsAnIoError() {
    var r = cli.run("list", "--bank", home.resolve("nope.yaml").toString());
    assertEquals(74, r.code(), r.toString());
    assertTrue(r.err().contains("nope.yaml"), r.err());
  }

  @Test
  void validateReportsEveryProblemPositionedAndExits65() throws IOException {
    Path bad = home.resolve("bad.yaml");
    Files.writeString(bad, "questions:\n  - id: Bad_Id\n    question: q\n    answer: a\n    tags: [t]\n"
        + "  - id: ok\n    question: ''\n    answer: a\n    tags: [t]\n");
    var r = cli.run("validate", bad.toString());
    assertEquals(65, r.code(), r.toString());
    List<String> lines = r.out().lines().toList();
    assertEquals(2, lines.size(), r.out());
    assertTrue(lines.get(0).startsWith(bad + ":2:9: error:"), lines.get(0));
    assertTrue(lines.get(1).startsWith(bad + ":7:15: error:"), lines.get(1));
  }

  @Test
  void validateOfTheBundledBankHasNoErrorsAndWarnsAboutNoNearDuplicate() {
    var r = cli.run("validate", "--bank", "default");
    assertEquals(0, r.code(), r.toString());
    assertFalse(r.out().contains("error"), r.out());
    assertTrue(r.err().contains("53 valid questions"), r.err());
  }

  @Test
  void configuredBanksAreUsedAndBadConfigIsPositioned() throws IOException {
    Path dir = home.resolve("config/idrill");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("config.yaml"), "banks:\n  - ../../small.yaml\n");
    assertEquals(4, cli.run("list").out().lines().count());
    Files.writeString(dir.resolve("config.yaml"), "bankz: [x]\n");
    var r = cli.run("list");
    assertEquals(65, r.code(), r.toString());
    assertTrue(r.err().contains("config.yaml:1:1: error:"), r.err());
  }

  @Test
  void colourFollowsTheFlagTerminalAndNoColor() {
    assertFalse(cli.run("show", "entropy", "--bank", bank.toString()).out().contains("\u001b"));
    assertTrue(cli.run("show", "entropy", "--bank", bank.toString(), "--color", "always").out().contains("\u001b["));
    cli.terminal = true;
    assertTrue(cli.run("show", "entropy", "--bank", bank.toString()).out().contains("\u001b["));
    cli.env.put("NO_COLOR", "1");
    assertFalse(cli.run("show", "entropy", "--bank", bank.toString()).out().contains("\u001b"));
  }

  @Test
  void hostileBankTextNeverReachesTheTerminalRaw() throws IOException {
    Path evil = home.resolve("evil.yaml");
    Files.writeString(evil, "questions:\n  - id: evil\n    question: \"Clear \\e[2J screen \\x9b31m and bell \\a\"\n"
        + "    answer: \"DEL \\x7f here\"\n    tags: [t]\n");
    for (String format : List.of("text", "json", "markdown")) {
      var r = cli.run("show", "evil", "--bank", evil.toString(), "--format", format);
      assertEquals(0, r.code(), r.toString());
      for (char c : new char[] {0x1b, 0x9b, 0x07, 0x7f}) {
        assertEquals(-1, r.out().indexOf(c), format + " output contains raw control " + (int) c);
      }
      assertTrue(r.out().contains("screen"), r.out());
    }
    String json = cli.run("show", "evil", "--bank", evil.toString(), "--format", "json").out();
    assertTrue(json.contains("\\u001b[2J"), json);
    assertTrue(json.contains("\\u009b"), json);
    assertEquals("Clear \u001b[2J screen \u009b31m and bell \u0007",
        JsonParser.parseString(json).getAsJsonObject().get("question").getAsString());
  }

  @Test
  void usageErrorsAreExitTwoAndOneLine() {
    var r = cli.run("list", "--frobnicate");
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().startsWith("idrill list: unknown option '--frobnicate'"), r.err());
    assertTrue(r.err().contains("Try 'idrill list --help'"), r.err());
    assertEquals(2, cli.run("list", "--format", "yaml").code());
    assertEquals(2, cli.run("random", "--now", "yesterday").code());
  }

  @Test
  void eachCommandsLineInTheTopLevelHelpIsAWholeSentence() {
    String help = cli.run("--help").out();
    java.io.PrintWriter sink = new java.io.PrintWriter(new java.io.StringWriter());
    picocli.CommandLine root = Cli.build(new Context(java.util.Map.of(), java.io.InputStream.nullInputStream(), sink, sink,
        false, Path.of("."), java.time.Clock.systemUTC()), null);
    for (var e : root.getSubcommands().entrySet()) {
      if (e.getValue().getCommandSpec().usageMessage().hidden()) continue;
      String[] description = e.getValue().getCommandSpec().usageMessage().description();
      assertTrue(description.length > 0 && description[0].matches(".*[.?!)]$"),
          "idrill --help shows the first line of " + e.getKey() + "'s description, cut mid-sentence: "
              + (description.length > 0 ? description[0] : "(none)"));
      assertTrue(help.contains("  " + e.getKey() + " "), e.getKey() + " is listed:\n" + help);
    }
  }

  @Test
  void helpListsCommandsAndExitCodes() {
    var r = cli.run("--help");
    assertEquals(0, r.code());
    for (String s : List.of("list", "show", "tags", "random", "validate", "Exit codes:", "65", "74", "130")) {
      assertTrue(r.out().contains(s), "help mentions " + s + ":\n" + r.out());
    }
    assertTrue(cli.run("random", "--help").out().contains("--daily"));
    assertEquals(0, cli.run("--version").code());
  }
}
