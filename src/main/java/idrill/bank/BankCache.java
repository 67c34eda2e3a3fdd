package idrill.bank;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed copy of each bank file that loaded without a problem, so everyday commands skip YAML parsing (most of
 * their start-up on a large bank). Keyed by the file's path, size and modification time and by this build of idrill;
 * any mismatch or damage is a miss, and the YAML file stays the only source.
 */
final class BankCache {
  private static final int MAGIC = 0x49445242; // "IDRB"
  private static final int VERSION = 1;
  private static final String BUILD = build();

  private final Path dir;

  BankCache(Path dir) {
    this.dir = dir;
  }

  /** The key of a bank file, or null when it cannot be had. */
  String key(Path file) {
    try {
      Path real = file.toRealPath();
      BasicFileAttributes a = Files.readAttributes(real, BasicFileAttributes.class);
      return real + "|" + a.size() + "|" + a.lastModifiedTime().toMillis() + "|" + BUILD;
    } catch (IOException | SecurityException e) {
      return null;
    }
  }

  /** The bundled bank changes only with the jar, which the build id already names; none outside a jar. */
  String bundledKey() {
    return BUILD.isEmpty() ? null : BankLoader.DEFAULT + "|" + BUILD;
  }

  /** The questions stored under key, positions naming file; null on a miss. */
  List<Question> read(String key, String file) {
    if (key == null) return null;
    Path p = path(key);
    try {
      // One read into memory and plain buffer reads: DataInputStream's per-byte stream calls were most of the
      // decode of a 10,000-question bank on a cold JVM. A truncated file underflows: a miss, as below.
      ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(p));
      if (in.getInt() != MAGIC || in.getInt() != VERSION || !key.equals(string(in))) return null;
      int n = in.getInt();
      List<Question> qs = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        String id = string(in);
        String question = string(in);
        String answer = string(in);
        List<String> tags = new ArrayList<>();
        for (int t = in.getInt(); t > 0; t--) tags.add(string(in));
        int d = in.get();
        List<Ref> refs = new ArrayList<>();
        for (int r = in.getInt(); r > 0; r--) {
          String title = in.get() != 0 ? string(in) : null;
          refs.add(new Ref(title, string(in)));
        }
        Position pos = new Position(file, in.getInt(), in.getInt());
        qs.add(new Question(id, question, answer, tags, d < 0 ? null : Difficulty.values()[d], refs, pos));
      }
      return qs;
    } catch (IOException | RuntimeException e) {
      return null; // a missing or damaged cache is only a miss
    }
  }

  /** Stores questions under key; best effort, written whole or not at all. */
  void write(String key, List<Question> qs) {
    if (key == null) return;
    Path p = path(key);
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, ".bank", ".tmp");
      try (OutputStream os = Files.newOutputStream(tmp);
          DataOutputStream out = new DataOutputStream(new BufferedOutputStream(os, 1 << 16))) {
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        string(out, key);
        out.writeInt(qs.size());
        for (Question q : qs) {
          string(out, q.id());
          string(out, q.question());
          string(out, q.answer());
          out.writeInt(q.tags().size());
          for (String t : q.tags()) string(out, t);
          out.writeByte(q.difficulty() == null ? -1 : q.difficulty().ordinal());
          out.writeInt(q.refs().size());
          for (Ref r : q.refs()) {
            out.writeBoolean(r.title() != null);
            if (r.title() != null) string(out, r.title());
            string(out, r.url());
          }
          out.writeInt(q.position().line());
          out.writeInt(q.position().col());
        }
      }
      Files.move(tmp, p, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      // no cache this time: the next run parses the YAML again
    }
  }

  private Path path(String key) {
    return dir.resolve(Long.toHexString(fnv(key)) + ".bin");
  }

  private static long fnv(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    return h;
  }

  private static String string(ByteBuffer in) {
    int n = in.getInt();
    String s = new String(in.array(), in.position(), n, StandardCharsets.UTF_8);
    in.position(in.position() + n);
    return s;
  }

  private static void string(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  // The jar this code runs from, by size and time: a new build never reads an old build's cache. Empty outside a jar.
  private static String build() {
    try {
      Path jar = Path.of(BankCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (!Files.isRegularFile(jar)) return "";
      return jar + "@" + Files.size(jar) + "@" + Files.getLastModifiedTime(jar).toMillis();
    } catch (Exception e) {
      return "";
    }
  }
}
