package idrill.cli;

/** The documented exit codes (README, `idrill --help`). Only Main turns them into a process status. */
public final class ExitCode {
  public static final int OK = 0;
  public static final int INTERNAL = 1;
  public static final int USAGE = 2;
  public static final int NO_MATCH = 3;
  public static final int DATA = 65;
  public static final int IO = 74;
  public static final int HANGUP = 129; // 128 + SIGHUP, as a shell reports a process the signal ended
  public static final int INTERRUPTED = 130;
  public static final int TERMINATED = 143; // 128 + SIGTERM

  private ExitCode() {}
}
