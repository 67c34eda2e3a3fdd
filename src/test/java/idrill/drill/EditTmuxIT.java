package idrill.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import idrill.Installed;
import idrill.Tmux;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The drill's e in a real terminal: the editor gets every key typed to it, a cooked terminal, and the drill back. */
class EditTmuxIT {
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
  void eHandsTheTerminalToTheEditorAndShowsTheEditedAnswer() throws Exception {
    Path bank = tmp.resolve("bank.yaml");
    Files.writeString(bank, "questions:\n  - id: alpha\n    question: What is alpha?\n    answer: The first letter.\n"
        + "    tags: [greek]\n  - id: beta\n    question: What is beta?\n    answer: The second.\n    tags: [greek]\n");
    Path typed = tmp.resolve("typed");
    Path stty = tmp.resolve("stty");
    Path editor = tmp.resolve("editor.sh");
    // a line-reading editor: what it reads must be exactly what was typed, none of it taken by the drill's reader
    Files.writeString(editor, "#!/bin/sh\nfor f; do :; done\nstty -a > '" + stty + "'\necho 'editor: type a word'\n"
        + "read word\nprintf '%s' \"$word\" > '" + typed + "'\n"
        + "sed -i \"s/The first letter\\./The first letter, $word./\" \"$f\"\n");
    editor.toFile().setExecutable(true);
    tmux.start("s", 90, 24, "env XDG_CONFIG_HOME=" + tmp.resolve("config") + " IDRILL_DATA_DIR=" + tmp.resolve("data")
        + " TERM=xterm-256color EDITOR=" + editor + " " + launcher + " drill --bank " + bank
        + " --order sequential; echo \"[exit $?]\"; sleep 60");
    tmux.waitFor("s", "What is alpha?");
    tmux.keys("s", "e");
    tmux.waitFor("s", "editor: type a word");
    tmux.type("s", "omega");
    tmux.keys("s", "Enter");
    String screen = tmux.waitFor("s", "edited alpha");
    assertTrue(screen.startsWith("idrill · 2 new · 0 learning · 0 review"), screen);
    assertFalse(screen.contains("editor: type a word"), "the drill repainted the whole screen:\n" + screen);
    assertEquals("omega", Files.readString(typed), "every key reached the editor");
    assertTrue(Files.readString(stty).matches("(?s).*[^-]icanon.*") && Files.readString(stty).matches("(?s).*[^-]echo .*"),
        "the editor got a cooked terminal:\n" + Files.readString(stty));
    tmux.keys("s", "Space");
    tmux.waitFor("s", "The first letter, omega.");
    tmux.keys("s", "3");
    tmux.waitFor("s", "What is beta?");
    tmux.keys("s", "q");
    screen = tmux.waitFor("s", "[exit 0]");
    assertTrue(Files.readString(Installed.machineLog(tmp.resolve("data"))).contains("\talpha\tgood\t"), screen);
  }

  /** The drill and the mock write this machine's reviews-MACHINE.tsv. */
}
