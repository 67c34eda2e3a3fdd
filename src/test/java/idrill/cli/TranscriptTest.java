package idrill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The golden transcripts: every {@code src/test/resources/cli/NAME.args} is run end to end through {@link CliHarness}
 * and what a user sees is compared with {@code NAME.out}.
 *
 * <p>{@code NAME.args} holds the arguments, one per line, as a shell would pass them (no quoting: a line is one
 * argument, an empty line an empty one). Lines starting with {@code #} are settings, not arguments:
 * <ul>
 *   <li>{@code #env NAME=VALUE}: set an environment variable ({@code #env NAME=} sets it empty);
 *   <li>{@code #unset NAME}: remove one the harness sets;
 *   <li>{@code #terminal}: stdout is a terminal (colour still off: NO_COLOR is set unless unset);
 *   <li>{@code #stdin TEXT}: standard input, {@code \n} for a line break;
 *   <li>{@code ## anything}: a comment.
 * </ul>
 * Each case runs in a fresh HOME copied from {@code cli/home/} (a config naming {@code small.yaml} and the machine
 * {@code golden}, a review log, a bad bank, a Markdown file), with the working directory there, the clock at
 * 2026-11-25T09:00:00Z (UTC), NO_COLOR set and stdout not a terminal. That HOME's path is written {@code $HOME} in
 * the transcript.
 *
 * <p>{@code NAME.out} is {@code $ idrill ARGS}, then {@code --- stdout} and {@code --- stderr} with each stream's
 * text verbatim (a section left out when the stream is empty; {@code \ no newline at end} when its text does not end
 * with one), then {@code --- exit CODE}.
 *
 * <p>On a mismatch the actual transcript is written to {@code target/cli-actual/NAME.out}; run with
 * {@code -Dgolden.update=true} to rewrite the .out files instead (then read the diff before committing it).
 */
class TranscriptTest {
  static final Path BASEDIR = Path.of(System.getProperty("idrill.basedir", "."));
  static final Path DIR = BASEDIR.resolve("src/test/resources/cli");
  static final boolean UPDATE = Boolean.getBoolean("golden.update");

  static Stream<String> names() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".args"))
          .map(n -> n.substring(0, n.length() - ".args".length())).sorted().toList().stream();
    }
  }

  @TempDir Path home;

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void matchesItsTranscript(String name) throws IOException {
    String actual = run(home, Files.readAllLines(DIR.resolve(name + ".args"), StandardCharsets.UTF_8));
    Path golden = DIR.resolve(name + ".out");
    String expected = Files.exists(golden) ? Files.readString(golden, StandardCharsets.UTF_8) : "";
    if (expected.equals(actual)) return;
    if (UPDATE) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
      return;
    }
    Path out = Path.of("target", "cli-actual", name + ".out");
    Files.createDirectories(out.getParent());
    Files.writeString(out, actual, StandardCharsets.UTF_8);
    assertEquals(expected, actual, name + ".out differs; the actual is in " + out
        + " (mvn -o test -Dtest=TranscriptTest -Dgolden.update=true rewrites the .out files)");
  }

  /** The transcript of one .args file's run in a fresh copy of cli/home at home. */
  static String run(Path home, List<String> lines) {
    copyTree(DIR.resolve("home"), home);
    CliHarness cli = new CliHarness(home);
    cli.env.put("NO_COLOR", "1");
    List<String> args = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith("##")) continue;
      if (line.startsWith("#env ")) {
        String kv = line.substring("#env ".length());
        cli.env.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1).replace("$HOME", home.toString()));
      } else if (line.startsWith("#unset ")) {
        cli.env.remove(line.substring("#unset ".length()).strip());
      } else if (line.equals("#terminal")) {
        cli.terminal = true;
      } else if (line.startsWith("#stdin ")) {
        cli.stdin = line.substring("#stdin ".length()).replace("\\n", "\n");
      } else if (line.startsWith("#")) {
        throw new IllegalArgumentException("unknown setting in an .args file: " + line);
      } else {
        args.add(line.replace("$HOME", home.toString()));
      }
    }
    CliHarness.Result r = cli.run(args.toArray(String[]::new));
    StringBuilder b = new StringBuilder("$ idrill");
    for (String a : args) b.append(' ').append(quoted(a));
    b.append('\n');
    section(b, "stdout", r.out());
    section(b, "stderr", r.err());
    b.append("--- exit ").append(r.code()).append('\n');
    return b.toString().replace(home.toString(), "$HOME");
  }

  private static void section(StringBuilder b, String name, String text) {
    if (text.isEmpty()) return;
    b.append("--- ").append(name).append('\n').append(text);
    if (!text.endsWith("\n")) b.append("\n\\ no newline at end\n");
  }

  /** An argument as a reader would type it: quoted when it holds anything a shell would split or expand. */
  static String quoted(String a) {
    if (!a.isEmpty() && a.matches("[A-Za-z0-9_./:=,@%+-]+")) return a;
    return "'" + a.replace("'", "'\\''") + "'";
  }

  static void copyTree(Path from, Path to) {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(target);
        else Files.copy(p, target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The commands `idrill --help` lists, and under each the sub-commands its own help lists ("log merge"). */
  static List<String> commandsInHelp(Path home) {
    List<String> all = new ArrayList<>();
    for (String c : listed(home)) {
      all.add(c);
      for (String sub : listed(home, c)) all.add(c + " " + sub);
    }
    return all;
  }

  private static List<String> listed(Path home, String... command) {
    List<String> args = new ArrayList<>(List.of(command));
    args.add("--help");
    CliHarness.Result r = new CliHarness(home).run(args.toArray(String[]::new));
    assertEquals(0, r.code(), r.toString());
    List<String> names = new ArrayList<>();
    boolean in = false;
    for (String line : r.out().lines().toList()) {
      if (line.equals("Commands:")) in = true;
      else if (in && line.isBlank()) break;
      else if (in && line.matches("  [a-z][a-z0-9-]*(  .*)?")) names.add(line.strip().split("\\s+")[0]);
    }
    return names;
  }

  static String helpTranscript(String command) {
    return "help-" + command.replace(' ', '-');
  }

  @Test
  void everyCommandInTheHelpHasAHelpTranscript() throws IOException {
    List<String> commands = commandsInHelp(home);
    assertTrue(commands.containsAll(List.of("drill", "stats", "log", "log merge", "help")), commands.toString());
    for (String c : commands) {
      Path args = DIR.resolve(helpTranscript(c) + ".args");
      assertTrue(Files.exists(args), "no transcript " + args.getFileName() + " of 'idrill " + c + " --help'");
      List<String> expected = new ArrayList<>(List.of(c.split(" ")));
      expected.add("--help");
      assertEquals(expected, Files.readAllLines(args), args.getFileName().toString());
    }
    assertTrue(Files.exists(DIR.resolve("help.args")), "idrill --help has a transcript");
  }

  @Test
  void everyOutHasItsArgs() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        String n = p.getFileName().toString();
        if (!n.endsWith(".out") || !Files.readString(p).startsWith("$ idrill")) continue; // OutputGoldenTest's
        assertTrue(Files.exists(DIR.resolve(n.replace(".out", ".args"))), n + " has no .args: a left-over?");
      }
    }
  }

  @Test
  void readmeAndTheManPageNameEveryCommandTheHelpLists() throws IOException {
    String readme = Files.readString(BASEDIR.resolve("README.md"), StandardCharsets.UTF_8);
    String page = ManPage.troff("0");
    String commandsSection = page.substring(page.indexOf("\n.SH COMMANDS\n"), page.indexOf("\n.SH ", page.indexOf("\n.SH COMMANDS\n") + 1));
    List<String> commands = commandsInHelp(home);
    for (String c : commands) {
      assertTrue(readme.contains("idrill " + c + " ") || readme.contains("idrill " + c + "`"), "README never shows 'idrill " + c + "'");
      if (c.equals("help")) continue; // the man page is the help: its COMMANDS list the commands it helps with
      assertTrue(commandsSection.contains("\n.SS " + ManPage.escape(c) + "\n"), "the man page's COMMANDS lack " + c);
    }
    for (String line : commandsSection.split("\n")) {
      if (!line.startsWith(".SS ")) continue;
      String c = line.substring(4).replace("\\-", "-");
      assertTrue(commands.contains(c), "the man page has a command the help does not list: " + c);
    }
  }

  @Test
  void theManPageDocumentsEveryOptionOfEveryCommandsHelp() throws IOException {
    String page = ManPage.troff("0");
    String shared = page.substring(page.indexOf("\n.SH OPTIONS\n"), page.indexOf("\n.SH COMMANDS\n"));
    java.util.regex.Pattern option = java.util.regex.Pattern.compile("^\\s+(?:-[A-Za-z], )?(--[a-z][a-z0-9-]*)");
    for (String c : commandsInHelp(home)) {
      if (c.equals("help")) continue;
      List<String> args = new ArrayList<>(List.of(c.split(" ")));
      args.add("--help");
      String help = new CliHarness(home).run(args.toArray(String[]::new)).out();
      int at = page.indexOf("\n.SS " + ManPage.escape(c) + "\n");
      int end = page.indexOf("\n.S", at + 1);
      String own = page.substring(at, end);
      for (String line : help.lines().toList()) {
        java.util.regex.Matcher m = option.matcher(line);
        // --help and --version are on every command; the man page gives them once, in its SYNOPSIS and OPTIONS
        if (!m.find() || m.group(1).equals("--help") || m.group(1).equals("--version")) continue;
        String troff = "\\fB" + ManPage.escape(m.group(1)) + "\\fR";
        assertTrue(own.contains(troff) || shared.contains(troff) && own.contains("Also the shared options"),
            "man page: " + c + " lacks " + m.group(1));
      }
    }
  }
}
