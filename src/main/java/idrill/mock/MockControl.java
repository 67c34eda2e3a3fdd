package idrill.mock;

import idrill.drill.AnswerSink;
import idrill.drill.GradeSink;
import idrill.drill.Summary;
import idrill.mock.MockSession.Phase;
import idrill.render.Sanitizer;
import idrill.review.Answer;
import idrill.review.Grade;
import idrill.review.Review;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;

/**
 * Applies what the candidate asks to a mock session, for both the terminal and the line mode. A grade or undo
 * reaches the grade sink, and a typed answer the answer sink, before anything else is shown; when a sink fails the
 * session is quit and the exception passed on.
 */
final class MockControl {
  record Result(String message, boolean error) {
    static final Result NONE = new Result(null, false);
  }

  private final MockSession session;
  private final GradeSink grades;
  private final AnswerSink answers; // null: answers are not typed
  private final Clock clock;

  MockControl(MockSession session, GradeSink grades, AnswerSink answers, Clock clock) {
    this.session = session;
    this.grades = grades;
    this.answers = answers;
    this.clock = clock;
  }

  boolean typed() {
    return answers != null;
  }

  /** Reveals the answer when its time is up; the message says so, null when the time is not up. */
  Result tick() throws IOException {
    if (!session.tick(clock.instant())) return null;
    saveAnswer();
    return new Result("time — the " + Summary.clock(session.budget()) + " for this question is up", false);
  }

  Result reveal() throws IOException {
    if (session.phase() != Phase.QUESTION) return new Result("the answer is already showing", false);
    session.reveal(clock.instant());
    saveAnswer();
    return Result.NONE;
  }

  Result grade(Grade g) throws IOException {
    if (session.phase() != Phase.ANSWER) return new Result("reveal the answer before grading", true);
    Review r = session.grade(g, clock.instant());
    try {
      grades.save(r);
    } catch (IOException e) {
      session.undo(r.time()); // not saved, so it must not count in the report
      session.quit(r.time());
      throw e;
    }
    return new Result("saved " + r.grade().word() + " for " + Sanitizer.oneLine(r.id()), false);
  }

  Result skip() {
    if (session.phase() == Phase.DONE) return Result.NONE;
    String id = session.current().id();
    session.skip(clock.instant());
    return new Result("skipped " + Sanitizer.oneLine(id), false);
  }

  Result undo() throws IOException {
    Review r = session.undo(clock.instant());
    if (r == null) return new Result("nothing to undo in this interview", true);
    try {
      grades.save(r);
    } catch (IOException e) {
      session.quit(r.time());
      throw e;
    }
    return new Result("undid the last grade of " + Sanitizer.oneLine(r.id()) + ": grade it again", false);
  }

  void quit() {
    session.quit(clock.instant());
  }

  /** The typed answer, appended and fsynced before its reveal is shown. */
  private void saveAnswer() throws IOException {
    if (answers == null || session.typed().isBlank()) return;
    Instant now = clock.instant();
    try {
      answers.save(new Answer(now, session.current().id(), session.elapsed(now).toMillis(), session.typed()));
    } catch (IOException e) {
      session.quit(now);
      throw e;
    }
  }
}
