package idrill;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A private tmux server (its own -L socket) for driving the real terminal UI; never touches other servers. */
public final class Tmux implements AutoCloseable {
  private final String socket = "idrill-test-" + UUID.randomUUID().toString().substring(0, 8);
  private final String config;

  public Tmux() {
    try {
      // remain-on-exit from the start, so a pane whose program exits at once is still there to read
      java.nio.file.Path conf = java.nio.file.Files.createTempFile("idrill-tmux", ".conf");
      java.nio.file.Files.writeString(conf, "set -g remain-on-exit on\nset -g status off\n");
      conf.toFile().deleteOnExit();
      config = conf.toString();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static boolean available() {
    try {
      Process p = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  public String tmux(String... args) {
    List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket, "-f", config));
    cmd.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(20, TimeUnit.SECONDS)) throw new IllegalStateException("tmux hung: " + cmd);
      if (p.exitValue() != 0) throw new IllegalStateException("tmux failed: " + cmd + ": " + out);
      return out;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Starts a detached session running a shell command; the pane stays after the command exits. */
  public void start(String session, int cols, int rows, String shellCommand) {
    tmux("new-session", "-d", "-s", session, "-x", String.valueOf(cols), "-y", String.valueOf(rows), shellCommand);
  }

  public String screen(String session) {
    return tmux("capture-pane", "-p", "-t", session);
  }

  /** The screen with colours and attributes as escape sequences. */
  public String screenWithEscapes(String session) {
    return tmux("capture-pane", "-p", "-e", "-t", session);
  }

  public void keys(String session, String... keys) {
    List<String> args = new ArrayList<>(List.of("send-keys", "-t", session));
    args.addAll(List.of(keys));
    tmux(args.toArray(new String[0]));
  }

  /** Sends text literally (no key-name lookup). */
  public void type(String session, String text) {
    tmux("send-keys", "-t", session, "-l", text);
  }

  public String waitFor(String session, Predicate<String> condition, String what) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    String screen = "";
    while (System.nanoTime() < deadline) {
      screen = screen(session);
      if (condition.test(screen)) return screen;
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new AssertionError("timed out waiting for " + what + "; screen was:\n" + screen);
  }

  public String waitFor(String session, String text) {
    return waitFor(session, s -> s.contains(text), "'" + text + "'");
  }

  public long panePid(String session) {
    return Long.parseLong(tmux("display-message", "-p", "-t", session, "#{pane_pid}").trim());
  }

  public boolean paneDead(String session) {
    return "1".equals(tmux("display-message", "-p", "-t", session, "#{pane_dead}").trim());
  }

  @Override
  public void close() {
    try {
      tmux("kill-server");
    } catch (IllegalStateException ignored) {
      // already gone
    }
  }
}
