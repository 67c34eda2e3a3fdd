package idrill;

import idrill.cli.Cli;
import idrill.cli.Context;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

/** Entry point: the only place that exits the process. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), false);
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    Context ctx = new Context(System.getenv(), System.in, out, err, System.console() != null,
        Path.of("").toAbsolutePath(), Clock.systemDefaultZone());
    int code = Cli.run(ctx, args);
    out.flush();
    err.flush();
    System.exit(code);
  }
}
