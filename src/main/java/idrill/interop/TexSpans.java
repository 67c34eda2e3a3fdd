package idrill.interop;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** Finds TeX math ($…$, $$…$$, \(…\), \[…\]) so converters can pass it through untouched. */
final class TexSpans {
  /** [start, end) of the whole span, delimiters included; body is the TeX between them. */
  record Span(int start, int end, boolean display, String body) {}

  private TexSpans() {}

  /** Math spans of s; characters set in skip (code) never start or end one. */
  static List<Span> find(String s, BitSet skip) {
    List<Span> out = new ArrayList<>();
    int n = s.length();
    for (int i = 0; i < n; i++) {
      if (skip != null && skip.get(i)) continue;
      char c = s.charAt(i);
      Span span = null;
      if (c == '\\' && i + 1 < n) {
        char d = s.charAt(i + 1);
        if (d == '(') span = closed(s, i, "\\(", "\\)", false, skip);
        else if (d == '[') span = closed(s, i, "\\[", "\\]", true, skip);
        else {
          i++; // an escaped character, \$ included, is never a delimiter
          continue;
        }
      } else if (c == '$') {
        span = s.startsWith("$$", i) ? closed(s, i, "$$", "$$", true, skip) : dollar(s, i, skip);
      }
      if (span != null) {
        out.add(span);
        i = span.end() - 1;
      }
    }
    return out;
  }

  private static Span closed(String s, int at, String open, String close, boolean display, BitSet skip) {
    int from = at + open.length();
    int end = s.indexOf(close, from);
    if (end < 0 || end == from || crosses(skip, at, end + close.length())) return null;
    return new Span(at, end + close.length(), display, s.substring(from, end));
  }

  // $x$: no space inside the delimiters, no digit after the closing one ($5 and $6 is money), one paragraph
  private static Span dollar(String s, int at, BitSet skip) {
    int n = s.length();
    if (at + 1 >= n || Character.isWhitespace(s.charAt(at + 1))) return null;
    for (int j = at + 1; j < n; j++) {
      char c = s.charAt(j);
      if (c == '\\') {
        j++;
      } else if (c == '\n' && s.startsWith("\n\n", j)) {
        return null;
      } else if (c == '$') {
        if (Character.isWhitespace(s.charAt(j - 1))) return null;
        if (j + 1 < n && Character.isDigit(s.charAt(j + 1))) return null;
        if (crosses(skip, at, j + 1)) return null;
        return new Span(at, j + 1, false, s.substring(at + 1, j));
      }
    }
    return null;
  }

  private static boolean crosses(BitSet skip, int from, int to) {
    if (skip == null) return false;
    int k = skip.nextSetBit(from);
    return k >= 0 && k < to;
  }
}
