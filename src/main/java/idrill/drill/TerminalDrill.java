package idrill.drill;

import idrill.drill.DrillSession.Phase;
import idrill.render.Sanitizer;
import idrill.render.Style;
import idrill.render.Text;
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
  /** How often the loop wakes to tick the header clock and notice a resize. */
  private static final long POLL_MS = 250;
  private static final String CANCEL_WIDGET = "idrill-cancel";
  private static final String BACKSPACE_WIDGET = "idrill-backspace";

  private final Terminal terminal;
  private final DrillSession session;
  private final Style style;
  private final Clock clock;
  private final String title;
  private final Control control;
  private final Outlook outlook;

  private DrillScreen screen;
  private Size painted = new Size(0, 0);
  private String paintedHeader = "";
  private int scroll;
  private int helpScroll; // help scrolls on its own: closing it returns to the body's place
  private int maxScroll;
  private int page = 1;
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
  private volatile boolean continued; // SIGCONT: back from a suspend (fg)
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

  /**
   * Offers suspend, bury and flag (keys and words), saved to sink and undone with u; flagged tells which questions the
   * log had flagged at the start. Without it those keys say they are not available.
   */
  public TerminalDrill asides(AsideSink sink, java.util.function.Predicate<String> flagged) {
    control.asides(sink, flagged);
    return this;
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
    SignalHandler previousCont = terminal.handle(Signal.CONT, s -> continued = true);
    // SIGTERM and SIGHUP would end the JVM on the alternate screen with the cursor hidden: end the drill as q does
    EndSignals ends = new EndSignals();
    try {
      raw = new Attributes(terminal.getAttributes());
      raw.setLocalFlag(LocalFlag.ISIG, false); // Ctrl-C arrives as byte 3 and is handled in the loop
      terminal.setAttributes(raw);
      enterScreen();
      loop();
    } finally {
      restore(saved);
      terminal.handle(Signal.INT, previousInt);
      terminal.handle(Signal.WINCH, previousWinch);
      terminal.handle(Signal.CONT, previousCont);
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
      if (continued) { // fg after a suspend from elsewhere (kill -STOP/-TSTP): take the terminal back
        continued = false;
        terminal.setAttributes(raw);
        enterScreen();
        painted = new Size(0, 0);
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
      switch (key) { // help that does not fit scrolls; any other key leaves it where the body was
        case "down": helpScroll = Math.min(maxScroll, helpScroll + 1); return;
        case "up": helpScroll = Math.max(0, helpScroll - 1); return;
        case "reveal": case "pagedown": helpScroll = Math.min(maxScroll, helpScroll + page); return;
        case "pageup": helpScroll = Math.max(0, helpScroll - page); return;
        case "top": helpScroll = 0; return;
        case "bottom": helpScroll = maxScroll; return;
        case "stop": stop(); return;
        default: help = false; return;
      }
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
    if (key.equals("stop")) {
      stop();
      return;
    }
    if (session.phase() == Phase.DONE) {
      if (key.equals("undo")) run(Command.UNDO);
      else end();
      return;
    }
    switch (key) {
      case "reveal":
        if (session.phase() == Phase.QUESTION) run(Command.REVEAL);
        else if (scroll < maxScroll) scroll = Math.min(maxScroll, scroll + page);
        else info("grade it: " + gradeKeys() + " — or n for the next");
        break;
      case "down": scroll = Math.min(maxScroll, scroll + 1); break;
      case "up": scroll = Math.max(0, scroll - 1); break;
      case "pagedown": scroll = Math.min(maxScroll, scroll + page); break;
      case "pageup": scroll = Math.max(0, scroll - page); break;
      case "top": scroll = 0; break;
      case "bottom": scroll = maxScroll; break;
      case "redraw": painted = new Size(0, 0); break;
      case "command": commandLine(); break;
      case "answer":
        if (typing != null && session.phase() == Phase.QUESTION) typing.editing(true);
        else error("no such key — ? shows the keys");
        break;
      default: {
        Keys.Binding b = Keys.of(key);
        if (b == null || b.command() == null) error("no such key — ? shows the keys");
        else run(b.command());
      }
    }
  }

  /** "1 again · 2 hard · 3 good · 4 easy", from the table. */
  private static String gradeKeys() {
    List<String> parts = new ArrayList<>();
    for (Keys.Binding b : Keys.TABLE) {
      if (b.command() != null && b.command().verb() == Command.Verb.GRADE) parts.add(b.keys().get(0) + " " + b.label());
    }
    return String.join(" · ", parts);
  }

  /** Applies a command; grades and undos reach the sink before the next paint. */
  private void run(Command c) {
    if (c.verb() == Command.Verb.HELP) {
      help = true;
      helpScroll = 0;
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

  /**
   * The {@code :} line at the bottom row. Esc, Ctrl-C and Backspace on an empty line leave it without a command (a
   * SIGTERM or SIGHUP while it waits still ends the drill); a word that is not a command gets the nearest one.
   */
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
      if (terminatedBy != 0 || signalled) end();
      return; // the line is cancelled, the drill goes on
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
      error(Keys.explain(line, w -> Text.cut(Sanitizer.oneLine(w), 30)));
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
          for (String w : Keys.completions(line.words().subList(0, line.wordIndex()))) candidates.add(new Candidate(w));
        })
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
        .option(LineReader.Option.BRACKETED_PASTE, false)
        .variable(LineReader.AMBIGUOUS_BINDING, 100L) // Esc alone, told from the arrows' escape sequences
        .build(); // history stays in memory for the session: no HISTORY_FILE
    // ISIG stays off, so Ctrl-C reaches the reader as a key: it cancels the line, as Esc does
    reader.getWidgets().put(CANCEL_WIDGET, () -> {
      throw new UserInterruptException("");
    });
    reader.getWidgets().put(BACKSPACE_WIDGET, () -> {
      if (reader.getBuffer().length() == 0) throw new UserInterruptException(""); // nothing left to delete: leave
      reader.callWidget(LineReader.BACKWARD_DELETE_CHAR);
      return true;
    });
    KeyMap<org.jline.reader.Binding> main = reader.getKeyMaps().get(LineReader.MAIN);
    main.bind(new Reference(CANCEL_WIDGET), KeyMap.ctrl('C'));
    main.bind(new Reference(CANCEL_WIDGET), KeyMap.esc());
    main.bind(new Reference(BACKSPACE_WIDGET), KeyMap.del());
    main.bind(new Reference(BACKSPACE_WIDGET), KeyMap.ctrl('H'));
    return reader;
  }

  /**
   * Ctrl-Z: gives the terminal back as the shell had it, stops idrill as the tty's SIGTSTP would (ISIG is off, so
   * the key arrives as a byte), and on {@code fg} takes the terminal again and paints everything.
   */
  @SuppressWarnings("sunapi")
  private void stop() {
    Instant left = clock.instant();
    restore(saved);
    sun.misc.Signal tstp = new sun.misc.Signal("TSTP");
    sun.misc.SignalHandler before = null;
    try {
      // JLine catches SIGTSTP to pass it on to Java handlers: its default (stop the process) must apply to this one
      before = sun.misc.Signal.handle(tstp, sun.misc.SignalHandler.SIG_DFL);
      new ProcessBuilder("kill", "-TSTP", String.valueOf(ProcessHandle.current().pid())).inheritIO().start().waitFor();
      for (int i = 0; i < 50 && !continued; i++) Thread.sleep(10); // the stop is asynchronous: wait for it to pass
    } catch (IOException | IllegalArgumentException e) {
      error("cannot suspend here: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (before != null) sun.misc.Signal.handle(tstp, before);
      continued = false;
      session.setAside(Duration.between(left, clock.instant())); // time away is not thinking time
      terminal.setAttributes(raw);
      enterScreen();
      painted = new Size(0, 0);
    }
  }

  private void enterScreen() {
    terminal.puts(Capability.enter_ca_mode);
    terminal.puts(Capability.keypad_xmit);
    terminal.puts(Capability.cursor_invisible);
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
      enterScreen();
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

  /** Repaints the whole screen from the rows DrillScreen gives: every row is written and cleared to its end. */
  private void paint() {
    Size size = terminal.getSize();
    painted = size;
    if (screen == null || !screen.fits(size.getColumns(), size.getRows())) {
      screen = new DrillScreen(size.getColumns(), size.getRows(), style, title, outlook, typing); // a resize re-wraps
    }
    if (typing != null && session.current() != null) typing.follow(session.current());
    DrillScreen.Frame f = screen.frame(session, clock.instant(), ui());
    maxScroll = f.maxScroll();
    page = f.page();
    if (help) helpScroll = Math.min(helpScroll, maxScroll);
    else scroll = Math.min(scroll, maxScroll);
    for (int r = 0; r < f.rows().size(); r++) row(r, f.rows().get(r));
    paintedHeader = f.rows().isEmpty() ? "" : f.rows().get(0);
    terminal.flush();
  }

  private DrillScreen.Ui ui() {
    idrill.bank.Question q = session.current();
    return new DrillScreen.Ui(status, statusError, help, scroll, helpScroll, typingNow(),
        q != null && control.flagged(q.id()));
  }

  /** Repaints the header alone when its text changed (the clock ticks). */
  private void tick() {
    if (screen == null) return;
    String h = screen.header(session, clock.instant(), ui().flagged());
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

  /** The key map, from {@link Keys#TABLE}: each key name's sequences, with this terminal's own where it has them. */
  private KeyMap<String> keyMap() {
    KeyMap<String> m = new KeyMap<>();
    m.setNomatch("unknown");
    m.setUnicode("unknown");
    m.setAmbiguousTimeout(100);
    for (Keys.Binding b : Keys.TABLE) {
      for (String k : b.keys()) {
        // valueOf, not Capability.byName: JLine re-reads its capability list from the jar on every byName (~3 ms each)
        for (String seq : Keys.sequences(k, cap -> KeyMap.key(terminal, Capability.valueOf(cap)))) m.bind(b.action(), seq);
      }
    }
    return m;
  }
}
