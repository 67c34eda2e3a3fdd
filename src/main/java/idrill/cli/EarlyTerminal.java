package idrill.cli;

import idrill.config.Locations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.AbstractTerminal;
import org.jline.terminal.impl.jni.JniTerminalProvider;
import org.jline.terminal.spi.SystemStream;
import org.jline.utils.InfoCmp;
import org.jline.utils.InfoCmp.Capability;
import org.jline.utils.OSUtils;

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
      Terminal t = direct();
      if (t != null) return t;
    } catch (IOException | RuntimeException | LinkageError e) {
      // TerminalBuilder tries the same provider again, then the others, and says why none works
    }
    try {
      return builder(true).build();
    } catch (IllegalStateException | IOException | LinkageError e) {
      return builder(false).build();
    }
  }

  /**
   * The JNI terminal as TerminalBuilder makes it on a Unix tty (its own type and encodings), without the builder's
   * provider lookup, which reads the jar and instantiates by reflection, and with the signals forwarded by plain
   * handlers rather than JLine's reflective proxies: ~15 ms of the drill's first paint on JDK 17. Null when stdin or
   * stdout is no tty, or on Windows, where the builder has choices to make.
   */
  private static Terminal direct() throws IOException {
    if (OSUtils.IS_WINDOWS) return null;
    JniTerminalProvider provider = new JniTerminalProvider();
    if (!provider.isSystemStream(SystemStream.Input) || !provider.isSystemStream(SystemStream.Output)) return null;
    TerminalBuilder b = builder(true);
    Terminal t = provider.sysTerminal("JLine terminal", b.computeType(), false, b.computeEncoding(),
        b.computeStdinEncoding(), b.computeStdoutEncoding(), false, Terminal.SignalHandler.SIG_IGN, false,
        SystemStream.Output);
    try {
      Forwarding forwarding = new Forwarding(t);
      ((AbstractTerminal) t).setOnClose(forwarding::restore);
    } catch (RuntimeException | LinkageError e) {
      t.close();
      throw e;
    }
    return t;
  }

  /**
   * What JLine's native signals do, without reflection: each signal the JVM lets a program handle is raised on the
   * terminal, whose handlers (the drill's, the line reader's; ignored by default) decide; close puts the JVM's back.
   */
  @SuppressWarnings("sunapi")
  private static final class Forwarding {
    private final List<sun.misc.Signal> signals = new ArrayList<>();
    private final List<sun.misc.SignalHandler> previous = new ArrayList<>();

    Forwarding(Terminal terminal) {
      for (Terminal.Signal s : Terminal.Signal.values()) {
        try {
          sun.misc.Signal sig = new sun.misc.Signal(s.name());
          previous.add(sun.misc.Signal.handle(sig, new Raise(terminal, s)));
          signals.add(sig);
        } catch (IllegalArgumentException e) {
          // no such signal here (INFO on Linux), or the JVM keeps it (QUIT for thread dumps)
        }
      }
    }

    void restore() {
      for (int i = 0; i < signals.size(); i++) sun.misc.Signal.handle(signals.get(i), previous.get(i));
    }
  }

  // a class, not a lambda: each lambda's bootstrap costs cold JDK 17 about 0.3 ms on this path
  @SuppressWarnings("sunapi")
  private static final class Raise implements sun.misc.SignalHandler {
    private final Terminal terminal;
    private final Terminal.Signal signal;

    Raise(Terminal terminal, Terminal.Signal signal) {
      this.terminal = terminal;
      this.signal = signal;
    }

    @Override
    public void handle(sun.misc.Signal sig) {
      terminal.raise(signal);
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
