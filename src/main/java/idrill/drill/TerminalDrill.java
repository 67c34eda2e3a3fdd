package idrill.drill;

import idrill.bank.Question;
import idrill.drill.DrillSession.Phase;
import idrill.render.Sanitizer;
import idrill.render.Style;
import idrill.render.Text;
import idrill.review.Grade;
import idrill.review.Intervals;
import java.io.IOError;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jline.keymap.BindingReader;
import org.jline.keymap.KeyMap;
import org.jline.reader.Candidate;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Reference;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Attributes;
import org.jline.terminal.Attributes.LocalFlag;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.Terminal.Signal;
import org.jline.terminal.Terminal.SignalHandler;
import org.jline.utils.InfoCmp.Capability;
import org.jline.utils.NonBlockingReader;

/**
 * The full-screen drill: header (title, what is left by kind, a leech mark, tags, time on the question, ticking), the
 * rendered question, after reveal a rule and the rendered answer, a status line and a footer with the keys that apply
 * now (after reveal, with the interval each grade would schedule). Keys act at once;
 * {@code :} opens a command line. Runs on the alternate screen, restores the terminal on exit and then prints the
 * session summary on the normal screen.
 *
 * <p>Scrolling: a body taller than the screen scrolls with j/k, arrows, PgUp/PgDn, g/G. Space reveals; once revealed
 * it pages down through the answer, and at its end it only reminds which keys grade — it never skips or grades, so a
 * stray space cannot lose a question.
 *
 * <p>When the last question is graded a closing screen offers {@code u} to take that grade back; any other key ends.
 * Ctrl-C (byte 3 in raw mode, or SIGINT) ends with {@code interrupted}; Ctrl-D and end of input quit.
 */
public final class TerminalDrill {
  /** Columns kept free right of the body. */
  private static final int MARGIN = 2;
  /** How often the loop wakes to tick the header clock and notice a resize. */
  private static final long POLL_MS = 250;
  private static final String SEP = " · ";
  private static final String INTERRUPT_WIDGET = "idrill-interrupt";

  private final Terminal terminal;
  private final DrillSession session;
  private final Style style;
  private final Clock clock;
  private final String title;
  private final Control control;
  private final Outlook outlook;

  private QuestionView view;
  private int viewColumns = -1;
  private Size painted = new Size(0, 0);
  private String paintedHeader = "";
  private int scroll;
  private int bodyRows = 1;
  private int bodySize;
  private boolean help;
  private String status;
  private boolean statusError;
  private LineReader commandLine;
  private QuestionEditor editor;
  private Attributes saved;
  private Attributes raw;
  private volatile boolean signalled;
  /** SIGTERM (15) or SIGHUP (1) when one asked the drill to end; 0 otherwise. */
  private volatile int terminatedBy;
  private volatile boolean resized;
  private boolean ended;
  private boolean interrupted;
  private IOException failure;
  private Typing typing; // null unless answers are typed (drill --type)
  private String lastKeys = "";

  /** Never builds a Terminal itself: the caller (or a test) hands one in. */
  public TerminalDrill(Terminal terminal, DrillSession session, GradeSink sink, Style style, Clock clock,
      String headerTitle) {
    this(terminal, session, sink, Outlook.unscheduled(), style, clock, headerTitle);
  }

  /** With the outlook that gives the header's counts and leech mark and the footer's intervals. */
  public TerminalDrill(Terminal terminal, DrillSession session, GradeSink sink, Outlook outlook, Style style,
      Clock clock, String headerTitle) {
    this.terminal = terminal;
    this.session = session;
    this.style = style;
    this.clock = clock;
    this.title = headerTitle;
    this.outlook = outlook;
    this.control = new Control(session, outlook.watching(sink), clock);
  }

  /** Answers are typed before reveal, saved through typing's sink, and checked for key terms. */
  public TerminalDrill typing(Typing t) {
    this.typing = t;
    return this;
  }

  private boolean typingNow() {
    if (typing == null || help || session.phase() != Phase.QUESTION) return false;
    typing.follow(session.current());
    return typing.editing();
  }

  /** Lets {@code e} edit the current question through editor; without one, {@code e} says it cannot. */
  public TerminalDrill editing(QuestionEditor editor) {
    this.editor = editor;
    return this;
  }

