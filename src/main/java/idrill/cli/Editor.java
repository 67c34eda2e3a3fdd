package idrill.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The user's editor: {@code $VISUAL}, else {@code $EDITOR}, else {@code vi}, split into words as a shell would
 * (quotes and backslashes, no expansion: nothing is run through a shell), started on the terminal we have.
 */
final class Editor {
  private final Context ctx;

  Editor(Context ctx) {
    this.ctx = ctx;
  }

  /** The editor's words and the variable they came from. */
  record Command(List<String> words, String source) {}

  Command command() {
    for (String name : List.of("VISUAL", "EDITOR")) {
      String v = ctx.getenv(name);
      if (v != null && !v.isBlank()) {
        List<String> words = words(v);
        if (words.isEmpty()) throw new UsageException("$" + name + " names no program");
        return new Command(words, "$" + name);
      }
    }
    return new Command(List.of("vi"), "the default editor");
  }

  /**
   * Runs the editor on file at line ({@code +LINE FILE}, which vi, vim, emacs, nano and micro understand) and waits
   * for it; returns its exit status. Throws IOException when it cannot be started.
   */
  int open(Path file, int line) throws IOException {
    Command c = command();
    List<String> argv = new ArrayList<>(c.words());
    argv.add("+" + Math.max(1, line));
    argv.add(file.toString());
    ProcessBuilder pb = new ProcessBuilder(argv).directory(ctx.cwd().toFile());
    pb.environment().clear();
    pb.environment().putAll(ctx.env());
    // the editor owns the terminal; our stdin goes to it only when it is the process's own (not a test's bytes)
    pb.redirectOutput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.INHERIT);
    pb.redirectInput(ctx.in() == System.in ? ProcessBuilder.Redirect.INHERIT : ProcessBuilder.Redirect.PIPE);
    Stamp before = Stamp.of(file);
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new IOException("cannot start the editor '" + c.words().get(0) + "' (from " + c.source() + "): "
          + reason(e), e);
    }
    if (ctx.in() != System.in) p.getOutputStream().close();
    int status;
    Object previous = ignoreInterrupts();
    try {
      status = p.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroy();
      throw new IOException("interrupted while the editor ran", e);
    } finally {
      restoreInterrupts(previous);
    }
    before.touchIfHidden(file);
    return status;
  }

  // Ctrl-C in an editor that leaves the terminal's ISIG on (ed, code --wait) is the editor's, not ours: as git does,
  // idrill waits for it and then checks the file. sun.misc.Signal is the JDK's one way; without it, nothing changes.
  private static Object ignoreInterrupts() {
    try {
      return sun.misc.Signal.handle(new sun.misc.Signal("INT"), sun.misc.SignalHandler.SIG_IGN);
    } catch (IllegalArgumentException | LinkageError e) {
      return null;
    }
  }

  private static void restoreInterrupts(Object previous) {
    if (previous == null) return;
    try {
      sun.misc.Signal.handle(new sun.misc.Signal("INT"), (sun.misc.SignalHandler) previous);
    } catch (IllegalArgumentException | LinkageError e) {
      // left ignoring: the command ends soon anyway
    }
  }

  private static String reason(IOException e) {
    String m = String.valueOf(e.getMessage());
    int i = m.indexOf("error=");
    return i >= 0 ? m.substring(i) : m; // "error=2, No such file or directory"
  }

  /**
   * A file's size, modification time and bytes before the edit. The bank cache knows a file by size and mtime, so an
   * edit that kept both (same length, within the file system's clock tick) would be read from the stale copy:
   * such a file's mtime is moved on.
   */
  private record Stamp(long size, FileTime mtime, byte[] bytes) {
    static Stamp of(Path file) {
      try {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return new Stamp(a.size(), a.lastModifiedTime(), Files.readAllBytes(file));
      } catch (IOException e) {
        return null;
      }
    }

    void touchIfHidden(Path file) {
      Stamp after = Stamp.of(file);
      if (after == null || after.size != size || !after.mtime.equals(mtime) || Arrays.equals(after.bytes, bytes)) return;
      try {
        Files.setLastModifiedTime(file, FileTime.fromMillis(mtime.toMillis() + 1000));
      } catch (IOException e) {
        // best effort: the cache is checked by validate and the drill reloads without it
      }
    }
  }

  /** Splits like a POSIX shell: blanks separate words; '…' is literal; "…" and \ escape; no expansion. */
  static List<String> words(String s) {
    List<String> words = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    boolean inWord = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\'') {
        int end = s.indexOf('\'', i + 1);
        if (end < 0) throw new UsageException("the editor command has an unclosed ' quote: " + s);
        w.append(s, i + 1, end);
        i = end;
        inWord = true;
      } else if (c == '"') {
        int j = i + 1;
        for (; j < s.length() && s.charAt(j) != '"'; j++) {
          char d = s.charAt(j);
          if (d == '\\' && j + 1 < s.length() && "\"\\$`".indexOf(s.charAt(j + 1)) >= 0) d = s.charAt(++j);
          w.append(d);
        }
        if (j >= s.length()) throw new UsageException("the editor command has an unclosed \" quote: " + s);
        i = j;
        inWord = true;
      } else if (c == '\\' && i + 1 < s.length()) {
        w.append(s.charAt(++i));
        inWord = true;
      } else if (c == ' ' || c == '\t' || c == '\n') {
        if (inWord) words.add(w.toString());
        w.setLength(0);
        inWord = false;
      } else {
        w.append(c);
        inWord = true;
      }
    }
    if (inWord) words.add(w.toString());
    return words;
  }
}
