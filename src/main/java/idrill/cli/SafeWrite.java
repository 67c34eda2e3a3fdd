package idrill.cli;

import idrill.review.AnswerLog;
import idrill.review.ReviewLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The one way idrill writes a file the user named (-o): never over the user's state or what this run read, only
 * regular files, through symlinks to their target, replaced atomically (a temp file beside it, fsync, rename), with
 * the existing file's mode or, for a new file, the mode the umask gives.
 */
final class SafeWrite {
  /** The review logs and the typed-answer files, the legacy one and the per-machine ones. */
  static final Pattern LOG_NAME = Pattern.compile("(reviews|answers)(-[^/]*)?\\.tsv");
  private static final int MAX_LINKS = 40; // as the kernel's ELOOP limit
  private static final byte[] LOG_HEADER = (ReviewLog.HEADER + "\n").getBytes(StandardCharsets.UTF_8);
  private static final byte[] ANSWERS_HEADER = (AnswerLog.HEADER + "\n").getBytes(StandardCharsets.UTF_8);

  /** What the target must not be: files (by what they are, for the message) and data directories (their logs). */
  static final class Guard {
    private final Map<Path, String> files = new LinkedHashMap<>();
    private final Map<Path, String> logDirs = new LinkedHashMap<>();

    Guard file(Path file, String what) {
      files.put(file.toAbsolutePath().normalize(), what);
      return this;
    }

    Guard logDir(Path dir) {
      logDirs.put(dir.toAbsolutePath().normalize(), "the review log");
      return this;
    }
  }

  /** Thrown for a target idrill refuses by rule (exit 2), not because the file system failed. */
  static final class Refused extends UsageException {
    Refused(Path target, String why) {
      super(target + ": " + why);
    }
  }

  private SafeWrite() {}

  /**
   * Replaces (or creates) target with bytes. A refused target throws {@link Refused}; a missing directory, a
   * non-regular target or a failed write throws UncheckedIOException naming the file.
   */
  static void write(Path target, byte[] bytes, Guard guard) {
    checkAndWrite(target, guard, bytes);
  }

  /** The checks of {@link #write} alone, for a command that reads the target before it writes it. */
  static void check(Path target, Guard guard) {
    checkAndWrite(target, guard, null);
  }

  private static void checkAndWrite(Path target, Guard guard, byte[] bytes) {
    try {
      Path real = followLinks(target.toAbsolutePath().normalize());
      Path dir = real.getParent();
      if (dir == null) throw new FileSystemException(target.toString(), null, "Is a directory"); // the root
      if (!Files.isDirectory(dir)) {
        throw Files.exists(dir) ? new FileSystemException(dir.toString(), null, "Not a directory")
            : new NoSuchFileException(dir.toString());
      }
      BasicFileAttributes attrs = attributes(real);
      if (attrs != null && !attrs.isRegularFile()) {
        throw new FileSystemException(target.toString(), null, attrs.isDirectory() ? "Is a directory"
            : "not a regular file (a FIFO, device or socket); idrill writes only regular files");
      }
      refuseGuarded(target, real, attrs, guard);
      if (bytes != null) replace(real, bytes, attrs == null ? null : permissions(real));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The path a write lands on: symlinks followed, a dangling one to the file it names (which is then created). */
  static Path followLinks(Path p) throws IOException {
    for (int i = 0; i < MAX_LINKS; i++) {
      Path dir = p.getParent();
      Path realDir = dir == null ? null : Files.exists(dir) ? dir.toRealPath() : dir;
      Path at = realDir == null ? p : realDir.resolve(p.getFileName());
      if (!Files.isSymbolicLink(at)) return at;
      p = at.getParent().resolve(Files.readSymbolicLink(at)).normalize();
    }
    throw new FileSystemException(p.toString(), null, "Too many levels of symbolic links");
  }

  private static BasicFileAttributes attributes(Path p) {
    try {
      return Files.readAttributes(p, BasicFileAttributes.class);
    } catch (IOException e) {
      return null; // not there (yet)
    }
  }

  private static void refuseGuarded(Path target, Path real, BasicFileAttributes attrs, Guard guard)
      throws IOException {
    Object key = attrs == null ? null : attrs.fileKey();
    for (Map.Entry<Path, String> e : guard.files.entrySet()) {
      if (same(real, key, e.getKey())) throw new Refused(target, "is " + e.getValue() + "; idrill never writes over it");
    }
    for (Map.Entry<Path, String> e : guard.logDirs.entrySet()) {
      Path dir = Files.exists(e.getKey()) ? e.getKey().toRealPath() : e.getKey();
      if (real.getParent().equals(dir) && LOG_NAME.matcher(real.getFileName().toString()).matches()) {
        throw new Refused(target, "is " + e.getValue() + "; idrill never writes over it");
      }
    }
    // a review log anywhere (another data directory, a copy, a hard link) is known by its first line
    if (attrs != null && (startsWith(real, LOG_HEADER) || startsWith(real, ANSWERS_HEADER))) {
      throw new Refused(target, "is a review log; idrill never writes over it");
    }
  }

  private static boolean same(Path real, Object key, Path guarded) throws IOException {
    Path g;
    try {
      g = guarded.toRealPath();
    } catch (IOException e) {
      return real.equals(guarded); // not there: compare by name
    }
    if (real.equals(g)) return true;
    if (key == null) return false;
    BasicFileAttributes a = attributes(g);
    return a != null && Objects.equals(key, a.fileKey()); // a hard link to it
  }

  private static boolean startsWith(Path file, byte[] prefix) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(prefix.length);
      return java.util.Arrays.equals(head, prefix);
    } catch (IOException e) {
      return false;
    }
  }

  private static Set<PosixFilePermission> permissions(Path p) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class);
    return view == null ? null : view.readAttributes().permissions();
  }

  /**
   * The temp file is created by a plain open, so a new file gets exactly what the umask (and a default ACL) gives,
   * as any shell redirection would; createTempFile would make it 0600. An existing file's mode is set before any
   * byte is written, so a private file's new content is never readable by others.
   */
  private static void replace(Path real, byte[] bytes, Set<PosixFilePermission> keep) throws IOException {
    Path dir = real.getParent();
    Path tmp = null;
    FileChannel ch = null;
    for (int attempt = 0; ch == null; attempt++) {
      tmp = dir.resolve("." + real.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
          + ".tmp");
      try {
        ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      } catch (java.nio.file.FileAlreadyExistsException e) {
        if (attempt > 10) throw e;
      } catch (IOException e) {
        // name the file asked for, not the temp file beside it
        throw new FileSystemException(real.toString(), null, "cannot write in its directory: "
            + idrill.bank.SourceFile.reason(e));
      }
    }
    boolean done = false;
    try {
      try (FileChannel out = ch) {
        if (keep != null) keepMode(tmp, keep);
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) out.write(b);
        out.force(true);
      }
      Files.move(tmp, real, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      done = true;
      syncDirectory(dir);
    } finally {
      if (!done) Files.deleteIfExists(tmp);
    }
  }

  // a file system without Unix modes (vfat, some network mounts) refuses chmod: the file gets what the mount gives
  private static void keepMode(Path tmp, Set<PosixFilePermission> mode) {
    try {
      Files.setPosixFilePermissions(tmp, mode);
    } catch (IOException | UnsupportedOperationException e) {
      // nothing to keep there
    }
  }

  // the rename is durable only once the directory is; not every file system lets a directory be opened
  private static void syncDirectory(Path dir) {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException e) {
      // the data itself was forced: at worst a crash now leaves the old file in place
    }
  }
}
