package idrill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mock interview and typed answers end to end, through the line mode. */
class MockCommandTest {
  static final String BANK = String.join("\n",
      "questions:",
      "  - id: backprop",
      "    question: How does backpropagation work?",
      "    answer: The **chain rule** gives the gradient of the loss for every weight.",
      "    tags: [deep-learning]",
      "    difficulty: medium",
      "    keywords: [chain rule, 'gradient|derivative', weights, learning rate]",
      "  - id: pca",
      "    question: What is PCA for?",
      "    answer: Reducing dimensions along the directions of most **variance**.",
      "    tags: [statistics]",
      "  - id: kmeans",
      "    question: Does k-means converge?",
      "    answer: Yes, to a local optimum.",
      "    tags: [clustering]",
      "");

  @TempDir Path home;
  CliHarness cli;
  Path bank;
  Path data;

  @BeforeEach
  void setUp() throws IOException {
    cli = new CliHarness(home);
    bank = Files.writeString(home.resolve("bank.yaml"), BANK);
    data = home.resolve("data/idrill");
    // this machine's name, so the test knows the files it writes: reviews-box.tsv, answers-box.tsv
    Files.createDirectories(home.resolve("config/idrill"));
    Files.writeString(home.resolve("config/idrill/config.yaml"), "machine: box\n");
  }

  CliHarness.Result mock(String stdin, String... args) {
    cli.stdin = stdin;
    List<String> all = new java.util.ArrayList<>(List.of("mock", "--bank", bank.toString()));
    all.addAll(List.of(args));
    return cli.run(all.toArray(new String[0]));
  }

  List<String> reviews() throws IOException {
    return Files.readAllLines(data.resolve("reviews-box.tsv"));
  }

  @Test
  void aTypedMockInterviewInTheLineModeSavesTheAnswerAndTheGradeAndEndsWithTheReport() throws IOException {
    var r = mock("answer It uses the chain rule\\nto get derivatives of the weights.\nreveal\ngrade good\n",
        "-t", "deep-learning", "--type", "--per-question", "90");
    assertEquals(0, r.code(), r.toString());
    String out = r.out();
    assertTrue(out.startsWith("[1/1] 1:30 to answer\nHow does backpropagation work?\n"), out);
    assertFalse(out.substring(0, out.indexOf("--- answer ---")).contains("deep-learning"), "tags hidden until reveal");
    assertTrue(out.contains("answer noted (2 lines); reveal when ready"), out);
    assertTrue(out.contains("--- your answer ---\n> It uses the chain rule\n> to get derivatives of the weights.\n--- answer ---"), out);
    assertTrue(out.contains("backprop · deep-learning · medium"), out);
    assertTrue(out.contains("covered 3/4: chain rule, derivative, weights · missed: learning rate"), out);
    assertTrue(out.contains("suggested grade: 3 good (you decide)"), out);
    assertTrue(out.contains("saved good for backprop"), out);
    assertTrue(out.contains("Mock interview report\n  1 question · 1 graded · 0 skipped · 0:00 used of 1:30 · key terms 3/4"), out);
    assertTrue(out.contains("  1  backprop  0:00 / 1:30"), out);
    assertTrue(out.contains("Predicted recall of this filter today: "), out);

    List<String> log = reviews();
    assertEquals(2, log.size(), log.toString());
    assertEquals("2026-11-25T09:00:00.000Z\tbackprop\tgood\t0", log.get(1));
    assertEquals(List.of("time\tid\tms\tanswer",
        "2026-11-25T09:00:00.000Z\tbackprop\t0\tIt uses the chain rule\\nto get derivatives of the weights."),
        Files.readAllLines(data.resolve("answers-box.tsv")));

    var show = cli.run("show", "backprop", "--bank", bank.toString());
    assertTrue(show.out().contains("Your answers\n  2026-11-25 09:00    0.0 s  covered 3/4: chain rule, derivative, weights"
        + " · missed: learning rate\n    > It uses the chain rule\n    > to get derivatives of the weights."), show.out());
    JsonObject json = JsonParser.parseString(cli.run("show", "backprop", "--bank", bank.toString(), "--format", "json").out())
        .getAsJsonObject();
    JsonObject answer = json.getAsJsonArray("answers").get(0).getAsJsonObject();
    assertEquals("It uses the chain rule\nto get derivatives of the weights.", answer.get("text").getAsString());
    assertEquals("learning rate", answer.getAsJsonArray("missed").get(0).getAsString());
    assertEquals("chain rule", json.getAsJsonArray("keywords").get(0).getAsString());
  }

  @Test
  void theReportAsJsonHasEveryQuestionTheTagsAndTheRecall() {
    var r = mock("reveal\n1\nreveal\n4\nn\n", "--seed", "7", "--format", "json", "--minutes", "6");
    assertEquals(0, r.code(), r.toString());
    String json = r.out().substring(r.out().indexOf("\n{") + 1);
    JsonObject o = JsonParser.parseString(json).getAsJsonObject();
    assertEquals(3, o.get("questions").getAsInt());
    assertEquals(2, o.get("graded").getAsInt());
    assertEquals(1, o.get("skipped").getAsInt());
    assertEquals(360.0, o.get("budget_s").getAsDouble(), "six minutes split over three questions");
    assertEquals(120.0, o.getAsJsonArray("items").get(0).getAsJsonObject().get("budget_s").getAsDouble());
    assertEquals("again", o.getAsJsonArray("items").get(0).getAsJsonObject().get("grade").getAsString());
    assertEquals(2, o.getAsJsonArray("tags").size());
    assertEquals(1.0, o.getAsJsonArray("tags").get(0).getAsJsonObject().get("mean_rating").getAsDouble(), "weakest first");
    assertEquals(3, o.get("questions_in_filter").getAsInt());
    assertTrue(o.get("recall_today").getAsDouble() > 0, json);
  }

