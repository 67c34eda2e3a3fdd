package idrill.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import idrill.bank.BankLoader;
import idrill.bank.BankProblem;
import idrill.bank.LoadResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** edit and add end to end, with EDITOR set to small shell scripts that record their arguments and edit the file. */
class EditAddCommandsTest {
  @TempDir Path home;
  CliHarness cli;
  Path bank;
  Path args;

  @BeforeEach
  void setUp() throws IOException {
    cli = new CliHarness(home);
    cli.env.put("PATH", System.getenv("PATH"));
    cli.env.put("TMPDIR", home.toString());
    bank = home.resolve("small.yaml");
    Files.writeString(bank, CommandsTest.SMALL);
    args = home.resolve("args");
  }

  /** An editor script: records its arguments, one run per line, then runs body with the file as $f. */
  Path editor(String name, String body) throws IOException {
    Path script = home.resolve(name);
    Files.writeString(script, "#!/bin/sh\nprintf '%s\\n' \"$*\" >> '" + args + "'\n"
        + "for f; do :; done\n" + body + "\n");
    script.toFile().setExecutable(true);
    return script;
  }

  List<String> runs() throws IOException {
    return Files.exists(args) ? Files.readAllLines(args) : List.of();
  }

  static int lineOf(String text, String needle) {
    int at = text.indexOf(needle);
    return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
  }

  // ---- edit

  @Test
  void editOpensTheEditorAtTheQuestionsFileAndLineAndSplitsTheEditorLikeAShell() throws IOException {
    Path script = editor("my editor", "");
    cli.env.put("EDITOR", "'" + script + "' --wait \"two words\"");
    var r = cli.run("edit", "entropy", "--bank", bank.toString());
    assertEquals(0, r.code(), r.toString());
    int line = lineOf(CommandsTest.SMALL, "  - id: entropy");
    assertEquals(List.of("--wait two words +" + line + " " + bank), runs());
    assertTrue(r.err().contains("is valid"), r.err());
  }

  @Test
  void visualComesBeforeEditor() throws IOException {
    cli.env.put("EDITOR", editor("ed-a", "echo a >> '" + home.resolve("who") + "'").toString());
    cli.env.put("VISUAL", editor("ed-b", "echo b >> '" + home.resolve("who") + "'").toString());
    assertEquals(0, cli.run("edit", "dropout", "--bank", bank.toString()).code());
    assertEquals(List.of("b"), Files.readAllLines(home.resolve("who")));
  }

  @Test
  void anEditThatBreaksTheBankIsReportedAsFileLineColAndExits65WithoutATerminal() throws IOException {
    cli.env.put("EDITOR", editor("breaks", "sed -i 's/tags: \\[regularization, deep-learning\\]/tags: [Bad Tag]/' \"$f\"")
        .toString());
    var r = cli.run("edit", "dropout", "--bank", bank.toString());
    assertEquals(65, r.code(), r.toString());
    int line = lineOf(Files.readString(bank), "tags: [Bad Tag]");
    assertTrue(r.err().contains(bank + ":" + line + ":12: error: invalid tag 'Bad Tag'"), r.err());
    assertEquals(1, runs().size(), "no second try without a terminal");
  }

