package idrill.render;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lifts TeX math out of raw Markdown before parsing, so Markdown cannot mangle it (`_` and `*` in
 * math are not emphasis, `\(` is not an escaped paren). Each span becomes a placeholder made of
 * C0 controls, which sanitized text can never contain: INLINE index END or DISPLAY index END.
 * Code fences and code spans are left alone; indented code blocks are not detected.
 */
final class MathSpans {
  static final char INLINE = '\u0001';
  static final char DISPLAY = '\u0003';
  static final char END = '\u0002';

  final String text;
  private final List<String> raw;
  private final List<String> uni;

  private MathSpans(String text, List<String> raw, List<String> uni) {
    this.text = text;
    this.raw = raw;
    this.uni = uni;
  }

  /** Source as written, delimiters included, for placeholders that ended up inside code. */
  String raw(int k) {
    return k >= 0 && k < raw.size() ? raw.get(k) : "";
  }

  /** Unicode rendering; may hold \n for display math with \\ line breaks. */
  String unicode(int k) {
    return k >= 0 && k < uni.size() ? uni.get(k) : "";
  }

  /** Expects sanitized text. */
  static MathSpans extract(String s) {
    return new Scanner(s).run();
  }

  private static final class Scanner {
    private final String s;
    private final int n;
    private final StringBuilder out;
    private final List<String> raw = new ArrayList<>();
    private final List<String> uni = new ArrayList<>();
    private char fence; // 0 when outside a fenced code block
    private int fenceLen;
    // per delimiter, a search from [0] that found no closer before [1]: later searches starting
    // in between fail too, so a paragraph of unclosed openers stays linear, not quadratic
    private final Map<String, int[]> misses = new HashMap<>();

    Scanner(String s) {
      this.s = s;
      this.n = s.length();
      this.out = new StringBuilder(n);
    }

    MathSpans run() {
      if (s.indexOf('$') < 0 && s.indexOf('\\') < 0) return new MathSpans(s, raw, uni);
      int i = 0;
      boolean lineStart = true;
      while (i < n) {
        if (lineStart) {
          lineStart = false;
          int e = s.indexOf('\n', i);
          if (e < 0) e = n;
          if (fenceLine(i, e)) {
            out.append(s, i, Math.min(n, e + 1));
            i = e + 1;
            lineStart = true;
            continue;
          }
        }
        char c = s.charAt(i);
        if (c == '\n') {
          out.append(c);
          i++;
          lineStart = true;
        } else if (c == '`') {
          i = codeSpan(i);
        } else if (c == '\\' && i + 1 < n && s.charAt(i + 1) != '\n') {
          char d = s.charAt(i + 1);
          int close = d == '(' ? find(i + 2, "\\)") : d == '[' ? find(i + 2, "\\]") : -1;
          if (close >= 0) {
            add(i, i + 2, close, close + 2, d == '[');
            i = close + 2;
          } else {
            out.append(c).append(d); // an escape pair stays as written: \$ is no delimiter
            i += 2;
          }
        } else if (c == '$') {
          i = dollar(i);
        } else {
          out.append(c);
          i++;
        }
      }
      return new MathSpans(out.toString(), raw, uni);
    }

    /** Handles the line [i, e) if it opens, closes or sits in a code fence. */
    private boolean fenceLine(int i, int e) {
      int p = i;
      while (p < e && (s.charAt(p) == ' ' || s.charAt(p) == '\t')) p++;
      p = skipContainerMarkers(p, e, fence == 0);
      int run = 0;
      char c = p < e ? s.charAt(p) : 0;
      if (c == '`' || c == '~') while (p + run < e && s.charAt(p + run) == c) run++;
      if (fence != 0) {
        if (c == fence && run >= fenceLen && s.substring(p + run, e).isBlank()) fence = 0;
        return true;
      }
      if (run < 3 || (c == '`' && s.substring(p + run, e).indexOf('`') >= 0)) return false;
      fence = c;
      fenceLen = run;
      return true;
    }

