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
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
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
 * The review log of a data directory: append-only files of one tab-separated line per event after a header. Each
 * machine appends only to its own file, {@code reviews-<machine>.tsv}; readers take the union of every
 * {@code reviews-*.tsv} there and the single-machine {@code reviews.tsv} of earlier versions (read, never written by
 * a machine log), each event once. So a sync engine sharing the directory never sees two writers of one file. Lines
 * are only ever appended, each by one write and an fsync under an exclusive file lock.
 */
public final class ReviewLog {
  /** The log of versions before machine logs; still read, and still the file written when no machine is named. */
  public static final String FILE_NAME = "reviews.tsv";
  public static final String HEADER = "time\tid\tgrade\tms";
  private static final String MACHINE_PREFIX = "reviews-";
  private static final String SUFFIX = ".tsv";
  private static final long DAY_MILLIS = 86_400_000L;
  private static final int FUTURE_LISTED = 3;

  // File locks belong to the process: threads take turns here first (a second FileChannel.lock would throw
  // OverlappingFileLockException), and readers hold off closing a descriptor while a writer is locked,
  // because closing any descriptor of a file drops the process's POSIX lock on it.
  private static final Map<Path, ReentrantReadWriteLock> LOCKS = new ConcurrentHashMap<>();

  private final Path dir;
  private final Path file;

  /** The log of dataDir, appending to {@code reviews.tsv} (one machine, as before machine logs). */
  public ReviewLog(Path dataDir) {
    this(dataDir, FILE_NAME);
  }

  private ReviewLog(Path dir, String fileName) {
    this.dir = dir;
    this.file = dir.resolve(fileName);
  }

  /** The log of dataDir as this machine writes it: appends go to {@code reviews-<slug of machine>.tsv}. */
  public static ReviewLog forMachine(Path dataDir, String machine) {
    return new ReviewLog(dataDir, MACHINE_PREFIX + machineSlug(machine) + SUFFIX);
  }

