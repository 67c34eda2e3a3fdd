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
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

/**
 * The append-only review log {@code reviews.tsv}: a header, then one tab-separated line per grade or undo.
 * Lines are only ever appended, each by one write and an fsync under an exclusive file lock.
 */
public final class ReviewLog {
  public static final String FILE_NAME = "reviews.tsv";
  public static final String HEADER = "time\tid\tgrade\tms";

  // File locks belong to the process: threads take turns here first (a second FileChannel.lock would throw
  // OverlappingFileLockException), and readers hold off closing a descriptor while a writer is locked,
  // because closing any descriptor of a file drops the process's POSIX lock on it.
  private static final Map<Path, ReentrantReadWriteLock> LOCKS = new ConcurrentHashMap<>();

  private final Path dir;
  private final Path file;

  public ReviewLog(Path dataDir) {
    this(dataDir, FILE_NAME);
  }

  private ReviewLog(Path dir, String fileName) {
    this.dir = dir;
    this.file = dir.resolve(fileName);
  }

  public Path file() {
    return file;
  }

  /** Creates the directory and the file (with its header) now, so an unwritable data directory fails before the first question. */
  public void checkWritable() throws IOException {
    write(null);
  }

  /** Appends one event durably (single write + fsync, under an exclusive lock). */
  public void append(Review review) throws IOException {
    write((ReviewLogCodec.format(review) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** Every well-formed event in file order, undo events included; warnings for skipped lines. A missing file = empty list. */
  public List<Review> readEvents(Consumer<String> warnings) throws IOException {
    return read(warnings).asList();
  }

  /** {@link #readEvents} as columns, the form replay takes. */
  public ReviewEvents read(Consumer<String> warnings) throws IOException {
    FileChannel in;
    try {
      in = FileChannel.open(file, READ);
    } catch (NoSuchFileException e) {
      return ReviewEvents.of(List.of());
    } catch (IOException e) {
      throw describe(e);
    }
    try {
      return ReviewLogCodec.parse(in, in.size(), warnings);
    } catch (IOException e) {
      throw describe(e);
    } finally {
      closeUnlocked(in);
    }
  }

  /** The standing events (undos applied, see {@link ReviewEvents#standing}) in file order: what replay takes. */
  public ReviewEvents readStanding(Consumer<String> warnings) throws IOException {
    return read(warnings).applyUndos();
  }

  /** Reads another file in the same format (a copy of another machine's log); warnings name that file. */
  public static List<Review> readFile(Path other, Consumer<String> warnings) throws IOException {
    String name = other.toString();
    if (!Files.isRegularFile(other)) throw new NoSuchFileException(name, null, "No such file");
    Consumer<String> named = w -> warnings.accept(w.startsWith(FILE_NAME) ? name + w.substring(FILE_NAME.length()) : w);
    return new ReviewLog(other.toAbsolutePath().getParent(), other.getFileName().toString()).readEvents(named);
  }

  /** What a merge did: events appended, and events skipped because this log already had them. */
  public record MergeResult(int added, int skipped) {}

  /**
   * Appends the events of {@code other} that this log lacks (same time, id and grade), in their order, as one write
   * and one fsync; never reorders or drops a line here. Replay sorts by time, so where they land does not matter.
   */
  public MergeResult merge(Path other, Consumer<String> warnings) throws IOException {
    List<Review> theirs = readFile(other, warnings);
    Set<String> have = new HashSet<>();
    for (Review r : readEvents(warnings)) have.add(key(r));
    StringBuilder lines = new StringBuilder();
    int added = 0;
    for (Review r : theirs) {
      if (!have.add(key(r))) continue;
      lines.append(ReviewLogCodec.format(r)).append('\n');
      added++;
    }
    if (added > 0) write(lines.toString().getBytes(StandardCharsets.UTF_8));
    return new MergeResult(added, theirs.size() - added);
  }

  private static String key(Review r) {
    return r.time().toEpochMilli() + "\t" + r.id() + "\t" + r.grade().word();
  }

  /**
   * Events with undos applied: each undo removes the latest still-standing grade of its id (an undo with nothing to
   * undo is ignored); the result is sorted by time (stable), no UNDO entries remain.
   */
  public static List<Review> standing(List<Review> events) {
    List<Review> out = new ArrayList<>(ReviewEvents.of(events).standing().asList());
    // List.sort is stable and, on a list already in order (the usual case), one pass
    out.sort(Comparator.comparing(Review::time));
    return out;
  }

  /** Formats one line (without '\n'). */
  public static String format(Review r) {
    return ReviewLogCodec.format(r);
  }

  /** Appends line (or, when null, only the header of a new file) under both locks, then fsyncs. */
  private void write(byte[] line) throws IOException {
    Lock inProcess;
    try {
      Files.createDirectories(dir);
      inProcess = lockFor().writeLock();
    } catch (IOException e) {
      throw describe(e);
    }
    inProcess.lock();
    // the tail channel reads the last byte (APPEND excludes READ); both close only after the file lock is released
    try (FileChannel out = FileChannel.open(file, CREATE, WRITE, APPEND);
        FileChannel tail = FileChannel.open(file, READ)) {
      boolean created;
      try (FileLock ignored = out.lock()) {
        long size = out.size();
        created = size == 0;
        if (line == null && !created) return;
        String prefix = created ? HEADER + "\n" : endsWithNewline(tail, size) ? "" : "\n" + ReviewLogCodec.TORN_MARK + "\n";
        byte[] head = prefix.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buf = ByteBuffer.allocate(head.length + (line == null ? 0 : line.length)).put(head);
        if (line != null) buf.put(line);
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

  private static boolean endsWithNewline(FileChannel ch, long size) throws IOException {
    ByteBuffer last = ByteBuffer.allocate(1);
    while (last.hasRemaining()) {
      if (ch.read(last, size - 1) < 0) throw new IOException("file shrank while locked");
    }
    return last.get(0) == '\n';
  }

  /** A new file's directory entry is durable only once the directory itself is synced (best effort: not every OS allows it). */
  private void syncDir() {
    try (FileChannel d = FileChannel.open(dir, READ)) {
      d.force(true);
    } catch (IOException | RuntimeException e) {
      // the data itself is synced; a lost entry would need a crash within moments of creation
    }
  }

  /** Closes a reading channel when no thread of ours holds the file lock, which the close would silently drop. */
  private void closeUnlocked(FileChannel in) throws IOException {
    Lock lock;
    try {
      lock = lockFor().readLock();
    } catch (IOException e) {
      in.close(); // no key to lock by (the directory went away); closing is all that is left
      return;
    }
    lock.lock();
    try {
      in.close();
    } finally {
      lock.unlock();
    }
  }

  private ReentrantReadWriteLock lockFor() throws IOException {
    Path key = dir.toRealPath().resolve(FILE_NAME);
    ReentrantReadWriteLock lock = LOCKS.get(key);
    if (lock == null) {
      ReentrantReadWriteLock fresh = new ReentrantReadWriteLock();
      lock = LOCKS.putIfAbsent(key, fresh);
      if (lock == null) lock = fresh;
    }
    return lock;
  }

  /** One line naming the log file and what went wrong, e.g. "/x/reviews.tsv: Permission denied". */
  private IOException describe(IOException e) {
    String reason;
    if (e instanceof AccessDeniedException) reason = "Permission denied";
    else if (e instanceof NoSuchFileException) reason = "No such file or directory";
    else if (e instanceof FileAlreadyExistsException) reason = "exists but is not a directory";
    else if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
      reason = ((FileSystemException) e).getReason();
    } else {
      reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
    String other = e instanceof FileSystemException ? ((FileSystemException) e).getFile() : null;
    String where = other == null || other.equals(file.toString()) ? "" : other + ": ";
    return new IOException(file + ": " + where + reason, e);
  }
}
