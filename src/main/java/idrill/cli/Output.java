package idrill.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a command's whole output to stdout, or to a file replaced atomically (never half-written);
 * a device or FIFO is written to, never replaced.
 */
final class Output {
  private Output() {}

  static void write(Context ctx, Path file, String text) {
    if (file == null) {
      ctx.out().print(text);
      ctx.out().flush();
      return;
    }
    Path target = file.isAbsolute() ? file : ctx.cwd().resolve(file);
    try {
      if (Files.exists(target) && !Files.isRegularFile(target) && !Files.isDirectory(target)) {
        // a device, FIFO or /dev/stdout: a rename would replace it by a regular file (as root, even /dev/null)
        Files.write(target, text.getBytes(StandardCharsets.UTF_8), StandardOpenOption.WRITE);
        return;
      }
      // through a symlink, replace the file it names and keep the link
      if (Files.isSymbolicLink(target) && Files.exists(target)) target = target.toRealPath();
      Path dir = target.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
      try {
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
