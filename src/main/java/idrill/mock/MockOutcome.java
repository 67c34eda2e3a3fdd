package idrill.mock;

import java.io.IOException;

/** How a mock interview ended: interrupted (Ctrl-C: exit 130 after the report), or a sink's failure (else null). */
public record MockOutcome(boolean interrupted, IOException failure) {}
