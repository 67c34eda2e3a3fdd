package idrill.mock;

import idrill.bank.Question;
import idrill.drill.AnswerEditor;
import idrill.drill.AnswerSink;
import idrill.drill.GradeSink;
import idrill.drill.TypingKeys;
import idrill.mock.MockSession.Phase;
import idrill.render.Style;
import idrill.review.Grade;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.jline.keymap.BindingReader;
import org.jline.keymap.KeyMap;
import org.jline.reader.EndOfFileException;
import org.jline.terminal.Attributes;
import org.jline.terminal.Attributes.LocalFlag;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.Terminal.Signal;
import org.jline.terminal.Terminal.SignalHandler;
import org.jline.utils.Curses;
import org.jline.utils.InfoCmp.Capability;
import org.jline.utils.NonBlockingReader;

/**
 * The full-screen mock interview: a thin JLine loop around {@link MockScreen}. It wakes every {@value #POLL_MS} ms
 * to tick the countdown; when the budget is up the session reveals the answer and the screen says "time". Only rows
 * whose text changed are rewritten. Ctrl-C (byte 3 in raw mode, or SIGINT) ends with {@code interrupted}.
 */
public final class TerminalMock {
  private static final long POLL_MS = 250;

  private final Terminal terminal;
  private final MockSession session;
  private final MockControl control;
  private final Style style;
  private final Clock clock;
  private final AnswerEditor editor = new AnswerEditor();

  private List<String> painted = List.of();
  private Size paintedSize = new Size(0, 0);
  private int scroll;
  private int bodyRows = 1;
  private int bodySize;
  private boolean help;
  private boolean editing;
  private String status;
  private boolean statusError;
  private Question shown;
  private Phase shownPhase;
  private volatile boolean signalled;
  private boolean ended;
  private boolean interrupted;
  private IOException failure;

  /** {@code answers} null: no typing area. Never builds a Terminal itself. */
  public TerminalMock(Terminal terminal, MockSession session, GradeSink grades, AnswerSink answers, Style style,
      Clock clock) {
    this.terminal = terminal;
    this.session = session;
    this.control = new MockControl(session, grades, answers, clock);
    this.style = style;
    this.clock = clock;
  }

  /** Ends the interview from another thread (SIGTERM's shutdown hook): the loop notices within a poll and restores the terminal. */
  public void stop() {
    signalled = true;
  }

  public MockOutcome run() {
    Attributes saved = terminal.enterRawMode();
    SignalHandler previousInt = terminal.handle(Signal.INT, s -> signalled = true);
    String restore = restoreSequence();
    try {
      Attributes raw = new Attributes(terminal.getAttributes());
      raw.setLocalFlag(LocalFlag.ISIG, false); // Ctrl-C arrives as byte 3 and is handled in the loop
      terminal.setAttributes(raw);
      terminal.puts(Capability.enter_ca_mode);
      terminal.puts(Capability.keypad_xmit);
      terminal.puts(Capability.cursor_invisible);
      loop();
    } catch (IllegalStateException e) {
      if (!signalled) throw e;
      interrupted = true; // SIGTERM: JLine's own shutdown hook closed the terminal under the loop
      quitQuietly();
    } finally {
      try {
        terminal.puts(Capability.cursor_normal);
        terminal.puts(Capability.keypad_local);
        terminal.puts(Capability.exit_ca_mode);
        terminal.flush();
        terminal.setAttributes(saved);
        terminal.handle(Signal.INT, previousInt);
      } catch (IllegalStateException e) {
        // closed by JLine's shutdown hook, which restored the tty modes; leave the alternate screen by hand
        writeToTty(restore);
      }
    }
    return new MockOutcome(interrupted, failure);
  }

  private void quitQuietly() {
    if (session.phase() != Phase.DONE) control.quit();
    ended = true;
  }

  /** What the finally block sends, as bytes, for when the terminal object is already closed. */
  private String restoreSequence() {
    StringBuilder sb = new StringBuilder();
    for (Capability c : List.of(Capability.cursor_normal, Capability.keypad_local, Capability.exit_ca_mode)) {
      String cap = terminal.getStringCapability(c);
      if (cap != null) sb.append(Curses.tputs(cap));
    }
    return sb.toString();
  }

