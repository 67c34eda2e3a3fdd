package idrill.drill;

import idrill.bank.Question;
import idrill.drill.DrillSession.Phase;
import idrill.drill.Keys.Binding;
import idrill.render.Sanitizer;
import idrill.render.Style;
import idrill.render.Text;
import idrill.review.Intervals;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The drill's screen as a pure function of its state: header (title, what is left by kind, a leech mark, tags, time
 * on the question), the question, after reveal a rule and the answer, a status line (with where a long body is) and
 * the footer with the keys of {@link Keys#TABLE} that apply now. Paging a long answer pins the question at the top,
 * or a one-line reminder of it when it is long; help is a body of its own with its own scroll.
 */
public final class DrillScreen {
  /** Columns kept free right of the body. */
  private static final int MARGIN = 2;
  private static final String SEP = " · ";
  /** A question up to this share of the body rows stays pinned whole; a longer one leaves a one-line reminder. */
  private static final int PIN_SHARE = 3;

  private final int cols;
  private final int rows;
  private final Style style;
  private final QuestionView view;
  private final String title;
  private final Outlook outlook;
  private final Typing typing;

  /** What the loop adds to the session: the status line, help, the two scroll places, whether an answer is typed. */
  public record Ui(String status, boolean statusError, boolean help, int scroll, int helpScroll, boolean typing,
      boolean flagged) {
    public Ui(String status, boolean statusError, boolean help, int scroll, int helpScroll, boolean typing) {
      this(status, statusError, help, scroll, helpScroll, typing, false);
    }
  }

  /**
   * The painted rows (exactly the screen's height), the furthest scroll of the body on show (help's when help is)
   * and how far a page moves it.
   */
  public record Frame(List<String> rows, int maxScroll, int page) {}

  public DrillScreen(int cols, int rows, Style style, String title, Outlook outlook, Typing typing) {
    this.cols = cols > 0 ? cols : 80;
    this.rows = rows > 0 ? rows : 24;
    this.style = style;
    this.title = title;
    this.outlook = outlook;
    this.typing = typing;
    this.view = new QuestionView(width(), style);
  }

  /** The columns this screen was made for: a loop makes a new screen (and so re-wraps) when they change. */
  public boolean fits(int cols, int rows) {
    return this.cols == (cols > 0 ? cols : 80) && this.rows == (rows > 0 ? rows : 24);
  }

  private int width() {
    return Math.max(20, cols - MARGIN);
  }

  private int bodyRows() {
    return Math.max(1, rows - 4);
  }

  public Frame frame(DrillSession s, Instant now, Ui ui) {
    int bodyRows = bodyRows();
    Window w = ui.help() ? window(helpLines(s), 0, false, ui.helpScroll())
        : s.phase() == Phase.DONE ? window(doneLines(s), 0, false, 0)
        : window(bodyLines(s, ui), view.question(s.current()).size(), s.phase() == Phase.ANSWER, ui.scroll());
    List<String> out = new ArrayList<>(rows);
    out.add(header(s, now, ui.flagged()));
    out.add("");
    for (int i = 0; i < bodyRows; i++) out.add(i < w.shown().size() ? Text.cut(w.shown().get(i), cols - 1) : "");
    while (out.size() < rows - 2) out.add("");
    if (rows >= 4) out.add(status(ui, w));
    if (rows >= 3) out.add(Text.cut(footer(s, ui, w, now), cols - 1));
    while (out.size() > rows) out.remove(out.size() - 1);
    return new Frame(out, w.max(), w.page());
  }

  /** The body rows on show, the furthest scroll, a page's move, and which body lines show (1-based) of how many. */
  private record Window(List<String> shown, int max, int page, int first, int last, int size) {}

  /**
   * Scrolled, an answer keeps its question in sight: whole when it is short (the rest scrolls below it), else as one
   * dim reminder line above the scrolled body.
   */
  private Window window(List<String> body, int questionLines, boolean pin, int scroll) {
    int bodyRows = bodyRows();
    int n = body.size();
    if (n <= bodyRows) return new Window(body, 0, 1, 1, n, n);
    int max = n - bodyRows;
    int at = Math.max(0, Math.min(scroll, max));
    // pinned rows: the question and a rule when short, else one reminder line; none before a scroll
    List<String> pinned = new ArrayList<>();
    if (pin && questionLines > 0) {
      if (questionLines + 1 <= bodyRows / PIN_SHARE) {
        pinned.addAll(body.subList(0, questionLines));
        pinned.add(style.dim("─".repeat(width())));
      } else {
        pinned.add(reminder(body.get(0)));
      }
    }
    int page = Math.max(1, bodyRows - pinned.size() - 1);
    if (at == 0) return new Window(body.subList(0, bodyRows), max, page, 1, bodyRows, n);
    // the bottom row moves by exactly the scroll, as without a pin; the pinned rows cover what they repeat
    int from = pinned.size() + at;
    List<String> shown = new ArrayList<>(pinned);
    shown.addAll(body.subList(from, at + bodyRows));
    return new Window(shown, max, page, from + 1, at + bodyRows, n);
  }

  /** "Q: What does Adam add to …" in one dim line. */
  private String reminder(String firstLine) {
    return style.dim(Text.cut("Q: " + firstLine.replaceAll("\u001b\\[[0-9;]*m", "") + " …", width()));
  }

  /**
   * "idrill · 3 new · 1 learning · 5 review · leech · flagged · tags · 0:12", the tags giving way first on a narrow
   * screen.
   */
  String header(DrillSession s, Instant now, boolean flagged) {
    StringBuilder sb = new StringBuilder(style.bold(Sanitizer.oneLine(title)));
    Question q = s.current();
    if (q == null) {
      sb.append(style.dim(SEP)).append("done");
    } else {
      String time = style.dim(SEP) + Summary.clock(s.elapsedOnCurrent(now));
      Outlook.Left left = outlook.left(s.left());
      String counts = style.dim(SEP) + left.text();
      if (outlook.leech(q)) counts += style.dim(SEP) + style.warn("leech");
      if (flagged) counts += style.dim(SEP) + style.warn("flagged");
      // a narrow screen names only the kinds there are
      if (Text.width(sb.toString()) + Text.width(counts) + Text.width(time) > cols - 1) {
        counts = counts.replace(left.text(), left.brief());
      }
      sb.append(counts);
      if (!q.tags().isEmpty()) {
        // on a narrow screen the tags give way, so the counts and the clock stay in sight
        int room = cols - 1 - Text.width(sb.toString()) - Text.width(time) - Text.width(SEP);
        if (room >= 4) sb.append(style.dim(SEP)).append(Text.cut(Sanitizer.oneLine(String.join(", ", q.tags())), room));
      }
      sb.append(time);
    }
    return Text.cut(sb.toString(), cols - 1);
  }

  private List<String> bodyLines(DrillSession s, Ui ui) {
    Question q = s.current();
    int width = width();
    List<String> lines = new ArrayList<>(view.question(q));
    if (typing != null && s.phase() == Phase.QUESTION) lines.addAll(typing.draftLines(width, style));
    if (s.phase() == Phase.ANSWER) {
      if (typing != null) lines.addAll(typing.typedLines(width, style));
      lines.add("");
      lines.add(style.dim("─".repeat(width)));
      lines.add("");
      lines.addAll(view.answer(q));
      if (typing != null) lines.addAll(typing.coverageLines(q, width, style));
    }
    return lines;
  }

  private List<String> helpLines(DrillSession s) {
    List<String> lines = new ArrayList<>();
    lines.add(style.heading("Help"));
    lines.add("");
    for (String line : Command.helpText(s.scheduled())) lines.addAll(hanging(line, width()));
    return lines;
  }

  /** A help line too wide for the screen wraps under its own text, not under its key. */
  static List<String> hanging(String line, int width) {
    if (Text.width(line) <= width) return List.of(line);
    int indent = line.length() - line.stripLeading().length();
    int gap = line.indexOf("  ", indent);
    if (gap > 0 && gap < 20) { // a key column: hang under the text after it
      indent = gap;
      while (indent < line.length() && line.charAt(indent) == ' ') indent++;
    }
    if (indent > width - 12) indent = 0; // too narrow to hang: plain wrap
    List<String> wrapped = Text.wrap(line.substring(indent), width - indent);
    List<String> out = new ArrayList<>(wrapped.size());
    for (int i = 0; i < wrapped.size(); i++) {
      out.add((i == 0 ? line.substring(0, indent) : " ".repeat(indent)) + wrapped.get(i));
    }
    return out;
  }

  private List<String> doneLines(DrillSession s) {
    Summary sum = s.summary();
    return List.of(
        style.heading("All questions done."),
        "",
        sum.graded() + " graded, " + sum.skipped() + " skipped.",
        "Press u to take back the last grade, any other key to finish.");
  }

  private String status(Ui ui, Window w) {
    String left = ui.status() == null ? "" : ui.statusError() ? style.warn(ui.status()) : ui.status();
    String right = "";
    if (w.max() > 0) {
      right = style.dim("lines " + w.first() + "–" + w.last() + " of " + w.size() + (w.last() < w.size() ? " ↓" : ""));
    }
    int room = cols - 1 - Text.width(right);
    if (right.isEmpty() || room < Text.width(left) + 2) return Text.cut(left.isEmpty() ? right : left, cols - 1);
    return left + " ".repeat(room - Text.width(left)) + right;
  }

  private String footer(DrillSession s, Ui ui, Window w, Instant now) {
    if (ui.help()) return w.max() > 0 ? keys("j k space", "scroll") + style.dim(SEP) + keys("any other key", "back")
        : keys("any key", "back");
    if (s.phase() == Phase.DONE) return keys("u", "undo last grade") + style.dim(SEP) + keys("any key", "finish");
    if (ui.typing()) {
      return keys("Ctrl-D", "submit") + style.dim(SEP) + keys("Esc", "abandon") + style.dim(SEP) + keys("Ctrl-C", "end");
    }
    String footer = footer(s, now, true);
    // still too wide: the grades keep their keys and intervals and drop their words ("1 1m · 2 6m · …")
    return Text.width(footer) <= cols - 1 || s.phase() == Phase.QUESTION ? footer : footer(s, now, false);
  }

  /** The table's footer keys for this phase; whole keys give way on a narrow screen, least kept first. */
  private String footer(DrillSession s, Instant now, boolean gradeWords) {
    Intervals ivl = s.phase() == Phase.ANSWER ? outlook.intervals(s.current(), now) : null;
    List<Binding> shown = new ArrayList<>();
    for (Binding b : Keys.TABLE) if (b.label() != null && (b.phase() == null || b.phase() == s.phase())) shown.add(b);
    while (true) {
      List<String> parts = new ArrayList<>();
      for (Binding b : shown) parts.add(part(b, ivl, gradeWords));
      String footer = String.join(style.dim(SEP), parts);
      Binding least = null;
      for (Binding b : shown) if (b.keep() < Keys.KEEP_ALWAYS && (least == null || b.keep() < least.keep())) least = b;
      if (Text.width(footer) <= cols - 1 || least == null) return footer;
      shown.remove(least);
    }
  }

  private String part(Binding b, Intervals ivl, boolean gradeWords) {
    String key = b.keys().get(0);
    if (ivl == null || b.command() == null || b.command().verb() != Command.Verb.GRADE) return keys(key, b.label());
    String interval = Intervals.shortDuration(ivl.of(b.command().grade())); // what this grade would schedule
    return keys(key, gradeWords ? b.label() + " " + interval : interval);
  }

  private String keys(String key, String what) {
    return style.bold(key) + " " + what;
  }
}
