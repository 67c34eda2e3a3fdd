package idrill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        "share/bash-completion/completions/idrill", "share/idrill/idrill.jar", "share/idrill/idrill.jsa",
        "share/idrill/installed.txt", "share/man/man1/idrill.1", "share/zsh/site-functions/_idrill"));
    // JLine's native library is unpacked where install.sh knows the jar's name for the platform
    String arch = System.getProperty("os.arch");
    boolean nativeHere = System.getProperty("os.name").equals("Linux") && List.of("amd64", "x86_64", "aarch64").contains(arch);
    if (nativeHere) expected.add(6, "share/idrill/native/libjlinenative.so");
    assertEquals(expected, filesUnder(prefix));
    assertTrue(Files.isExecutable(prefix.resolve("bin/idrill")));

    Run daily = run(env, prefix.resolve("bin/idrill").toString(), "random", "--daily", "--answer", "--bank", "default",
        "--now", "2026-11-25T09:00:00Z");
    assertEquals(0, daily.code(), daily.err());
    assertTrue(daily.out().contains("Answer"), daily.out());
    assertFalse(daily.out().contains("\u001b"), "no colour when piped");
    assertEquals("", daily.err(), "no JVM or CDS warnings");

    Run again = run(env, "./install.sh");
    assertEquals(0, again.code(), again.err());
    assertEquals(expected, filesUnder(prefix), "idempotent");

    Run uninstall = run(env, "./install.sh", "--uninstall");
    assertEquals(0, uninstall.code(), uninstall.err());
    assertEquals(List.of("bin/other-tool"), filesUnder(prefix));
    assertFalse(Files.exists(prefix.resolve("share/idrill")));
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
