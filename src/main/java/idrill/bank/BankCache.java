package idrill.bank;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
  private static final int VERSION = 4; // 3: content key, own checksum, keywords; 4: lazy bodies, tag sets
  /** Larger than any entry a bank within YamlTree.MAX_BYTES can give. */
  private static final int MAX_ENTRY = 4 * YamlTree.MAX_BYTES;
  /** The fewest bytes a question takes: id, difficulty, line, column, tag set, body end; two texts, two counts. */
  private static final int MIN_QUESTION = 4 + 1 + 4 + 4 + 4 + 4 + 4 * 4;
  /** Entries kept per bank file beside the current build's: other installs (another JDK) sharing the cache. */
  private static final int OTHER_BUILDS = 2;

  private final Path dir;
  private final String build;

  BankCache(Path dir) {
    this(dir, build());
  }

  /** A cache for the jar identified by build (tests stand for two installs with two). */
  BankCache(Path dir, String build) {
    this.dir = dir;
    this.build = build;
  }

  /** The key of a bank file's content as read, or null when the file cannot be named. */
  String key(Path file, byte[] bytes) {
    try {
      return file.toRealPath() + "|" + bytes.length + "|" + checksums(bytes, bytes.length) + "|" + build;
    } catch (IOException | SecurityException e) {
      return null;
    }
  }

  /**
   * The bundled bank changes only with the jar, which the build id names; none outside a jar. Reading the resource
   * to hash it would open the jar a second time (JarURLConnection), ~6 ms of every `random --daily`.
   */
  String bundledKey() {
    return build.isEmpty() ? null : BankLoader.DEFAULT + "|" + build;
  }

  /**
   * The questions stored under key, positions naming file; null on a miss. Only ids, tags, difficulty and positions
   * are decoded here (what selecting and picking need); each question's texts, refs and keywords when first asked
   * for. The whole entry is checked first (checksum, and every count and length walked), so that later decoding
   * cannot meet damage.
   */
  List<Question> read(String key, String file) {
    if (key == null) return null;
    try {
      Path p = path(key);
      byte[] all = readEntry(p);      if (all == null || all.length < 4) return null;
      ByteBuffer in = ByteBuffer.wrap(all, 0, all.length - 4);
      CRC32C crc = new CRC32C();
      crc.update(all, 0, all.length - 4);
      if ((int) crc.getValue() != ByteBuffer.wrap(all, all.length - 4, 4).getInt()) return null;
      if (in.getInt() != MAGIC || in.getInt() != VERSION || !key.equals(string(in))) return null;
      int n = count(in, MIN_QUESTION);
      String[] ids = new String[n];
      int[] heads = new int[n]; // where each question's difficulty, position and tag set start
      for (int i = 0; i < n; i++) {
        ids[i] = string(in);
        heads[i] = in.position();
        in.position(in.position() + 1 + 4 + 4 + 4); // difficulty, line, column, tag set
        int end = in.getInt();
        if (end < in.position() || end > in.limit()) return null;
        in.position(end);
      }
      List<List<String>> tagSets = new ArrayList<>();
      for (int s = count(in, 4); s > 0; s--) {
        String[] set = new String[count(in, 4)];
        for (int t = 0; t < set.length; t++) set[t] = string(in);
        tagSets.add(List.of(set));
      }
      if (in.hasRemaining()) return null;
      Difficulty[] levels = Difficulty.values();
      List<Question> qs = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        in.position(heads[i]);
        int d = in.get();
        if (d >= levels.length || d < -1) return null;
        Position pos = new Position(file, in.getInt(), in.getInt());
        int set = in.getInt();
        if (set < 0 || set >= tagSets.size()) return null;
        int end = in.getInt();
        if (!bodyFits(in, end)) return null;
        qs.add(new Question(ids[i], tagSets.get(set), d < 0 ? null : levels[d], pos, new Lazy(all, in.position())));
      }
      return qs;
    } catch (Throwable e) {
      return null; // a missing or damaged entry is only a miss: the bank is parsed again
    }
  }

  /** The entry's bytes in one read, or null when there is none or it is larger than any entry can be. */
  private static byte[] readEntry(Path p) throws IOException {
    if (!Files.isRegularFile(p)) return null; // a FIFO put there would block the open
    try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size > MAX_ENTRY) return null;
      ByteBuffer b = ByteBuffer.allocate((int) size);
      while (b.hasRemaining() && ch.read(b) > 0) {}
      return b.hasRemaining() ? null : b.array();
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  /**
   * Whether a body (question, answer, refs, keywords) lies exactly between in's position and end; in's position and
   * limit are as they were afterwards (walked in place: a duplicate buffer per question is most of a large bank's walk).
   */
  private static boolean bodyFits(ByteBuffer in, int end) throws IOException {
    int start = in.position();
    int limit = in.limit();
    if (end < start || end > limit) return false;
    in.limit(end);
    try {
      skip(in);
      skip(in);
      for (int r = count(in, 5); r > 0; r--) {
        int hasTitle = in.get();
        if (hasTitle != 0 && hasTitle != 1) return false;
        if (hasTitle == 1) skip(in);
        skip(in);
      }
      for (int k = count(in, 4); k > 0; k--) skip(in);
      return !in.hasRemaining();
    } finally {
      in.limit(limit);
      in.position(start);
    }
  }

  /** A question's body in a checked entry, decoded on first use. */
  private record Lazy(byte[] entry, int at) implements Question.Source {
    @Override
    public Question.Body body() {
      ByteBuffer in = ByteBuffer.wrap(entry);
      in.position(at);
      String question = text(in);
      String answer = text(in);
      int nRefs = in.getInt();
      Ref[] refs = new Ref[nRefs];
      for (int r = 0; r < nRefs; r++) {
        String title = in.get() != 0 ? text(in) : null;
        refs[r] = new Ref(title, text(in));
      }
      String[] keywords = new String[in.getInt()];
      for (int k = 0; k < keywords.length; k++) keywords[k] = text(in);
      return new Question.Body(question, answer, List.of(refs), List.of(keywords));
    }

    private static String text(ByteBuffer in) {
      int n = in.getInt();
      String s = new String(in.array(), in.position(), n, StandardCharsets.UTF_8);
      in.position(in.position() + n);
      return s;
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
      Map<List<String>, Integer> tagSets = new LinkedHashMap<>();
      for (Question q : qs) {
        string(out, q.id());
        out.writeByte(q.difficulty() == null ? -1 : q.difficulty().ordinal());
        out.writeInt(q.position().line());
        out.writeInt(q.position().col());
        Integer set = tagSets.get(q.tags());
        if (set == null) tagSets.put(q.tags(), set = tagSets.size());
        out.writeInt(set);
        ByteArrayOutputStream bodyBytes = new ByteArrayOutputStream(256);
        DataOutputStream body = new DataOutputStream(bodyBytes);
        string(body, q.question());
        string(body, q.answer());
        body.writeInt(q.refs().size());
        for (Ref r : q.refs()) {
          body.writeBoolean(r.title() != null);
          if (r.title() != null) string(body, r.title());
          string(body, r.url());
        }
        body.writeInt(q.keywords().size());
        for (String k : q.keywords()) string(body, k);
        out.writeInt(out.size() + 4 + bodyBytes.size()); // where the body ends
        bodyBytes.writeTo(out);
      }
      out.writeInt(tagSets.size());
      for (List<String> set : tagSets.keySet()) {
        out.writeInt(set.size());
        for (String t : set) string(out, t);
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
      prune(key);
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

  /**
   * One entry per bank file (the key's path, before its first '|') and build: an edited bank replaces its entry, and
   * two installs sharing the cache (JDK 17 and 25) keep one each instead of replacing each other's at every run.
   */
  private Path path(String key) {
    return dir.resolve(prefix(key) + Long.toHexString(fnv(build)) + ".bin");
  }

  private static String prefix(String key) {
    int bar = key.indexOf('|');
    return Long.toHexString(fnv(bar < 0 ? key : key.substring(0, bar))) + "-";
  }

  /** Drops this bank file's entries of other builds beyond the newest few, and its entry of an older format. */
  private void prune(String key) throws IOException {
    String prefix = prefix(key);
    String own = path(key).getFileName().toString();
    List<Path> others = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, prefix + "*.bin")) {
      for (Path e : entries) if (!e.getFileName().toString().equals(own)) others.add(e);
    }
    Files.deleteIfExists(dir.resolve(prefix.substring(0, prefix.length() - 1) + ".bin")); // version 3's name
    if (others.size() <= OTHER_BUILDS) return;
    Map<Path, Long> modified = new HashMap<>();
    for (Path e : others) modified.put(e, Files.getLastModifiedTime(e).toMillis());
    others.sort(new Comparator<Path>() {
      @Override
      public int compare(Path a, Path b) {
        return Long.compare(modified.get(b), modified.get(a)); // newest first
      }
    });
    for (Path e : others.subList(OTHER_BUILDS, others.size())) Files.deleteIfExists(e);
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

  private static void skip(ByteBuffer in) throws IOException {
    int n = count(in, 1);
    in.position(in.position() + n);
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
