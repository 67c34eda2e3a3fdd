package idrill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ManPageTest {
  static final String PAGE = ManPage.troff("9.9.9");

  @Test
  void hasTheSectionsOfAManPage() {
    assertTrue(PAGE.startsWith(".TH IDRILL 1 \"\" \"idrill 9.9.9\" \"User Commands\"\n"), PAGE.substring(0, 60));
    int last = -1;
    for (String section : List.of("NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "COMMANDS", "EXIT STATUS",
        "ENVIRONMENT", "FILES", "EXAMPLES")) {
      int at = PAGE.indexOf("\n.SH " + section + "\n");
      assertTrue(at > last, section + " in order");
      last = at;
    }
    assertTrue(PAGE.contains(".SH NAME\nidrill \\- drill interview questions in the terminal\n"));
  }

  @Test
  void everyVisibleCommandHasASubsectionWithItsOwnOptions() {
    for (Cli.Listed listed : Cli.TABLE) {
      String name = listed.name();
      assertEquals(!name.startsWith("__"), PAGE.contains("\n.SS " + name + "\n"), name);
    }
    assertTrue(PAGE.contains("\n.SS log merge\n"), "nested commands too");
    String drill = PAGE.substring(PAGE.indexOf(".SS drill\n"), PAGE.indexOf(".SS list\n"));
    assertTrue(drill.contains("\\fB\\-n\\fR, \\fB\\-\\-count\\fR=\\fIN\\fR"), drill);
    assertTrue(drill.contains("\\fB\\-\\-cram\\fR\n"), drill);
    assertTrue(drill.contains("Also the shared options "), drill);
    assertTrue(drill.contains("\\-t, \\-x, \\-g"), drill);
    assertFalse(drill.contains("\\fB\\-\\-bank\\fR"), "shared options are documented once, under OPTIONS");
    String show = PAGE.substring(PAGE.indexOf(".SS show\n"), PAGE.indexOf(".SS tags\n"));
    assertTrue(show.contains("\\fIID\\fR\nThe question's id"), show);
    assertTrue(show.contains(".br\nDefault: text.\n"), show);
  }

  @Test
  void sharedOptionsAreUnderOptionsOnce() {
    String options = PAGE.substring(PAGE.indexOf(".SH OPTIONS"), PAGE.indexOf(".SH COMMANDS"));
    for (String o : List.of("\\fB\\-h\\fR, \\fB\\-\\-help\\fR", "\\fB\\-\\-bank\\fR=\\fIPATH\\fR",
        "\\fB\\-t\\fR, \\fB\\-\\-tag\\fR=\\fITAG\\fR", "\\fB\\-\\-data\\-dir\\fR=\\fIDIR\\fR")) {
      assertEquals(1, options.split(Pattern.quote(o), -1).length - 1, o);
    }
  }

  @Test
  void descriptionsAreNotExpandedWithTheBuildMachinesEnvironment() {
    assertTrue(PAGE.contains("${XDG_DATA_HOME:\\-~/.local/share}/idrill"), "raw, as written in DataOptions");
  }

  @Test
  void exitStatusListsEveryCodeAndEnvironmentEveryVariable() {
    String exit = PAGE.substring(PAGE.indexOf(".SH EXIT STATUS"), PAGE.indexOf(".SH ENVIRONMENT"));
    Cli.exitCodes().forEach((code, meaning) -> assertTrue(exit.contains(".B " + code + "\n"), code));
    for (String v : List.of("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "IDRILL_DATA_DIR", "NO_COLOR")) {
      assertTrue(PAGE.contains(".B " + v + "\n"), v);
    }
  }

  @Test
  void everyHyphenIsEscapedAndNoTextLineIsReadAsARequest() {
    Pattern request = Pattern.compile("\\.(TH|SH|SS|TP|PP|B|I|br|nf|fi|RS|RE|nh|ad)( .*)?");
    for (String line : PAGE.split("\n")) {
      assertFalse(Pattern.compile("(?<!\\\\)-").matcher(line).find(), "bare hyphen: " + line);
      if (line.startsWith(".") || line.startsWith("'")) assertTrue(request.matcher(line).matches(), line);
      assertTrue(line.chars().allMatch(c -> c >= 0x20 && c < 0x7f), "ASCII only: " + line);
    }
  }

  @Test
  void escapeHandlesBackslashHyphenAndNonAscii() {
    assertEquals("\\-\\-tag a\\eb \\[u00B7] \\[u1D70F]", ManPage.escape("--tag a\\b · \uD835\uDF0F"));
    assertEquals("x y", ManPage.escape("x\ty"));
  }
}
