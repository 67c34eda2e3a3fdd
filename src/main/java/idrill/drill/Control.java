package idrill.drill;

import idrill.drill.DrillSession.Phase;
import idrill.render.Sanitizer;
import idrill.review.Aside;
import idrill.review.AsideEvent;
import idrill.review.Review;
import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Applies commands to a session for both drills. Each grade and undo goes to the sink before the caller shows
 * anything else; when the sink fails the session is quit and the exception passed on. Suspend, bury and flag (one
 * method each, for the keys) go to the aside sink the same way; u undoes them like a grade.
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
  private AsideSink asides; // null: setting aside is not offered (no review log)
  private Predicate<String> flaggedAtStart = id -> false;
  private final Map<String, Boolean> flags = new HashMap<>(); // flag state changed in this session

  Control(DrillSession session, GradeSink sink, Clock clock) {
    this.session = session;
    this.sink = sink;
    this.clock = clock;
  }

  /** Offers suspend, bury and flag, saved to sink; flagged tells which questions the log had flagged at the start. */
  Control asides(AsideSink sink, Predicate<String> flagged) {
    this.asides = sink;
    this.flaggedAtStart = flagged;
    return this;
  }

  /** Whether the question is flagged, this session's flags and unflags included. */
  boolean flagged(String id) {
    Boolean f = flags.get(id);
    return f != null ? f : flaggedAtStart.test(id);
  }

  /** Suspends the current question: out of this session and of every drill until 'idrill unsuspend'. */
  Result suspend() throws IOException {
    return setAside(Aside.SUSPEND);
  }

  /** Buries the current question until the next day: out of this session. */
  Result bury() throws IOException {
    return setAside(Aside.BURY);
  }

  /** Flags the current question, or unflags it when it is flagged; it stays on screen. */
  Result flag() throws IOException {
    if (session.phase() == Phase.DONE) return Result.NONE;
    return setAside(flagged(session.current().id()) ? Aside.UNFLAG : Aside.FLAG);
  }

  private Result setAside(Aside kind) throws IOException {
    if (asides == null) return Result.error("setting questions aside needs the review log; not in this drill");
    if (session.phase() == Phase.DONE) return Result.NONE;
    AsideEvent e = session.putAside(kind, clock.instant());
    try {
      asides.save(e);
    } catch (IOException x) {
      session.undo(clock.instant()); // not saved, so the question stays
      session.quit();
      throw x;
    }
    if (kind == Aside.FLAG || kind == Aside.UNFLAG) flags.put(e.id(), kind == Aside.FLAG);
    String id = Sanitizer.oneLine(e.id());
    switch (kind) {
      case SUSPEND: return Result.info("suspended " + id + " (u undoes; later: idrill unsuspend " + id + ")");
      case BURY: return Result.info("buried " + id + " until tomorrow (u undoes)");
      default: return Result.info(kind.done() + " " + id);
    }
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
        Aside kind = session.latestAside();
        Review r = session.undo(clock.instant());
        if (r == null) return Result.error("nothing to undo in this session");
        try {
          if (kind == null) sink.save(r);
          else asides.withdraw(r);
        } catch (IOException e) {
          session.quit();
          throw e;
        }
        if (kind == null) return Result.info("undid the last grade of " + Sanitizer.oneLine(r.id()));
        if (kind == Aside.FLAG || kind == Aside.UNFLAG) flags.put(r.id(), kind == Aside.UNFLAG);
        return Result.info("undid the " + kind.word() + " of " + Sanitizer.oneLine(r.id()));
      }
      case SUSPEND:
        return suspend();
      case BURY:
        return bury();
      case FLAG:
        return flag();
      case QUIT:
        session.quit();
        return Result.NONE;
      default:
        return Result.NONE;
    }
  }
}
