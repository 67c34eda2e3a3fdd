package idrill.cli;

import idrill.config.Locations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.InfoCmp;
import org.jline.utils.InfoCmp.Capability;

/**
 * The drill's JLine terminal, built on a second thread while picocli parses the command line and the bank and log
 * load: JLine's set-up is the largest single cost before the first question is painted. Building it changes nothing
 * on the tty (raw mode and the alternate screen come later), so when the drill never runs it is simply closed.
 */
final class EarlyTerminal implements AutoCloseable {
  private final FutureTask<Terminal> task;
  private boolean taken;

  private EarlyTerminal(TerminfoCache terminfo) {
    task = new FutureTask<>(() -> {
      boolean cached = terminfo != null && terminfo.preload();
      Terminal terminal = open();
      if (terminfo != null && !cached) terminfo.save();
      return terminal;
    });
  }

  /** Starts building the terminal for $TERM, with infocmp's answer for it from the cache directory when current. */
  static EarlyTerminal start(Context ctx) {
    EarlyTerminal early = new EarlyTerminal(TerminfoCache.of(Locations.cacheDir(ctx.env()), ctx.getenv("TERM")));
    Thread t = new Thread(early.task, "idrill-terminal");
    t.setDaemon(true);
    t.start();
    return early;
  }

  /** The terminal, waiting for it if need be; the caller closes it. */
  Terminal take() throws IOException {
    taken = true;
    return get();
  }

  /** Closes the terminal when no drill took it (--help, a bad option, no matching question). */
  @Override
  public void close() {
    if (taken) return;
    try {
      get().close();
    } catch (IOException | RuntimeException e) {
      // never used: nothing to restore, and the command's own outcome is what the user needs to see
    }
  }

  private Terminal get() throws IOException {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return task.get();
        } catch (InterruptedException e) {
          interrupted = true; // the terminal is the only way on; keep waiting, then re-assert
        }
      }
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException) throw (IOException) cause;
      if (cause instanceof RuntimeException) throw (RuntimeException) cause;
      if (cause instanceof Error) throw (Error) cause;
      throw new UncheckedIOException(new IOException(cause));
    } finally {
      if (interrupted) Thread.currentThread().interrupt();
    }
  }

  /**
   * The system terminal through JLine's native (JNI) provider; the exec provider (stty in a subprocess) only when the
   * native library cannot load here. Asking for both up front costs two `test -t` subprocesses on every start.
   * Grapheme-cluster probing is off: it costs ~130 ms and the drill does not need it.
   */
  private static Terminal open() throws IOException {
    // JLine's logging is off (cli.Logging): a $TERM without a terminfo entry would log a stack trace
    try {
      return builder(true).build();
    } catch (IllegalStateException | IOException | LinkageError e) {
      return builder(false).build();
    }
  }

  /**
   * Whether JLine found a description of the terminal (terminfo, or one it bundles); without one it guesses plain
   * ANSI codes and the full screen is drawn blind (no alternate screen, leftovers after the drill).
   */
  static boolean described(Terminal t) {
    String type = t.getType();
    return type != null && InfoCmp.getLoadedInfoCmp(type) != null
        && t.getStringCapability(Capability.cursor_address) != null;
  }

  // each enabled provider is checked (exec by spawning `test -t`) even when the providers list leaves it out
  private static TerminalBuilder builder(boolean jni) {
    return TerminalBuilder.builder().system(true).ffm(false).jni(jni).exec(!jni).dumb(false).graphemeCluster(false)
        .signalHandler(Terminal.SignalHandler.SIG_IGN);
  }
}
