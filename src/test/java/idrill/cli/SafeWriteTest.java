package idrill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What export -o and import -o may write: never the user's state or what the run read; only regular files. */
class SafeWriteTest {
  @TempDir Path home;
  CliHarness cli;
  Path bank;

  @BeforeEach
  void setUp() throws IOException {
    cli = new CliHarness(home);
    bank = home.resolve("small.yaml");
    Files.writeString(bank, CommandsTest.SMALL);
  }

  private CliHarness.Result export(Path out, String... extra) {
    String[] base = {"export", "--bank", bank.toString(), "--format", "yaml", "-o", out.toString()};
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return cli.run(args);
  }

  private Path gradedLog() throws IOException {
    Path data = home.resolve("data").resolve("idrill");
    Files.createDirectories(data);
    Path log = data.resolve("reviews.tsv");
    Files.writeString(log, "time\tid\tgrade\tms\n2026-11-24T09:00:00.000Z\tkmeans-convergence\tgood\t1200\n");
    return log;
  }

  private static void refused(CliHarness.Result r, String what) {
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains(what) && r.err().contains("never writes over it"), r.err());
    assertEquals(1, r.err().lines().filter(l -> l.contains("never writes")).count(), r.err());
  }

  @Test
  void exportNeverWritesOverTheReviewLog() throws IOException {
    Path log = gradedLog();
    String before = Files.readString(log);
    for (String format : new String[] {"anki", "yaml", "json"}) {
      var r = cli.run("export", "--bank", bank.toString(), "--format", format, "-o", log.toString());
      refused(r, "the review log");
      assertEquals(before, Files.readString(log));
    }
  }

  @Test
  void aPerMachineLogIsRefusedEvenBeforeItExists() throws IOException {
    gradedLog();
    Path other = home.resolve("data/idrill/reviews-laptop.tsv");
    refused(export(other), "the review log");
    assertFalse(Files.exists(other));
  }

  @Test
  void aReviewLogElsewhereIsKnownByItsHeaderAndAHardLinkByItsInode() throws IOException {
    Path log = gradedLog();
    Path copy = home.resolve("backup.tsv");
    Files.copy(log, copy);
    refused(export(copy), "a review log");
    assertEquals(Files.readString(log), Files.readString(copy));
    Path link = home.resolve("hard.yaml");
    Files.createLink(link, bank);
    refused(export(link, "-t", "clustering"), "a bank this export reads");
    assertEquals(CommandsTest.SMALL, Files.readString(bank));
  }

  @Test
  void exportRefusesTheConfigAndTheBankItReads() throws IOException {
    Path config = home.resolve("config/idrill/config.yaml");
    Files.createDirectories(config.getParent());
    Files.writeString(config, "banks: [" + bank + "]\n");
    var r = cli.run("export", "--format", "yaml", "-o", config.toString());
    refused(r, "the config file");
    assertEquals("banks: [" + bank + "]\n", Files.readString(config));

    refused(export(bank, "-t", "clustering"), "a bank this export reads");
    assertEquals(CommandsTest.SMALL, Files.readString(bank));
    // the same file through a relative path and a bank directory
    Path dir = home.resolve("banks");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("b.yaml"), CommandsTest.SMALL);
    refused(cli.run("export", "--bank", "banks", "--format", "yaml", "-o", "banks/b.yaml"), "a bank this export reads");
  }

  @Test
  void importRefusesItsOwnSourceAndTheLogButStillMergesIntoABank() throws IOException {
    Path md = home.resolve("qs.md");
    String text = "## Clustering\n\n**What is k-means?**\n\nA clustering algorithm.\n";
    Files.writeString(md, text);
    refused(cli.run("import", md.toString(), "-o", md.toString()), "a source of this import");
    assertEquals(text, Files.readString(md));
    Path log = gradedLog();
    String before = Files.readString(log);
    refused(cli.run("import", md.toString(), "-o", log.toString()), "the review log");
    assertEquals(before, Files.readString(log));
    Path out = home.resolve("bank.yaml");
    assertEquals(0, cli.run("import", md.toString(), "-o", out.toString()).code());
    var again = cli.run("import", md.toString(), "-o", out.toString());
    assertEquals(0, again.code(), again.toString());
    assertTrue(again.err().contains("1 unchanged"), again.err());
  }

  @Test
  void aSymlinkIsFollowedAndItsTargetReplaced() throws IOException {
    Path real = home.resolve("real.yaml");
    Files.writeString(real, "old\n");
    Path link = home.resolve("link.yaml");
    Files.createSymbolicLink(link, Path.of("real.yaml"));
    var r = export(link, "-t", "clustering");
    assertEquals(0, r.code(), r.toString());
    assertTrue(Files.isSymbolicLink(link), "the link stays a link");
    assertTrue(Files.readString(real).startsWith("questions:"), Files.readString(real));
    assertEquals(0, cli.run("validate", real.toString()).code());
    // a dangling link gets its target created, as a shell redirection would
    Path dangling = home.resolve("dangling.yaml");
    Files.createSymbolicLink(dangling, Path.of("made.yaml"));
    assertEquals(0, export(dangling).code());
    assertTrue(Files.isSymbolicLink(dangling));
    assertTrue(Files.isRegularFile(home.resolve("made.yaml"), LinkOption.NOFOLLOW_LINKS));
  }

  @Test
  void aFifoIsRefusedAtOnceNotOpened() throws Exception {
    Path fifo = home.resolve("pipe.yaml");
    assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo");
    CliHarness.Result r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> export(fifo));
    assertEquals(74, r.code(), r.toString());
    assertTrue(r.err().contains("pipe.yaml: not a regular file"), r.err());
    assertTrue(Files.readAttributes(fifo, java.nio.file.attribute.BasicFileAttributes.class).isOther(), "still a FIFO");
    Path md = home.resolve("qs.md");
    Files.writeString(md, "**What is k-means?**\n\nA clustering algorithm.\n");
    r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> cli.run("import", md.toString(), "-o", fifo.toString()));
    assertEquals(74, r.code(), r.toString());
  }

  @Test
  void aDeviceAndADirectoryAreRefused() throws IOException {
    Path dev = Path.of("/dev/null");
    assumeTrue(Files.exists(dev));
    var r = export(dev);
    assertEquals(74, r.code(), r.toString());
    assertTrue(r.err().contains("/dev/null: not a regular file"), r.err());
    Path dir = home.resolve("out");
    Files.createDirectories(dir);
    r = export(dir);
    assertEquals(74, r.code(), r.toString());
    assertEquals("idrill export: " + dir + ": Is a directory", r.err().strip());
    try (var s = Files.list(dir)) {
      assertEquals(0, s.count(), "no temp file left behind");
    }
  }

  @Test
  void anExistingFileKeepsItsModeAndANewOneGetsTheUmasksMode() throws IOException {
    Path kept = home.resolve("kept.yaml");
    Files.writeString(kept, "old\n");
    Set<PosixFilePermission> mode = PosixFilePermissions.fromString("rw-r-----");
    Files.setPosixFilePermissions(kept, mode);
    assertEquals(0, export(kept).code());
    assertEquals(mode, Files.getPosixFilePermissions(kept));

    Path fresh = home.resolve("fresh.yaml");
    assertEquals(0, export(fresh).code());
    assertEquals(umaskMode(), Files.getPosixFilePermissions(fresh));
    try (var s = Files.list(home)) {
      assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temp file left behind");
    }
  }

  /** 0666 & ~umask, the umask read from /proc (Linux). */
  private static Set<PosixFilePermission> umaskMode() throws IOException {
    Path status = Path.of("/proc/self/status");
    assumeTrue(Files.isReadable(status));
    String line = Files.readAllLines(status).stream().filter(l -> l.startsWith("Umask:")).findFirst().orElse(null);
    assumeTrue(line != null);
    int mode = 0666 & ~Integer.parseInt(line.substring(6).strip(), 8);
    Set<PosixFilePermission> s = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] bits = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
        PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
        PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
        PosixFilePermission.OWNER_READ};
    for (int i = 0; i < bits.length; i++) if ((mode & (1 << i)) != 0) s.add(bits[i]);
    return s;
  }

  @Test
  void aMissingDirectoryIsAnErrorAndIsNotCreated() {
    Path out = home.resolve("no/such/dir/out.yaml");
    var r = export(out);
    assertEquals(74, r.code(), r.toString());
    assertTrue(r.err().contains(home.resolve("no/such/dir") + ": No such file or directory"), r.err());
    assertFalse(Files.exists(home.resolve("no")));
  }
}
