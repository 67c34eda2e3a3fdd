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

/** The drill's screen and keys in a real terminal: footer intervals, header counts, the : line, paging, Ctrl-Z. */
class KeysTmuxIT {
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

  Path bank(int n, int answerLines) throws IOException {
    StringBuilder sb = new StringBuilder("questions:\n");
    for (int i = 1; i <= n; i++) {
      sb.append("  - id: q").append(i).append("\n    question: Question number ").append(i).append("?\n")
          .append("    tags: [misc]\n    answer: |\n");
      for (int l = 1; l <= answerLines; l++) sb.append("      Line ").append(l).append(" of answer ").append(i).append(".\n\n");
    }
    Path bank = tmp.resolve("bank.yaml");
    Files.writeString(bank, sb.toString());
    return bank;
  }

  String command(Path bank) {
    return "env XDG_CONFIG_HOME=" + tmp.resolve("config") + " IDRILL_DATA_DIR=" + tmp.resolve("data")
        + " TERM=xterm-256color " + launcher + " drill --bank " + bank + " --order sequential";
  }

  String row(String screen, int r) {
    List<String> rows = screen.lines().toList();
    return r < rows.size() ? rows.get(r) : "";
  }

  @Test
  void theFooterShowsEachGradesIntervalAndTheHeaderCountsByKind() throws Exception {
    tmux.start("s", 120, 24, command(bank(3, 1)) + "; sleep 60");
    String screen = tmux.waitFor("s", "Question number 1?");
    assertTrue(row(screen, 0).startsWith("idrill · 3 new · 0 learning · 0 review"), row(screen, 0));
    tmux.keys("s", "Space");
    screen = tmux.waitFor("s", "Line 1 of answer 1.");
    assertTrue(row(screen, 23).startsWith("1 again 1m · 2 hard 6m · 3 good 10m · 4 easy "), row(screen, 23));
    tmux.keys("s", "1");
    screen = tmux.waitFor("s", "Question number 2?");
    assertTrue(row(screen, 0).startsWith("idrill · 2 new · 1 learning · 0 review"), "again moves it to learning: "
        + row(screen, 0));
    tmux.keys("s", "q");
  }

  @Test
  void escLeavesTheCommandLineAndTheDrillGoesOn() throws Exception {
    tmux.start("s", 100, 24, command(bank(2, 1)) + "; echo \"[exit $?]\"; sleep 60");
    tmux.waitFor("s", "Question number 1?");
    tmux.type("s", ":grade eas");
    tmux.waitFor("s", s -> row(s, 23).startsWith(":grade eas"), "the command line");
    tmux.keys("s", "Escape");
    String screen = tmux.waitFor("s", s -> row(s, 23).startsWith("space reveal"), "the footer back after Esc");
    assertEquals("Question number 1?", row(screen, 2));
    tmux.keys("s", "Space");
    tmux.waitFor("s", "Line 1 of answer 1.");
    tmux.type("s", ":gade");
    tmux.keys("s", "Enter");
    screen = tmux.waitFor("s", "did you mean 'grade'?");
    tmux.keys("s", "q");
    screen = tmux.waitFor("s", s -> s.contains("[exit "), "the drill to exit");
    assertTrue(screen.contains("[exit 0]"), screen);
  }

  @Test
  void pagingALongAnswerKeepsTheQuestionPinnedAndSaysWhereYouAre() throws Exception {
    tmux.start("s", 100, 24, command(bank(1, 30)) + "; sleep 60");
    tmux.waitFor("s", "Question number 1?");
    tmux.keys("s", "Space");
    tmux.waitFor("s", "Line 1 of answer 1.");
    tmux.keys("s", "G");
    String screen = tmux.waitFor("s", "Line 30 of answer 1.");
    assertEquals("Question number 1?", row(screen, 2), "pinned:\n" + screen);
    assertTrue(row(screen, 3).startsWith("───"), screen);
    assertFalse(screen.contains("Line 1 of answer 1."), "scrolled:\n" + screen);
    assertTrue(row(screen, 22).matches(".*lines \\d+–(\\d+) of \\1\\s*"), row(screen, 22));
    tmux.keys("s", "q");
  }

  @Test
  void aResizedWindowIsPaintedAgainAtItsNewWidth() throws Exception {
    Path bank = tmp.resolve("long.yaml");
    Files.writeString(bank, "questions:\n  - id: long\n    question: Which seven words follow here, said"
        + " once, then twice, then thrice?\n    answer: These.\n    tags: [t]\n");
    tmux.start("s", 100, 24, command(bank) + "; sleep 60");
    String screen = tmux.waitFor("s", "then twice, then thrice?");
    assertEquals("Which seven words follow here, said once, then twice, then thrice?", row(screen, 2).strip());
    // SIGWINCH reaches the drill, which lays the screen out again for 40 columns
    tmux.tmux("resize-window", "-t", "s", "-x", "40", "-y", "24");
    screen = tmux.waitFor("s", s -> row(s, 2).strip().equals("Which seven words follow here, said")
        && row(s, 3).strip().equals("once, then twice, then thrice?"), "the question wrapped at 40 columns");
    assertTrue(row(screen, 23).startsWith("space reveal"), row(screen, 23));
    tmux.tmux("resize-window", "-t", "s", "-x", "100", "-y", "24");
    tmux.waitFor("s", s -> row(s, 2).strip().equals("Which seven words follow here, said once, then twice, then thrice?"),
        "the question on one row again at 100 columns");
    tmux.keys("s", "q");
  }

  @Test
  void ctrlZSuspendsLikeAnyTerminalProgramAndFgBringsTheScreenBack() throws Exception {
    // an interactive shell in the pane, so that job control (Ctrl-Z, fg) works as for a user
    tmux.start("s", 100, 24, "env PS1='$ ' bash --norc --noprofile -i");
    tmux.waitFor("s", "$");
    tmux.type("s", command(bank(2, 1)));
    tmux.keys("s", "Enter");
    tmux.waitFor("s", "Question number 1?");
    tmux.keys("s", "C-z");
    String screen = tmux.waitFor("s", s -> s.contains("Stopped"), "the shell to report the stopped job");
    assertFalse(screen.contains("space reveal"), "the normal screen is back:\n" + screen);
    tmux.type("s", "stty -a | tr ' ' '\\n' | grep -x icanon; fg");
    tmux.keys("s", "Enter");
    screen = tmux.waitFor("s", s -> row(s, 2).equals("Question number 1?") && row(s, 23).startsWith("space reveal"),
        "the drill painted anew after fg");
    tmux.keys("s", "Space");
    tmux.waitFor("s", "Line 1 of answer 1.");
    tmux.keys("s", "3");
    tmux.waitFor("s", "Question number 2?");
    tmux.keys("s", "q");
    screen = tmux.waitFor("s", s -> s.contains("Session summary") || s.contains("graded"), "the summary");
    assertTrue(screen.contains("icanon"), "cooked mode while stopped:\n" + screen);
    assertTrue(screen.contains("1 graded"), screen);
  }
}
