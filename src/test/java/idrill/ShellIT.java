package idrill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shell integration as a user meets it: completion in a real bash (and zsh and fish when present), the man page. */
class ShellIT {
  static final Path BASEDIR = Path.of(System.getProperty("idrill.basedir", "."));
  static final Path JAR = Path.of(System.getProperty("idrill.jar", "target/idrill.jar")).toAbsolutePath();
  static final Path MAN_PAGE = BASEDIR.resolve("target/classes/idrill/idrill.1");
  static final String FIXTURE = String.join("\n",
      "questions:",
      "  - id: q-one",
      "    question: One?",
      "    answer: One.",
      "    tags: [alpha-tag]",
      "  - id: q-two",
      "    question: Two?",
      "    answer: Two.",
      "    tags: [alpha-tag, beta-tag]",
      "");

  @TempDir Path tmp;
  Map<String, String> env = new HashMap<>();
  Path fixture;

  record Run(int code, String out, String err) {}

  @BeforeEach
  void setUp() throws IOException {
    // What the completion script runs at TAB time: 'idrill' on PATH, here the jar under test.
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path idrill = bin.resolve("idrill");
    Files.writeString(idrill, "#!/bin/sh\nexec java -jar '" + JAR + "' \"$@\"\n");
    assertTrue(idrill.toFile().setExecutable(true));
    env.put("PATH", bin + ":" + System.getenv("PATH"));
    env.put("HOME", Files.createDirectories(tmp.resolve("home")).toString());
    env.put("XDG_CONFIG_HOME", tmp.resolve("config").toString());
    env.put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
    fixture = tmp.resolve("fixture.yaml");
    Files.writeString(fixture, FIXTURE);
  }

