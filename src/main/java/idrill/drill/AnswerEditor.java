package idrill.drill;

import idrill.render.Sanitizer;
import idrill.render.Style;
import idrill.render.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * The small editing area where a typed answer is written before reveal: text goes in at the end, Enter starts a new
 * line, Backspace takes the last character back. Pure state; the terminal loops feed it keys and paint its lines.
 */
public final class AnswerEditor {
  /** Keeps a pasted novel from growing without bound. */
  public static final int MAX_CHARS = 20_000;

  private final StringBuilder text = new StringBuilder();

  public String text() {
    return text.toString();
  }

  public boolean isEmpty() {
    return text.length() == 0;
  }

  /** Appends typed characters; control characters other than newline are dropped. */
  public void insert(String s) {
    for (int i = 0; i < s.length() && text.length() < MAX_CHARS; i++) {
      char c = s.charAt(i);
      if (c == '\r' || c == '\n') text.append('\n');
      else if (c == '\t') text.append(' ');
      else if (c >= 0x20 && c != 0x7f && (c < 0x80 || c > 0x9f)) text.append(c);
    }
  }

  public void newline() {
    insert("\n");
  }

  /** Deletes the last character (a whole surrogate pair). */
  public void backspace() {
    int n = text.length();
    if (n == 0) return;
    int cut = n >= 2 && Character.isLowSurrogate(text.charAt(n - 1)) && Character.isHighSurrogate(text.charAt(n - 2)) ? 2 : 1;
    text.setLength(n - cut);
  }

  public void clear() {
    text.setLength(0);
  }

  public void set(String s) {
    clear();
    insert(s);
  }

  /** The text wrapped to width under a "> " gutter; with a cursor block after the last character when editing. */
  public static List<String> lines(String text, int width, boolean cursor, Style style) {
    List<String> out = new ArrayList<>();
    String[] rows = text.split("\n", -1);
    for (int i = 0; i < rows.length; i++) {
      String row = Sanitizer.oneLine(rows[i]);
      if (cursor && i == rows.length - 1) row += "█";
      List<String> wrapped = row.isEmpty() ? List.of("") : Text.wrap(row, Math.max(10, width - 2));
      for (String w : wrapped) out.add(style.dim("> ") + w);
    }
    return out;
  }
}
