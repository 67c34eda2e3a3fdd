package idrill.drill;

import java.util.Locale;

/** The line mode's {@code answer TEXT}, where {@code \n} stands for a line break and {@code \\} for a backslash. */
public final class TypedLine {
  private TypedLine() {}

  public static boolean isAnswer(String line) {
    String s = line.strip();
    return s.toLowerCase(Locale.ROOT).startsWith("answer") && (s.length() == 6 || Character.isWhitespace(s.charAt(6)));
  }

  /** The answer's text, escapes resolved and control characters dropped. */
  public static String text(String line) {
    String s = line.strip();
    s = s.length() > 6 ? s.substring(6).strip() : "";
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length() && (s.charAt(i + 1) == 'n' || s.charAt(i + 1) == '\\')) {
        sb.append(s.charAt(++i) == 'n' ? '\n' : '\\');
      } else {
        sb.append(c);
      }
    }
    AnswerEditor e = new AnswerEditor();
    e.set(sb.toString());
    return e.text();
  }

  /** What the line mode says once an answer is recorded. */
  public static String noted(String text) {
    long lines = text.isEmpty() ? 0 : text.lines().count();
    return "answer noted (" + lines + (lines == 1 ? " line" : " lines") + "); reveal when ready";
  }
}
