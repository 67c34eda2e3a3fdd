package idrill.review;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/** Text form of the review log: formats one line, parses a file's bytes by hand (no split, regex or java.time parsing). */
final class ReviewLogCodec {
  /** Written after a torn last line so readers keep skipping that line once it is no longer last. */
  static final String TORN_MARK = "#torn: the line above was cut short by a crash and is skipped";
  private static final byte[] TORN_PREFIX = "#torn:".getBytes(StandardCharsets.US_ASCII);
  /** Past this many warnings per read the rest are only counted: a wrong file must not flood stderr. */
  static final int MAX_WARNINGS = 50;
  private static final int TIME_LEN = 24; // 2026-11-25T17:03:04.123Z
  private static final long MIN_SECOND = -62167219200L; // 0000-01-01T00:00:00Z
  private static final long MAX_SECOND = 253402300799L; // 9999-12-31T23:59:59Z
  private static final int QUOTE_MAX = 40;
  static final int CHUNK = 1 << 20;
  /** The longest line read (bytes, newline excluded); a longer one is skipped unread, so memory stays one chunk. */
  static final int MAX_LINE = 64 * 1024;
  /** The longest question id, as banks allow. */
  static final int MAX_ID = 64;
  private static final int MAX_KIND = 16; // a future event kind's word: lowercase letters
  private static final int FAST_WINDOW = 4096;
  private static final int SHORTEST_LINE = 33; // a time, a one-letter id, good, one digit of ms, tabs and newline
  // month lengths looked up, not branched on: a compiled branch first taken on Feb 29 would cost a deoptimization
  private static final byte[] MONTH_DAYS = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31, 0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  private static final byte[] LEAP_OFFSET = new byte[400];

  static {
    for (int y = 0; y < 400; y += 4) LEAP_OFFSET[y] = (byte) (y % 100 != 0 || y == 0 ? 13 : 0);
  }

  private ReviewLogCodec() {}

  static String format(Review r) {
    long second = r.time().getEpochSecond();
    if (second < MIN_SECOND || second > MAX_SECOND) {
      throw new IllegalArgumentException("time outside years 0000-9999: " + r.time());
    }
    String id = r.id();
    String bad = idProblem(id);
    if (bad != null) throw new IllegalArgumentException(bad);
    if (r.ms() < 0) throw new IllegalArgumentException("negative ms: " + r.ms());
    StringBuilder sb = new StringBuilder(2 * TIME_LEN + id.length() + 16);
    appendTime(sb, second * 1000 + r.time().getNano() / 1_000_000);
    sb.append('\t').append(id).append('\t').append(r.grade().word()).append('\t').append(r.ms());
    if (r.grade() == Grade.UNDO && r.target() != null) {
      long t = r.target().getEpochSecond();
      if (t < MIN_SECOND || t > MAX_SECOND) throw new IllegalArgumentException("undo target outside years 0000-9999");
      appendTime(sb.append('\t'), t * 1000 + r.target().getNano() / 1_000_000);
    }
    return sb.toString();
  }

  /** One set-aside line (without '\n'): time, id, the kind's word and ms 0, like a grade's. */
  static String format(AsideEvent a) {
    long second = a.time().getEpochSecond();
    if (second < MIN_SECOND || second > MAX_SECOND) {
      throw new IllegalArgumentException("time outside years 0000-9999: " + a.time());
    }
    String bad = idProblem(a.id());
    if (bad != null) throw new IllegalArgumentException(bad);
    StringBuilder sb = new StringBuilder(TIME_LEN + a.id().length() + 16);
    appendTime(sb, second * 1000 + a.time().getNano() / 1_000_000);
    return sb.append('\t').append(a.id()).append('\t').append(a.kind().word()).append("\t0").toString();
  }

