package idrill.bank;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * A parsed copy of each bank file that loaded without a problem, so everyday commands skip YAML parsing (most of
 * their start-up on a large bank). An entry is used only when it provably matches the source: its key holds the
 * bank's bytes' length and two checksums (CRC32 and CRC32C, 64 bits between them; both are JDK intrinsics, ~0.1 ms
 * a MiB, where parsing costs tens of ms), never a size and mtime that `cp -p` or a coarse clock repeat. The entry
 * carries its own CRC32C and every count is bounded by the bytes left, so a damaged entry — any Throwable while
 * decoding — is a miss, never a crash. The YAML file stays the only source.
 */
final class BankCache {
  private static final int MAGIC = 0x49445242; // "IDRB"
  private static final int VERSION = 3; // 3: content key, own checksum, keywords
  /** Larger than any entry a bank within YamlTree.MAX_BYTES can give. */
  private static final int MAX_ENTRY = 4 * YamlTree.MAX_BYTES;
  /** The fewest bytes a question takes: three strings, tag and ref counts, difficulty, line, column, keyword count. */
  private static final int MIN_QUESTION = 3 * 4 + 4 + 4 + 1 + 8 + 4;
  private static final String BUILD = build();

  private final Path dir;

  BankCache(Path dir) {
    this.dir = dir;
  }

  /** The key of a bank file's content as read, or null when the file cannot be named. */
  String key(Path file, byte[] bytes) {
    try {
      return file.toRealPath() + "|" + bytes.length + "|" + checksums(bytes, bytes.length) + "|" + BUILD;
    } catch (IOException | SecurityException e) {
      return null;
    }
  }

  /**
   * The bundled bank changes only with the jar, which the build id names; none outside a jar. Reading the resource
   * to hash it would open the jar a second time (JarURLConnection), ~6 ms of every `random --daily`.
   */
  String bundledKey() {
    return BUILD.isEmpty() ? null : BankLoader.DEFAULT + "|" + BUILD;
  }

  /** The questions stored under key, positions naming file; null on a miss. */
  List<Question> read(String key, String file) {
    if (key == null) return null;
    try {
      Path p = path(key);
      if (!Files.isRegularFile(p) || Files.size(p) > MAX_ENTRY) return null;
      byte[] all = Files.readAllBytes(p);
      if (all.length < 4) return null;
      ByteBuffer in = ByteBuffer.wrap(all, 0, all.length - 4);
      CRC32C crc = new CRC32C();
      crc.update(all, 0, all.length - 4);
      if ((int) crc.getValue() != ByteBuffer.wrap(all, all.length - 4, 4).getInt()) return null;
      if (in.getInt() != MAGIC || in.getInt() != VERSION || !key.equals(string(in))) return null;
      int n = count(in, MIN_QUESTION);
      List<Question> qs = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        String id = string(in);
        String question = string(in);
        String answer = string(in);
        List<String> tags = new ArrayList<>();
        for (int t = count(in, 4); t > 0; t--) tags.add(string(in));
        int d = in.get();
        List<Ref> refs = new ArrayList<>();
        for (int r = count(in, 5); r > 0; r--) {
          String title = in.get() != 0 ? string(in) : null;
          refs.add(new Ref(title, string(in)));
        }
        Position pos = new Position(file, in.getInt(), in.getInt());
        List<String> keywords = new ArrayList<>();
        for (int k = count(in, 4); k > 0; k--) keywords.add(string(in));
        qs.add(new Question(id, question, answer, tags, d < 0 ? null : Difficulty.values()[d], refs, pos, keywords));
      }
      return in.hasRemaining() ? null : qs;
    } catch (Throwable e) {
      return null; // a missing or damaged entry is only a miss: the bank is parsed again
    }
  }

  /** Stores questions under key; best effort, written whole or not at all. */
  void write(String key, List<Question> qs) {
    if (key == null) return;
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
      DataOutputStream out = new DataOutputStream(bytes);
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
        out.writeInt(q.keywords().size());
        for (String k : q.keywords()) string(out, k);
      }
      CRC32C crc = new CRC32C();
      crc.update(bytes.toByteArray());
      out.writeInt((int) crc.getValue());
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, ".bank", ".tmp");
      try {
        try (OutputStream os = Files.newOutputStream(tmp)) {
          bytes.writeTo(os);
        }
        Files.move(tmp, path(key), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException | RuntimeException e) {
      // no cache this time: the next run parses the YAML again
    }
  }

  /** CRC32 and CRC32C of the first n bytes, as 16 hex digits. */
  static String checksums(byte[] b, int n) {
    CRC32 a = new CRC32();
    a.update(b, 0, n);
    CRC32C c = new CRC32C();
    c.update(b, 0, n);
    return Long.toHexString(a.getValue() << 32 | c.getValue());
  }

  // One entry per bank file (the key's path, before its first '|'): an edited bank replaces its entry.
  private Path path(String key) {
    int bar = key.indexOf('|');
    return dir.resolve(Long.toHexString(fnv(bar < 0 ? key : key.substring(0, bar))) + ".bin");
  }

  private static long fnv(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    return h;
  }

  /** A count that the bytes left can hold, each item taking at least {@code least} bytes; else damage. */
  private static int count(ByteBuffer in, int least) throws IOException {
    int n = in.getInt();
    if (n < 0 || n > in.remaining() / least) throw new IOException("damaged count");
    return n;
  }

  private static String string(ByteBuffer in) throws IOException {
    int n = count(in, 1);
    String s = new String(in.array(), in.arrayOffset() + in.position(), n, StandardCharsets.UTF_8);
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
