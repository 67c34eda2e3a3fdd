package idrill.drill;

import java.util.List;
import org.jline.keymap.KeyMap;

/**
 * The keys of the typing area, shared by the drill and the mock interview: printable text goes in, Enter adds a
 * line, Backspace deletes, Ctrl-D or Alt-Enter submits, Esc abandons, Ctrl-C interrupts; other keys are ignored.
 */
public final class TypingKeys {
  private TypingKeys() {}

  public static KeyMap<String> map() {
    KeyMap<String> m = new KeyMap<>();
    m.setNomatch("ignore");
    m.setUnicode("insert");
    m.setAmbiguousTimeout(100); // Esc alone, told from Alt-Enter and the arrows' escape sequences
    for (char c = 32; c < 127; c++) m.bind("insert", String.valueOf(c));
    m.bind("newline", "\r");
    m.bind("newline", "\n");
    m.bind("submit", KeyMap.ctrl('D'));
    m.bind("submit", "\033\r");
    m.bind("submit", "\033\n");
    m.bind("abandon", "\033");
    m.bind("backspace", "\177");
    m.bind("backspace", KeyMap.ctrl('H'));
    m.bind("interrupt", KeyMap.ctrl('C'));
    for (String s : List.of("\033[A", "\033[B", "\033[C", "\033[D", "\033OA", "\033OB", "\033OC", "\033OD",
        "\033[5~", "\033[6~", "\033[H", "\033[F", "\033[1~", "\033[4~", "\033[3~", "\033[2~")) {
      m.bind("ignore", s);
    }
    return m;
  }

  /** Applies an editing action to the editor; false for submit, abandon and interrupt, which the caller handles. */
  public static boolean edit(AnswerEditor editor, String action, String typed) {
    switch (action) {
      case "insert": editor.insert(typed); return true;
      case "newline": editor.newline(); return true;
      case "backspace": editor.backspace(); return true;
      case "ignore": return true;
      default: return false;
    }
  }
}