  /** Why id cannot be a question id (a bank's slug: a-z, 0-9 and '-', first not '-', at most 64), or null. */
  static String idProblem(String id) {
    if (id.isEmpty()) return "empty id";
    if (id.length() > MAX_ID) return "id longer than " + MAX_ID + " characters";
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' && i > 0)) {
        return "bad id " + quote(id) + " (ids are lowercase letters, digits and '-')";
      }
    }
    return null;
  }

  /** Whether the time is one the log can hold (years 0000-9999). */
  static boolean representable(java.time.Instant t) {
    long second = t.getEpochSecond();
    return second >= MIN_SECOND && second <= MAX_SECOND;
  }

  static String formatTime(long epochMilli) {
    StringBuilder sb = new StringBuilder(TIME_LEN);
    appendTime(sb, epochMilli);
    return sb.toString();
  }

  /** Fixed yyyy-MM-ddTHH:mm:ss.SSSZ in UTC, always three fraction digits (Instant.toString drops them). */
  static void appendTime(StringBuilder sb, long epochMilli) {
    long days = Math.floorDiv(epochMilli, 86_400_000L);
    int msOfDay = (int) Math.floorMod(epochMilli, 86_400_000L);
    // civil-from-days (Howard Hinnant), proleptic Gregorian
    long z = days + 719_468;
    long era = Math.floorDiv(z, 146_097);
    int doe = (int) (z - era * 146_097);
    int yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    int day = doy - (153 * mp + 2) / 5 + 1;
    int month = mp < 10 ? mp + 3 : mp - 9;
    long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    pad(sb, (int) year, 4).append('-');
    pad(sb, month, 2).append('-');
    pad(sb, day, 2).append('T');
    pad(sb, msOfDay / 3_600_000, 2).append(':');
    pad(sb, msOfDay / 60_000 % 60, 2).append(':');
    pad(sb, msOfDay / 1000 % 60, 2).append('.');
    pad(sb, msOfDay % 1000, 3).append('Z');
  }

  private static StringBuilder pad(StringBuilder sb, int v, int width) {
    for (int div = width == 4 ? 1000 : width == 3 ? 100 : 10; div > 0; div /= 10) sb.append((char) ('0' + v / div % 10));
    return sb;
  }

  /** Every well-formed event read from in (size bytes expected), in order; each skipped line is reported once. */
  static ReviewEvents parse(ReadableByteChannel in, long size, Consumer<String> warnings) throws IOException {
    Parser p = new Parser(size, warnings);
    p.file(in, size, ReviewLog.FILE_NAME, true);
    return p.events;
  }

  /**
   * Reads several files into one set of columns (one id table across them); warnings name each file. Mutable state
   * of the reading, so the per-line path allocates nothing but a String per distinct id.
   */
  static final class Parser {
    // a reused chunk, not the whole file: fresh memory for a 50 MB array costs more than parsing it
    private final byte[] b = new byte[CHUNK];
    private final Consumer<String> warnings;
    private long left; // bytes of all files not read yet, to size the columns
    final ReviewEvents events;
    private String name;
    private int warned;
    private boolean eof;
    private int unknown; // events of a kind this version does not know
    private String kinds;
    // open-addressing table of the ids seen, keyed by a copy of their bytes: one String per distinct id
    private byte[][] slotKey = new byte[1024][];
    private int[] slotId = new int[1024];

    /** totalSize: the bytes of all files to be read, for a first guess at the columns' size. */
    Parser(long totalSize, Consumer<String> warnings) {
      this.warnings = warnings;
      this.left = totalSize;
      // at most one chunk's worth up front: the first chunk's lines tell how many the whole file holds
      this.events = new ReviewEvents((int) (Math.min(totalSize, CHUNK) / SHORTEST_LINE));
    }

    /**
     * Reads one file. A torn last line (no newline) is reported only when {@code tornNews}: in the log this machine
     * writes (its next append marks the line) or a file given to merge; another machine's log in the data directory
     * may be caught mid-copy by a sync engine and be whole a moment later.
     */
    void file(ReadableByteChannel in, long size, String fileName, boolean tornNews) throws IOException {
      name = fileName;
      warned = 0;
      unknown = 0;
      kinds = null;
      eof = false;
      events.beginFile();
      int lo = 0, hi = 0, lineNo = 0;
      int base = events.size();
      boolean sized = false;
      boolean first = true;
      boolean skipping = false; // inside a line longer than the chunk, discarding it
      while (true) {
        while (!eof && hi < b.length) {
          int r = in.read(ByteBuffer.wrap(b, hi, b.length - hi));
          if (r < 0) eof = true;
          else hi += r;
        }
        // a byte-order mark from an editor is not part of the first line
        if (first && hi >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) lo = 3;
        first = false;
        if (skipping) {
          int nl = indexOf(b, (byte) '\n', lo, hi);
          if (nl < 0 && !eof) {
            lo = hi = 0;
            continue;
          }
          lineNo++;
          skip(lineNo, "line longer than " + MAX_LINE + " bytes");
          skipping = false;
          lo = nl < 0 ? hi : nl + 1;
        }
        while (lo < hi) {
          // near the chunk's end line() takes over, so fast() never sees a cut line and its compiled code stays put
          int next = eof || hi - lo > FAST_WINDOW ? fast(lo, hi) : -1;
          if (next >= 0) {
            lineNo++;
            lo = next;
            continue;
          }
          int nl = indexOf(b, (byte) '\n', lo, hi);
          // a line is handled once the start of the next is in view, to see a torn mark there
          if (nl < 0 || !eof && hi - nl - 1 < TORN_PREFIX.length) break;
          lineNo++;
          // a torn line once marked is known and skipped quietly: a prompt's due --count must not warn forever
          if (!startsWith(nl + 1, hi, TORN_PREFIX)) line(lineNo, lo, nl > lo && b[nl - 1] == '\r' ? nl - 1 : nl);
          lo = nl + 1;
        }
        if (eof) {
          if (lo < hi && tornNews) skip(lineNo + 1, "torn last line (no newline)");
          break;
        }
        if (!sized && lo > 0) { // once per file, from the density of its first chunk's lines
          double perByte = (double) (events.size() - base) / lo;
          events.reserve((int) Math.min(1 << 28, (long) (perByte * left * 1.03) + base + 16));
          sized = true;
        }
        if (lo == 0) { // the chunk holds no whole line: one longer than the cap
          int nl = indexOf(b, (byte) '\n', 0, hi);
          if (nl < 0) {
            skipping = true;
            hi = 0;
            continue;
          }
          lineNo++;
          skip(lineNo, "line longer than " + MAX_LINE + " bytes");
          lo = nl + 1;
        }
        System.arraycopy(b, lo, b, 0, hi - lo);
        hi -= lo;
        lo = 0;
      }
      left = Math.max(0, left - size);
      if (unknown > 0) {
        warnings.accept(name + ": " + unknown + " event" + (unknown == 1 ? "" : "s") + " of a kind this idrill does not"
            + " know skipped (" + kinds + "); a newer idrill wrote " + (unknown == 1 ? "it" : "them"));
      }
      if (warned > MAX_WARNINGS) {
        warnings.accept(name + ": " + (warned - MAX_WARNINGS) + " more malformed lines skipped (not listed)");
      }
    }

    /**
     * Reads the line at s in one pass when it has exactly the written shape and returns where the next starts;
     * -1 for anything else (comments, headers, errors, a line cut by the chunk), which line() then explains.
     */
    private int fast(int s, int hi) {
      int t1 = s + TIME_LEN;
      if (t1 >= hi || b[t1] != '\t') return -1;
      long millis = parseTime(b, s, t1);
      if (millis == Long.MIN_VALUE) return -1;
      int i = t1 + 1, h = 0;
      for (byte c; i < hi && (c = b[i]) != '\t'; i++) {
        if (c == '\n') return -1;
        h = 31 * h + c;
      }
      int t2 = i;
      if (t2 == t1 + 1 || t2 - t1 - 1 > MAX_ID || t2 + 7 >= hi) return -1;
      int len = b[t2 + 5] == '\t' ? 4 : b[t2 + 6] == '\t' ? 5 : 0;
      Grade grade = len == 0 ? null : grade(t2 + 1, t2 + 1 + len);
      if (grade == null) return -1;
      int m = t2 + len + 2;
      long ms = 0;
      for (i = m; i < hi && i - m < 18; i++) {
        int d = b[i] - '0';
        if (d < 0 || d > 9) break;
        ms = ms * 10 + d;
      }
      if (i == m || i >= hi) return -1;
      long target = ReviewEvents.NO_TARGET;
      if (grade == Grade.UNDO && b[i] == '\t') { // an undo's target: the time of the grade it withdraws
        int te = i + 1 + TIME_LEN;
        if (te >= hi || b[te] != '\n' && b[te] != '\t') return -1;
        target = parseTime(b, i + 1, te);
        if (target == Long.MIN_VALUE) return -1;
        i = te;
      }
      int nl = b[i] == '\n' ? i : b[i] == '\t' ? indexOf(b, (byte) '\n', i, hi) : -1; // extra columns are ignored
      if (nl < 0 || nl - s > MAX_LINE || !eof && hi - nl - 1 < TORN_PREFIX.length || startsWith(nl + 1, hi, TORN_PREFIX)) {
        return -1;
      }
      int id = id(t1 + 1, t2, h ^ (h >>> 16));
      if (id < 0) return -1;
      events.add(millis, id, grade, ms);
      if (target != ReviewEvents.NO_TARGET) events.target(target);
      return nl + 1;
    }

    private void line(int lineNo, int s, int e) {
      if (s == e || b[s] == '#') return;
      if (e - s > MAX_LINE) {
        skip(lineNo, "line longer than " + MAX_LINE + " bytes");
        return;
      }
      int t1 = indexOf(b, (byte) '\t', s, e);
      if ((t1 < 0 ? e : t1) - s == 4 && b[s] == 't' && b[s + 1] == 'i' && b[s + 2] == 'm' && b[s + 3] == 'e') {
        return; // a header, wherever sort or cat put it
      }
      int t2 = t1 < 0 ? -1 : indexOf(b, (byte) '\t', t1 + 1, e);
      int t3 = t2 < 0 ? -1 : indexOf(b, (byte) '\t', t2 + 1, e);
      if (t3 < 0) {
        skip(lineNo, "expected at least 4 tab-separated fields (time, id, grade, ms)");
        return;
      }
      int t4 = indexOf(b, (byte) '\t', t3 + 1, e);
      int msEnd = t4 < 0 ? e : t4;
      long millis = parseTime(b, s, t1);
      if (millis == Long.MIN_VALUE) {
        skip(lineNo, "bad time " + quote(b, s, t1) + " (" + timeProblem(b, s, t1) + ")");
        return;
      }
      if (t2 == t1 + 1) {
        skip(lineNo, "empty id");
        return;
      }
      Grade grade = grade(t2 + 1, t3);
      Aside aside = grade == null && kind(t2 + 1, t3) ? Aside.parse(text(t2 + 1, t3)) : null;
      if (aside != null) { // rare, so here on the slow path: the fast one stays a grade's
        if (parseMs(b, t3 + 1, msEnd) < 0) {
          skip(lineNo, "bad ms " + quote(b, t3 + 1, msEnd) + " (expected a non-negative whole number)");
          return;
        }
        int id = id(t1 + 1, t2, hash(b, t1 + 1, t2));
        if (id < 0) {
          skip(lineNo, utf8(t1 + 1, t2) ? idProblem(new String(b, t1 + 1, t2 - t1 - 1, StandardCharsets.UTF_8))
              : "bad id (not UTF-8 text)");
          return;
        }
        events.addAside(millis, id, aside);
        return;
      }
      if (grade == null && kind(t2 + 1, t3)) { // a later version's event kind: counted, reported once per file
        if (++unknown == 1 || kinds.length() < 60 && !(", " + kinds + ",").contains(", " + text(t2 + 1, t3) + ",")) {
          kinds = kinds == null ? text(t2 + 1, t3) : kinds + ", " + text(t2 + 1, t3);
        }
        return;
      }
      if (grade == null) {
        skip(lineNo, "unknown grade " + quote(b, t2 + 1, t3) + " (expected again, hard, good, easy or undo)");
        return;
      }
      long ms = parseMs(b, t3 + 1, msEnd);
      if (ms < 0) {
        skip(lineNo, "bad ms " + quote(b, t3 + 1, msEnd) + " (expected a non-negative whole number)");
        return;
      }
      long target = ReviewEvents.NO_TARGET;
      if (grade == Grade.UNDO && t4 >= 0 && t4 + 1 < e && b[t4 + 1] != '\t') {
        int t5 = indexOf(b, (byte) '\t', t4 + 1, e);
        target = parseTime(b, t4 + 1, t5 < 0 ? e : t5);
        if (target == Long.MIN_VALUE) {
          skip(lineNo, "bad undo target " + quote(b, t4 + 1, t5 < 0 ? e : t5)
              + " (expected the time of the grade it withdraws, UTC like 2026-11-25T17:03:04.123Z)");
          return;
        }
      }
      int id = id(t1 + 1, t2, hash(b, t1 + 1, t2));
      if (id < 0) {
        skip(lineNo, utf8(t1 + 1, t2) ? idProblem(new String(b, t1 + 1, t2 - t1 - 1, StandardCharsets.UTF_8))
            : "bad id (not UTF-8 text)");
        return;
      }
      events.add(millis, id, grade, ms);
      if (target != ReviewEvents.NO_TARGET) events.target(target);
    }

    /** A word of 1..16 lowercase letters: the shape of an event kind, known or not. */
    private boolean kind(int s, int e) {
      if (e - s < 1 || e - s > MAX_KIND) return false;
      for (int i = s; i < e; i++) if (b[i] < 'a' || b[i] > 'z') return false;
      return true;
    }

    private String text(int s, int e) {
      return new String(b, s, e - s, StandardCharsets.US_ASCII);
    }

    private boolean utf8(int s, int e) {
      try {
        StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(b, s, e - s));
        return true;
      } catch (java.nio.charset.CharacterCodingException x) {
        return false;
      }
    }

    private void skip(int lineNo, String reason) {
      if (++warned <= MAX_WARNINGS) warnings.accept(name + ":" + lineNo + ": skipped: " + reason);
    }

    private boolean startsWith(int from, int n, byte[] prefix) {
      if (n - from < prefix.length) return false;
      for (int i = 0; i < prefix.length; i++) if (b[from + i] != prefix[i]) return false;
      return true;
    }

    private Grade grade(int s, int e) {
      int len = e - s;
      if (len == 4) {
        byte c0 = b[s], c1 = b[s + 1], c2 = b[s + 2], c3 = b[s + 3];
        if (c0 == 'g' && c1 == 'o' && c2 == 'o' && c3 == 'd') return Grade.GOOD;
        if (c0 == 'h' && c1 == 'a' && c2 == 'r' && c3 == 'd') return Grade.HARD;
        if (c0 == 'e' && c1 == 'a' && c2 == 's' && c3 == 'y') return Grade.EASY;
        if (c0 == 'u' && c1 == 'n' && c2 == 'd' && c3 == 'o') return Grade.UNDO;
      } else if (len == 5 && b[s] == 'a' && b[s + 1] == 'g' && b[s + 2] == 'a' && b[s + 3] == 'i' && b[s + 4] == 'n') {
        return Grade.AGAIN;
      }
      return null;
    }

    /** The number of the id at b[s..e), whose hash() is h; -1 when it is no question id (checked at first sight). */
    private int id(int s, int e, int h) {
      int mask = slotId.length - 1;
      for (int i = h & mask; ; i = (i + 1) & mask) {
        byte[] key = slotKey[i];
        if (key == null) {
          if (!slug(s, e)) return -1;
          int id = events.addId(new String(b, s, e - s, StandardCharsets.US_ASCII));
          slotKey[i] = Arrays.copyOfRange(b, s, e);
          slotId[i] = id;
          if (events.idCount() * 2 > slotId.length) grow();
          return id;
        }
        if (key.length == e - s && same(key, s)) return slotId[i];
      }
    }

    private boolean slug(int s, int e) {
      if (e - s < 1 || e - s > MAX_ID) return false;
      for (int i = s; i < e; i++) {
        byte c = b[i];
        if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' && i > s)) return false;
      }
      return true;
    }

    // a plain loop: Arrays.equals branches on length inside, which deoptimizes as longer ids turn up
    private boolean same(byte[] key, int s) {
      for (int j = 0; j < key.length; j++) if (key[j] != b[s + j]) return false;
      return true;
    }

    private void grow() {
      byte[][] keys = slotKey;
      int[] id = slotId;
      slotKey = new byte[keys.length * 2][];
      slotId = new int[keys.length * 2];
      int mask = slotId.length - 1;
      for (int j = 0; j < keys.length; j++) {
        if (keys[j] == null) continue;
        int i = hash(keys[j], 0, keys[j].length) & mask;
        while (slotKey[i] != null) i = (i + 1) & mask;
        slotKey[i] = keys[j];
        slotId[i] = id[j];
      }
    }
  }

  private static int hash(byte[] b, int s, int e) {
    int h = 0;
    for (int i = s; i < e; i++) h = 31 * h + b[i];
    return h ^ (h >>> 16);
  }

  private static int indexOf(byte[] b, byte c, int from, int to) {
    for (int i = from; i < to; i++) if (b[i] == c) return i;
    return -1;
  }

  /** Epoch millis of yyyy-MM-ddTHH:mm:ss.SSSZ at b[s..e), or Long.MIN_VALUE when it is not exactly that, validated. */
  static long parseTime(byte[] b, int s, int e) {
    if (e - s != TIME_LEN || b[s + 4] != '-' || b[s + 7] != '-' || b[s + 10] != 'T' || b[s + 13] != ':'
        || b[s + 16] != ':' || b[s + 19] != '.' || b[s + 23] != 'Z') {
      return Long.MIN_VALUE;
    }
    int year = digits(b, s, 4), month = digits(b, s + 5, 2), day = digits(b, s + 8, 2);
    int hour = digits(b, s + 11, 2), minute = digits(b, s + 14, 2), second = digits(b, s + 17, 2);
    int milli = digits(b, s + 20, 3);
    if ((year | month | day | hour | minute | second | milli) < 0 || month < 1 || month > 12 || day < 1
        || day > MONTH_DAYS[LEAP_OFFSET[year % 400] + month] || hour > 23 || minute > 59 || second > 59) {
      return Long.MIN_VALUE;
    }
    return ((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute) * 60_000L + second * 1000L + milli;
  }

  /** Why parseTime refused b[s..e); only called on the slow path. */
  private static String timeProblem(byte[] b, int s, int e) {
    String shape = "expected UTC like 2026-11-25T17:03:04.123Z";
    if (e - s != TIME_LEN) return shape;
    if (b[s + 4] != '-' || b[s + 7] != '-' || b[s + 10] != 'T' || b[s + 13] != ':' || b[s + 16] != ':'
        || b[s + 19] != '.' || b[s + 23] != 'Z') return shape;
    int year = digits(b, s, 4), month = digits(b, s + 5, 2), day = digits(b, s + 8, 2);
    if ((year | month | day | digits(b, s + 11, 2) | digits(b, s + 14, 2) | digits(b, s + 17, 2) | digits(b, s + 20, 3)) < 0) {
      return shape;
    }
    if (month < 1 || month > 12) return "no month " + month;
    if (day < 1 || day > MONTH_DAYS[LEAP_OFFSET[year % 400] + month]) return "no day " + day + " in month " + month + " of " + year;
    if (digits(b, s + 11, 2) > 23) return "hour out of range";
    if (digits(b, s + 14, 2) > 59) return "minute out of range";
    return "second out of range";
  }

  /** Decimal value of n ASCII digits, or -1 if any is not a digit. */
  private static int digits(byte[] b, int from, int n) {
    int v = 0;
    for (int i = from; i < from + n; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) return -1;
      v = v * 10 + d;
    }
    return v;
  }

  /**
   * Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil) in plain arithmetic,
   * for the same reason: no branch that a chronological log first takes months into the file.
   */
  static long daysFromCivil(int year, int month, int day) {
    int y = year - (14 - month) / 12 + 400; // years start in March; one era more keeps y positive for year 0
    int era = y / 400;
    int yoe = y - era * 400;
    int doy = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (era - 1) * 146_097L + doe - 719_468;
  }

  /** Non-negative decimal at b[s..e) (at most 18 digits, so no overflow), or -1. */
  private static long parseMs(byte[] b, int s, int e) {
    if (s == e || e - s > 18) return -1;
    long v = 0;
    for (int i = s; i < e; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) return -1;
      v = v * 10 + d;
    }
    return v;
  }

  /** The field in single quotes for a warning: cut short, control bytes escaped, so a warning stays one line. */
  private static String quote(byte[] b, int s, int e) {
    return quote(new String(b, s, Math.min(e - s, QUOTE_MAX * 4), StandardCharsets.UTF_8), e - s > QUOTE_MAX * 4);
  }

  private static String quote(String text) {
    return quote(text, false);
  }

  private static String quote(String text, boolean cut) {
    StringBuilder sb = new StringBuilder("'");
    for (int i = 0; i < Math.min(text.length(), QUOTE_MAX); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c >= 0x7f && c < 0xa0) sb.append(String.format("\\x%02x", (int) c));
      else sb.append(c);
    }
    if (text.length() > QUOTE_MAX || cut) sb.append("...");
    return sb.append('\'').toString();
  }
}
