package idrill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** install.sh into a temporary PREFIX, then the installed launcher, as a user would run them. */
class InstallIT {
  static final Path BASEDIR = Path.of(System.getProperty("idrill.basedir", "."));
  static final Path JAR = Path.of(System.getProperty("idrill.jar", "target/idrill.jar"));

  @TempDir Path tmp;

  record Run(int code, String out, String err) {}

  Run run(Map<String, String> env, String... cmd) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(BASEDIR.toFile());
    pb.environment().putAll(env);
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Path out = tmp.resolve("out.txt");
    Path err = tmp.resolve("err.txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "timed out: " + String.join(" ", cmd));
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  List<String> filesUnder(Path dir) throws IOException {
    List<String> files = new ArrayList<>();
    if (!Files.exists(dir)) return files;
    try (Stream<Path> s = Files.walk(dir)) {
      s.filter(Files::isRegularFile).forEach(f -> files.add(dir.relativize(f).toString()));
    }
    files.sort(null);
    return files;
  }

  List<String> withoutArchives(Path dir) throws IOException {
    return filesUnder(dir).stream().filter(f -> !f.endsWith(".jsa") && !f.endsWith(".aot")).toList();
  }

  @Test
  void installsIntoPrefixRunsAndUninstallsExactlyWhatItInstalled() throws Exception {
    Path prefix = tmp.resolve("prefix");
    Files.createDirectories(prefix.resolve("bin"));
    Files.writeString(prefix.resolve("bin/other-tool"), "#!/bin/sh\n");
    Map<String, String> env = Map.of("PREFIX", prefix.toString(), "IDRILL_JAR", JAR.toAbsolutePath().toString(),
        "XDG_CONFIG_HOME", tmp.resolve("config").toString(), "PATH", "/usr/bin:/bin");

    Run install = run(env, "./install.sh");
    assertEquals(0, install.code(), install.err());
    assertTrue(install.err().contains("is not on your PATH"), "warns about PATH: " + install.err());
    List<String> expected = new ArrayList<>(List.of("bin/idrill", "bin/other-tool",
        "share/bash-completion/completions/idrill", "share/fish/vendor_completions.d/idrill.fish",
        "share/idrill/idrill.jar", "share/idrill/installed.txt", "share/man/man1/idrill.1",
        "share/zsh/site-functions/_idrill"));
    // JLine's native library is unpacked where install.sh knows the jar's name for the platform
    String arch = System.getProperty("os.arch");
    boolean nativeHere = System.getProperty("os.name").equals("Linux") && List.of("amd64", "x86_64", "aarch64").contains(arch);
    if (nativeHere) expected.add(6, "share/idrill/native/libjlinenative.so");
    assertEquals(expected, withoutArchives(prefix));
    assertFalse(filesUnder(prefix).equals(withoutArchives(prefix)), "an archive (which: the test per JDK)");
    assertTrue(Files.isExecutable(prefix.resolve("bin/idrill")));

    Run daily = run(env, prefix.resolve("bin/idrill").toString(), "random", "--daily", "--answer", "--bank", "default",
        "--now", "2026-11-25T09:00:00Z");
    assertEquals(0, daily.code(), daily.err());
    assertTrue(daily.out().contains("Answer"), daily.out());
    assertFalse(daily.out().contains("\u001b"), "no colour when piped");
    assertEquals("", daily.err(), "no JVM or CDS warnings");

    Run again = run(env, "./install.sh");
    assertEquals(0, again.code(), again.err());
    assertEquals(expected, withoutArchives(prefix), "idempotent");

    Run uninstall = run(env, "./install.sh", "--uninstall");
    assertEquals(0, uninstall.code(), uninstall.err());
    assertEquals(List.of("bin/other-tool"), filesUnder(prefix));
    assertFalse(Files.exists(prefix.resolve("share/idrill")));
  }

  record Jdk(Path home, int major) {
    @Override
    public String toString() {
      return "JDK " + major + " (" + home + ")";
    }
  }

  /** Every JDK 17 or newer on the machine: the one running the tests, and those under /usr/lib/jvm. */
  static List<Jdk> jdks() throws IOException {
    Set<Path> homes = new LinkedHashSet<>();
    homes.add(Path.of(System.getProperty("java.home")).toRealPath());
    Path jvms = Path.of("/usr/lib/jvm");
    if (Files.isDirectory(jvms)) {
      try (Stream<Path> s = Files.list(jvms)) {
        for (Path home : s.sorted().toList()) {
          if (Files.isExecutable(home.resolve("bin/java"))) homes.add(home.toRealPath());
        }
      }
    }
    List<Jdk> jdks = new ArrayList<>();
    Pattern version = Pattern.compile("(?m)^JAVA_VERSION=\"(?:1\\.)?(\\d+)");
    for (Path home : homes) {
      Path release = home.resolve("release");
      if (!Files.isRegularFile(release)) continue;
      Matcher m = version.matcher(Files.readString(release));
      if (m.find() && Integer.parseInt(m.group(1)) >= 17) jdks.add(new Jdk(home, Integer.parseInt(m.group(1))));
    }
    return jdks;
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void eachJdkGetsItsArchiveAndTheLauncherRunsThatJdkWithIt(Jdk jdk) throws Exception {
    Path prefix = tmp.resolve("prefix");
    Map<String, String> env = new HashMap<>(Map.of("PREFIX", prefix.toString(),
        "IDRILL_JAR", JAR.toAbsolutePath().toString(), "XDG_CONFIG_HOME", tmp.resolve("config").toString(),
        "XDG_CACHE_HOME", tmp.resolve("cache").toString(), "PATH", "/usr/bin:/bin"));
    Run install = run(env, "./install.sh", "--java", jdk.home().toString());
    assertEquals(0, install.code(), install.err());
    assertFalse(install.err().contains("note:"), "every archive and script written: " + install.err());

    List<String> archives = filesUnder(prefix.resolve("share/idrill")).stream()
        .filter(f -> f.endsWith(".jsa") || f.endsWith(".aot")).toList();
    // JDK 25 and newer: one AOT cache per command family; older: one CDS archive
    assertEquals(jdk.major() >= 25 ? List.of("drill.aot", "list.aot", "other.aot", "prompt.aot")
        : List.of("idrill.jsa"), archives);
    String launcher = Files.readString(prefix.resolve("bin/idrill"));
    assertTrue(launcher.contains("java=\"" + jdk.home().resolve("bin/java") + "\"\n"), launcher);
    assertTrue(Files.readString(prefix.resolve("share/fish/vendor_completions.d/idrill.fish"))
        .contains("complete -c idrill"));

    // The JVM says where each class came from: idrill's own, mapped from the archive, not parsed from the jar.
    for (String[] args : List.of(new String[] {"random", "--daily"}, new String[] {"list"},
        new String[] {"--version"})) {
      Path log = tmp.resolve("classes.log");
      env.put("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + log);
      List<String> cmd = new ArrayList<>(List.of(prefix.resolve("bin/idrill").toString()));
      cmd.addAll(List.of(args));
      Run r = run(env, cmd.toArray(String[]::new));
      assertEquals(0, r.code(), r.err());
      assertEquals("", r.err().replaceFirst("Picked up JAVA_TOOL_OPTIONS: .*\n", ""), "no JVM or archive warnings");
      String classes = Files.readString(log);
      assertTrue(classes.contains(" idrill.Main source: shared objects file"),
          String.join(" ", args) + ": idrill.Main not from the archive:\n"
              + classes.lines().filter(l -> l.contains("idrill.")).findFirst().orElse(classes));
    }

    Run uninstall = run(env, "./install.sh", "--uninstall");
    assertEquals(0, uninstall.code(), uninstall.err());
    assertEquals(List.of(), filesUnder(prefix));
  }

  @Test
  void aJavaThatIsNotThereIsAClearError() throws Exception {
    Run r = run(Map.of("PREFIX", tmp.resolve("p").toString()), "./install.sh", "--java",
        tmp.resolve("nojdk").toString());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("--java " + tmp.resolve("nojdk") + ": no Java there"), r.err());
    assertFalse(Files.exists(tmp.resolve("p")), "nothing installed");
  }

  @Test
  void refusesAJavaOlderThan17WithAClearMessage() throws Exception {
    Path fakeJdk = tmp.resolve("jdk/bin");
    Files.createDirectories(fakeJdk);
    Path java = fakeJdk.resolve("java");
    Files.writeString(java, "#!/bin/sh\necho '    java.specification.version = 11' >&2\n");
    java.toFile().setExecutable(true);
    Run r = run(Map.of("JAVA_HOME", tmp.resolve("jdk").toString(), "PREFIX", tmp.resolve("p").toString()),
        "./install.sh");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("Java 17 or newer is needed"), r.err());
    assertFalse(Files.exists(tmp.resolve("p")), "nothing installed");
  }
}
