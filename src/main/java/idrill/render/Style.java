package idrill.render;

/** Turns styling on (ANSI SGR escapes) or off (plain text, no escape bytes at all). */
public record Style(boolean color) {
  public static final Style PLAIN = new Style(false);

  private static final char ESC = '\u001b';

  public String bold(String s) { return wrap(s, "1", "22"); }

  public String italic(String s) { return wrap(s, "3", "23"); }

  public String dim(String s) { return wrap(s, "2", "22"); }

  /** Inline code. */
  public String code(String s) { return wrap(s, "36", "39"); }

  public String heading(String s) { return wrap(s, "1;35", "22;39"); }

  /** URLs. */
  public String link(String s) { return wrap(s, "4;34", "24;39"); }

  public String good(String s) { return wrap(s, "32", "39"); }

  public String bad(String s) { return wrap(s, "31", "39"); }

  public String warn(String s) { return wrap(s, "33", "39"); }

  private String wrap(String s, String on, String off) {
    if (s == null) return "";
    if (!color || s.isEmpty()) return s;
    String open = Text.cat("\u001b[", on, "m");
    StringBuilder b = new StringBuilder(s.length() + 16).append(open);
    int n = s.length();
    for (int i = 0; i < n; ) {
      int end = sgrEnd(s, i);
      if (end < 0) {
        b.append(s.charAt(i++));
        continue;
      }
      b.append(s, i, end);
      // an inner style switched attributes off: switch ours back on so nesting works
      if (isOff(s, i + 2, end - 1)) b.append(open);
      i = end;
    }
    return b.append("\u001b[").append(off).append('m').toString();
  }

  /** End (exclusive) of the SGR sequence starting at i, or -1. */
  static int sgrEnd(String s, int i) {
    if (s.charAt(i) != ESC || i + 1 >= s.length() || s.charAt(i + 1) != '[') return -1;
    for (int j = i + 2; j < s.length(); j++) {
      char c = s.charAt(j);
      if (c == 'm') return j + 1;
      if ((c < '0' || c > '9') && c != ';') return -1;
    }
    return -1;
  }

  /** True when every parameter in s[from, to) only switches attributes off. */
  private static boolean isOff(String s, int from, int to) {
    if (from >= to) return true; // ESC[m is a full reset
    int v = 0;
    for (int j = from; j <= to; j++) {
      if (j == to || s.charAt(j) == ';') {
        if (v != 0 && v != 22 && v != 23 && v != 24 && v != 39 && v != 49) return false;
        v = 0;
      } else {
        v = v * 10 + (s.charAt(j) - '0');
      }
    }
    return true;
  }
}
