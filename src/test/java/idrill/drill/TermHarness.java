package idrill.drill;

import idrill.render.Style;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;

/** A JLine terminal over pipes: the test types bytes into it and reads back everything the drill wrote. */
final class TermHarness implements AutoCloseable {
  private static final Pattern SGR = Pattern.compile("\u001b\\[[0-9;]*m");
  final int cols;
  final int rows;
  final Terminal terminal;
  private final PipedOutputStream keys = new PipedOutputStream();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ExecutorService runner = Executors.newSingleThreadExecutor();
  private Future<Outcome> running;

  TermHarness(int cols, int rows) throws IOException {
    this.cols = cols;
    this.rows = rows;
    PipedInputStream in = new PipedInputStream(keys, 1 << 16);
    // JLine's own line discipline over the pipes: TerminalBuilder.streams(...) would open a real pty through the
    // native provider, whose kernel echo and fd reuse across tests made keys land in cooked mode now and then
    terminal = new ExternalTerminal("idrill-test", "xterm-256color", in, out, StandardCharsets.UTF_8);
    terminal.setSize(new Size(cols, rows));
  }

  /** Starts the drill on its own thread and waits for its first screen, so keys arrive in raw mode. */
  void start(Function<Terminal, TerminalDrill> drill) throws Exception {
    TerminalDrill d = drill.apply(terminal);
    running = runner.submit(d::run);
    awaitOutput(s -> s.contains("help"));
  }

  void type(String s) throws IOException {
    keys.write(s.getBytes(StandardCharsets.UTF_8));
    keys.flush();
  }

  /**
   * Types the keys and waits for the drill to finish; the keys must end it (q, Ctrl-C, ...). The input stays open:
   * JLine's pump drops input still buffered when its stream ends, so tests of end-of-input use {@link #endInput}.
   */
  Outcome finish(String s) throws Exception {
    type(s);
    return await();
  }

  void endInput() throws IOException {
    keys.close();
  }

  /**
   * Waits for the drill to end, then for its output to arrive in full, up to the summary's last line.
   */
  Outcome await() throws InterruptedException, ExecutionException {
    Outcome o;
    try {
      o = running.get(20, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("the drill did not end; local flags " + terminal.getAttributes().getLocalFlags()
          + "; output so far:\n" + output(), e);
    }
    List<String> summary = o.summary().lines(new Style(false));
    String last = summary.get(summary.size() - 1).strip();
    awaitOutput(out -> SGR.matcher(out).replaceAll("").stripTrailing().endsWith(last));
    return o;
  }

  void awaitOutput(Predicate<String> p) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!p.test(output())) {
      if (System.nanoTime() > until) throw new AssertionError("output never matched; output so far:\n" + output());
      Thread.sleep(10);
    }
  }

  String output() {
    return out.toString(StandardCharsets.UTF_8);
  }

  Screen screen() {
    return Screen.of(output(), cols, rows);
  }

  @Override
  public void close() throws IOException {
    runner.shutdownNow();
    keys.close();
    terminal.close();
  }
}
