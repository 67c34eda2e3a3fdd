package idrill.review;

import static java.nio.file.StandardOpenOption.APPEND;
import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The typed answers, {@code answers.tsv} next to the review log: a header, then one tab-separated line per answer
 * ({@code time id ms answer}, the answer with backslash, tab, CR and newline escaped). Lines are only appended,
 * each by one write and an fsync under an exclusive file lock; a line torn by a crash is skipped, never rewritten.
 */
public final class AnswerLog {
  public static final String FILE_NAME = "answers.tsv";
  public static final String HEADER = "time\tid\tms\tanswer";
  static final String TORN_MARK = "#torn: the line above was cut short by a crash and is skipped";
  private static final int MAX_WARNINGS = 50;
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  // a second FileChannel.lock in one process throws: threads take turns here first
  private static final Map<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

  private final Path dir;
  private final Path file;

  public AnswerLog(Path dataDir) {
    this.dir = dataDir;
    this.file = dataDir.resolve(FILE_NAME);
  }

  public Path file() {
    return file;
  }

  /** Appends one answer durably: a single write and an fsync, under an exclusive lock. */
  public void append(Answer a) throws IOException {
    byte[] line = (format(a) + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw describe(e);
    }
    ReentrantLock inProcess = lock();
    inProcess.lock();
    try (FileChannel out = FileChannel.open(file, CREATE, WRITE, APPEND);
        FileChannel tail = FileChannel.open(file, READ)) {
      boolean created;
      try (FileLock ignored = out.lock()) {
        long size = out.size();
        created = size == 0;
        String prefix = created ? HEADER + "\n" : endsWithNewline(tail, size) ? "" : "\n" + TORN_MARK + "\n";
        byte[] head = prefix.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buf = ByteBuffer.allocate(head.length + line.length).put(head).put(line);
        buf.flip();
        while (buf.hasRemaining()) out.write(buf);
        out.force(true);
      }
      if (created) syncDir();
    } catch (IOException e) {
      throw describe(e);
    } finally {
      inProcess.unlock();
    }
  }

  /** Every well-formed answer in file order; warnings name the lines skipped. A missing file has none. */
  public List<Answer> read(Consumer<String> warnings) throws IOException {
    byte[] bytes;
    // closing any descriptor of the file drops the process's lock on it: not while a thread of ours writes
    ReentrantLock inProcess = lock();
    inProcess.lock();
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw describe(e);
    } finally {
      inProcess.unlock();
    }
    return parse(new String(bytes, StandardCharsets.UTF_8), file.getFileName().toString(), warnings);
  }

  /** The answers of one question, oldest first. */
  public List<Answer> of(String id, Consumer<String> warnings) throws IOException {
    List<Answer> out = new ArrayList<>();
    for (Answer a : read(warnings)) if (a.id().equals(id)) out.add(a);
    return out;
  }

  /** Appends the answers of another machine's file that this one lacks (same time, id and text); returns how many. */
  public int merge(Path other, Consumer<String> warnings) throws IOException {
    Set<String> have = new HashSet<>();
    for (Answer a : read(warnings)) have.add(format(a));
    List<Answer> theirs = parse(Files.readString(other, StandardCharsets.UTF_8), other.toString(), warnings);
    int added = 0;
    for (Answer a : theirs) {
      if (have.add(format(a))) {
        append(a);
        added++;
      }
    }
    return added;
  }

  static List<Answer> parse(String text, String name, Consumer<String> warnings) {
    List<Answer> out = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    boolean endsWithNewline = text.isEmpty() || text.endsWith("\n");
    int last = endsWithNewline ? lines.length - 1 : lines.length; // the part after the final '\n' is no line
    int[] warned = {0};
    Consumer<String> warn = m -> {
      if (warned[0]++ < MAX_WARNINGS) warnings.accept(m);
    };
    for (int i = 0; i < last; i++) {
      String line = lines[i];
      int lineNo = i + 1;
      if (line.isEmpty() || line.startsWith("#") || (i == 0 && line.equals(HEADER))) continue;
      if (i + 1 < last && lines[i + 1].startsWith("#torn:")) {
        warn.accept(name + ":" + lineNo + ": skipped: torn line (cut short by a crash; marked at line " + (lineNo + 1) + ")");
        continue;
      }
      if (!endsWithNewline && i == last - 1) {
        warn.accept(name + ":" + lineNo + ": skipped: torn last line (no newline)");
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length < 4) {
        warn.accept(name + ":" + lineNo + ": skipped: expected 4 tab-separated columns, got " + f.length);
        continue;
      }
      try {
        Instant t = Instant.parse(f[0]);
        long ms = Long.parseLong(f[2]);
        if (f[1].isEmpty() || ms < 0) throw new NumberFormatException();
        out.add(new Answer(t, f[1], ms, unescape(f[3])));
      } catch (DateTimeParseException | NumberFormatException e) {
        warn.accept(name + ":" + lineNo + ": skipped: not a time, an id and milliseconds");
      }
    }
    return out;
  }

  /** One line, without '\n'. */
  public static String format(Answer a) {
    return TIME.format(a.time().truncatedTo(ChronoUnit.MILLIS)) + "\t" + a.id() + "\t" + a.ms() + "\t" + escape(a.text());
  }

  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\': sb.append("\\\\"); break;
        case '\n': sb.append("\\n"); break;
        case '\t': sb.append("\\t"); break;
        case '\r': sb.append("\\r"); break;
        default: sb.append(c);
      }
    }
    return sb.toString();
  }

  static String unescape(String s) {
    if (s.indexOf('\\') < 0) return s;
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 == s.length()) {
        sb.append(c);
        continue;
      }
      char n = s.charAt(++i);
      switch (n) {
        case 'n': sb.append('\n'); break;
        case 't': sb.append('\t'); break;
        case 'r': sb.append('\r'); break;
        default: sb.append(n); // "\\" and anything unknown stand for themselves
      }
    }
    return sb.toString();
  }

  private ReentrantLock lock() {
    return LOCKS.computeIfAbsent(dir.toAbsolutePath().normalize(), k -> new ReentrantLock());
  }

  private static boolean endsWithNewline(FileChannel ch, long size) throws IOException {
    ByteBuffer last = ByteBuffer.allocate(1);
    while (last.hasRemaining()) {
      if (ch.read(last, size - 1) < 0) throw new IOException("file shrank while locked");
    }
    return last.get(0) == '\n';
  }

  /** A new file's directory entry is durable only once the directory is synced (best effort). */
  private void syncDir() {
    try (FileChannel d = FileChannel.open(dir, READ)) {
      d.force(true);
    } catch (IOException | RuntimeException e) {
      // the data itself is synced
    }
  }

  /** One line naming the file and what went wrong. */
  private IOException describe(IOException e) {
    String reason;
    if (e instanceof AccessDeniedException) reason = "Permission denied";
    else if (e instanceof NoSuchFileException) reason = "No such file or directory";
    else if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
      reason = ((FileSystemException) e).getReason();
    } else {
      reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
    return new IOException(file + ": " + reason, e);
  }
}
