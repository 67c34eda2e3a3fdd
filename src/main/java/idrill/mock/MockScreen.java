package idrill.mock;

import idrill.bank.Question;
import idrill.drill.AnswerEditor;
import idrill.drill.Coverage;
import idrill.drill.QuestionView;
import idrill.drill.Summary;
import idrill.drill.Typing;
import idrill.mock.MockSession.Phase;
import idrill.mock.MockSession.RevealedBy;
import idrill.render.Sanitizer;
import idrill.render.Style;
import idrill.render.Text;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The mock interview's screen as a pure function of its state: a header with the countdown (no tags: an interviewer
 * does not announce the topic), the question, the typing area, after reveal the typed answer, the model answer, the
 * tags and difficulty and the key-term coverage; a status line and the keys that apply now.
 */
public final class MockScreen {
  private static final String SEP = " · ";
  /** The countdown turns to a warning colour for the last part of the budget. */
  private static final double HURRY = 0.2;

  private final Style style;
  private final QuestionView view;
  private final int cols;
  private final int rows;

  /** What the terminal loop adds to the session: the typing area, the status line, help and scroll. */
  public record Ui(boolean typedMode, boolean editing, String draft, String status, boolean statusError, boolean help,
      int scroll) {}

  /** The painted rows (exactly the screen's height), the body's length and how many body rows show. */
  public record Frame(List<String> rows, int bodySize, int bodyRows) {}

  public MockScreen(int cols, int rows, Style style) {
    this.cols = cols > 0 ? cols : 80;
    this.rows = rows > 0 ? rows : 24;
    this.style = style;
    this.view = new QuestionView(Math.max(20, this.cols - 2), style);
  }

  public Frame frame(MockSession s, Instant now, Ui ui) {
    int width = Math.max(20, cols - 2);
    List<String> body = ui.help() ? help() : s.phase() == Phase.DONE ? done() : body(s, ui, width);
    int bodyRows = Math.max(1, rows - 4);
    int max = Math.max(0, body.size() - bodyRows);
    int scroll = Math.max(0, Math.min(ui.scroll(), max));
    // while typing, keep the cursor's end of the body in sight
    if (ui.editing() && s.phase() == Phase.QUESTION) scroll = max;
    List<String> out = new ArrayList<>(rows);
    out.add(Text.cut(header(s, now), cols - 1));
    out.add("");
    for (int i = 0; i < bodyRows && out.size() < rows; i++) {
      int at = scroll + i;
      out.add(at < body.size() ? Text.cut(body.get(at), cols - 1) : "");
    }
    while (out.size() < rows - 2) out.add("");
    if (rows >= 4) out.add(Text.cut(status(ui, s, now), cols - 1));
    if (rows >= 3) out.add(Text.cut(footer(s, ui), cols - 1));
    while (out.size() > rows) out.remove(out.size() - 1);
    return new Frame(out, body.size(), bodyRows);
  }

  /** "idrill mock · 2/5 · 2:13 left", after reveal the time used against the budget. */
  String header(MockSession s, Instant now) {
    StringBuilder sb = new StringBuilder(style.bold("idrill mock"));
    if (s.phase() == Phase.DONE) return sb.append(style.dim(SEP)).append("done").toString();
    sb.append(style.dim(SEP)).append(s.position()).append('/').append(s.total()).append(style.dim(SEP));
    if (s.phase() == Phase.QUESTION) {
      Duration left = s.remaining(now);
      String clock = Summary.clock(roundUp(left)) + " left";
      boolean hurry = left.toMillis() <= s.budget().toMillis() * HURRY;
      sb.append(hurry ? style.warn(clock) : clock);
    } else {
      sb.append("used ").append(Summary.clock(s.elapsed(now))).append(" of ").append(Summary.clock(s.budget()));
      if (s.revealedBy() == RevealedBy.TIME) sb.append(style.dim(SEP)).append(style.warn("time"));
    }
    return sb.toString();
  }

