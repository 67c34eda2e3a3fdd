package idrill.mock;

import idrill.bank.Question;
import idrill.drill.AnswerEditor;
import idrill.drill.AnswerSink;
import idrill.drill.Coverage;
import idrill.drill.GradeSink;
import idrill.drill.QuestionView;
import idrill.drill.Summary;
import idrill.drill.TypedLine;
import idrill.drill.Typing;
import idrill.mock.MockSession.Phase;
import idrill.mock.MockSession.RevealedBy;
import idrill.render.Sanitizer;
import idrill.render.Style;
import idrill.review.Grade;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The mock interview for a stdin that is not a terminal: the drill's words one per line plus {@code answer TEXT}
 * ({@code \n} for a line break), plain text out. The clock is looked at on every line, so a command that comes after
 * the budget first reveals the answer "by time". {@link #interrupt} ends it from another thread, as the drill's.
 */
public final class LineMock {
  private static final Style PLAIN = new Style(false);
  static final String HELP = "commands: answer TEXT (\\n for a new line) · reveal (or an empty line) · next, skip (n)"
      + " · grade again|hard|good|easy (1-4) · undo (u) · quit (q) · help (?)";

  private final BufferedReader in;
  private final PrintWriter out;
  private final MockSession session;
  private final MockControl control;
  private final QuestionView view;
  private final int width;
  private final Clock clock;
  private final Runnable report;
  private final ReentrantLock lock = new ReentrantLock();
  private boolean ended; // guarded by lock

  /** {@code report} prints the report; it runs once, at the end or on interrupt. {@code answers} null: not typed. */
  public LineMock(BufferedReader in, PrintWriter out, MockSession session, GradeSink grades, AnswerSink answers,
      int width, Clock clock, Runnable report) {
    this.in = in;
    this.out = out;
    this.session = session;
    this.control = new MockControl(session, grades, answers, clock);
    this.width = Math.max(20, width);
    this.clock = clock;
    this.view = new QuestionView(this.width, PLAIN);
    this.report = report;
  }

  public MockOutcome run() {
    IOException failure = null;
    lock.lock();
    try {
      if (session.phase() != Phase.DONE) printQuestion();
    } finally {
      lock.unlock();
    }
    while (true) {
      String line = readLine();
      lock.lock();
      try {
        if (ended || line == null || session.phase() == Phase.DONE) break;
        failure = apply(line);
        if (failure != null || session.phase() == Phase.DONE) break;
      } finally {
        lock.unlock();
      }
    }
    lock.lock();
    try {
      boolean interrupted = ended;
      if (!interrupted) {
        control.quit();
        end(false);
      }
      return new MockOutcome(interrupted, failure);
    } finally {
      lock.unlock();
    }
  }

  /** Ends where it stands and prints the report, unless run has; waits up to patience for a grade being saved. */
  public boolean interrupt(Duration patience) {
    try {
      if (!lock.tryLock(patience.toMillis(), TimeUnit.MILLISECONDS)) return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    try {
      if (ended) return false;
      control.quit();
      end(true);
      return true;
    } finally {
      lock.unlock();
    }
  }

  private void end(boolean interrupted) {
    ended = true;
    out.println();
    if (interrupted) out.println("interrupted — every grade given was saved");
    out.flush();
    report.run();
    out.flush();
  }

  private IOException apply(String raw) {
    String line = raw.strip();
    String word = line.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
    try {
      if (TypedLine.isAnswer(line)) {
        if (!control.typed()) {
          out.println("error: answers are typed only with --type");
        } else if (session.phase() != Phase.QUESTION) {
          out.println("error: the answer is already showing");
        } else {
          session.type(TypedLine.text(line));
          out.println(TypedLine.noted(session.typed()));
        }
        if (timeUp()) printAnswer();
        out.flush();
        return null;
      }
      if (timeUp()) {
        printAnswer();
        if (word.isEmpty() || word.equals("reveal")) {
          out.flush();
          return null; // it was revealed by time just now
        }
      }
      switch (word) {
        case "": case "reveal": {
          MockControl.Result r = control.reveal();
          if (r.message() != null) out.println(r.message());
          else printAnswer();
          break;
        }
        case "n": case "next": case "skip":
          say(control.skip());
          afterMove();
          break;
        case "u": case "undo": {
          MockControl.Result r = control.undo();
          say(r);
          if (!r.error()) afterMove();
          break;
        }
        case "q": case "quit":
          control.quit();
          break;
        case "?": case "help":
          out.println(HELP);
          break;
        default: {
          Grade g = grade(line.toLowerCase(Locale.ROOT));
          if (g == null) {
            out.println("unknown command: " + Sanitizer.oneLine(line) + " (try help)");
          } else {
            MockControl.Result r = control.grade(g);
            say(r);
            if (!r.error()) afterMove();
          }
        }
      }
    } catch (IOException e) {
      return e;
    }
    out.flush();
    return null;
  }

  /** Whether the budget ran out before this line; then the answer is revealed by time. */
  private boolean timeUp() throws IOException {
    MockControl.Result r = control.tick();
    if (r == null) return false;
    out.println(r.message());
    return true;
  }

  private void afterMove() {
    if (session.phase() == Phase.DONE) return;
    out.println();
    if (session.phase() == Phase.ANSWER) printAnswer();
    else printQuestion();
  }

  private void say(MockControl.Result r) {
    if (r.message() != null) out.println(r.error() ? "error: " + r.message() : r.message());
  }

  /** again|hard|good|easy, 1..4, or "grade WORD"; null otherwise. */
  static Grade grade(String line) {
    String[] w = line.split("\\s+");
    String word = w.length == 2 && w[0].equals("grade") ? w[1] : w.length == 1 ? w[0] : null;
    if (word == null) return null;
    Grade g = Grade.parse(word);
    if (g == Grade.UNDO) return null;
    if (g == null) for (Grade x : Grade.values()) if (x != Grade.UNDO && word.equals(String.valueOf(x.rating))) g = x;
    return g;
  }

  private void printQuestion() {
    out.println("[" + session.position() + "/" + session.total() + "] " + Summary.clock(session.budget()) + " to answer");
    for (String l : view.question(session.current())) out.println(l);
    out.println(control.typed() ? "(answer TEXT · reveal · next · undo · quit · help)" : "(reveal · next · undo · quit · help)");
    out.flush();
  }

  private void printAnswer() {
    Question q = session.current();
    if (control.typed()) {
      out.println("--- your answer ---");
      if (session.typed().isBlank()) out.println("(nothing typed)");
      else for (String l : AnswerEditor.lines(session.typed(), width, false, PLAIN)) out.println(l);
    }
    out.println("--- answer ---");
    for (String l : view.answer(q)) out.println(l);
    out.println(view.meta(q));
    if (control.typed()) for (String l : Typing.coverageLines(Coverage.of(q, session.typed()), width, PLAIN)) out.println(l);
    out.println("used " + Summary.clock(session.elapsed(clock.instant())) + " of " + Summary.clock(session.budget())
        + (session.revealedBy() == RevealedBy.TIME ? " · revealed by time" : ""));
    out.println("(grade again|hard|good|easy · next · undo · quit · help)");
    out.flush();
  }

  /** The next line, or null at end of input (a failing input counts as its end). */
  private String readLine() {
    try {
      return in.readLine();
    } catch (IOException | UncheckedIOException e) {
      return null;
    }
  }
}
