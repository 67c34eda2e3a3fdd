package idrill.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import idrill.Installed;
import idrill.Tmux;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mock interview in a real terminal: tmux runs the installed launcher on a private socket; real time passes. */
class MockTmuxIT {
  private static final Pattern LEFT = Pattern.compile("idrill mock · 1/2 · 0:0(\\d) left");

  @TempDir Path tmp;
  Tmux tmux;
  Path launcher;

  @BeforeEach
  void setUp() throws Exception {
    assumeTrue(Tmux.available(), "tmux is not installed");
    launcher = Installed.launcher();
    tmux = new Tmux();
  }

  @AfterEach
  void tearDown() {
    if (tmux != null) tmux.close();
  }

  @Test
  void theCountdownTicksAndTheAnswerIsRevealedByTimeWithPerQuestionThree() throws Exception {
    Path bank = Files.writeString(tmp.resolve("bank.yaml"), String.join("\n", "questions:",
        "  - id: alpha",
        "    question: First interview question?",
        "    answer: The **first** answer.",
        "    tags: [one]",
        "  - id: beta",
        "    question: Second interview question?",
        "    answer: The **second** answer.",
        "    tags: [two]", ""));
    Path data = tmp.resolve("data");
    tmux.start("m", 100, 30, "env XDG_CONFIG_HOME=" + tmp.resolve("config") + " IDRILL_DATA_DIR=" + data
        + " TERM=xterm-256color " + launcher + " mock --bank " + bank + " --per-question 3 --seed 1"
        + "; echo \"[exit $?]\"; sleep 60");
    String first = tmux.waitFor("m", s -> LEFT.matcher(s).find(), "the countdown");
    assertFalse(first.contains("one") || first.contains("two"), "tags hidden before reveal:\n" + first);
    int secondsLeft = seconds(first);
    String ticked = tmux.waitFor("m", s -> LEFT.matcher(s).find() && seconds(s) < secondsLeft, "the countdown to tick");
    assertTrue(seconds(ticked) < secondsLeft, ticked);
    String revealed = tmux.waitFor("m", s -> s.contains("used 0:03 of 0:03 · time"), "the auto-reveal");
    assertTrue(revealed.contains("answer.") && (revealed.contains("alpha · one") || revealed.contains("beta · two")),
        "the answer and its tags once time is up:\n" + revealed);
    tmux.keys("m", "3");
    tmux.waitFor("m", "idrill mock · 2/2");
    tmux.keys("m", "q");
    String end = tmux.waitFor("m", s -> s.contains("[exit "), "the report");
    assertTrue(end.contains("[exit 0]"), end);
    assertTrue(end.contains("Mock interview report") && end.contains("revealed by time"), end);
    List<String> log = Files.readAllLines(Installed.machineLog(data));
    assertEquals(2, log.size(), log.toString());
    assertTrue(log.get(1).matches(".*\t(alpha|beta)\tgood\t\\d+"), log.get(1));
  }

  @Test
  void sigtermEndsTheInterviewWithTheReportAndLeavesTheTerminalCooked() throws Exception {
    Path bank = Files.writeString(tmp.resolve("bank.yaml"), String.join("\n", "questions:",
        "  - id: alpha", "    question: First interview question?", "    answer: First.", "    tags: [one]",
        "  - id: beta", "    question: Second interview question?", "    answer: Second.", "    tags: [two]", ""));
    Path data = tmp.resolve("data");
    tmux.start("t", 100, 30, "env XDG_CONFIG_HOME=" + tmp.resolve("config") + " IDRILL_DATA_DIR=" + data
        + " TERM=xterm-256color " + launcher + " mock --bank " + bank + " --per-question 60"
        + "; echo \"[exit $?]\"; stty -a | tr ' ' '\\n' | grep -x -e icanon -e echo; sleep 60");
    tmux.waitFor("t", "idrill mock · 1/2");
    tmux.keys("t", "Space");
    tmux.waitFor("t", "used 0:");
    tmux.keys("t", "3");
    tmux.waitFor("t", "idrill mock · 2/2");
    // the launcher execs java: the shell's child is the JVM
    Process p = new ProcessBuilder("pgrep", "-P", String.valueOf(tmux.panePid("t"))).start();
    String pid = new String(p.getInputStream().readAllBytes()).trim();
    p.waitFor();
    assertTrue(pid.matches("\\d+"), "one child: " + pid);
    new ProcessBuilder("kill", "-TERM", pid).start().waitFor();
    String end = tmux.waitFor("t", s -> s.contains("[exit ") && s.contains("echo"), "the report after SIGTERM");
    assertTrue(end.contains("Mock interview report") && end.contains("2 questions · 1 graded"), end);
    assertTrue(end.contains("[exit 143]"), end);
    assertTrue(end.contains("icanon") && end.lines().anyMatch(l -> l.equals("echo")), "cooked mode again:\n" + end);
    assertEquals(2, Files.readAllLines(Installed.machineLog(data)).size());
  }

  private static int seconds(String screen) {
    Matcher m = LEFT.matcher(screen);
    return m.find() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
  }

  /** The drill and the mock write this machine's reviews-MACHINE.tsv. */
}
