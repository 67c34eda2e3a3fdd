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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM and SIGHUP end the full-screen drill as q does; a $TERM without terminfo gets the line mode. */
class DrillSignalTmuxIT {
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

  private String command(String term) throws IOException {
    StringBuilder sb = new StringBuilder("questions:\n");
    for (int i = 1; i <= 3; i++) {
      sb.append("  - id: q").append(i).append("\n    question: Question number ").append(i).append("?\n")
          .append("    answer: The answer to number ").append(i).append(".\n    tags: [t]\n");
    }
    Path bank = Files.writeString(tmp.resolve("bank.yaml"), sb.toString());
    // after the drill: its exit status, then whether the tty is back in cooked mode
    return "env XDG_CONFIG_HOME=" + tmp.resolve("config") + " XDG_CACHE_HOME=" + tmp.resolve("cache")
        + " IDRILL_DATA_DIR=" + data + " TERM=" + term + " " + launcher + " drill --bank " + bank
        + " --order sequential; echo \"[exit $?]\"; stty -a | tr ' ' '\\n' | grep -x -e icanon -e echo; sleep 60";
  }

  /** The drill's JVM: the pane runs a shell, whose child the launcher exec'd into java. */
  private long drillPid() {
    long shell = tmux.panePid("s");
    return ProcessHandle.of(shell).orElseThrow().children()
        .filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
        .findFirst().orElseThrow().pid();
  }

  private void signal(String name) throws Exception {
    assertEquals(0, new ProcessBuilder("kill", "-" + name, String.valueOf(drillPid())).start().waitFor());
  }

  private String restoredScreen() {
    String screen = tmux.waitFor("s", s -> s.contains("[exit ") && s.lines().anyMatch(l -> l.equals("echo")),
        "the drill to exit and stty to report");
    assertEquals("0", tmux.tmux("display-message", "-p", "-t", "s", "#{alternate_on}").trim(), "alternate screen left");
    assertEquals("1", tmux.tmux("display-message", "-p", "-t", "s", "#{cursor_flag}").trim(), "cursor shown");
    assertTrue(screen.contains("icanon"), "cooked mode restored:\n" + screen);
    return screen;
  }

  @Test
  void sigtermAfterOneGradeRestoresTheTerminalPrintsTheSummaryAndExits143() throws Exception {
    tmux.start("s", 100, 30, command("xterm-256color"));
    tmux.waitFor("s", "Question number 1?");
    tmux.keys("s", "Space");
    tmux.waitFor("s", "answer to number 1");
    tmux.keys("s", "3");
    tmux.waitFor("s", "Question number 2?");
    signal("TERM");
    String screen = restoredScreen();
    assertTrue(screen.contains("[exit 143]"), screen);
    assertTrue(screen.contains("terminated — every grade given was saved") && screen.contains("1 graded"), screen);
    assertFalse(screen.contains("Question number 2?"), "the drill's screen is gone:\n" + screen);
    List<String> log = Files.readAllLines(machineLog());
    assertEquals(2, log.size(), String.join("\n", log));
    assertTrue(log.get(1).contains("\tq1\tgood\t"), log.get(1));
  }

  @Test
  void sigintFromOutsideEndsTheDrillAsCtrlCDoesAndExits130() throws Exception {
    tmux.start("s", 100, 30, command("xterm-256color"));
    tmux.waitFor("s", "Question number 1?");
    signal("INT");
    String screen = restoredScreen();
    assertTrue(screen.contains("[exit 130]"), screen);
    assertTrue(screen.contains("interrupted — every grade given was saved") && screen.contains("0 graded"), screen);
  }

  @Test
  void sighupWhileTheCommandLineIsOpenRestoresTheTerminalAndExits129() throws Exception {
    tmux.start("s", 100, 30, command("xterm-256color"));
    tmux.waitFor("s", "Question number 1?");
    tmux.keys("s", ":");
    tmux.type("s", "gra");
    tmux.waitFor("s", ":gra");
    signal("HUP");
    String screen = restoredScreen();
    assertTrue(screen.contains("[exit 129]"), screen);
    assertTrue(screen.contains("hung up — every grade given was saved") && screen.contains("0 graded"), screen);
  }

  @Test
  void aTermWithoutTerminfoDrillsLineByLineAfterOnePlainWarning() throws Exception {
    tmux.start("s", 100, 30, command("nonexistent-term"));
    String screen = tmux.waitFor("s", "Question number 1?");
    assertTrue(screen.contains("idrill drill: no terminal description for TERM 'nonexistent-term' (terminfo);"
        + " drilling line by line"), screen);
    tmux.type("s", "quit");
    tmux.keys("s", "Enter");
    screen = tmux.waitFor("s", "[exit ");
    assertTrue(screen.contains("[exit 0]"), screen);
    assertFalse(screen.contains("java.") || screen.contains("Exception") || screen.contains("\tat "),
        "no stack trace:\n" + screen);
  }

  /** The drill writes this machine's reviews-MACHINE.tsv. */
  Path machineLog() throws IOException {
    return Installed.machineLog(data);
  }
}