  @Test
  void onATerminalABrokenBankIsOpenedAgainAtTheProblem() throws IOException {
    Path count = home.resolve("count");
    // the first run breaks the tag, the second puts it right
    cli.env.put("EDITOR", editor("twice", "if [ -e '" + count + "' ]; then sed -i 's/\\[Bad Tag\\]/[fixed]/' \"$f\";"
        + " else touch '" + count + "'; sed -i 's/tags: \\[regularization, deep-learning\\]/tags: [Bad Tag]/' \"$f\"; fi")
        .toString());
    cli.terminal = true;
    cli.stdin = "y\n";
    var r = cli.run("edit", "dropout", "--bank", bank.toString());
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.err().contains("Open it again to fix it? [Y/n]"), r.err());
    int problemLine = lineOf(CommandsTest.SMALL, "tags: [regularization, deep-learning]");
    List<String> runs = runs();
    assertEquals(2, runs.size(), runs.toString());
    assertEquals("+" + problemLine + " " + bank, runs.get(1), "the second run opens at the problem");
    assertTrue(cli.run("show", "dropout", "--bank", bank.toString()).out().contains("fixed"));
  }

  @Test
  void answeringNoLeavesTheProblemReportedWithExit65() throws IOException {
    cli.env.put("EDITOR", editor("breaks", "sed -i 's/answer: Yes\\./answer: [/' \"$f\"").toString());
    cli.terminal = true;
    cli.stdin = "n\n";
    var r = cli.run("edit", "kmeans-empty", "--bank", bank.toString());
    assertEquals(65, r.code(), r.toString());
    assertEquals(1, runs().size());
    assertTrue(r.err().matches("(?s).*small\\.yaml:\\d+:\\d+: error: .*"), r.err());
  }

  @Test
  void anEditKeepingSizeAndModificationTimeIsStillReadAnewNotFromTheBankCache() throws IOException {
    assertTrue(cli.run("show", "dropout", "--bank", bank.toString()).out().contains("Randomly zeroing"));
    // same length, and the old modification time put back: the cache cannot tell the file changed by itself
    cli.env.put("EDITOR", editor("sneaky", "cp -p \"$f\" \"$f.old\"; sed -i 's/Randomly zeroing/Randomly dropped/' \"$f\";"
        + " touch -r \"$f.old\" \"$f\"; rm \"$f.old\"").toString());
    assertEquals(0, cli.run("edit", "dropout", "--bank", bank.toString()).code());
    var shown = cli.run("show", "dropout", "--bank", bank.toString());
    assertTrue(shown.out().contains("Randomly dropped"), shown.toString());
  }

  @Test
  void editingTheBundledBankExplainsHowToTakeACopyAndRunsNoEditor() throws IOException {
    cli.env.put("EDITOR", editor("never", "").toString());
    var r = cli.run("edit", "entropy"); // no config: the bundled bank
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains("idrill export --bank default --format yaml -o my-bank.yaml"), r.err());
    assertTrue(r.err().contains("banks:"), r.err());
    assertTrue(r.err().contains(home.resolve("config/idrill/config.yaml").toString()), r.err());
    assertEquals(List.of(), runs());
  }

  @Test
  void anUnknownIdIsAUsageErrorWithSuggestions() throws IOException {
    cli.env.put("EDITOR", editor("never", "").toString());
    var r = cli.run("edit", "dropot", "--bank", bank.toString());
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains("unknown question id 'dropot'") && r.err().contains("dropout"), r.err());
    assertEquals(List.of(), runs());
  }

  @Test
  void renamingTheQuestionIsValidButSaidPlainly() throws IOException {
    cli.env.put("EDITOR", editor("renames", "sed -i 's/id: dropout/id: dropout-reg/' \"$f\"").toString());
    var r = cli.run("edit", "dropout", "--bank", bank.toString());
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.err().contains("holds no question 'dropout' any more"), r.err());
  }

  @Test
  void anEditorThatCannotStartIsAnIoError() {
    cli.env.put("EDITOR", home.resolve("no-such-editor").toString());
    var r = cli.run("edit", "dropout", "--bank", bank.toString());
    assertEquals(74, r.code(), r.toString());
    assertTrue(r.err().contains("cannot start the editor"), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
  }

  @Test
  void editorWordsSplitLikeAShellWithoutExpansion() {
    assertEquals(List.of("code", "--wait"), Editor.words("code --wait"));
    assertEquals(List.of("my editor", "-a", "$HOME", "x y"), Editor.words("'my editor' -a \\$HOME \"x y\""));
    assertEquals(List.of("vim;rm", "-rf"), Editor.words("vim;rm -rf"));
  }

  // ---- add

  @Test
  void addWithQuestionAndAnswerAppendsLeavingEveryOldByteAsAPrefix() throws IOException {
    byte[] before = Files.readAllBytes(bank);
    var r = cli.run("add", "--bank", bank.toString(), "-t", "statistics", "--question", "What is a *p-value*?",
        "--answer", "The chance of data at least this extreme\nif the null hypothesis held.\n\nNot: the chance it is true.");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().startsWith("added what-is-a-p-value to "), r.out());
    byte[] after = Files.readAllBytes(bank);
    assertTrue(after.length > before.length);
    assertArrayEquals(before, Arrays.copyOf(after, before.length), "the old bytes are a prefix");
    var shown = cli.run("show", "what-is-a-p-value", "--bank", bank.toString(), "--format", "json");
    assertEquals(0, shown.code(), shown.toString());
    assertTrue(shown.out().contains("if the null hypothesis held.\\n\\nNot: the chance it is true."), shown.out());
    assertTrue(cli.run("validate", bank.toString()).code() == 0);
  }

  @Test
  void derivedIdsAreUniqueAcrossEveryLoadedBank() throws IOException {
    Path other = home.resolve("other.yaml");
    Files.writeString(other, "questions:\n  - id: what-is-bagging\n    question: Bagging?\n    answer: Bootstrap.\n"
        + "    tags: [ensembles]\n");
    Files.createDirectories(home.resolve("config/idrill"));
    Files.writeString(home.resolve("config/idrill/config.yaml"), "banks: [" + other + ", " + bank + "]\n");
    var r = cli.run("add", "--bank", bank.toString(), "-t", "ensembles", "--question", "What is bagging?",
        "--answer", "Averaging models fit on bootstrap samples.");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().startsWith("added what-is-bagging-2 "), r.out());
    var again = cli.run("add", "--bank", bank.toString(), "-t", "ensembles", "--question", "What is bagging?",
        "--answer", "Once more.");
    assertTrue(again.out().startsWith("added what-is-bagging-3 "), again.toString());
    assertTrue(again.err().matches("idrill add: note: what-is-bagging-2 at \\S+:\\d+ asks the same question\n"),
        "the same question twice is pointed out: " + again.err());
    assertEquals("", r.err(), "a new question is added without a note");
    var taken = cli.run("add", "--bank", bank.toString(), "-t", "x", "--id", "dropout", "--question", "Q?", "--answer", "A");
    assertEquals(2, taken.code(), taken.toString());
    assertTrue(taken.err().contains("the id 'dropout' is taken by"), taken.err());
    assertEquals(0, cli.run("validate").code(), "both banks still load together");
  }

  @Test
  void theDefaultBankForAddIsTheFirstConfiguredFileAndTheBundledOneNeverIs() throws IOException {
    var none = cli.run("add", "-t", "x", "--question", "Q?", "--answer", "A");
    assertEquals(2, none.code(), none.toString());
    assertTrue(none.err().contains("--bank FILE"), none.err());
    Files.createDirectories(home.resolve("config/idrill"));
    Files.writeString(home.resolve("config/idrill/config.yaml"), "banks: [default, " + bank + "]\n");
    var r = cli.run("add", "-t", "x", "--question", "Is this added to small?", "--answer", "Yes.");
    assertEquals(0, r.code(), r.toString());
    assertTrue(Files.readString(bank).contains("Is this added to small?"));
  }

  @Test
  void aDraftWrittenInTheEditorIsAppendedAndItsIdMadeFromTheQuestion() throws IOException {
    byte[] before = Files.readAllBytes(bank);
    // the template's first empty block line is the question, the second the answer
    cli.env.put("EDITOR", editor("writes", "awk 'BEGIN{n=0} /^      $/ {n++; print (n==1 ? \"      Why *shuffle* data?\" :"
        + " \"      So batches are not ordered.\"); next} {print}' \"$f\" > \"$f.new\" && mv \"$f.new\" \"$f\"").toString());
    var r = cli.run("add", "--bank", bank.toString(), "-t", "deep-learning", "-t", "training");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().startsWith("added why-shuffle-data to "), r.out());
    byte[] after = Files.readAllBytes(bank);
    assertArrayEquals(before, Arrays.copyOf(after, before.length));
    String added = new String(after, before.length, after.length - before.length, java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(added.contains("tags: [deep-learning, training]"), added);
    String run = runs().get(0);
    Matcher m = Pattern.compile("\\+(\\d+) (.*idrill-add-.*\\.yaml)").matcher(run);
    assertTrue(m.matches(), run);
    assertFalse(Files.exists(Path.of(m.group(2))), "a draft that landed is removed");
    try (var drafts = Files.list(home)) {
      assertFalse(drafts.anyMatch(p -> p.getFileName().toString().startsWith("idrill-add-")));
    }
  }

  @Test
  void aDraftWithAProblemIsKeptAndNothingLandsInTheBank() throws IOException {
    byte[] before = Files.readAllBytes(bank);
    cli.env.put("EDITOR", editor("bad", "sed -i 's/^      $/      Some text/; s/tags: \\[\\]/tags: [Bad Tag]/' \"$f\"")
        .toString());
    var r = cli.run("add", "--bank", bank.toString());
    assertEquals(65, r.code(), r.toString());
    assertArrayEquals(before, Files.readAllBytes(bank), "the bank is untouched");
    Matcher m = Pattern.compile("(\\S+idrill-add-\\d+\\.yaml):(\\d+):(\\d+): error: invalid tag 'Bad Tag'").matcher(r.err());
    assertTrue(m.find(), r.err());
    Path draft = Path.of(m.group(1));
    assertTrue(r.err().contains("the draft is kept at " + draft), r.err());
    assertTrue(Files.readString(draft).contains("Some text"), "the user's words are in the kept draft");
  }

  @Test
  void onATerminalABadDraftIsOpenedAgainAtItsProblemAndThenAdded() throws IOException {
    byte[] before = Files.readAllBytes(bank);
    Path count = home.resolve("count");
    cli.env.put("EDITOR", editor("twice", "if [ -e '" + count + "' ]; then sed -i 's/\\[Bad Tag\\]/[good-tag]/' \"$f\";"
        + " else touch '" + count + "'; sed -i 's/^      $/      Why?/; s/tags: \\[\\]/tags: [Bad Tag]/' \"$f\"; fi").toString());
    cli.terminal = true;
    cli.stdin = "\n"; // Enter takes the default: yes
    var r = cli.run("add", "--bank", bank.toString());
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().startsWith("added why "), r.out());
    List<String> runs = runs();
    assertEquals(2, runs.size(), runs.toString());
    assertTrue(runs.get(1).startsWith("+10 "), "opened again at the tag line: " + runs);
    byte[] after = Files.readAllBytes(bank);
    assertArrayEquals(before, Arrays.copyOf(after, before.length));
  }

  @Test
  void anUntouchedDraftAddsNothing() throws IOException {
    byte[] before = Files.readAllBytes(bank);
    cli.env.put("EDITOR", editor("quits", "").toString());
    var r = cli.run("add", "--bank", bank.toString());
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.err().contains("nothing added"), r.err());
    assertArrayEquals(before, Files.readAllBytes(bank));
  }

  @Test
  void aFlowListOrTextAfterTheListIsRefusedBeforeTheEditorOpens() throws IOException {
    cli.env.put("EDITOR", editor("never", "").toString());
    Path flow = home.resolve("flow.yaml");
    Files.writeString(flow, "questions: [{id: a, question: Q, answer: A, tags: [x]}]\n");
    var r = cli.run("add", "--bank", flow.toString());
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains("flow.yaml:1:12: cannot add to this bank"), r.err());
    Path ended = home.resolve("ended.yaml");
    Files.writeString(ended, "questions:\n- id: a\n  question: Q\n  answer: A\n  tags: [x]\n...\n");
    var e = cli.run("add", "--bank", ended.toString(), "-t", "x", "--question", "Q2?", "--answer", "A");
    assertEquals(2, e.code(), e.toString());
    assertTrue(e.err().contains("ended.yaml:6:1: cannot add to this bank"), e.err());
    assertEquals(List.of(), runs());
  }

  @Test
  void anEntryFollowsTheBanksIndentationAndAFileWithoutFinalNewline() throws IOException {
    Path flush = home.resolve("flush.yaml");
    String old = "questions:\n- id: a\n  question: Q\n  answer: |\n    A\n  tags: [x]";
    Files.writeString(flush, old);
    var r = cli.run("add", "--bank", flush.toString(), "-t", "x", "--question", "Two\nlines?", "--answer", "yes: no");
    assertEquals(0, r.code(), r.toString());
    String now = Files.readString(flush);
    assertTrue(now.startsWith(old));
    assertTrue(now.contains("\n- id: two-lines\n"), now);
    LoadResult loaded = new BankLoader().load(List.of(flush.toString()), home);
    assertEquals(List.of(), loaded.problems());
    assertEquals("yes: no", loaded.bank().byId("two-lines").orElseThrow().answer());
  }

  @Test
  void anAppendThatDoesNotReadBackIsCutBackToTheExactOldBytes() throws IOException {
    byte[] before = Files.readAllBytes(bank);
    BankAppend append = new BankAppend(bank, "small.yaml");
    List<BankProblem> problems = append.append("\n  - id: broken\n    question: [\n", List.of("broken"), home);
    assertFalse(problems.isEmpty());
    assertArrayEquals(before, Files.readAllBytes(bank));
  }

  @Test
  void aMissingBankFileIsCreated() throws IOException {
    Path fresh = home.resolve("fresh.yaml");
    var r = cli.run("add", "--bank", fresh.toString(), "-t", "x", "--question", "New?", "--answer", "Yes.");
    assertEquals(0, r.code(), r.toString());
    assertEquals(0, cli.run("validate", fresh.toString()).code());
  }

  // ---- the drill's edit word (line mode)

  @Test
  void theDrillsEditWordReloadsTheQuestionUnderTheSameId() throws IOException {
    cli.env.put("EDITOR", editor("answer", "sed -i 's/Randomly zeroing activations/Zeroing random units/' \"$f\"")
        .toString());
    cli.stdin = "edit\nreveal\ngrade good\n";
    var r = cli.run("drill", "--bank", bank.toString(), "-g", "dropout", "--order", "sequential",
        "--now", "2026-11-25T09:00:00Z");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("edited dropout"), r.out());
    assertTrue(r.out().contains("Zeroing random units during training."), r.out());
    assertTrue(r.out().contains("saved good for dropout"), r.out());
    assertEquals(List.of("+" + lineOf(CommandsTest.SMALL, "  - id: dropout") + " " + bank), runs());
  }

  @Test
  void theDrillKeepsTheOldTextWhenTheEditBreaksTheBank() throws IOException {
    cli.env.put("EDITOR", editor("breaks", "sed -i 's/answer: Randomly/answer: [Randomly/' \"$f\"").toString());
    cli.stdin = "edit\nreveal\nquit\n";
    var r = cli.run("drill", "--bank", bank.toString(), "-g", "dropout", "--order", "sequential");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().matches("(?s).*error: .*small\\.yaml:\\d+:\\d+: error: .*old text kept.*"), r.out());
    assertTrue(r.out().contains("Randomly zeroing activations during training."), r.out());
  }

}
