package idrill.drill;

import idrill.drill.DrillSession.Phase;
import idrill.render.Sanitizer;
import idrill.review.Review;
import java.io.IOException;
import java.time.Clock;

/**
 * Applies commands to a session for both drills. Each grade and undo goes to the sink before the caller shows
 * anything else; when the sink fails the session is quit and the exception passed on.
 */
final class Control {
  /** What to tell the user after a command; {@code message} may be null. */
  record Result(String message, boolean error) {
    static final Result NONE = new Result(null, false);

    static Result info(String m) {
      return new Result(m, false);
    }

    static Result error(String m) {
      return new Result(m, true);
    }
  }

  private final DrillSession session;
  private final GradeSink sink;
  private final Clock clock;

  Control(DrillSession session, GradeSink sink, Clock clock) {
    this.session = session;
    this.sink = sink;
    this.clock = clock;
  }

  /** Applies everything but HELP (the drills show help their own way). */
  Result apply(Command c) throws IOException {
    switch (c.verb()) {
      case REVEAL:
        if (session.phase() != Phase.QUESTION) return Result.info("the answer is already showing");
        session.reveal(clock.instant());
        return Result.NONE;
      case NEXT: {
        if (session.phase() == Phase.DONE) return Result.NONE;
        String id = session.current().id();
        session.skip(clock.instant());
        return Result.info("skipped " + Sanitizer.oneLine(id));
      }
      case GRADE: {
        if (session.phase() != Phase.ANSWER) return Result.error("reveal the answer before grading");
        Review r = session.grade(c.grade(), clock.instant());
        try {
          sink.save(r);
        } catch (IOException e) {
          session.undo(r.time()); // the grade was not saved, so it must not count in the summary
          session.quit();
          throw e;
        }
        return Result.info("saved " + r.grade().word() + " for " + Sanitizer.oneLine(r.id()));
      }
      case UNDO: {
        Review r = session.undo(clock.instant());
        if (r == null) return Result.error("nothing to undo in this session");
        try {
          sink.save(r);
        } catch (IOException e) {
          session.quit();
          throw e;
        }
        return Result.info("undid the last grade of " + Sanitizer.oneLine(r.id()));
      }
      case QUIT:
        session.quit();
        return Result.NONE;
      default:
        return Result.NONE;
    }
  }
}
