package idrill.render;

import java.util.ArrayList;
import java.util.List;

/** Display-width arithmetic for terminal text that may carry ANSI SGR styling. */
public final class Text {
  /** "1 question", "2 questions": a count with its noun, plural by adding s. */
  public static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private Text() {}

  static final String RESET = "\u001b[0m";
  /** Starts each continuation of a line too wide for the screen: content is folded, never cut. */
  public static final String MARK = "\u21aa ";
  /** Glues words (short inline math): a wrap moves them whole, breaking them only when wider than a line. */
  public static final char GLUE = '\u00a0';
  private static final int MARK_COLS = 2;
  private static final char ESC = '\u001b';
  private static final int ZWJ = 0x200D;

  /** Display columns: ignores ANSI escape sequences, counts East Asian wide/emoji as 2, combining marks as 0. */
  public static int width(String s) {
    if (s == null) return 0;
    int w = 0;
    int n = s.length();
    boolean joined = false;
    for (int i = 0; i < n; ) {
      char c = s.charAt(i);
      if (c == ESC) {
        i = escEnd(s, i);
        continue;
      }
      if (c < 0x7F) { // fast path for ASCII
        if (c >= 0x20) w++;
        joined = false;
        i++;
        continue;
      }
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      // the emoji after a zero-width joiner merges into the one before it
      if (!joined) w += cpWidth(cp);
      joined = cp == ZWJ;
    }
    return w;
  }

  /**
   * Truncates to cols display columns, appending "…" when cut. When the cut falls inside styled
   * text a reset is appended so styling cannot leak.
   */
  public static String cut(String s, int cols) {
    if (s == null || cols <= 0) return "";
    if (width(s) <= cols) return s;
    int budget = cols - 1;
    Sgr sgr = new Sgr();
    StringBuilder b = new StringBuilder(s.length());
    int used = 0;
    boolean joined = false;
    for (int i = 0, n = s.length(); i < n; ) {
      char c = s.charAt(i);
      if (c == ESC) {
        int e = escEnd(s, i);
        sgr.apply(s, i, e);
        b.append(s, i, e);
        i = e;
        continue;
      }
      int cp = s.codePointAt(i);
      int w = joined ? 0 : cpWidth(cp);
      if (used + w > budget) break;
      used += w;
      joined = cp == ZWJ;
      b.appendCodePoint(cp);
      i += Character.charCount(cp);
    }
    b.append('…');
    if (sgr.active()) b.append(RESET);
    return b.toString();
  }

  /**
   * Greedy word wrap of styled text by display width. Spaces and tabs separate words (runs
   * collapse), \n forces a break. A word wider than the line is folded: each continuation starts
   * with MARK (from width 4 up). Words joined by GLUE move as one and break at their GLUEs only
   * when together wider than a line; GLUE comes out as a space. Each line is self-contained:
   * styling open at a line end is reset there and reopened on the next line. Blank text gives no
   * lines.
   */
  public static List<String> wrap(String s, int width) {
    List<String> out = new ArrayList<>();
    if (s == null || s.isEmpty()) return out;
    new Wrapper(out, Math.max(1, width)).run(s);
    return out;
  }

  /**
   * Folds one line wider than width into pieces of at most width columns, each continuation
   * starting with MARK, so every character stays on screen; styling is reset and reopened per
   * piece. A line that fits comes back alone.
   */
  public static List<String> fold(String s, int width) {
    if (s == null) return List.of();
    if (width(s) <= width) return List.of(s);
    List<String> out = new ArrayList<>();
    if (s.indexOf(ESC) < 0) return foldPlain(s, Math.max(1, width), out);
    Wrapper w = new Wrapper(out, Math.max(1, width));
    w.breakWord(s);
    w.end();
    return out;
  }

  /**
   * Unstyled text folds after a space or a URL separator in the second half of a piece when there
   * is one, else at the last column; spaces at a fold end the piece and are not repeated.
   */
  private static List<String> foldPlain(String s, int width, List<String> out) {
    int n = s.length();
    int i = 0;
    while (i < n) {
      boolean first = out.isEmpty();
      int room = first || width < 2 * MARK_COLS ? width : width - MARK_COLS;
      int used = 0;
      int end = i;
      int soft = -1; // end of the piece at the last good break seen
      boolean joined = false;
      while (end < n) {
        int cp = s.codePointAt(end);
        int cw = joined ? 0 : cpWidth(cp);
        if (used + cw > room && used > 0) break;
        used += cw;
        joined = cp == ZWJ;
        end += Character.charCount(cp);
        if (used * 2 >= room && end < n && BREAK_AFTER.indexOf(cp) >= 0) soft = end;
      }
      int cut = end < n && soft > i ? soft : end;
      String piece = s.substring(i, cut).stripTrailing();
      out.add(first || room == width ? piece : MARK.concat(piece));
      i = cut;
      while (i < n && s.charAt(i) == ' ') i++; // the fold stands for the spaces it fell on
    }
    return out;
  }

