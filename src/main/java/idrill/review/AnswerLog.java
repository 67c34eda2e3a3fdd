package idrill.review;

import static java.nio.file.StandardOpenOption.APPEND;
import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
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
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
  static final String MACHINE_PREFIX = "answers-";
  static final String SUFFIX = ".tsv";
  /** A longer line is skipped unread, so a damaged file costs no memory (the review log's cap). */
  public static final int MAX_LINE_BYTES = 64 * 1024;
  static final String TORN_MARK = "#torn: the line above was cut short by a crash and is skipped";
  private static final int MAX_WARNINGS = 50;
  // a second FileChannel.lock in one process throws: threads take turns here first
  private static final Map<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

  private final Path dir;
  private final Path file;

  public AnswerLog(Path dataDir) {
    this(dataDir, FILE_NAME);
  }

  private AnswerLog(Path dataDir, String fileName) {
    this.dir = dataDir;
    this.file = dataDir.resolve(fileName);
  }

  /**
   * The answers of dataDir as this machine writes them ({@code answers-<machine>.tsv}, named like its review log,
   * so a file-sync engine never sees two machines write one file); reads take every answers file there.
   */
  public static AnswerLog forMachine(Path dataDir, String machine) {
    return new AnswerLog(dataDir, MACHINE_PREFIX + ReviewLog.machineSlug(machine) + SUFFIX);
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

  /**
   * Every well-formed answer of every answers file of the directory (answers.tsv and answers-*.tsv), each once, in
   * time order; warnings name the lines skipped. A missing directory or file has none.
   */
  public List<Answer> read(Consumer<String> warnings) throws IOException {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        String n = p.getFileName().toString();
        if (n.equals(FILE_NAME) || n.startsWith(MACHINE_PREFIX) && n.endsWith(SUFFIX)) files.add(p);
      }
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw describe(e);
    }
    files.sort(ReviewLog.BY_NAME);
    Set<String> seen = new HashSet<>();
    List<Answer> out = new ArrayList<>();
    for (Path f : files) {
      for (Answer a : readFile(f, f.getFileName().toString(), warnings)) if (seen.add(format(a))) out.add(a);
    }
    out.sort(BY_TIME); // stable: one machine's answers keep their order
    return out;
  }
  // a class, not a method reference: show reads answers on a cold JVM, where each bootstrap costs ~0.3 ms
  private static final Comparator<Answer> BY_TIME = new Comparator<>() {
    @Override
    public int compare(Answer a, Answer b) {
      return a.time().compareTo(b.time());
    }
  };


  private List<Answer> readFile(Path f, String name, Consumer<String> warnings) throws IOException {
    // closing any descriptor of the file drops the process's lock on it: not while a thread of ours writes
    ReentrantLock inProcess = lock();
    inProcess.lock();
    try {
      BasicFileAttributes attrs = Files.readAttributes(f, BasicFileAttributes.class);
      if (!attrs.isRegularFile()) {
        // a FIFO would block the read forever
        throw new IOException(f + ": not a regular file; an answers file must be a plain file");
      }
      try (InputStream in = Files.newInputStream(f)) {
        return parse(in, name, warnings);
      }
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw e.getMessage() != null && e.getMessage().startsWith(f.toString()) ? e : describe(e);
    } finally {
      inProcess.unlock();
    }
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
    List<Answer> theirs = readFile(other, other.toString(), warnings);
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
    try {
      return parse(new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), name, warnings);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e); // cannot happen on bytes in memory
    }
  }

  /** The lines of in; a line over MAX_LINE_BYTES is null (skipped as it streams past, never held). */
  private static List<String> lines(InputStream in, boolean[] endsWithNewline) throws IOException {
    List<String> lines = new ArrayList<>();
    java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
    boolean tooLong = false, any = false;
    byte[] buf = new byte[1 << 16];
    for (int n; (n = in.read(buf)) > 0; ) {
      for (int i = 0; i < n; i++) {
        any = true;
        if (buf[i] == '\n') {
          lines.add(tooLong ? null : line.toString(StandardCharsets.UTF_8));
          line.reset();
          tooLong = false;
        } else if (!tooLong) {
          if (line.size() >= MAX_LINE_BYTES) {
            tooLong = true;
            line.reset();
          } else {
            line.write(buf[i]);
          }
        }
      }
    }
    endsWithNewline[0] = !any || line.size() == 0 && !tooLong;
    if (!endsWithNewline[0]) lines.add(tooLong ? null : line.toString(StandardCharsets.UTF_8));
    return lines;
  }

  static List<Answer> parse(InputStream in, String name, Consumer<String> warnings) throws IOException {
    List<Answer> out = new ArrayList<>();
    boolean[] nl = new boolean[1];
    List<String> all = lines(in, nl);
    String[] lines = all.toArray(new String[0]);
    boolean endsWithNewline = nl[0];
    int last = lines.length;
    int[] warned = {0};
    Consumer<String> warn = m -> {
      if (warned[0]++ < MAX_WARNINGS) warnings.accept(m);
    };
    for (int i = 0; i < last; i++) {
      String line = lines[i];
      int lineNo = i + 1;
      if (line == null) {
        warn.accept(name + ":" + lineNo + ": skipped: line longer than " + MAX_LINE_BYTES / 1024 + " KiB");
        continue;
      }
      if (line.isEmpty() || line.startsWith("#") || (i == 0 && line.equals(HEADER))) continue;
      if (i + 1 < last && lines[i + 1] != null && lines[i + 1].startsWith("#torn:")) {
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
    // the review log's hand-written time format: a DateTimeFormatter costs every show ~1 ms to set up
    return ReviewLogCodec.formatTime(a.time().toEpochMilli()) + "\t" + a.id() + "\t" + a.ms() + "\t" + escape(a.text());
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
