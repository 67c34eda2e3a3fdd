package idrill.drill;

import java.io.IOException;

/**
 * How a drill ended: its summary, whether it was interrupted (Ctrl-C: the CLI exits 130 after the summary), and the
 * sink's failure when saving a grade failed (null when all went well).
 */
public record Outcome(Summary summary, boolean interrupted, IOException failure) {}
