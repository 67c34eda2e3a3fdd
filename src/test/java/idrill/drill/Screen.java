package idrill.drill;

import java.util.ArrayList;
import java.util.List;

/**
 * A small VT100/xterm screen model for tests: enough of cursor addressing, erasing and the alternate screen to turn a
 * drill's output back into the rows a person would see. SGR and modes it does not model are skipped.
 */
final class Screen {
  private final int cols;
  private final int rows;
  private final List<StringBuilder> normal = new ArrayList<>();
  private List<StringBuilder> alt;
  private int row;
  private int col;
  private int savedRow;
  private int savedCol;
  /** Each alternate-screen frame as it stood when the next paint began (cursor home) or the screen was left. */
  final List<List<String>> frames = new ArrayList<>();

  Screen(int cols, int rows) {
    this.cols = cols;
    this.rows = rows;
    normal.add(new StringBuilder());
  }

  static Screen of(String output, int cols, int rows) {
    Screen s = new Screen(cols, rows);
    s.feed(output);
    return s;
  }

  /** The normal screen's text (unbounded, as if with scrollback), trailing blanks trimmed. */
  List<String> normalLines() {
    List<String> out = new ArrayList<>();
    for (StringBuilder sb : normal) out.add(rtrim(sb.toString()));
    while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) out.remove(out.size() - 1);
    return out;
  }

  /** The last complete alternate-screen frame. */
  List<String> lastFrame() {
    return frames.isEmpty() ? List.of() : frames.get(frames.size() - 1);
  }

  void feed(String s) {
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\u001b') {
        i = escape(s, i + 1);
        continue;
      }
      i++;
      switch (c) {
        case '\r': col = 0; break;
        case '\n': lineFeed(); break;
        case '\b': col = Math.max(0, col - 1); break;
        case '\t': col = Math.min(cols - 1, (col / 8 + 1) * 8); break;
        default:
          if (c >= ' ') put(c);
      }
    }
  }

  private int escape(String s, int i) {
    if (i >= s.length()) return i;
    char c = s.charAt(i);
    if (c == '[') {
      int j = i + 1;
      boolean priv = j < s.length() && (s.charAt(j) == '?' || s.charAt(j) == '>' || s.charAt(j) == '=');
      if (priv) j++;
      int start = j;
      while (j < s.length() && (Character.isDigit(s.charAt(j)) || s.charAt(j) == ';')) j++;
      if (j >= s.length()) return j;
      csi(priv, s.substring(start, j), s.charAt(j));
      return j + 1;
    }
    if (c == ']') { // OSC: up to BEL or ST
      int j = i + 1;
      while (j < s.length() && s.charAt(j) != '\u0007' && !(s.charAt(j) == '\u001b' && j + 1 < s.length() && s.charAt(j + 1) == '\\')) j++;
      return j < s.length() && s.charAt(j) == '\u0007' ? j + 1 : j + 2;
    }
    if (c == '(' || c == ')') return i + 2; // charset selection
    if (c == '7') {
      savedRow = row;
      savedCol = col;
    } else if (c == '8') {
      row = savedRow;
      col = savedCol;
    }
    return i + 1; // ESC =, ESC >, and the like
  }

  private void csi(boolean priv, String params, char f) {
    String[] p = params.isEmpty() ? new String[0] : params.split(";", -1);
    int a = p.length > 0 && !p[0].isEmpty() ? Integer.parseInt(p[0]) : 0;
    int b = p.length > 1 && !p[1].isEmpty() ? Integer.parseInt(p[1]) : 0;
    if (priv) {
      if (params.equals("1049") && f == 'h') enterAlt();
      if (params.equals("1049") && f == 'l') exitAlt();
      return;
    }
    switch (f) {
      case 'H': case 'f':
        if (alt != null && a <= 1 && b <= 1) snapshot();
        row = Math.max(0, a - 1);
        col = Math.max(0, b - 1);
        clampRow();
        break;
      case 'A': row = Math.max(0, row - Math.max(1, a)); break;
      case 'B': row += Math.max(1, a); clampRow(); break;
      case 'C': col = Math.min(cols - 1, col + Math.max(1, a)); break;
      case 'D': col = Math.max(0, col - Math.max(1, a)); break;
      case 'G': col = Math.max(0, a - 1); break;
      case 'K': {
        StringBuilder line = line();
        if (a == 0 && line.length() > col) line.setLength(col);
        if (a == 2) line.setLength(0);
        break;
      }
      case 'J': {
        List<StringBuilder> buf = buffer();
        if (a == 0) {
          StringBuilder line = line();
          if (line.length() > col) line.setLength(col);
          for (int r = row + 1; r < buf.size(); r++) buf.get(r).setLength(0);
        } else if (a == 2) {
          for (StringBuilder sb : buf) sb.setLength(0);
        }
        break;
      }
      default: // SGR and the rest: no effect on the text
    }
  }

  private void enterAlt() {
    alt = new ArrayList<>();
    for (int r = 0; r < rows; r++) alt.add(new StringBuilder());
    savedRow = row;
    savedCol = col;
    row = 0;
    col = 0;
  }

  private void exitAlt() {
    if (alt != null) snapshot();
    alt = null;
    row = savedRow;
    col = savedCol;
  }

  private void snapshot() {
    List<String> f = new ArrayList<>();
    boolean any = false;
    for (StringBuilder sb : alt) {
      f.add(rtrim(sb.toString()));
      any |= sb.length() > 0;
    }
    if (any) frames.add(f);
  }

  private void put(char c) {
    if (col >= cols) {
      col = 0;
      lineFeed();
    }
    StringBuilder line = line();
    while (line.length() < col) line.append(' ');
    if (line.length() == col) line.append(c);
    else line.setCharAt(col, c);
    col++;
  }

  private void lineFeed() {
    row++;
    if (alt != null && row >= rows) {
      alt.remove(0);
      alt.add(new StringBuilder());
      row = rows - 1;
    }
    clampRow();
  }

  private void clampRow() {
    if (alt != null) {
      row = Math.min(row, rows - 1);
    } else {
      while (normal.size() <= row) normal.add(new StringBuilder());
    }
  }

  private List<StringBuilder> buffer() {
    return alt != null ? alt : normal;
  }

  private StringBuilder line() {
    clampRow();
    return buffer().get(row);
  }

  private static String rtrim(String s) {
    int e = s.length();
    while (e > 0 && s.charAt(e - 1) == ' ') e--;
    return s.substring(0, e);
  }
}