  public Outcome run() {
    saved = terminal.enterRawMode();
    SignalHandler previousInt = terminal.handle(Signal.INT, s -> signalled = true);
    SignalHandler previousWinch = terminal.handle(Signal.WINCH, s -> resized = true);
    // SIGTERM and SIGHUP would end the JVM on the alternate screen with the cursor hidden: end the drill as q does
    EndSignals ends = new EndSignals();
    try {
      raw = new Attributes(terminal.getAttributes());
      raw.setLocalFlag(LocalFlag.ISIG, false); // Ctrl-C arrives as byte 3 and is handled in the loop
      terminal.setAttributes(raw);
      terminal.puts(Capability.enter_ca_mode);
      terminal.puts(Capability.keypad_xmit);
      terminal.puts(Capability.cursor_invisible);
      loop();
    } finally {
      restore(saved);
      terminal.handle(Signal.INT, previousInt);
      terminal.handle(Signal.WINCH, previousWinch);
    }
    Summary summary = session.summary();
    try {
      PrintWriter w = terminal.writer();
      if (terminatedBy != 0) w.println((terminatedBy == 1 ? "hung up" : "terminated") + " — every grade given was saved");
      else if (interrupted) w.println("interrupted — every grade given was saved");
      for (String l : summary.lines(style, outlook.next(clock.instant()))) w.println(l);
      w.flush();
    } catch (IOError | RuntimeException e) {
      // the terminal is gone (a hang-up): there is no one to show the summary to
    } finally {
      ends.close();
    }
    return new Outcome(summary, interrupted, failure, terminatedBy);
  }

  // best effort each: after a hang-up the tty may refuse every write, and the next step must still run
  private void restore(Attributes saved) {
    for (Runnable step : List.<Runnable>of(() -> terminal.puts(Capability.cursor_normal),
        () -> terminal.puts(Capability.keypad_local), () -> terminal.puts(Capability.exit_ca_mode), terminal::flush,
        () -> terminal.setAttributes(saved))) {
      try {
        step.run();
      } catch (IOError | RuntimeException e) {
        // nothing more to restore on this step
      }
    }
  }

  /**
   * SIGTERM and SIGHUP handled as a request to end (the JVM's own handling exits at once, without restoring the
   * terminal): the loop sees the flag within a poll, or at once through SIGINT's path when a command line waits.
   * The JVM's handlers come back on close. A signal ignored at start (nohup) stays ignored.
   */
  @SuppressWarnings("sunapi")
  private final class EndSignals implements AutoCloseable {
    private final List<sun.misc.Signal> signals = new ArrayList<>();
    private final List<sun.misc.SignalHandler> previous = new ArrayList<>();

    EndSignals() {
      for (String name : List.of("TERM", "HUP")) {
        try {
          sun.misc.Signal sig = new sun.misc.Signal(name);
          sun.misc.SignalHandler before = sun.misc.Signal.handle(sig, s -> {
            terminatedBy = s.getNumber();
            terminal.raise(Signal.INT);
          });
          if (before == sun.misc.SignalHandler.SIG_IGN) {
            sun.misc.Signal.handle(sig, before);
            continue;
          }
          signals.add(sig);
          previous.add(before);
        } catch (IllegalArgumentException e) {
          // the VM keeps this signal (-Xrs): its default stays
        }
      }
    }

    @Override
    public void close() {
      for (int i = 0; i < signals.size(); i++) sun.misc.Signal.handle(signals.get(i), previous.get(i));
    }
  }

  private void loop() {
    BindingReader keys = new BindingReader(terminal.reader());
    KeyMap<String> map = keyMap();
    KeyMap<String> editing = typing == null ? null : TypingKeys.map();
    paint();
    while (!ended) {
      if (signalled) {
        interrupt();
        break;
      }
      if (resized || !terminal.getSize().equals(painted)) {
        resized = false;
        paint();
      }
      int c;
      String key;
      try {
        c = keys.peekCharacter(POLL_MS);
        if (c == NonBlockingReader.READ_EXPIRED) {
          tick();
          continue;
        }
        key = c == NonBlockingReader.EOF ? null : keys.readBinding(typingNow() ? editing : map);
        lastKeys = keys.getLastBinding();
      } catch (IOError | EndOfFileException e) {
        key = null; // the input broke or closed: same as its end
      }
      if (key == null) {
        end(); // end of input quits
        break;
      }
      onKey(key);
      if (!ended) paint();
    }
  }

