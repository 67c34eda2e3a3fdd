package idrill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputTest {
  @TempDir Path dir;

  private Context ctx() {
    return new Context(Map.of(), new ByteArrayInputStream(new byte[0]), new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter()), false, dir, Clock.systemUTC());
  }

  @Test
  void aFifoIsWrittenToNotReplacedByAFile() throws Exception {
    Path fifo = dir.resolve("pipe");
    Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assumeTrue(mk.waitFor() == 0, "mkfifo is not available");
    CompletableFuture<String> read = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try {
        read.complete(Files.readString(fifo, StandardCharsets.UTF_8));
      } catch (Exception e) {
        read.completeExceptionally(e);
      }
    });
    reader.setDaemon(true); // if the old rename ran, nobody ever writes: the thread must not keep the JVM
    reader.start();
    Output.write(ctx(), fifo, "exported\n");
    assertFalse(Files.isRegularFile(fifo), "the FIFO (as /dev/null would be) was replaced by a regular file");
    assertEquals("exported\n", assertTimeoutPreemptively(Duration.ofSeconds(10), () -> read.get()));
  }

  @Test
  void throughASymlinkTheLinkStaysAndItsFileIsReplaced() throws Exception {
    Path real = dir.resolve("real.yaml");
    Files.writeString(real, "old");
    Path link = Files.createSymbolicLink(dir.resolve("link.yaml"), real.getFileName());
    Output.write(ctx(), Path.of("link.yaml"), "new");
    assertTrue(Files.isSymbolicLink(link));
    assertEquals("new", Files.readString(real));
  }
}
