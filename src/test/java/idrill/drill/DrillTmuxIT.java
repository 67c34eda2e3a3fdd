package idrill.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import idrill.Installed;
import idrill.Tmux;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The drill in a real terminal: tmux runs the installed launcher, the test types keys and reads the screen. */
class DrillTmuxIT {
  static final Pattern LOG_LINE =
      Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z\t[a-z0-9-]+\t(again|hard|good|easy|undo)\t\\d+"
          + "(\t\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z)?"); // an undo names its grade

  // Appended to a pane's command so the pane stays alive after it: a dead pane's "Pane is dead" line can scroll the
  // top line off the screen before the test reads it.
  static final String STAY = "; sleep 60";

  @TempDir Path tmp;
  Tmux tmux;
  Path launcher;
  Path data;

  @BeforeEach
  void setUp() throws Exception {
    assumeTrue(Tmux.available(), "tmux is not installed");
    launcher = Installed.launcher();
    tmux = new Tmux();
    data = tmp.resolve("data");
  }

  @AfterEach
  void tearDown() {
    if (tmux != null) tmux.close();
  }

  Path bank(int n) throws IOException {
    StringBuilder sb = new StringBuilder("questions:\n");
    for (int i = 1; i <= n; i++) {
      sb.append("  - id: q").append(i).append("\n    question: Question number ").append(i).append("?\n")
          .append("    answer: The **answer** to number ").append(i).append(".\n")
          .append("    tags: [").append(i % 2 == 0 ? "even" : "odd").append("]\n");
    }
    Path bank = tmp.resolve("bank" + n + ".yaml");
    Files.writeString(bank, sb.toString());
    return bank;
  }

  String command(Path bank, String env, String args) {
    return "env XDG_CONFIG_HOME=" + tmp.resolve("config") + " IDRILL_DATA_DIR=" + data + " TERM=xterm-256color "
        + env + " " + launcher + " drill --bank " + bank + " --order sequential " + args;
  }

  List<String> logLines() throws IOException {
    return Files.readAllLines(machineLog());
  }

  long machineLogs() throws IOException {
    try (var files = Files.list(data)) {
      return files.filter(p -> p.getFileName().toString().startsWith("reviews")).count();
    }
  }

  /** The drill writes this machine's reviews-MACHINE.tsv (named after the host here). */
  Path machineLog() throws IOException {
    return Installed.machineLog(data);
  }

  @Test
  void threeQuestionSessionWithRevealGradeUndoAndQuit() throws Exception {
    // the shell reports the exit status on the screen once the drill is gone
    tmux.start("s", 100, 30, command(bank(3), "", "") + "; echo \"[exit $?]\"" + STAY);
    String screen = tmux.waitFor("s", "Question number 1?");
    assertTrue(screen.contains("idrill · 3 new · 0 learning · 0 review"), screen);
    assertFalse(screen.contains("answer to number 1"), "answer hidden before reveal:\n" + screen);

    tmux.keys("s", "Space");
    screen = tmux.waitFor("s", "answer to number 1");
    assertTrue(screen.contains("1 again 1m · 2 hard 6m · 3 good 10m · 4 easy "), "each grade's interval:\n" + screen);
    tmux.keys("s", "3");
    screen = tmux.waitFor("s", "Question number 2?");
    assertTrue(screen.contains("idrill · 2 new · 0 learning · 0 review"), screen);
    tmux.keys("s", "Space");
    tmux.waitFor("s", "answer to number 2");
    tmux.keys("s", "2");
    screen = tmux.waitFor("s", "Question number 3?");
    tmux.keys("s", "u");
    screen = tmux.waitFor("s", s -> s.contains("Question number 2?") && !s.contains("answer to number 2"),
        "question 2 shown again after undo");
    tmux.keys("s", "Space");
    tmux.waitFor("s", "answer to number 2");
    tmux.keys("s", "4");
    tmux.waitFor("s", "Question number 3?");
    tmux.keys("s", "q");
    screen = tmux.waitFor("s", s -> s.contains("[exit "), "the drill to exit");
    assertTrue(screen.contains("[exit 0]"), screen);
    assertTrue(screen.contains("good") && screen.contains("easy"), "summary on the normal screen:\n" + screen);

    List<String> log = logLines();
    assertEquals("time\tid\tgrade\tms", log.get(0));
    assertEquals(List.of("q1\tgood", "q2\thard", "q2\tundo", "q2\teasy"),
        log.subList(1, log.size()).stream().map(l -> l.split("\t")[1] + "\t" + l.split("\t")[2]).toList());
    for (String line : log.subList(1, log.size())) assertTrue(LOG_LINE.matcher(line).matches(), line);
  }

  void ctrlCOnTheSecondQuestionEndsWithTheFirstGradeSaved() throws IOException {
    tmux.waitFor("s", "Question number 2?");
    tmux.keys("s", "C-c");
    String screen = tmux.waitFor("s", s -> s.contains("[exit "), "the drill to exit");
    assertTrue(screen.contains("[exit 130]"), screen);
    assertTrue(screen.contains("interrupted — every grade given was saved") && screen.contains("1 graded"), screen);
    assertEquals(2, logLines().size(), "the grade given is on disk");
  }

  @Test
  void ctrlCAfterOneGradePrintsTheSummaryAndExits130() throws Exception {
    tmux.start("s", 100, 30, command(bank(3), "", "") + "; echo \"[exit $?]\"" + STAY);
    tmux.waitFor("s", "Question number 1?");
    tmux.keys("s", "Space", "3");
    ctrlCOnTheSecondQuestionEndsWithTheFirstGradeSaved();
  }

  @Test
  void ctrlCInTheLineModeOfADumbTerminalPrintsTheSummaryAndExits130() throws Exception {
    tmux.start("s", 100, 30, command(bank(3), "TERM=dumb", "") + "; echo \"[exit $?]\"" + STAY);
    tmux.waitFor("s", "Question number 1?");
    tmux.type("s", "reveal");
    tmux.keys("s", "Enter");
    tmux.waitFor("s", "answer to number 1");
    tmux.type("s", "grade good");
    tmux.keys("s", "Enter");
    ctrlCOnTheSecondQuestionEndsWithTheFirstGradeSaved();
  }

  @Test
  void aDrillThatEndsBeforeItsFirstQuestionLeavesTheTerminalAsItWas() throws Exception {
    // the terminal is built on a second thread from the start; these runs never take it, and must close it untouched
    Path file = Files.writeString(tmp.resolve("a-file"), "x");
    tmux.start("s", 100, 30, command(bank(3), "", "--data-dir " + file.resolve("x")) + "; echo \"[exit $?]\"; "
        + command(bank(3), "", "-t no-such-tag") + "; echo \"[exit $?]\"; "
        + "stty -a | tr ' ' '\\n' | grep -x -e icanon -e echo" + STAY);
    String screen = tmux.waitFor("s", s -> s.split("\\[exit ", -1).length == 3 && s.contains("echo"), "both runs to end");
    String joined = screen.replace("\n", ""); // long temporary paths wrap at 100 columns
    assertTrue(joined.contains("a-file/x: Not a directory") && screen.contains("[exit 74]"), screen);
    assertTrue(joined.contains("unknown tag 'no-such-tag'") && screen.contains("[exit 2]"), screen);
    assertTrue(screen.contains("icanon") && screen.lines().anyMatch(l -> l.equals("echo")), "cooked mode kept:\n" + screen);
    assertFalse(Files.exists(data) && machineLogs() > 0, "nothing written");
  }

  @Test
  void noColorShowsNoColourEscapes() throws Exception {
    tmux.start("s", 100, 30, command(bank(3), "NO_COLOR=1", ""));
    tmux.waitFor("s", "Question number 1?");
    tmux.keys("s", "Space");
    tmux.waitFor("s", "answer to number 1");
    String escaped = tmux.screenWithEscapes("s");
    assertFalse(escaped.contains("\u001b["), "escape codes with NO_COLOR:\n" + escaped.replace("\u001b", "ESC"));
    tmux.keys("s", "q");
  }

  @Test
  void colourIsOnInATerminalWithoutNoColor() throws Exception {
    tmux.start("s", 100, 30, command(bank(3), "", ""));
    tmux.waitFor("s", "Question number 1?");
    tmux.keys("s", "Space");
    tmux.waitFor("s", "answer to number 1");
    assertTrue(tmux.screenWithEscapes("s").contains("\u001b["), "bold answer is styled");
    tmux.keys("s", "q");
  }

  @Test
  void killMinusNineAfterTwoGradesLeavesExactlyTwoWellFormedLines() throws Exception {
    tmux.start("s", 100, 30, "exec " + command(bank(3), "", ""));
    tmux.waitFor("s", "Question number 1?");
    tmux.keys("s", "Space", "3");
    tmux.waitFor("s", "Question number 2?");
    tmux.keys("s", "Space", "1");
    tmux.waitFor("s", "Question number 3?");
    long pid = tmux.panePid("s");
    new ProcessBuilder("kill", "-9", String.valueOf(pid)).start().waitFor();
    tmux.waitFor("s", s -> tmux.paneDead("s"), "the JVM to die");
    List<String> log = logLines();
    assertEquals(3, log.size(), String.join("\n", log));
    assertTrue(LOG_LINE.matcher(log.get(1)).matches() && log.get(1).contains("\tq1\tgood\t"), log.get(1));
    assertTrue(LOG_LINE.matcher(log.get(2)).matches() && log.get(2).contains("\tq2\tagain\t"), log.get(2));
    assertTrue(Files.readString(machineLog()).endsWith("\n"));
  }

  @Test
  void twoConcurrentSessionsOfFiftyGradesLeaveAHundredLines() throws Exception {
    Path bank = bank(50);
    tmux.start("a", 100, 30, command(bank, "", ""));
    tmux.start("b", 100, 30, command(bank, "", ""));
    tmux.waitFor("a", "Question number 1?");
    tmux.waitFor("b", "Question number 1?");
    for (int i = 1; i <= 50; i++) {
      for (String s : List.of("a", "b")) {
        tmux.keys(s, "Space");
        tmux.keys(s, "3");
      }
    }
    for (String s : List.of("a", "b")) {
      tmux.waitFor(s, "All questions done.");
      tmux.keys(s, "q");
      tmux.waitFor(s, x -> tmux.paneDead(s), "session " + s + " to finish");
    }
    List<String> log = logLines();
    assertEquals(101, log.size());
    assertEquals(100, log.stream().skip(1).filter(l -> LOG_LINE.matcher(l).matches()).count());
  }

  @Test
  void aCodeLineWiderThanAFortyColumnTerminalFoldsAndStaysWhole() throws Exception {
    String code = "total = sum(weight * value for weight, value in zip(weights, values_from_the_database))";
    Path bank = tmp.resolve("wide.yaml");
    Files.writeString(bank, "questions:\n  - id: wide\n    question: What does this compute?\n    answer: |\n"
        + "      A weighted sum:\n\n      ```python\n      " + code + "\n      ```\n    tags: [python]\n");
    tmux.start("w", 40, 20, command(bank, "NO_COLOR=1", "") + STAY);
    tmux.waitFor("w", "What does this compute?");
    tmux.keys("w", "Space");
    String screen = tmux.waitFor("w", "A weighted sum:");
    assertFalse(screen.contains("…"), "nothing is cut:\n" + screen);
    assertTrue(screen.contains("↪"), "continuations are marked:\n" + screen);
    String joined = screen.lines().map(l -> l.strip().replace("↪ ", "")).reduce("", (a, b) -> a + " " + b);
    assertTrue(joined.replace(" ", "").contains(code.replace(" ", "")), "every character is on screen:\n" + screen);
    tmux.keys("w", "q");
  }
}
