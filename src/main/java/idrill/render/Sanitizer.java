package idrill.render;

/** Strips from untrusted bank text everything that could drive a terminal. */
public final class Sanitizer {
  private Sanitizer() {}

  /**
   * Removes every character that could drive a terminal: ESC and other C0 controls except \n and
   * \t, DEL (0x7F), C1 (U+0080–U+009F); also U+2028/U+2029 → \n; bidi overrides (U+202A–U+202E,
   * U+2066–U+2069) removed. \r\n → \n, lone \r → \n. Null gives "".
   */
  public static String clean(String s) {
    return filter(s, false);
  }

  /** Same but also turns \n and \t into spaces (one-line fields like ids, tags, list rows). */
  public static String oneLine(String s) {
    return filter(s, true);
  }

  private static String filter(String s, boolean oneLine) {
    if (s == null) return "";
    int n = s.length();
    int i = 0;
    while (i < n && keep(s.charAt(i), oneLine)) i++;
    if (i == n) return s; // common case: nothing to change, no copy
    StringBuilder b = new StringBuilder(n).append(s, 0, i);
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (keep(c, oneLine)) {
        b.append(c);
      } else if (c == '\r') {
        if (i + 1 < n && s.charAt(i + 1) == '\n') i++;
        b.append(oneLine ? ' ' : '\n');
      } else if (c == '\n' || c == '\t' || c == '\u2028' || c == '\u2029') {
        b.append(oneLine ? ' ' : '\n');
      }
    }
    return b.toString();
  }

  /** True for characters passed through unchanged. */
  private static boolean keep(char c, boolean oneLine) {
    if (c < 0x20) return !oneLine && (c == '\n' || c == '\t');
    if (c < 0x7F) return true;
    if (c <= 0x9F) return false; // DEL and C1 (0x9B is a one-byte CSI)
    if (c < 0x2028) return true;
    if (c <= 0x202E) return false; // line/paragraph separators, bidi embeddings and overrides
    return c < 0x2066 || c > 0x2069; // bidi isolates
  }
}