  private void onKey(String key) {
    if (key.equals("interrupt")) {
      interrupt();
      return;
    }
    if (help) {
      help = false; // any key leaves help
      return;
    }
    if (typingNow()) {
      if (TypingKeys.edit(typing.editor(), key, lastKeys)) return;
      if (key.equals("abandon")) {
        typing.abandon();
        info("answer abandoned — a types again, space reveals");
      } else if (key.equals("submit")) {
        run(Command.REVEAL);
      }
      return;
    }
    status = null;
    if (session.phase() == Phase.DONE) {
      if (key.equals("undo")) run(Command.UNDO);
      else end();
      return;
    }
    switch (key) {
      case "continue":
        if (session.phase() == Phase.QUESTION) run(Command.REVEAL);
        else if (scroll < maxScroll()) scroll = Math.min(maxScroll(), scroll + Math.max(1, bodyRows - 1));
        else info("grade it: 1 again · 2 hard · 3 good · 4 easy — or n for the next");
        break;
      case "down": scroll = Math.min(maxScroll(), scroll + 1); break;
      case "up": scroll = Math.max(0, scroll - 1); break;
      case "pagedown": scroll = Math.min(maxScroll(), scroll + Math.max(1, bodyRows - 1)); break;
      case "pageup": scroll = Math.max(0, scroll - Math.max(1, bodyRows - 1)); break;
      case "top": scroll = 0; break;
      case "bottom": scroll = maxScroll(); break;
      case "redraw": painted = new Size(0, 0); break;
      case "command": commandLine(); break;
      case "answer":
        if (typing != null && session.phase() == Phase.QUESTION) typing.editing(true);
        else error("no such key — ? shows the keys");
        break;
      case "unknown": error("no such key — ? shows the keys"); break;
      default: {
        Command c = Command.parse(key);
        if (c == null) error("no such key — ? shows the keys");
        else run(c);
      }
    }
  }

  /** Applies a command; grades and undos reach the sink before the next paint. */
  private void run(Command c) {
    if (c.verb() == Command.Verb.HELP) {
      help = true;
      return;
    }
    if (c.verb() == Command.Verb.QUIT) {
      end();
      return;
    }
    if (c.verb() == Command.Verb.EDIT) {
      edit();
      return;
    }
    Control.Result r;
    Phase before = session.phase();
    try {
      r = control.apply(c);
      if (typing != null && before == Phase.QUESTION && session.phase() == Phase.ANSWER) {
        typing.follow(session.current()); // the typed answer is on disk before its reveal is painted
        typing.revealed(session.current(), session.elapsedOnCurrent(clock.instant()), clock.instant());
      }
    } catch (IOException e) {
      session.quit();
      failure = e; // the session is quit: no further question is shown
      ended = true;
      return;
    }
    status = r.message();
    statusError = r.error();
    if (!r.error() && c.verb() != Command.Verb.REVEAL) scroll = 0; // a question shown anew starts at its top
  }

  private void commandLine() {
    if (commandLine == null) commandLine = buildCommandLine();
    terminal.puts(Capability.cursor_address, Math.max(0, terminal.getHeight() - 1), 0);
    terminal.puts(Capability.clr_eol);
    terminal.puts(Capability.cursor_normal);
    terminal.flush();
    String line;
    try {
      line = commandLine.readLine(":");
    } catch (UserInterruptException e) {
      interrupt();
      return;
    } catch (EndOfFileException e) {
      end();
      return;
    } finally {
      terminal.setAttributes(raw); // the reader restores what it found; make sure it is our raw mode
      terminal.puts(Capability.cursor_invisible);
    }
    if (line.isBlank()) return; // an empty command line just closes
    Command c = Command.parse(line);
    if (c == null) {
      error("unknown command: " + Text.cut(Sanitizer.oneLine(line.strip()), 30) + " — try help");
    } else if (session.phase() == Phase.DONE && c.verb() != Command.Verb.UNDO && c.verb() != Command.Verb.HELP) {
      end();
    } else {
      run(c);
    }
  }

  private LineReader buildCommandLine() {
    LineReader reader = LineReaderBuilder.builder()
        .terminal(terminal)
        .appName(title)
        .completer((r, line, candidates) -> {
          if (line.wordIndex() == 0) {
            for (String w : Command.WORDS) candidates.add(new Candidate(w));
          } else if (line.wordIndex() == 1 && line.words().get(0).equals("grade")) {
            for (String w : Command.GRADE_WORDS) candidates.add(new Candidate(w));
          }
        })
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
        .option(LineReader.Option.BRACKETED_PASTE, false)
        .build(); // history stays in memory for the session: no HISTORY_FILE
    // ISIG stays off, so Ctrl-C reaches the reader as a key: make it interrupt there too
    reader.getWidgets().put(INTERRUPT_WIDGET, () -> {
      throw new UserInterruptException("");
    });
    reader.getKeyMaps().get(LineReader.MAIN).bind(new Reference(INTERRUPT_WIDGET), KeyMap.ctrl('C'));
    return reader;
  }

