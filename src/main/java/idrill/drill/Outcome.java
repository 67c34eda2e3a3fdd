package idrill.drill;

import java.io.IOException;

/**
 * How a drill ended: its summary, whether it was interrupted (Ctrl-C: the CLI exits 130 after the summary), the
 * sink's failure when saving a grade failed (null when all went well), and the signal that ended it (SIGTERM 15,
 * SIGHUP 1: the CLI exits 128 + signal after the summary; 0 for none).
 */
public record Outcome(Summary summary, boolean interrupted, IOException failure, int signal) {
  public Outcome(Summary summary, boolean interrupted, IOException failure) {
    this(summary, interrupted, failure, 0);
  }
}