  Run run(String... cmd) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(BASEDIR.toFile());
    pb.environment().putAll(env);
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Path out = Files.createTempFile(tmp, "out", ".txt");
    Path err = Files.createTempFile(tmp, "err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    assertTrue(p.waitFor(2, TimeUnit.MINUTES), "timed out: " + String.join(" ", cmd));
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  /** What bash offers at TAB after LINE: the completion function run as bash runs it, with COMP_* set. */
  List<String> bashCompletes(String source, String line) throws Exception {
    String script = String.join("\n",
        "source " + source,
        "COMP_LINE=$1; COMP_POINT=${#COMP_LINE}",
        "read -ra COMP_WORDS <<< \"$COMP_LINE\"",
        "[[ $COMP_LINE == *' ' ]] && COMP_WORDS+=('')",
        "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))",
        "_complete_idrill 2>/dev/null",   // compopt complains outside a real completion; harmless here
        "printf '%s\\n' \"${COMPREPLY[@]}\"");
    Run r = run("bash", "-c", script, "test", line);
    assertEquals(0, r.code(), r.err());
    return r.out().lines().filter(s -> !s.isEmpty()).toList();
  }

  List<String> bashCompletes(String line) throws Exception {
    return bashCompletes("<(idrill completion bash)", line);
  }

  @Test
  void sourcingTheBashScriptRegistersTheCompletion() throws Exception {
    Run r = run("bash", "-c", "source <(java -jar '" + JAR + "' completion bash); complete -p idrill");
    assertEquals(0, r.code(), r.err());
    assertEquals("complete -o default -F _complete_idrill idrill", r.out().strip());
  }

  @Test
  void tagOptionsCompleteTheBundledBanksTags() throws Exception {
    List<String> tags = bashCompletes("idrill drill -t ");
    assertTrue(tags.contains("clustering") && tags.contains("deep-learning"), tags.toString());
    assertEquals(List.of("clustering"), bashCompletes("idrill list --exclude-tag clu"));
    assertEquals(List.of("--cram", "--color", "--count"), bashCompletes("idrill drill --c"), "picocli's part");
  }

  @Test
  void tagsAndIdsComeFromTheBankOnTheLineOrTheConfiguredOnes() throws Exception {
    assertEquals(List.of("q-one", "q-two"), bashCompletes("idrill show --bank " + fixture + " "));
    assertEquals(List.of("beta-tag"), bashCompletes("idrill tags --bank " + fixture + " -x b"));
    Path config = Files.createDirectories(tmp.resolve("config/idrill")).resolve("config.yaml");
    Files.writeString(config, "banks:\n  - " + fixture + "\n");
    assertEquals(List.of("alpha-tag", "beta-tag"), bashCompletes("idrill random --daily -t "));
    assertEquals(List.of(), bashCompletes("idrill show --bank " + tmp.resolve("missing.yaml") + " "),
        "a bad bank completes nothing");
  }

  /** What fish offers at TAB after LINE ({@code complete -C}), the words without their descriptions. */
  List<String> fishCompletes(String source, String line) throws Exception {
    Run r = run("fish", "--no-config", "-c", "source " + source + "; complete -C $argv[1]", line);
    assertEquals(0, r.code(), r.err());
    return r.out().lines().map(s -> s.split("\t", 2)[0]).filter(s -> !s.isEmpty()).toList();
  }

  @Test
  void fishCompletesCommandsOptionsTagsAndIds() throws Exception {
    assumeTrue(run("sh", "-c", "command -v fish").code() == 0, "fish is not installed (.ci/run installs it)");
    Path script = tmp.resolve("idrill.fish");
    Run generated = run(tmp.resolve("bin/idrill").toString(), "completion", "fish");
    assertEquals(0, generated.code(), generated.err());
    Files.writeString(script, generated.out());
    String s = script.toString();
    assertEquals(List.of("list", "log"), fishCompletes(s, "idrill l"));
    assertEquals(List.of("merge"), fishCompletes(s, "idrill log "), "a subcommand's own commands");
    assertEquals(List.of("--tag"), fishCompletes(s, "idrill drill --ta"));
    assertEquals(List.of("alpha-tag", "beta-tag"), fishCompletes(s, "idrill list --bank " + fixture + " -t "));
    assertEquals(List.of("q-one", "q-two"), fishCompletes(s, "idrill show --bank " + fixture + " "));
    assertEquals(List.of("bash", "fish", "zsh"), fishCompletes(s, "idrill completion "));
    assertEquals(List.of(), fishCompletes(s, "idrill show --bank " + tmp.resolve("missing.yaml") + " "),
        "a bad bank completes nothing");
  }

  @Test
  void manPageRendersWithEveryCommandAndNoTroffWarnings() throws Exception {
    assumeTrue(run("sh", "-c", "command -v man").code() == 0, "man is not installed (.ci/run installs man-db)");
    env.put("MANWIDTH", "100");
    Run r = run("man", "--warnings", "-l", MAN_PAGE.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.err(), "troff warnings");
    String page = r.out().replaceAll(".\b", "");
    for (String command : commands()) assertTrue(page.contains("\n   " + command + "\n"), command + ":\n" + page);
    for (String section : List.of("NAME", "SYNOPSIS", "OPTIONS", "COMMANDS", "EXIT STATUS", "ENVIRONMENT")) {
      assertTrue(page.contains("\n" + section + "\n"), section);
    }
    assertTrue(page.contains("--exclude-tag=TAG"), "hyphens render as hyphens");
  }

  @Test
  void manPageShipsInTheJar() throws Exception {
    Run r = run("java", "-cp", JAR.toString(), "idrill.cli.ManPage", "--bundled");
    assertEquals(0, r.code(), r.err());
    assertEquals(Files.readString(MAN_PAGE), r.out());
  }

  @Test
  void installedCompletionWorksWithTheInstalledLauncher() throws Exception {
    Path prefix = Installed.launcher().getParent().getParent();
    Path bash = prefix.resolve("share/bash-completion/completions/idrill");
    assertTrue(Files.isRegularFile(prefix.resolve("share/zsh/site-functions/_idrill")));
    Path fish = prefix.resolve("share/fish/vendor_completions.d/idrill.fish");
    assertTrue(Files.readString(fish).contains("complete -c idrill "), "fish completion installed");
    assertTrue(Files.readString(prefix.resolve("share/man/man1/idrill.1")).startsWith(".TH IDRILL 1 "));
    env.put("PATH", prefix.resolve("bin") + ":/usr/bin:/bin");
    assertEquals(List.of("entropy"), bashCompletes(bash.toString(), "idrill show entr"));
  }

  @Test
  void zshCompletesFromTheFileOnFpathAtTheFirstTab() throws Exception {
    assumeTrue(run("sh", "-c", "command -v zsh").code() == 0, "zsh is not installed");
    Path fpath = Files.createDirectories(tmp.resolve("zfunc"));
    Run script = run(tmp.resolve("bin/idrill").toString(), "completion", "zsh");
    Files.writeString(fpath.resolve("_idrill"), script.out());
    // An interactive zsh on a pseudo-terminal: type the line and TAB, then print what the line became.
    String driver = String.join("\n",
        "zmodload zsh/zpty",
        "zpty z 'zsh -f -i'",
        "zpty -w z \"PS1='> '; fpath=(" + fpath + " \\$fpath); autoload -U compinit && compinit -u -D\"",
        "zpty -n -w z 'idrill drill -t clus'$'\\t'",
        "zpty -w z $'\\C-a'\"print -r -- LINE: \"$'\\C-e'\"; print DO\\\"\\\"NE\"",
        "zpty -r z out '*DONE*'",
        "print -r -- \"$out\"",
        "zpty -d z");
    Run r = run("timeout", "60", "zsh", "-f", "-c", driver);
    assertEquals(0, r.code(), r.out() + r.err());
    String printed = r.out().lines().map(s -> s.replace("\r", "")).filter(s -> s.startsWith("LINE:"))
        .findFirst().orElse(r.out());
    assertEquals("LINE: idrill drill -t clustering", printed.strip());
  }

  /** The command names, as `idrill --help` lists them. */
  List<String> commands() throws Exception {
    Run help = run("java", "-jar", JAR.toString(), "--help");
    List<String> names = new ArrayList<>();
    boolean in = false;
    for (String line : help.out().split("\n")) {
      if (line.startsWith("Commands:")) in = true;
      else if (in && line.matches("  [a-z][a-z-]*(  .*)?")) names.add(line.strip().split("\\s+")[0]);
      else if (in && line.isBlank()) break;
    }
    assertTrue(names.contains("drill") && names.contains("completion"), names.toString());
    return names;
  }
}
