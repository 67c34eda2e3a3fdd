package idrill.drill;

import idrill.bank.Question;
import idrill.drill.DrillSession.Phase;
import idrill.render.Sanitizer;
import idrill.render.Style;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The drill for a stdin that is not a terminal: typed commands one per line (the words of the {@code :} line and the
 * single-key forms, a blank line reveals), plain text out, no escape sequences. Ends when the queue is done, on
 * {@code quit}, or at end of input; then prints the session summary. {@link #interrupt} ends it from another thread
 * (Ctrl-C while a line is awaited): it waits for a command being applied, so a grade being saved is saved, then
 * prints the summary.
 */
public final class LineDrill {
  private static final Style PLAIN = new Style(false);
  /** From the key table: each word with its key ("next (n)"); a blank line reveals. */
  private static String help() {
    java.util.List<String> parts = new java.util.ArrayList<>();
    for (Keys.Binding b : Keys.TABLE) {
      if (b.word() == null) continue;
      String key = b.keys().get(0);
      parts.add(b.word() + (key.length() == 1 ? " (" + key + ")" : ""));
    }
    return "commands: " + String.join(" · ", parts) + " · an empty line reveals";
  }

  private final BufferedReader in;
  private final PrintWriter out;
  private final DrillSession session;
  private final Control control;
  private final Outlook outlook;
  private final Clock clock;
  private final QuestionView view;
  // held while a line is applied or the summary printed: interrupt waits for a grade being saved
  private final ReentrantLock lock = new ReentrantLock();
  private boolean ended; // guarded by lock: the summary is printed once, by run or by interrupt
  private final Typing typing; // null unless answers are typed
  private final int width;
  private QuestionEditor editor;

  public LineDrill(BufferedReader in, PrintWriter out, DrillSession session, GradeSink sink, int width, Clock clock) {
    this(in, out, session, sink, Outlook.unscheduled(), width, clock, null);
  }

  /** With typing, {@code answer TEXT} records an answer, saved before the reveal and checked for key terms. */
  public LineDrill(BufferedReader in, PrintWriter out, DrillSession session, GradeSink sink, int width, Clock clock,
      Typing typing) {
    this(in, out, session, sink, Outlook.unscheduled(), width, clock, typing);
  }

  /**
   * With the outlook that gives the counts left, the leech mark and each grade's interval, and typing (null
   * unless answers are typed).
   */
  public LineDrill(BufferedReader in, PrintWriter out, DrillSession session, GradeSink sink, Outlook outlook,
      int width, Clock clock, Typing typing) {
    this.typing = typing;
    this.width = Math.max(20, width);
    this.in = in;
    this.out = out;
    this.session = session;
    this.outlook = outlook;
    this.clock = clock;
    this.control = new Control(session, outlook.watching(sink), clock);
    this.view = new QuestionView(Math.max(20, width), PLAIN);
  }

  /**
   * Offers {@code suspend}, {@code bury} and {@code flag}, saved to sink (undone with {@code undo}); flagged tells which
   * questions the log had flagged at the start. Without it those words say they are not available.
   */
  public LineDrill asides(AsideSink sink, java.util.function.Predicate<String> flagged) {
    control.asides(sink, flagged);
    return this;
  }

  /** Lets {@code edit} edit the current question through editor; without one, {@code edit} says it cannot. */
  public LineDrill editing(QuestionEditor editor) {
    this.editor = editor;
    return this;
  }

  public Outcome run() {
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
      boolean interrupted = ended; // interrupt printed the summary while a line was awaited
      if (!interrupted) printSummary(false);
      return new Outcome(session.summary(), interrupted, failure);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Ends the drill where it stands and prints the summary with a word that it was interrupted, unless run has
   * printed it already. Waits up to {@code patience} for a command being applied (a grade being saved); returns
   * whether it printed.
   */
  public boolean interrupt(Duration patience) {
    try {
      if (!lock.tryLock(patience.toMillis(), TimeUnit.MILLISECONDS)) return false; // stuck writing: say nothing more
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    try {
      if (ended) return false;
      printSummary(true);
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Prints the session summary, once; the caller holds the lock. */
  private void printSummary(boolean interrupted) {
    ended = true;
    out.println();
    if (interrupted) out.println("interrupted — every grade given was saved");
    for (String l : session.summary().lines(PLAIN, outlook.next(clock.instant()))) out.println(l);
    out.flush();
  }

  /** Applies one typed line and prints what follows; the sink's failure when saving failed, else null. */
  private IOException apply(String line) {
    if (typing != null && TypedLine.isAnswer(line)) {
      typing.follow(session.current());
      if (session.phase() != Phase.QUESTION) {
        out.println("error: the answer is already showing");
      } else {
        typing.set(TypedLine.text(line));
        out.println(TypedLine.noted(typing.draft()));
      }
      out.flush();
      return null;
    }
    Command c = Command.parse(line);
    if (c == null) {
      out.println(Keys.explain(line, Sanitizer::oneLine));
    } else if (c.verb() == Command.Verb.HELP) {
      out.println(help());
    } else if (c.verb() == Command.Verb.EDIT) {
      edit();
    } else {
      Phase phaseBefore = session.phase();
      Control.Result r;
      try {
        r = control.apply(c);
      } catch (IOException e) {
        return e; // the session is quit: nothing more is shown
      }
      if (r.message() != null) out.println(r.error() ? "error: " + r.message() : r.message());
      if (session.phase() == Phase.DONE) {
        // the summary follows
      } else if (!r.error() && c.verb() != Command.Verb.REVEAL && c.verb() != Command.Verb.FLAG) {
        out.println();
        printQuestion(); // next, grade and undo each show a question anew
      } else if (phaseBefore == Phase.QUESTION && session.phase() == Phase.ANSWER) {
        if (typing != null) {
          typing.follow(session.current());
          try {
            typing.revealed(session.current(), session.elapsedOnCurrent(clock.instant()), clock.instant());
          } catch (IOException e) {
            session.quit();
            return e;
          }
        }
        printAnswer();
      }
    }
    out.flush();
    return null;
  }

  /** Edits the current question and shows it again as the bank now holds it. */
  private void edit() {
    if (editor == null) {
      out.println("error: editing is not available in this drill");
      return;
    }
    Instant left = clock.instant();
    QuestionEditor.Edited r = editor.edit(session.current());
    session.setAside(Duration.between(left, clock.instant())); // editing is not thinking time
    out.println(r.error() ? "error: " + r.message() : r.message());
    if (r.question() == null) return;
    session.replace(r.question());
    out.println();
    printQuestion();
    if (session.phase() == Phase.ANSWER) printAnswer();
  }

  private void printQuestion() {
    Question q = session.current();
    out.println("[" + outlook.left(session.left()).text() + "] " + Sanitizer.oneLine(q.id())
        + (outlook.leech(q) ? " · leech" : "") + (control.flagged(q.id()) ? " · flagged" : "")
        + (q.tags().isEmpty() ? "" : " · " + Sanitizer.oneLine(String.join(", ", q.tags()))));
    for (String l : view.question(q)) out.println(l);
    out.println("(" + (typing != null ? "answer TEXT · " : "") + Keys.footerWords(Phase.QUESTION) + ")");
    out.flush();
  }

  private void printAnswer() {
    if (typing != null) {
      out.println("--- your answer ---");
      for (String l : typing.submittedLines(width, PLAIN)) out.println(l);
    }
    out.println("--- answer ---");
    for (String l : view.answer(session.current())) out.println(l);
    if (typing != null) for (String l : typing.coverageLines(session.current(), width, PLAIN)) out.println(l);
    out.println("(" + outlook.intervals(session.current(), clock.instant()).line() + " · " + Keys.footerWords(null) + ")");
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