  /** A countdown shows whole seconds still to go: 2.4 s left reads 0:03, and 0:00 only when it is up. */
  static Duration roundUp(Duration d) {
    long ms = d.toMillis();
    return Duration.ofSeconds((ms + 999) / 1000);
  }

  private List<String> body(MockSession s, Ui ui, int width) {
    Question q = s.current();
    List<String> lines = new ArrayList<>(view.question(q));
    if (s.phase() == Phase.QUESTION) {
      if (ui.typedMode()) {
        lines.add("");
        if (ui.editing()) {
          lines.add(style.dim("Type your answer · Enter new line · Ctrl-D submits · Esc abandons (then ? help)"));
          lines.addAll(AnswerEditor.lines(ui.draft(), width, true, style));
        } else {
          lines.add(style.dim("a types an answer · space reveals without one"));
        }
      }
      return lines;
    }
    String typed = s.typed();
    if (ui.typedMode()) {
      lines.add("");
      lines.add(style.heading("Your answer"));
      if (typed.isBlank()) lines.add(style.dim("  (nothing typed)"));
      else lines.addAll(AnswerEditor.lines(typed, width, false, style));
    }
    lines.add("");
    lines.add(style.dim("─".repeat(width)));
    lines.add("");
    lines.addAll(view.answer(q));
    lines.add("");
    lines.addAll(view.meta(q));
    if (ui.typedMode()) {
      Coverage c = Coverage.of(q, typed);
      lines.addAll(Typing.coverageLines(c, width, style));
    }
    return lines;
  }

  private List<String> help() {
    List<String> lines = new ArrayList<>();
    lines.add(style.heading("Help"));
    lines.add("");
    for (String l : HELP) lines.add(l);
    return lines;
  }

  static final List<String> HELP = List.of(
      "Keys (they act at once):",
      "  space, Enter   reveal the answer before the time is up",
      "  a              type an answer (with --type): Enter adds a line,",
      "                 Ctrl-D or Alt-Enter submits and reveals, Esc abandons the text",
      "  1 2 3 4        grade again / hard / good / easy, and go on",
      "  n              next question, without grading",
      "  u              undo the last grade and grade that question again",
      "  j k, arrows    scroll one line; PgUp PgDn a page",
      "  q              end the interview early and see the report",
      "  Ctrl-C         end at once (grades already given are saved)",
      "  ?              this help",
      "",
      "When the time of a question is up its answer is revealed (\"time\").");

  private List<String> done() {
    return List.of(style.heading("Interview over."), "",
        "Press u to take back the last grade, any other key for the report.");
  }

  private String status(Ui ui, MockSession s, Instant now) {
    if (ui.status() != null) return ui.statusError() ? style.warn(ui.status()) : ui.status();
    return "";
  }

  private String footer(MockSession s, Ui ui) {
    if (ui.help()) return keys("any key", "back");
    if (s.phase() == Phase.DONE) return keys("u", "undo last grade") + style.dim(SEP) + keys("any key", "report");
    if (ui.editing() && s.phase() == Phase.QUESTION) {
      return keys("Ctrl-D", "submit") + style.dim(SEP) + keys("Esc", "abandon") + style.dim(SEP) + keys("Ctrl-C", "end");
    }
    List<String> parts = new ArrayList<>();
    if (s.phase() == Phase.QUESTION) {
      if (ui.typedMode()) parts.add(keys("a", "answer"));
      parts.add(keys("space", "reveal"));
    } else {
      parts.add(keys("1", "again") + " " + keys("2", "hard") + " " + keys("3", "good") + " " + keys("4", "easy"));
    }
    parts.add(keys("n", "next"));
    parts.add(keys("u", "undo"));
    parts.add(keys("q", "quit"));
    parts.add(keys("?", "help"));
    return String.join(style.dim(SEP), parts);
  }

  private String keys(String key, String what) {
    return style.bold(key) + " " + what;
  }
}
