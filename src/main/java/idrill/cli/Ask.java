package idrill.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** A yes/no question on the terminal (prompt on stderr, so stdout stays the command's output). */
final class Ask {
  private final Context ctx;
  private BufferedReader in;

  Ask(Context ctx) {
    this.ctx = ctx;
  }

  /** True for y, yes or a bare Enter; false for anything else and at end of input (which ends the prompt's line). */
  boolean yes(String question) throws IOException {
    ctx.err().print(question + " [Y/n] ");
    ctx.err().flush();
    if (in == null) in = new BufferedReader(new InputStreamReader(ctx.in(), StandardCharsets.UTF_8));
    String a = in.readLine();
    if (a == null) ctx.err().println();
    return a != null && (a.isBlank() || a.strip().toLowerCase(Locale.ROOT).startsWith("y"));
  }
}