  /** Hands the terminal to the editor as the shell would have it (normal screen, cooked mode), then takes it back. */
  private void edit() {
    if (editor == null) {
      error("editing is not available in this drill");
      return;
    }
    SignalHandler ours = terminal.handle(Signal.INT, SignalHandler.SIG_IGN); // Ctrl-C belongs to the editor now
    terminal.puts(Capability.cursor_normal);
    terminal.puts(Capability.keypad_local);
    terminal.puts(Capability.exit_ca_mode);
    terminal.flush();
    terminal.setAttributes(saved);
    QuestionEditor.Edited r;
    Instant left = clock.instant();
    try {
      r = editor.edit(session.current());
    } finally {
      session.setAside(Duration.between(left, clock.instant())); // editing is not thinking time
      terminal.setAttributes(raw);
      terminal.puts(Capability.enter_ca_mode);
      terminal.puts(Capability.keypad_xmit);
      terminal.puts(Capability.cursor_invisible);
      terminal.handle(Signal.INT, ours);
      painted = new Size(0, 0); // the editor drew over everything
    }
    if (r.question() != null) session.replace(r.question());
    status = r.message();
    statusError = r.error();
  }

  private void interrupt() {
    interrupted = true;
    end();
  }

  private void end() {
    session.quit();
    ended = true;
  }

  private void info(String m) {
    status = m;
    statusError = false;
  }

  private void error(String m) {
    status = m;
    statusError = true;
  }

  // ---- painting

  /** Repaints the whole screen: every row is written and cleared to its end. */
  private void paint() {
    Size size = terminal.getSize();
    painted = size;
    int rows = size.getRows() > 0 ? size.getRows() : 24;
    int cols = size.getColumns() > 0 ? size.getColumns() : 80;
    int width = Math.max(20, cols - MARGIN);
    if (view == null || viewColumns != width) {
      view = new QuestionView(width, style); // a resize re-wraps
      viewColumns = width;
    }
    List<String> body = help ? helpLines(width) : session.phase() == Phase.DONE ? doneLines() : bodyLines(width);
    bodyRows = Math.max(1, rows - 4);
    bodySize = body.size();
    scroll = Math.max(0, Math.min(scroll, maxScroll()));

    paintedHeader = header(cols);
    row(0, paintedHeader);
    row(1, "");
    for (int i = 0; i < bodyRows; i++) {
      int at = scroll + i;
      row(2 + i, at < body.size() ? Text.cut(body.get(at), cols - 1) : "");
    }
    if (rows >= 4) row(rows - 2, statusLine(cols));
    if (rows >= 3) row(rows - 1, Text.cut(footer(cols), cols - 1));
    terminal.flush();
  }

  /** Repaints the header alone when its text changed (the clock ticks). */
  private void tick() {
    String h = header(painted.getColumns() > 0 ? painted.getColumns() : 80);
    if (!h.equals(paintedHeader)) {
      paintedHeader = h;
      row(0, h);
      terminal.flush();
    }
  }

  private void row(int r, String text) {
    terminal.puts(Capability.cursor_address, r, 0);
    terminal.writer().write(text);
    terminal.puts(Capability.clr_eol);
  }

  private int maxScroll() {
    return Math.max(0, bodySize - bodyRows);
  }

