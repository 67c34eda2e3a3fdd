package idrill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompletionCommandTest {
  @TempDir Path home;
  CliHarness cli;
  Path bank;

  @BeforeEach
  void setUp() throws IOException {
    cli = new CliHarness(home);
    bank = home.resolve("small.yaml");
    Files.writeString(bank, CommandsTest.SMALL);
  }

  /** The body of one generated bash function. */
  static String function(String script, String name) {
    int start = script.indexOf("function " + name + "() {\n");
    assertTrue(start >= 0, "no function " + name);
    return script.substring(start, script.indexOf("\n}\n", start));
  }

  @Test
  void bashScriptRegistersTheCompletionFunctionForIdrill() {
    var r = cli.run("completion", "bash");
    assertEquals(0, r.code(), r.toString());
    assertEquals("", r.err());
    assertTrue(r.out().startsWith("#!/usr/bin/env bash\n"), r.out().substring(0, 40));
    assertTrue(r.out().contains("\ncomplete -F _complete_idrill -o default idrill"), "the complete spec");
    assertTrue(r.out().contains("function _idrill_names() {"), "the dynamic names helper");
  }

  @Test
  void everyCommandIsCompletedButTheHiddenOne() {
    String script = cli.run("completion", "bash").out();
    Matcher m = Pattern.compile("local commands=\"([^\"]*)\"").matcher(function(script, "_picocli_idrill"));
    assertTrue(m.find());
    for (Cli.Listed listed : Cli.TABLE) {
      String name = listed.name();
      assertEquals(!name.equals("__complete"), (" " + m.group(1) + " ").contains(" " + name + " "), name);
    }
    assertFalse(script.contains("_picocli_idrill___complete"));
  }

  @Test
  void tagOptionsCompleteTheBanksTagsInEveryCommandThatTakesThem() {
    String script = cli.run("completion", "bash").out();
    for (String command : new String[] {"drill", "list", "tags", "random", "due", "stats"}) {
      String body = function(script, "_picocli_idrill_" + command);
      for (String option : new String[] {"'-t'|'--tag')", "'-x'|'--exclude-tag')"}) {
        int at = body.indexOf(option);
        assertTrue(at >= 0, command + " " + option);
        String branch = body.substring(at, body.indexOf(";;", at));
        assertTrue(branch.contains("COMPREPLY=( $( compReplyArray $(_idrill_names tags) ) )"), branch);
      }
      // other free-text options still complete nothing
      String grep = body.substring(body.indexOf("'-g'|'--grep')"));
      assertTrue(grep.startsWith("'-g'|'--grep')\n      return\n"), grep);
    }
  }

  @Test
  void showEditAndTheSetAsideCommandsCompleteQuestionIdsAndNoOtherCommandDoes() {
    String script = cli.run("completion", "bash").out();
    List<String> takingIds = List.of("show", "edit", "suspend", "unsuspend", "bury", "flag", "unflag");
    for (String c : takingIds) {
      assertTrue(function(script, "_picocli_idrill_" + c).contains("    positionals=$(_idrill_names ids)\n"), c);
    }
    assertEquals(takingIds.size(), script.split("_idrill_names ids", -1).length - 1, "ids only for those");
  }

  @Test
  void zshScriptIsTheBashOneRunByBashcompinitAndAutoloadable() {
    var r = cli.run("completion", "zsh");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().startsWith("#compdef idrill\n"), "compinit autoloads it from $fpath");
    assertTrue(r.out().contains("autoload -U +X bashcompinit && bashcompinit\n"));
    assertTrue(r.out().contains("function _idrill_names() {"));
    assertTrue(r.out().contains("complete -F _complete_idrill -o default idrill"));
    assertFalse(r.out().contains("alias compopt=complete"), "an autoloaded file cannot use an alias it defines");
    assertTrue(r.out().endsWith("_bash_complete -F _complete_idrill -o default; fi\n"), "answers the first TAB");
  }

  @Test
  void otherShellsAreAUsageError() {
    var r = cli.run("completion", "tcsh");
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains("tcsh"), r.err());
  }

  @Test
  void fishScriptOffersEveryVisibleCommandAtTheTopLevel() {
    var r = cli.run("completion", "fish");
    assertEquals(0, r.code(), r.toString());
    assertEquals("", r.err());
    for (Cli.Listed listed : Cli.TABLE) {
      String name = listed.name();
      boolean offered = r.out().contains("\ncomplete -c idrill -n '__idrill_at ' -f -a '" + name + "' -d '");
      assertEquals(!name.equals("__complete"), offered, name);
    }
    assertTrue(r.out().contains("complete -c idrill -n '__idrill_at log' -f -a 'merge'"), "subcommands nest");
  }

  @Test
  void fishTagOptionsAndShowIdsAskTheBanks() {
    String script = cli.run("completion", "fish").out();
    for (String command : new String[] {"drill", "list", "tags", "random", "due", "stats"}) {
      assertTrue(script.contains("complete -c idrill -n '__idrill_at " + command + "' -s 't' -l 'tag' -r -f -a "
          + "'(__idrill_names tags)'"), command);
    }
    assertTrue(script.contains("complete -c idrill -n '__idrill_at show' -f -a '(__idrill_names ids)'"));
    assertTrue(script.contains("complete -c idrill -n '__idrill_at edit' -f -a '(__idrill_names ids)'"), script);
    assertTrue(script.contains("complete -c idrill -n '__idrill_at completion' -f -a 'bash zsh fish'"));
    assertTrue(script.contains("-l 'bank' -r -F"), "a bank is a file");
  }

  @Test
  void fishQuotingKeepsQuotesAndBackslashesLiteral() {
    assertEquals("'it\\'s a \\\\ path'", CompletionCommand.fishQuote("it's a \\ path"));
  }

  @Test
  void theHookNoticesWhenPicocliChangesItsScript() {
    var nowhere = new PrintWriter(Writer.nullWriter());
    var all = Cli.build(new Context(Map.of(), InputStream.nullInputStream(), nowhere, nowhere, false, home,
        Clock.systemUTC()), null);
    assertThrows(IllegalStateException.class, () -> CompletionCommand.hookTagOptions("no branches here", all));
    assertThrows(IllegalStateException.class, () -> CompletionCommand.hookIdParameters("no functions", all));
  }

  @Test
  void completeTagsPrintsTheBanksTagsOnePerLineSorted() {
    var r = cli.run("__complete", "tags", "--bank", bank.toString());
    assertEquals(0, r.code(), r.toString());
    assertEquals("clustering\ndeep-learning\ninformation-theory\nregularization\nstatistics\n", r.out());
    assertEquals("", r.err());
  }

  @Test
  void completeIdsPrintsTheQuestionIds() {
    var r = cli.run("__complete", "ids", "--bank", bank.toString());
    assertEquals(0, r.code(), r.toString());
    assertEquals("dropout\nentropy\nkmeans-convergence\nkmeans-empty\n", r.out());
  }

  @Test
  void completeUsesTheConfiguredBanksByDefault() throws IOException {
    Path config = home.resolve("config/idrill/config.yaml");
    Files.createDirectories(config.getParent());
    Files.writeString(config, "banks:\n  - " + bank + "\n");
    assertEquals("dropout\nentropy\nkmeans-convergence\nkmeans-empty\n", cli.run("__complete", "ids").out());
  }

  @Test
  void completeIsQuietOnABadBank() throws IOException {
    Path bad = home.resolve("bad.yaml");
    Files.writeString(bad, "questions:\n  - id: x\n    anwser: a\n");
    var r = cli.run("__complete", "tags", "--bank", bad.toString());
    assertEquals(65, r.code(), r.toString());
    assertEquals("", r.out());
    assertEquals("", r.err());
    var missing = cli.run("__complete", "ids", "--bank", home.resolve("nope.yaml").toString());
    assertNotEquals(0, missing.code());
    assertEquals("", missing.out() + missing.err());
  }

  @Test
  void completeIsHiddenFromHelp() {
    var r = cli.run("--help");
    assertTrue(r.out().contains("completion"), r.out());
    assertFalse(r.out().contains("__complete"), r.out());
  }
}