  /** A folded piece without its continuation mark, so a caller can style the mark apart. */
  public static String unmarked(String piece) {
    return piece.startsWith(MARK) ? piece.substring(MARK.length()) : piece;
  }

  private static final String BREAK_AFTER = " /-_.,;:?&=+|";

  /**
   * Joins strings. The package avoids + on strings: each such site links an invokedynamic
   * bootstrap on first use, which costs start-up time (about 2 ms a site, cold).
   */
  static String cat(String... parts) {
    int n = 0;
    for (String p : parts) n += p.length();
    StringBuilder b = new StringBuilder(n);
    for (String p : parts) b.append(p);
    return b.toString();
  }

  /** Columns taken by one code point. */
  static int cpWidth(int cp) {
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) return 0;
    if (cp < 0x300) return 1;
    if (cp >= 0x1160 && cp <= 0x11FF) return 0; // Hangul medial vowels and finals join the syllable
    int t = Character.getType(cp);
    if (t == Character.NON_SPACING_MARK || t == Character.ENCLOSING_MARK || t == Character.FORMAT) {
      return 0;
    }
    return isWide(cp) ? 2 : 1;
  }

  private static boolean isWide(int cp) {
    if (cp < WIDE[0]) return false;
    int lo = 0;
    int hi = WIDE.length / 2 - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (cp < WIDE[2 * mid]) hi = mid - 1;
      else if (cp > WIDE[2 * mid + 1]) lo = mid + 1;
      else return true;
    }
    return false;
  }

  /** End (exclusive) of the escape sequence at i: a CSI sequence or ESC plus one character. */
  static int escEnd(String s, int i) {
    int n = s.length();
    if (i + 1 >= n) return n;
    if (s.charAt(i + 1) != '[') return i + 2;
    int j = i + 2;
    while (j < n && s.charAt(j) >= 0x20 && s.charAt(j) <= 0x3F) j++;
    return j < n && s.charAt(j) >= 0x40 && s.charAt(j) <= 0x7E ? j + 1 : j;
  }

  /** Tracks which SGR attributes are on, and the sequences that turned them on. */
  static final class Sgr {
    private static final int BOLD = 1, DIM = 2, ITALIC = 4, UNDER = 8, BLINK = 16, INVERSE = 32,
        HIDDEN = 64, STRIKE = 128, FG = 256, BG = 512;
    private int on;
    final StringBuilder open = new StringBuilder();

    boolean active() { return on != 0; }

    /** Updates state from the escape sequence s[from, to); non-SGR sequences are ignored. */
    void apply(String s, int from, int to) {
      if (to - from < 3 || s.charAt(from + 1) != '[' || s.charAt(to - 1) != 'm') return;
      int[] ps = params(s, from + 2, to - 1);
      for (int k = 0; k < ps.length; k++) {
        int p = ps[k];
        if (p == 0) on = 0;
        else if (p == 1) on |= BOLD;
        else if (p == 2) on |= DIM;
        else if (p == 22) on &= ~(BOLD | DIM);
        else if (p == 3) on |= ITALIC;
        else if (p == 23) on &= ~ITALIC;
        else if (p == 4 || p == 21) on |= UNDER;
        else if (p == 24) on &= ~UNDER;
        else if (p == 5 || p == 6) on |= BLINK;
        else if (p == 25) on &= ~BLINK;
        else if (p == 7) on |= INVERSE;
        else if (p == 27) on &= ~INVERSE;
        else if (p == 8) on |= HIDDEN;
        else if (p == 28) on &= ~HIDDEN;
        else if (p == 9) on |= STRIKE;
        else if (p == 29) on &= ~STRIKE;
        else if ((p >= 30 && p <= 37) || (p >= 90 && p <= 97)) on |= FG;
        else if (p == 39) on &= ~FG;
        else if ((p >= 40 && p <= 47) || (p >= 100 && p <= 107)) on |= BG;
        else if (p == 49) on &= ~BG;
        else if (p == 38 || p == 48) {
          on |= p == 38 ? FG : BG;
          // skip the colour's own parameters: 5;n or 2;r;g;b
          if (k + 1 < ps.length) k += ps[k + 1] == 5 ? 2 : ps[k + 1] == 2 ? 4 : 1;
        }
      }
      if (on == 0) open.setLength(0);
      else open.append(s, from, to);
    }

    private static int[] params(String s, int from, int to) {
      int count = 1;
      for (int j = from; j < to; j++) if (s.charAt(j) == ';') count++;
      int[] ps = new int[count];
      int k = 0;
      int v = 0;
      for (int j = from; j < to; j++) {
        char c = s.charAt(j);
        if (c == ';') {
          ps[k++] = v;
          v = 0;
        } else if (c >= '0' && c <= '9') {
          v = Math.min(100_000, v * 10 + (c - '0'));
        }
      }
      ps[k] = v;
      return ps;
    }
  }

  /** State of one wrap run. */
  private static final class Wrapper {
    private final List<String> out;
    private final int width;
    private final Sgr sgr = new Sgr();
    private final StringBuilder line = new StringBuilder();
    private int used;
    private int lastWidth; // columns of the last visible code point appended

    Wrapper(List<String> out, int width) {
      this.out = out;
      this.width = width;
    }

    void run(String s) {
      int n = s.length();
      int i = 0;
      while (i < n) {
        char c = s.charAt(i);
        if (c == ' ' || c == '\t') {
          i++;
        } else if (c == '\n') {
          flush();
          i++;
        } else {
          int e = i;
          while (e < n && s.charAt(e) != ' ' && s.charAt(e) != '\t' && s.charAt(e) != '\n') e++;
          word(s.substring(i, e));
          i = e;
        }
      }
      end();
    }

    void end() {
      if (used > 0) flush();
    }

    private void word(String w) {
      int ww = width(w);
      if (ww > width && w.indexOf(GLUE) >= 0) { // glued words too wide together: let them part
        for (String part : w.split(String.valueOf(GLUE), -1)) if (!part.isEmpty()) word(part);
        return;
      }
      if (ww == 0 || (used > 0 && used + 1 + ww <= width)) {
        if (ww > 0) {
          line.append(' ');
          used++;
        }
      } else if (used > 0) {
        flush();
      }
      if (used + ww <= width) {
        append(w, 0, w.length());
        used += ww;
        return;
      }
      breakWord(w);
    }

    /**
     * Appends a word wider than the line: after a URL separator in the second half of a line when
     * there is one, else a code point at a time. Continuations start with MARK, except between
     * wide (CJK) characters, where a line may break anyway.
     */
    void breakWord(String w) {
      int from = 0;
      for (int i = 0, n = w.length(); i < n; ) {
        int cp = w.charAt(i) == ESC ? ESC : w.codePointAt(i);
        i = cp == ESC ? escEnd(w, i) : i + Character.charCount(cp);
        if (i < n && cp != ESC && BREAK_AFTER.indexOf(cp) < 0) continue;
        int sw = width(w.substring(from, i));
        if (used > 0 && used + sw > width && used * 2 >= width && sw <= width - MARK_COLS) {
          newLine(true); // the segment moves whole to a continuation line
        }
        hard(w, from, i);
        from = i;
      }
    }

    /** Appends w[from, to) a code point at a time, folding at the last column. */
    private void hard(String w, int from, int to) {
      boolean joined = false;
      for (int i = from; i < to; ) {
        char c = w.charAt(i);
        if (c == ESC) {
          int e = escEnd(w, i);
          append(w, i, e);
          i = e;
          continue;
        }
        int cp = w.codePointAt(i);
        int cw = joined ? 0 : cpWidth(cp);
        if (used > 0 && used + cw > width) newLine(cw < 2 || lastWidth < 2);
        joined = cp == ZWJ;
        line.appendCodePoint(cp);
        used += cw;
        if (cw > 0) lastWidth = cw;
        i += Character.charCount(cp);
      }
    }

    /** Ends the line inside a word; marked, the next one starts with MARK. */
    private void newLine(boolean marked) {
      flush();
      if (marked && width >= 2 * MARK_COLS) {
        line.insert(0, MARK); // before the reopened styling: the mark is not part of the text
        used = MARK_COLS;
      }
    }

    /** Appends s[from, to) to the line, following the styling it switches. */
    private void append(String s, int from, int to) {
      for (int i = from; i < to; ) {
        int e = s.indexOf(ESC, i);
        if (e < 0 || e >= to) {
          line.append(s, i, to);
          return;
        }
        line.append(s, i, e);
        int end = Math.min(to, escEnd(s, e));
        sgr.apply(s, e, end);
        line.append(s, e, end);
        i = end;
      }
    }

    private void flush() {
      if (used == 0) {
        out.add("");
      } else {
        if (sgr.active()) line.append(RESET);
        String l = line.toString();
        out.add(l.indexOf(GLUE) < 0 ? l : l.replace(GLUE, ' '));
      }
      line.setLength(0);
      line.append(sgr.open);
      used = 0;
    }
  }

  /** Inclusive ranges of East Asian wide and fullwidth characters and wide emoji. */
  private static final int[] WIDE = {
    0x1100, 0x115F, 0x231A, 0x231B, 0x2329, 0x232A, 0x23E9, 0x23EC, 0x23F0, 0x23F0,
    0x23F3, 0x23F3, 0x25FD, 0x25FE, 0x2614, 0x2615, 0x2648, 0x2653, 0x267F, 0x267F,
    0x2693, 0x2693, 0x26A1, 0x26A1, 0x26AA, 0x26AB, 0x26BD, 0x26BE, 0x26C4, 0x26C5,
    0x26CE, 0x26CE, 0x26D4, 0x26D4, 0x26EA, 0x26EA, 0x26F2, 0x26F3, 0x26F5, 0x26F5,
    0x26FA, 0x26FA, 0x26FD, 0x26FD, 0x2705, 0x2705, 0x270A, 0x270B, 0x2728, 0x2728,
    0x274C, 0x274C, 0x274E, 0x274E, 0x2753, 0x2755, 0x2757, 0x2757, 0x2795, 0x2797,
    0x27B0, 0x27B0, 0x27BF, 0x27BF, 0x2B1B, 0x2B1C, 0x2B50, 0x2B50, 0x2B55, 0x2B55,
    0x2E80, 0x303E, 0x3041, 0x33FF, 0x3400, 0x4DBF, 0x4E00, 0x9FFF, 0xA000, 0xA4CF,
    0xA960, 0xA97F, 0xAC00, 0xD7A3, 0xF900, 0xFAFF, 0xFE10, 0xFE19, 0xFE30, 0xFE6F,
    0xFF00, 0xFF60, 0xFFE0, 0xFFE6, 0x16FE0, 0x16FE4, 0x16FF0, 0x16FF1, 0x17000, 0x18CFF,
    0x18D00, 0x18D08, 0x1AFF0, 0x1B2FF, 0x1F004, 0x1F004, 0x1F0CF, 0x1F0CF, 0x1F18E, 0x1F18E,
    0x1F191, 0x1F19A, 0x1F200, 0x1F202, 0x1F210, 0x1F23B, 0x1F240, 0x1F248, 0x1F250, 0x1F251,
    0x1F260, 0x1F265, 0x1F300, 0x1F320, 0x1F32D, 0x1F335, 0x1F337, 0x1F37C, 0x1F37E, 0x1F393,
    0x1F3A0, 0x1F3CA, 0x1F3CF, 0x1F3D3, 0x1F3E0, 0x1F3F0, 0x1F3F4, 0x1F3F4, 0x1F3F8, 0x1F43E,
    0x1F440, 0x1F440, 0x1F442, 0x1F4FC, 0x1F4FF, 0x1F53D, 0x1F54B, 0x1F54E, 0x1F550, 0x1F567,
    0x1F57A, 0x1F57A, 0x1F595, 0x1F596, 0x1F5A4, 0x1F5A4, 0x1F5FB, 0x1F64F, 0x1F680, 0x1F6C5,
    0x1F6CC, 0x1F6CC, 0x1F6D0, 0x1F6D2, 0x1F6D5, 0x1F6D7, 0x1F6DC, 0x1F6DF, 0x1F6EB, 0x1F6EC,
    0x1F6F4, 0x1F6FC, 0x1F7E0, 0x1F7EB, 0x1F7F0, 0x1F7F0, 0x1F90C, 0x1F93A, 0x1F93C, 0x1F945,
    0x1F947, 0x1F9FF, 0x1FA70, 0x1FAFF, 0x20000, 0x2FFFD, 0x30000, 0x3FFFD,
  };
}