  /**
   * A machine name as a safe file-name part: lowercase letters, digits and single '-' (anything else becomes '-'),
   * at most 40 characters; "machine" when nothing is left.
   */
  public static String machineSlug(String name) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < name.length() && sb.length() < 40; i++) {
      char c = Character.toLowerCase(name.charAt(i));
      boolean ok = c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
      if (ok) sb.append(c);
      else if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '-') sb.append('-');
    }
    while (sb.length() > 0 && sb.charAt(sb.length() - 1) == '-') sb.setLength(sb.length() - 1);
    return sb.length() == 0 ? "machine" : sb.toString();
  }

  /** The file this log appends to. */
  public Path file() {
    return file;
  }

  /** Whether the time can be written in the log (years 0000-9999). */
  public static boolean representable(Instant t) {
    return ReviewLogCodec.representable(t);
  }

  /** The files read, by name: reviews.tsv and every reviews-*.tsv of the directory (a missing directory has none). */
  public List<Path> files() throws IOException {
    List<Path> out = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        String n = p.getFileName().toString();
        if (n.equals(FILE_NAME) || n.startsWith(MACHINE_PREFIX) && n.endsWith(SUFFIX)) out.add(p);
      }
    } catch (NoSuchFileException e) {
      return out;
    } catch (IOException e) {
      throw describe(e, dir);
    }
    out.sort(BY_NAME);
    return out;
  }

  /**
   * Log files in name order. A class, not a lambda: on a cold JDK 17 a lambda's bootstrap (and the one inside
   * Comparator.comparing) costs ~2 ms here, on every command's path.
   */
  static final Comparator<Path> BY_NAME = new Comparator<>() {
    @Override
    public int compare(Path a, Path b) {
      return a.getFileName().toString().compareTo(b.getFileName().toString());
    }
  };

  /** Creates the directory and the file (with its header) now, so an unwritable data directory fails before the first question. */
  public void checkWritable() throws IOException {
    write(null);
  }

  /** Appends one event durably (single write + fsync, under an exclusive lock). */
  public void append(Review review) throws IOException {
    byte[] line = (ReviewLogCodec.format(review) + "\n").getBytes(StandardCharsets.UTF_8);
    write(tail -> line);
  }

  /** Appends one set-aside event the same way as a grade: one write and an fsync under the lock. */
  public void append(AsideEvent event) throws IOException {
    byte[] line = (ReviewLogCodec.format(event) + "\n").getBytes(StandardCharsets.UTF_8);
    write(tail -> line);
  }

  /** Formats one set-aside line (without '\n'). */
  public static String format(AsideEvent event) {
    return ReviewLogCodec.format(event);
  }

  /** Every well-formed event of every file in name order, undo events included; warnings for skipped lines. */
  public List<Review> readEvents(Consumer<String> warnings) throws IOException {
    return read(warnings).asList();
  }

  /** {@link #readEvents} as columns, the form replay takes. */
  public ReviewEvents read(Consumer<String> warnings) throws IOException {
    return read(warnings, null);
  }

  /**
   * {@link #read(Consumer)}, also warning of events more than a day after now (a machine with a wrong clock): they
   * count as reviews at that time and would hide their questions until then.
   */
  public ReviewEvents read(Consumer<String> warnings, Instant now) throws IOException {
    List<Path> paths = files();
    long[] sizes = new long[paths.size()];
    long total = 0;
    for (int i = 0; i < sizes.length; i++) total += sizes[i] = regularSize(paths.get(i));
    ReviewLogCodec.Parser parser = new ReviewLogCodec.Parser(total, warnings);
    for (int i = 0; i < sizes.length; i++) {
      Path p = paths.get(i);
      if (sizes[i] < 0) continue; // gone since the listing
      FileChannel in;
      try {
        in = FileChannel.open(p, READ);
      } catch (NoSuchFileException e) {
        continue;
      } catch (IOException e) {
        throw describe(e, p);
      }
      int from = parser.events.size();
      String name = p.getFileName().toString();
      try {
        parser.file(in, sizes[i], name, p.equals(file));
      } catch (IOException e) {
        throw describe(e, p);
      } finally {
        closeUnlocked(in, p);
      }
      if (now != null) warnFuture(parser.events, from, name, now, warnings);
    }
    return parser.events;
  }

  /** The standing events (undos applied, see {@link ReviewEvents#standing}) in file order: what replay takes. */
  public ReviewEvents readStanding(Consumer<String> warnings) throws IOException {
    return read(warnings).applyUndos();
  }

  /** {@link #readStanding(Consumer)} with the warning of {@link #read(Consumer, Instant)} about future events. */
  public ReviewEvents readStanding(Consumer<String> warnings, Instant now) throws IOException {
    return read(warnings, now).applyUndos();
  }

  /**
   * The set-aside marks alone, for commands that need no grade (random --daily, list): each file's bytes are scanned
   * for lines whose grade word could be a set-aside word or an undo (first letter s, u, b or f), and only those are
   * parsed, as {@link #read} would; a grade line costs a look at a few bytes and the search for its newline.
   * Warnings are left to the commands that read everything.
   */
  public Marks readMarks() throws IOException {
    java.io.ByteArrayOutputStream picked = new java.io.ByteArrayOutputStream();
    byte[] b = new byte[ReviewLogCodec.CHUNK];
    for (Path p : files()) {
      long size = regularSize(p);
      if (size < 0) continue;
      FileChannel in;
      try {
        in = FileChannel.open(p, READ);
      } catch (NoSuchFileException e) {
        continue;
      } catch (IOException e) {
        throw describe(e, p);
      }
      try {
        scanAsides(in, b, picked);
      } catch (IOException e) {
        throw describe(e, p);
      } finally {
        closeUnlocked(in, p);
      }
    }
    if (picked.size() == 0) return Marks.of(ReviewEvents.of(List.of()));
    byte[] lines = picked.toByteArray();
    ReviewEvents events = ReviewLogCodec.parse(java.nio.channels.Channels.newChannel(
        new java.io.ByteArrayInputStream(lines)), lines.length, w -> { });
    return Marks.of(events.applyUndos());
  }

  /**
   * Copies to picked the whole lines of in that may be set-aside events or undos, each with the torn mark that
   * follows it, if any (so the parser skips it as the full read does); a last line without newline is no event yet.
   */
  private static void scanAsides(FileChannel in, byte[] b, java.io.ByteArrayOutputStream picked) throws IOException {
    int hi = 0;
    boolean eof = false;
    boolean lastPicked = false;
    boolean skipping = false; // inside a line longer than the chunk: no event
    ByteBuffer words = ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    while (!eof) {
      int r = in.read(ByteBuffer.wrap(b, hi, b.length - hi));
      if (r < 0) eof = true;
      else hi += r;
      int s = 0;
      if (skipping) {
        while (s < hi && b[s] != '\n') s++;
        if (s == hi) {
          hi = 0;
          continue;
        }
        s++;
        skipping = false;
        lastPicked = false;
      }
      while (s < hi) {
        int nl = newline(b, words, s, hi);
        if (nl == hi) break; // cut by the chunk (read on) or the file's torn end (not an event)
        boolean torn = nl - s >= 6 && b[s] == '#' && b[s + 1] == 't' && b[s + 2] == 'o' && b[s + 3] == 'r'
            && b[s + 4] == 'n' && b[s + 5] == ':';
        boolean pick = torn ? lastPicked : maybeAside(b, s, nl);
        if (pick) picked.write(b, s, nl + 1 - s);
        lastPicked = pick && !torn;
        s = nl + 1;
      }
      if (s == 0 && hi == b.length) {
        skipping = true;
        hi = 0;
        continue;
      }
      System.arraycopy(b, s, b, 0, hi - s);
      hi -= s;
    }
  }

  private static final long ONES = 0x0101010101010101L;
  private static final long NEWLINES = ONES * '\n';

  /**
   * The index of the first '\n' in b[from..to), or to: eight bytes at a time (a zero byte of x ^ newlines), read
   * through words, a little-endian view of b (a byte-array VarHandle would cost every prompt ~1 ms to set up).
   */
  private static int newline(byte[] b, ByteBuffer words, int from, int to) {
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long x = words.getLong(i) ^ NEWLINES;
      long found = (x - ONES) & ~x & (ONES << 7);
      if (found != 0) return i + (Long.numberOfTrailingZeros(found) >>> 3);
    }
    for (; i < to; i++) if (b[i] == '\n') return i;
    return to;
  }

  /** Whether the line b[s..e) has, after a time and an id, a grade word starting s, u, b or f. */
  private static boolean maybeAside(byte[] b, int s, int e) {
    int t1 = s + 24;
    if (t1 >= e || b[t1] != '\t') return false;
    int i = t1 + 1;
    int end = Math.min(e, i + 66);
    while (i < end && b[i] != '\t') i++;
    if (i + 1 >= e) return false;
    byte c = b[i + 1];
    return c == 's' || c == 'u' || c == 'b' || c == 'f';
  }

  /** Reads another file in the same format (a copy of another machine's log); warnings name that file as given. */
  public static List<Review> readFile(Path other, Consumer<String> warnings) throws IOException {
    return readOne(other, other.toString(), warnings).asList();
  }

  private static ReviewEvents readOne(Path other, String name, Consumer<String> warnings) throws IOException {
    ReviewLog log = new ReviewLog(other.toAbsolutePath().getParent(), other.getFileName().toString());
    long size = log.regularSize(log.file);
    if (size < 0) throw new IOException(name + ": No such file or directory");
    ReviewLogCodec.Parser parser = new ReviewLogCodec.Parser(size, warnings);
    FileChannel in;
    try {
      in = FileChannel.open(log.file, READ);
    } catch (IOException e) {
      throw log.describe(e, log.file);
    }
    try {
      parser.file(in, size, name, true); // a file brought in by hand: a torn last line is news
    } catch (IOException e) {
      throw log.describe(e, log.file);
    } finally {
      log.closeUnlocked(in, log.file); // it may be a log this process is appending to
    }
    return parser.events;
  }

  /** What a merge did: events appended, and events skipped because this log already had them. */
  public record MergeResult(int added, int skipped) {}

  /**
   * Appends to this machine's file the events of {@code other} that no file of the directory holds (same time, id,
   * grade and undo target), in their order, as one write and one fsync; never reorders or drops a line. The local
   * logs are read and the lines appended under one lock, so merges running at once add each event once.
   */
  public MergeResult merge(Path other, Consumer<String> warnings, Instant now) throws IOException {
    ReviewEvents theirs = readOne(other, other.toString(), warnings);
    theirs.resolveTargets(); // an old undo names no grade: give it the one it meant there, before lines move files
    if (now != null) warnFuture(theirs, 0, other.toString(), now, warnings);
    int[] added = new int[1];
    write(tail -> {
      Set<String> have = new HashSet<>();
      ReviewEvents mine = readLocked(tail, warnings);
      for (int i = 0; i < mine.size(); i++) have.add(key(mine, i));
      for (int j = 0; j < mine.asideCount(); j++) have.add(asideKey(mine, j));
      StringBuilder lines = new StringBuilder();
      for (int i = 0; i < theirs.size(); i++) {
        if (!have.add(key(theirs, i))) continue;
        lines.append(ReviewLogCodec.format(theirs.review(i))).append('\n');
        added[0]++;
      }
      for (int j = 0; j < theirs.asideCount(); j++) { // after the grades: an undo may name one, order is no matter
        if (!have.add(asideKey(theirs, j))) continue;
        lines.append(ReviewLogCodec.format(theirs.asideEvent(j))).append('\n');
        added[0]++;
      }
      return added[0] == 0 ? null : lines.toString().getBytes(StandardCharsets.UTF_8);
    });
    return new MergeResult(added[0], theirs.size() + theirs.asideCount() - added[0]);
  }

  /** Every file of the directory while this process holds the lock of its own file, read through ownChannel. */
  private ReviewEvents readLocked(FileChannel ownChannel, Consumer<String> warnings) throws IOException {
    List<Path> paths = files();
    ReviewLogCodec.Parser parser = new ReviewLogCodec.Parser(0, warnings);
    for (Path p : paths) {
      String name = p.getFileName().toString();
      if (p.equals(file)) { // closing another descriptor of this file would drop the lock
        ownChannel.position(0);
        parser.file(ownChannel, ownChannel.size(), name, true);
        continue;
      }
      long size = regularSize(p);
      if (size < 0) continue;
      // closed without closeUnlocked: waiting for that file's lock while holding ours could deadlock two merges
      try (FileChannel in = FileChannel.open(p, READ)) {
        parser.file(in, size, name, false);
      } catch (NoSuchFileException e) {
        // gone since the listing
      }
    }
    return parser.events;
  }

  private static String key(ReviewEvents e, int i) {
    return e.millis(i) + "\t" + e.id(i) + "\t" + e.grade(i).word() + "\t" + e.target(i);
  }

  private static String asideKey(ReviewEvents e, int j) {
    return e.asideMillis(j) + "\t" + e.idName(e.asideIdIndex(j)) + "\t" + e.aside(j).word();
  }

  /** Warns once per file of events more than a day after now, naming the first few. */
  private static void warnFuture(ReviewEvents e, int from, String name, Instant now, Consumer<String> warnings) {
    long limit = now.toEpochMilli() + DAY_MILLIS;
    int count = 0;
    StringBuilder listed = new StringBuilder();
    for (int i = from; i < e.size(); i++) {
      if (e.millis(i) <= limit) continue;
      if (++count <= FUTURE_LISTED) {
        if (listed.length() > 0) listed.append(", ");
        listed.append(e.id(i)).append(" at ").append(ReviewLogCodec.formatTime(e.millis(i)));
      }
    }
    if (count == 0) return;
    warnings.accept(name + ": " + count + " event" + (count == 1 ? "" : "s") + " more than a day after this machine's"
        + " clock (" + listed + (count > FUTURE_LISTED ? ", ..." : "") + "): a machine's clock is wrong;"
        + " such a grade counts as made then and keeps its question from coming due");
  }

  /**
   * Events with undos applied (see {@link ReviewEvents#standing}); the result is sorted by time (stable), no UNDO
   * entries remain.
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

  /** The size of a log file; -1 when it does not exist; an error for anything but a regular file (a FIFO would block). */
  private long regularSize(Path p) throws IOException {
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(p, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return -1;
    } catch (IOException e) {
      throw describe(e, p);
    }
    if (!a.isRegularFile()) {
      throw new IOException(p + ": " + (a.isDirectory() ? "is a directory" : "not a regular file (a FIFO or device?)")
          + "; a review log must be a plain file");
    }
    return a.size();
  }

  /** What to append, decided while the file is locked; null appends nothing. */
  private interface Lines {
    byte[] get(FileChannel tail) throws IOException;
  }

  /** Appends what lines gives (or, when lines is null, only the header of a new file) under both locks, then fsyncs. */
  private void write(Lines lines) throws IOException {
    Lock inProcess;
    try {
      Files.createDirectories(dir);
      regularSize(file); // a FIFO would block the open below
      inProcess = lockFor(file).writeLock();
    } catch (IOException e) {
      throw describe(e, file);
    }
    inProcess.lock();
    // the tail channel reads the last byte (APPEND excludes READ); both close only after the file lock is released
    try (FileChannel out = FileChannel.open(file, CREATE, WRITE, APPEND);
        FileChannel tail = FileChannel.open(file, READ)) {
      boolean created;
      try (FileLock ignored = out.lock()) {
        long size = out.size();
        created = size == 0;
        if (lines == null && !created) return;
        byte[] line = lines == null ? null : lines.get(tail);
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
      throw describe(e, file);
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
  private void closeUnlocked(FileChannel in, Path p) throws IOException {
    Lock lock;
    try {
      lock = lockFor(p).readLock();
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

  private static ReentrantReadWriteLock lockFor(Path p) throws IOException {
    Path key = p.toAbsolutePath().getParent().toRealPath().resolve(p.getFileName().toString());
    ReentrantReadWriteLock lock = LOCKS.get(key);
    if (lock == null) {
      ReentrantReadWriteLock fresh = new ReentrantReadWriteLock();
      lock = LOCKS.putIfAbsent(key, fresh);
      if (lock == null) lock = fresh;
    }
    return lock;
  }

  /** One line naming the log file and what went wrong, e.g. "/x/reviews.tsv: Permission denied". */
  private IOException describe(IOException e, Path p) {
    if (e.getCause() == null && e.getClass() == IOException.class && e.getMessage() != null
        && e.getMessage().startsWith(p.toString())) {
      return e; // already one of ours
    }
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
    if (e instanceof java.nio.file.NotDirectoryException) reason = "Not a directory";
    String where = other == null || other.equals(p.toString()) ? "" : other + ": ";
    return new IOException(p + ": " + where + reason, e);
  }
}