  @Test
  void theSameSeedAsksTheSameQuestionsInTheSameOrder() {
    String first = mock("n\nn\nn\n", "--seed", "3").out();
    String again = mock("n\nn\nn\n", "--seed", "3").out();
    assertEquals(first.lines().filter(l -> l.startsWith("skipped")).toList(),
        again.lines().filter(l -> l.startsWith("skipped")).toList());
    assertEquals(3, first.lines().filter(l -> l.startsWith("skipped")).count(), first);
  }

  @Test
  void quitEndsEarlyWithTheReportOfWhatWasAsked() {
    var r = mock("reveal\ngrade hard\nquit\n", "-n", "3", "--seed", "1");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("2 questions · 1 graded · 0 skipped"), r.out());
  }

  @Test
  void undoWithdrawsTheGradeAndAsksForItAgain() throws IOException {
    var r = mock("reveal\n2\nu\n3\n", "-t", "deep-learning", "-t", "statistics");
    assertEquals(0, r.code(), r.toString());
    List<String> events = reviews().subList(1, reviews().size());
    String first = events.get(0).split("\t")[1];
    assertTrue(r.out().contains("undid the last grade of " + first + ": grade it again"), r.out());
    assertEquals(List.of(first + " hard", first + " undo", first + " good"),
        events.stream().map(l -> l.split("\t")[1] + " " + l.split("\t")[2]).toList());
  }

  @Test
  void theReportFileIsWrittenAsMarkdownAndMayReplaceAnOldReport() throws IOException {
    Path file = Files.writeString(home.resolve("mock.md"), "an old report");
    var r = mock("reveal\n3\n", "-t", "statistics", "--report", file.toString());
    assertEquals(0, r.code(), r.toString());
    String md = Files.readString(file);
    assertTrue(md.startsWith("# Mock interview report\n"), md);
    assertTrue(md.contains("| 1 | `pca` |"), md);
    assertTrue(r.out().contains("report written to " + file), r.out());
  }

  @Test
  void aReportOverTheReviewLogOrOntoADirectoryIsRefusedBeforeTheInterview() throws IOException {
    mock("reveal\n3\n", "-t", "statistics");
    byte[] log = Files.readAllBytes(data.resolve("reviews-box.tsv"));
    var r = mock("reveal\n3\n", "--report", data.resolve("reviews-box.tsv").toString());
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains("is the review log; idrill never writes over it"), r.err());
    assertEquals("", r.out(), "no question was asked");
    assertEquals(new String(log), new String(Files.readAllBytes(data.resolve("reviews-box.tsv"))));
    var dir = mock("", "--report", home.toString());
    assertEquals(74, dir.code(), dir.toString());
    assertTrue(dir.err().contains("Is a directory"), dir.err());
    var nowhere = mock("", "--report", home.resolve("no/such/dir/r.md").toString());
    assertEquals(74, nowhere.code(), nowhere.toString());
    assertFalse(Files.exists(home.resolve("no")), "a missing directory is not created");
    Path yaml = Files.writeString(home.resolve("other.yaml"), "questions: []");
    assertEquals(2, mock("", "--report", yaml.toString()).code());
  }

  @Test
  void badOptionsAreUsageErrors() {
    var both = mock("", "--minutes", "10", "--per-question", "60");
    assertEquals(2, both.code());
    assertEquals("idrill mock: --minutes and --per-question exclude each other\n", both.err());
    assertEquals(2, mock("", "-n", "0").code());
    assertEquals(2, mock("", "--per-question", "0").code());
    assertEquals(3, mock("", "-g", "no such thing").code());
  }

  @Test
  void answerWithoutTypeIsRefusedPolitely() {
    var r = mock("answer something\nq\n", "-t", "clustering");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("error: answers are typed only with --type"), r.out());
  }

  @Test
  void drillTypeInTheLineModeShowsTheAnswerAboveTheModelAndItsCoverage() throws IOException {
    cli.stdin = "answer the chain rule, gradients\nreveal\ngrade good\n";
    var r = cli.run("drill", "--bank", bank.toString(), "-t", "deep-learning", "--type", "--order", "sequential");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("--- your answer ---\n> the chain rule, gradients\n--- answer ---"), r.out());
    assertTrue(r.out().contains("covered 2/4: chain rule, gradient · missed: weights, learning rate"), r.out());
    assertEquals(2, Files.readAllLines(data.resolve("answers-box.tsv")).size());
  }

  @Test
  void mockIsInTheHelpAndTheCompletion() {
    assertTrue(cli.run("--help").out().contains("mock"));
    assertTrue(cli.run("completion", "bash").out().contains("--per-question"));
  }
}