  private String header(int cols) {
    StringBuilder sb = new StringBuilder(style.bold(Sanitizer.oneLine(title)));
    Question q = session.current();
    if (q == null) {
      sb.append(style.dim(SEP)).append("done");
    } else {
      String time = style.dim(SEP) + Summary.clock(session.elapsedOnCurrent(clock.instant()));
      Outlook.Left left = outlook.left(session.left());
      String counts = style.dim(SEP) + left.text();
      if (outlook.leech(q)) counts += style.dim(SEP) + style.warn("leech");
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

  private List<String> bodyLines(int width) {
    Question q = session.current();
    List<String> lines = new ArrayList<>(view.question(q));
    if (typing != null) typing.follow(q);
    if (typing != null && session.phase() == Phase.QUESTION) lines.addAll(typing.draftLines(width, style));
    if (session.phase() == Phase.ANSWER) {
      if (typing != null) lines.addAll(typing.typedLines(width, style));
      lines.add("");
      lines.add(style.dim("─".repeat(width)));
      lines.add("");
      lines.addAll(view.answer(q));
      if (typing != null) lines.addAll(typing.coverageLines(q, width, style));
    }
    return lines;
  }

  private List<String> helpLines(int width) {
    List<String> lines = new ArrayList<>();
    lines.add(style.heading("Help"));
    lines.add("");
    for (String line : Command.helpText(session.scheduled())) lines.addAll(hanging(line, width));
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

  private List<String> doneLines() {
    Summary s = session.summary();
    return List.of(
        style.heading("All questions done."),
        "",
        s.graded() + " graded, " + s.skipped() + " skipped.",
        "Press u to take back the last grade, any other key to finish.");
  }

  private String statusLine(int cols) {
    String left = status == null ? "" : statusError ? style.warn(status) : status;
    String right = "";
    if (!help && maxScroll() > 0) {
      int last = Math.min(bodySize, scroll + bodyRows);
      right = style.dim("lines " + (scroll + 1) + "–" + last + " of " + bodySize + (last < bodySize ? " ↓" : ""));
    }
    int room = cols - 1 - Text.width(right);
    if (right.isEmpty() || room < Text.width(left) + 2) return Text.cut(left.isEmpty() ? right : left, cols - 1);
    return left + " ".repeat(room - Text.width(left)) + right;
  }

  private String footer(int cols) {
    if (help) return keys("any key", "back");
    if (session.phase() == Phase.DONE) return keys("u", "undo last grade") + style.dim(SEP) + keys("any key", "finish");
    if (typingNow()) return keys("Ctrl-D", "submit") + style.dim(SEP) + keys("Esc", "abandon") + style.dim(SEP) + keys("Ctrl-C", "end");
    String footer = footer(cols, true);
    // still too wide: the grades keep their keys and intervals and drop their words ("1 1m · 2 6m · …")
    return Text.width(footer) <= cols - 1 || session.phase() == Phase.QUESTION ? footer : footer(cols, false);
  }

  private String footer(int cols, boolean gradeWords) {
    List<String> parts = new ArrayList<>();
    if (session.phase() == Phase.QUESTION) {
      parts.add(keys("space", "reveal"));
    } else {
      Intervals ivl = outlook.intervals(session.current(), clock.instant()); // what each grade would schedule
      for (Grade g : List.of(Grade.AGAIN, Grade.HARD, Grade.GOOD, Grade.EASY)) {
        String interval = Intervals.shortDuration(ivl.of(g));
        parts.add(keys(String.valueOf(g.rating), gradeWords ? g.word() + " " + interval : interval));
      }
    }
    String next = keys("n", "next"), undo = keys("u", "undo"), quit = keys("q", "quit"), command = keys(":", "command");
    parts.addAll(List.of(next, undo, quit, keys("?", "help"), command));
    // on a narrow screen whole keys give way, least needed first; "? help" lists them all
    String footer = String.join(style.dim(SEP), parts);
    for (String drop : List.of(command, undo, next, quit)) {
      if (Text.width(footer) <= cols - 1) break;
      parts.remove(drop);
      footer = String.join(style.dim(SEP), parts);
    }
    return footer;
  }

  private String keys(String key, String what) {
    return style.bold(key) + " " + what;
  }

  private KeyMap<String> keyMap() {
    KeyMap<String> m = new KeyMap<>();
    m.setNomatch("unknown");
    m.setUnicode("unknown");
    m.setAmbiguousTimeout(100);
    bind(m, "continue", " ", "\r", "\n");
    bind(m, "next", "n");
    bind(m, "edit", "e");
    bind(m, "undo", "u");
    bind(m, "quit", "q", KeyMap.ctrl('D'));
    bind(m, "help", "?");
    bind(m, "command", ":");
    bind(m, "answer", "a");
    for (String d : List.of("1", "2", "3", "4")) bind(m, d, d);
    bind(m, "interrupt", KeyMap.ctrl('C'));
    bind(m, "redraw", KeyMap.ctrl('L'));
    bind(m, "down", "j", "\033[B", "\033OB", KeyMap.key(terminal, Capability.key_down));
    bind(m, "up", "k", "\033[A", "\033OA", KeyMap.key(terminal, Capability.key_up));
    bind(m, "pagedown", "\033[6~", KeyMap.key(terminal, Capability.key_npage));
    bind(m, "pageup", "\033[5~", KeyMap.key(terminal, Capability.key_ppage));
    bind(m, "top", "g", "\033[H", "\033OH", "\033[1~", KeyMap.key(terminal, Capability.key_home));
    bind(m, "bottom", "G", "\033[F", "\033OF", "\033[4~", KeyMap.key(terminal, Capability.key_end));
    return m;
  }

  private static void bind(KeyMap<String> m, String action, String... seqs) {
    for (String s : seqs) if (s != null && !s.isEmpty()) m.bind(action, s);
  }
}
