package idrill;

import idrill.cli.Cli;
import idrill.cli.Context;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Entry point: the only place that exits the process. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), false);
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    Context ctx = new Context(System.getenv(), System.in, out, err, interactive(), Path.of("").toAbsolutePath(),
        new SystemClock());
    int code = Cli.run(ctx, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * Whether stdin and stdout are both terminals, as System.console() != null says on Java 17; read off /proc where
   * there is one, since building the Console object costs ~12 ms of every start.
   */
  static boolean interactive() {
    Path fds = Path.of("/proc/self/fd");
    if (!Files.isDirectory(fds)) return System.console() != null;
    return isTerminal(fds.resolve("0")) && isTerminal(fds.resolve("1"));
  }

  private static boolean isTerminal(Path fd) {
    String target;
    try {
      target = Files.readSymbolicLink(fd).toString();
    } catch (IOException | UnsupportedOperationException e) {
      return false; // closed
    }
    return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
  }
}
