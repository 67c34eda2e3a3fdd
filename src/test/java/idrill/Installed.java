package idrill;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The launcher as install.sh installs it, into a temporary PREFIX shared by the integration tests of one run. */
public final class Installed {
  private static Path launcher;

  private Installed() {}

  public static synchronized Path launcher() throws IOException, InterruptedException {
    if (launcher != null) return launcher;
    Path prefix = Files.createTempDirectory("idrill-prefix");
    Path basedir = Path.of(System.getProperty("idrill.basedir", "."));
    Path jar = Path.of(System.getProperty("idrill.jar", "target/idrill.jar")).toAbsolutePath();
    ProcessBuilder pb = new ProcessBuilder("./install.sh").directory(basedir.toFile()).redirectErrorStream(true)
        .redirectOutput(prefix.resolve("install.log").toFile()).redirectInput(new File("/dev/null"));
    pb.environment().put("PREFIX", prefix.toString());
    pb.environment().put("IDRILL_JAR", jar.toString());
    Process p = pb.start();
    if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IllegalStateException("install.sh failed:\n" + Files.readString(prefix.resolve("install.log")));
    }
    launcher = prefix.resolve("bin/idrill");
    return launcher;
  }

  /** This machine's review log in a data directory the installed launcher wrote (reviews-MACHINE.tsv). */
  public static Path machineLog(Path dataDir) throws IOException {
    try (var files = java.nio.file.Files.list(dataDir)) {
      return files.filter(p -> p.getFileName().toString().startsWith("reviews-")).findFirst().orElseThrow();
    }
  }
}