    /** Skips block quote markers and (when opening) one list marker, behind which fences sit. */
    private int skipContainerMarkers(int p, int e, boolean listMarker) {
      while (p < e && s.charAt(p) == '>') {
        p++;
        while (p < e && s.charAt(p) == ' ') p++;
      }
      if (!listMarker) return p;
      int q = p;
      while (q < e && Character.isDigit(s.charAt(q))) q++;
      boolean ordered = q > p && q < e && (s.charAt(q) == '.' || s.charAt(q) == ')');
      boolean bullet = q == p && p < e && "-*+".indexOf(s.charAt(p)) >= 0;
      if ((ordered || bullet) && (ordered ? q + 1 : p + 1) < e) {
        int after = ordered ? q + 1 : p + 1;
        if (s.charAt(after) == ' ') {
          p = after;
          while (p < e && s.charAt(p) == ' ') p++;
        }
      }
      return p;
    }

    /** Copies a code span verbatim; an unmatched backtick run is copied as text. */
    private int codeSpan(int i) {
      int run = 0;
      while (i + run < n && s.charAt(i + run) == '`') run++;
      String key = "`".repeat(run);
      int j = knownMiss(key, i + run) ? n : i + run;
      while (j < n) {
        char c = s.charAt(j);
        if (c == '\n' && blankLineAfter(j)) break;
        if (c != '`') {
          j++;
          continue;
        }
        int r = 0;
        while (j + r < n && s.charAt(j + r) == '`') r++;
        if (r == run) {
          out.append(s, i, j + r);
          return j + r;
        }
        j += r;
      }
      miss(key, i + run, j);
      out.append(s, i, i + run);
      return i + run;
    }

    /** Handles a dollar at i: $$display$$, $inline$ or a literal dollar such as currency. */
    private int dollar(int i) {
      if (i + 1 < n && s.charAt(i + 1) == '$') {
        int close = find(i + 2, "$$");
        if (close >= 0 && !s.substring(i + 2, close).isBlank()) {
          add(i, i + 2, close, close + 2, true);
          return close + 2;
        }
        out.append("$$");
        return i + 2;
      }
      // pandoc's rule: $ opens when a non-space follows, closes after a non-space and not before
      // a digit, so "$5 and $10" stays currency
      if (i + 1 < n && !Character.isWhitespace(s.charAt(i + 1)) && !knownMiss("$", i + 1)) {
        int j = i + 1;
        for (; j < n; j++) {
          char c = s.charAt(j);
          if (c == '\\') {
            j++;
          } else if (c == '\n') {
            if (blankLineAfter(j)) break;
          } else if (c == '$') {
            boolean closes = !Character.isWhitespace(s.charAt(j - 1))
                && (j + 1 >= n || !Character.isDigit(s.charAt(j + 1)));
            if (closes) {
              add(i, i + 1, j, j + 1, false);
              return j + 1;
            }
          }
        }
        miss("$", i + 1, j);
      }
      out.append('$');
      return i + 1;
    }

    /** Index of the closing delimiter within the paragraph, skipping escape pairs; or -1. */
    private int find(int from, String close) {
      if (knownMiss(close, from)) return -1;
      int j = from;
      for (; j < n; j++) {
        if (s.startsWith(close, j)) return j;
        char c = s.charAt(j);
        if (c == '\\') j++;
        else if (c == '\n' && blankLineAfter(j)) break;
      }
      miss(close, from, j);
      return -1;
    }

    private boolean knownMiss(String key, int from) {
      int[] m = misses.get(key);
      return m != null && from >= m[0] && from < m[1];
    }

    private void miss(String key, int from, int end) {
      misses.put(key, new int[] {from, end});
    }

    /** True when the line after the newline at j is blank (a paragraph ends there). */
    private boolean blankLineAfter(int j) {
      for (int k = j + 1; k < n; k++) {
        char c = s.charAt(k);
        if (c == '\n') return true;
        if (c != ' ' && c != '\t') return false;
      }
      return true;
    }

    private void add(int open, int from, int to, int close, boolean display) {
      int k = raw.size();
      raw.add(s.substring(open, close));
      uni.add(TexMath.toUnicode(s.substring(from, to)));
      out.append(display ? DISPLAY : INLINE).append(k).append(END);
    }
  }
}
