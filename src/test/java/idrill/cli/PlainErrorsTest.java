package idrill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad files give one plain line naming the file, a documented exit code, and never hang or show Java's words. */
class PlainErrorsTest {
  /** A Java class name (qualified, or an Exception/Error type) in a message. */
  static final Pattern JAVA_NAME =
      Pattern.compile("\\b(java|javax|sun|jdk|org|picocli)\\.[a-z]+\\.|\\b[A-Z][A-Za-z]*(Exception|Error)\\b");

  @TempDir Path home;
  CliHarness cli;

  @BeforeEach
  void setUp() {
    cli = new CliHarness(home);
  }

  private Path fifo(Path p) throws Exception {
    Files.createDirectories(p.getParent());
    assumeTrue(new ProcessBuilder("mkfifo", p.toString()).start().waitFor() == 0, "mkfifo");
    return p;
  }

  private CliHarness.Result runQuickly(String... args) {
    return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> cli.run(args), "must not wait on a FIFO");
  }

  @Test
  void aFifoAtTheConfigIsAnErrorNotAHang() throws Exception {
    Path config = fifo(home.resolve("config/idrill/config.yaml"));
    var r = runQuickly("due", "--count");
    assertEquals(74, r.code(), r.toString());
    assertEquals("idrill due: " + config + ": not a regular file (a FIFO, device or socket)", r.err().strip());
  }

  @Test
  void aFifoAsABankOrInABankDirectoryIsAnErrorNotAHang() throws Exception {
    Path bank = fifo(home.resolve("pipe.yaml"));
    var r = runQuickly("list", "--bank", bank.toString());
    assertEquals(74, r.code(), r.toString());
    assertEquals("idrill list: " + bank + ": not a regular file (a FIFO, device or socket)", r.err().strip());

    Path dir = home.resolve("banks");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("a.yaml"), CommandsTest.SMALL);
    fifo(dir.resolve("b.yaml"));
    r = runQuickly("random", "--daily", "--bank", "banks");
    assertEquals(74, r.code(), r.toString());
    assertTrue(r.err().contains("banks/b.yaml: not a regular file"), r.err());
  }

  @Test
  void notUtf8NamesTheFileLineAndColumn() throws IOException {
    Path md = home.resolve("notes.md");
    Files.write(md, "**Q?**\n\nA caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    var r = cli.run("import", md.toString());
    assertEquals(65, r.code(), r.toString());
    assertEquals(md + ":3:6: error: not valid UTF-8 text", r.err().lines().reduce((a, b) -> b).orElse(""));
  }

  @Test
  void aMissingOrMistypedValueIsSaidInPlainWordsNotParserJargon() {
    String[][] cases = {
        {"show", "idrill show: needs ID"},
        {"flag", "idrill flag: needs ID (one or more)"},
        {"due --days", "idrill due: --days needs a value (N)"},
        {"drill -n abc", "idrill drill: --count: 'abc' is not a whole number"},
        {"mock --minutes 1.x", "idrill mock: --minutes: '1.x' is not a number"},
        {"stats --now x", "idrill stats: --now: 'x' is not an ISO-8601 time like 2026-11-25T09:00:00Z"}};
    for (String[] c : cases) {
      var r = cli.run(c[0].split(" "));
      assertEquals(2, r.code(), c[0] + "\n" + r);
      assertEquals(c[1], r.err().lines().findFirst().orElse(""), c[0] + "\n" + r);
      assertFalse(r.err().contains("Missing required") || r.err().contains("Invalid value") || r.err().contains(" int"),
          r.err());
    }
  }

  @Test
  void noFailingInvocationShowsAJavaClassName() throws Exception {
    Path dir = home.resolve("a-dir");
    Files.createDirectories(dir);
    Path latin1 = home.resolve("latin1.yaml");
    Files.write(latin1, "questions:\n  - id: caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    Path latin1Md = home.resolve("latin1.md");
    Files.write(latin1Md, "**Caf\u00e9?**\n\nYes.\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    Path bank = home.resolve("small.yaml");
    Files.writeString(bank, CommandsTest.SMALL);
    Path fifo = fifo(home.resolve("fifo.yaml"));
    List<String[]> runs = new ArrayList<>();
    runs.add(new String[] {"import", dir.toString()});
    runs.add(new String[] {"import", latin1Md.toString()});
    runs.add(new String[] {"import", home.resolve("missing.md").toString()});
    runs.add(new String[] {"export", "--bank", bank.toString(), "--format", "yaml", "-o", dir.toString()});
    runs.add(new String[] {"export", "--bank", bank.toString(), "--format", "anki", "-o", "/dev/null"});
    runs.add(new String[] {"export", "--bank", bank.toString(), "--format", "json", "-o", home + "/no/dir/x.json"});
    runs.add(new String[] {"import", bank.toString(), "-o", fifo.toString()});
    runs.add(new String[] {"list", "--bank", latin1.toString()});
    runs.add(new String[] {"export", "--bank", bank.toString(), "--format", "json", "-o", "nul\0.json"});
    runs.add(new String[] {"list", "--bank", fifo.toString()});
    runs.add(new String[] {"show", "--bank", home.resolve("missing.yaml").toString(), "x"});
    runs.add(new String[] {"validate", latin1.toString()});
    runs.add(new String[] {"due", "--count", "--data-dir", bank.toString()});
    for (String[] args : runs) {
      var r = runQuickly(args);
      String what = String.join(" ", args) + "\n" + r;
      assertTrue(r.code() != 0, what);
      assertFalse(JAVA_NAME.matcher(r.err()).find(), what);
    }
    // a config that is not UTF-8, and one that is a directory
    Path config = home.resolve("config/idrill/config.yaml");
    Files.createDirectories(config.getParent());
    Files.write(config, "banks: [caf\u00e9]\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    var r = cli.run("list");
    assertEquals(65, r.code(), r.toString());
    assertEquals(config + ":1:12: error: not valid UTF-8 text", r.err().strip());
    Files.delete(config);
    Files.createDirectories(config);
    r = cli.run("list");
    assertEquals(74, r.code(), r.toString());
    assertEquals("idrill list: " + config + ": Is a directory", r.err().strip());
  }

  @Test
  void aBugOrAnOutOfMemoryErrorIsOnePlainLineWithoutAClassName() {
    for (Throwable t : new Throwable[] {new NullPointerException("Cannot invoke \"String.length()\""),
        new OutOfMemoryError("Java heap space"), new StackOverflowError(), new IllegalStateException("x")}) {
      java.io.StringWriter w = new java.io.StringWriter();
      int code = Cli.report(t, "idrill list", new java.io.PrintWriter(w, true));
      assertEquals(1, code, t.toString());
      assertEquals(1, w.toString().strip().lines().count(), w.toString());
      assertFalse(JAVA_NAME.matcher(w.toString()).find() || w.toString().contains("String.length"), w.toString());
      assertTrue(w.toString().contains("--debug"), w.toString());
    }
  }

  @Test
  void everyExitCodeIsInTheReadmeTable() throws IOException {
    String readme = Files.readString(Path.of(System.getProperty("idrill.basedir", ".")).resolve("README.md"));
    for (String code : Cli.exitCodes().keySet()) assertTrue(readme.contains("\n| " + code + " | "), code);
  }
}