  private static void writeToTty(String s) {
    try {
      FileOutputStream out = new FileOutputStream(FileDescriptor.out);
      out.write(s.getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException | RuntimeException e) {
      // nothing more can be done for the screen; the report still follows
    }
  }

  private void loop() {
    BindingReader keys = new BindingReader(terminal.reader());
    KeyMap<String> commands = commandKeys();
    KeyMap<String> editKeys = TypingKeys.map();
    follow();
    paint();
    while (!ended) {
      if (signalled) {
        interrupt();
        break;
      }
      String key;
      try {
        int c = keys.peekCharacter(POLL_MS);
        if (c == NonBlockingReader.READ_EXPIRED) {
          guard(() -> {
            MockControl.Result r = control.tick();
            if (r != null) info(r.message());
          });
          if (!ended) paint();
          continue;
        }
        key = c == NonBlockingReader.EOF ? null : keys.readBinding(typingNow() ? editKeys : commands);
      } catch (IOError | EndOfFileException e) {
        key = null;
      }
      if (key == null) {
        if (signalled) interrupt(); // the input closed under a SIGTERM
        else end();
        break;
      }
      onKey(key, keys.getLastBinding());
      if (!ended) paint();
    }
  }

  private boolean typingNow() {
    return editing && !help && session.phase() == Phase.QUESTION;
  }

  private interface Step {
    void run() throws IOException;
  }

  /** Runs a step that may save; a failing save ends the interview with that failure. */
  private void guard(Step step) {
    try {
      step.run();
    } catch (IOException e) {
      failure = e;
      ended = true;
    }
    follow();
  }

  /** A question shown anew gets a fresh typing area (open when answers are typed) and starts at its top. */
  private void follow() {
    if (session.current() != shown) {
      scroll = 0;
      editor.set(session.typed());
      editing = control.typed() && session.phase() == Phase.QUESTION;
    } else if (session.phase() != shownPhase) {
      editing = editing && session.phase() == Phase.QUESTION;
    }
    shown = session.current();
    shownPhase = session.phase();
  }

  private void onKey(String key, String typed) {
    if (key.equals("interrupt")) {
      interrupt();
      return;
    }
    if (help) {
      help = false;
      return;
    }
    if (typingNow()) {
      if (TypingKeys.edit(editor, key, typed)) {
        session.type(editor.text());
        return;
      }
      switch (key) {
        case "abandon":
          editor.clear();
          editing = false;
          info("answer abandoned — a types again, space reveals");
          break;
        case "submit":
          session.type(editor.text());
          editing = false;
          guard(() -> control.reveal());
          status = null;
          break;
        default: break;
      }
      session.type(editor.text());
      return;
    }
    status = null;
    if (session.phase() == Phase.DONE) {
      if (key.equals("undo")) guard(() -> say(control.undo()));
      else end();
      return;
    }
    switch (key) {
      case "continue":
        if (session.phase() == Phase.QUESTION) guard(() -> say(control.reveal()));
        else scroll = Math.min(maxScroll(), scroll + Math.max(1, bodyRows - 1));
        break;
      case "answer":
        if (control.typed() && session.phase() == Phase.QUESTION) editing = true;
        else error("no such key — ? shows the keys");
        break;
      case "next": guard(() -> say(control.skip())); break;
      case "undo": guard(() -> say(control.undo())); break;
      case "quit": end(); break;
      case "help": help = true; break;
      case "down": scroll = Math.min(maxScroll(), scroll + 1); break;
      case "up": scroll = Math.max(0, scroll - 1); break;
      case "pagedown": scroll = Math.min(maxScroll(), scroll + Math.max(1, bodyRows - 1)); break;
      case "pageup": scroll = Math.max(0, scroll - Math.max(1, bodyRows - 1)); break;
      case "redraw": painted = List.of(); break;
      case "1": case "2": case "3": case "4": {
        Grade g = Grade.values()[Integer.parseInt(key) - 1];
        guard(() -> say(control.grade(g)));
        break;
      }
      default: error("no such key — ? shows the keys");
    }
  }

  private void say(MockControl.Result r) {
    if (r.message() != null) {
      status = r.message();
      statusError = r.error();
    }
  }

  private void interrupt() {
    interrupted = true;
    end();
  }

  private void end() {
    control.quit();
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

  private int maxScroll() {
    return Math.max(0, bodySize - bodyRows);
  }

  /** Paints the frame, rewriting only the rows that changed since the last paint (all of them after a resize). */
  private void paint() {
    Size size = terminal.getSize();
    if (!size.equals(paintedSize)) painted = List.of();
    paintedSize = size;
    MockScreen screen = new MockScreen(size.getColumns(), size.getRows(), style);
    MockScreen.Ui ui = new MockScreen.Ui(control.typed(), typingNow(), editor.text(), status, statusError, help, scroll);
    MockScreen.Frame f = screen.frame(session, clock.instant(), ui);
    bodyRows = f.bodyRows();
    bodySize = f.bodySize();
    scroll = Math.max(0, Math.min(scroll, maxScroll()));
    List<String> rows = f.rows();
    for (int r = 0; r < rows.size(); r++) {
      if (r < painted.size() && painted.get(r).equals(rows.get(r))) continue;
      terminal.puts(Capability.cursor_address, r, 0);
      terminal.writer().write(rows.get(r));
      terminal.puts(Capability.clr_eol);
    }
    painted = rows;
    terminal.flush();
  }

  private KeyMap<String> commandKeys() {
    KeyMap<String> m = new KeyMap<>();
    m.setNomatch("unknown");
    m.setUnicode("unknown");
    m.setAmbiguousTimeout(100);
    bind(m, "continue", " ", "\r", "\n");
    bind(m, "answer", "a");
    bind(m, "next", "n");
    bind(m, "undo", "u");
    bind(m, "quit", "q", KeyMap.ctrl('D'));
    bind(m, "help", "?");
    for (String d : List.of("1", "2", "3", "4")) bind(m, d, d);
    bind(m, "interrupt", KeyMap.ctrl('C'));
    bind(m, "redraw", KeyMap.ctrl('L'));
    bind(m, "down", "j", "\033[B", "\033OB", KeyMap.key(terminal, Capability.key_down));
    bind(m, "up", "k", "\033[A", "\033OA", KeyMap.key(terminal, Capability.key_up));
    bind(m, "pagedown", "\033[6~", KeyMap.key(terminal, Capability.key_npage));
    bind(m, "pageup", "\033[5~", KeyMap.key(terminal, Capability.key_ppage));
    return m;
  }

  private static void bind(KeyMap<String> m, String action, String... seqs) {
    for (String s : seqs) if (s != null && !s.isEmpty()) m.bind(action, s);
  }
}
