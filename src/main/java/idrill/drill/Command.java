package idrill.drill;

import idrill.review.Grade;
import java.util.ArrayList;
import java.util.List;

/** One thing the user asks of a drill, typed as a word (the {@code :} line, line mode) or pressed as a key. */
record Command(Verb verb, Grade grade) {

  enum Verb { REVEAL, NEXT, GRADE, UNDO, QUIT, HELP, EDIT, SUSPEND, BURY, FLAG }

  static final Command REVEAL = new Command(Verb.REVEAL, null);
  static final Command NEXT = new Command(Verb.NEXT, null);
  static final Command UNDO = new Command(Verb.UNDO, null);
  static final Command QUIT = new Command(Verb.QUIT, null);
  static final Command HELP = new Command(Verb.HELP, null);
  static final Command EDIT = new Command(Verb.EDIT, null);
  static final Command SUSPEND = new Command(Verb.SUSPEND, null);
  static final Command BURY = new Command(Verb.BURY, null);
  static final Command FLAG = new Command(Verb.FLAG, null);

  static Command grade(Grade g) {
    return new Command(Verb.GRADE, g);
  }

  /** The command a typed line names (a word or a single key of {@link Keys#TABLE}; blank reveals), or null. */
  static Command parse(String line) {
    return Keys.parse(line);
  }

  /** The help text shared by both drills; the last line says how this session brings questions back. */
  static List<String> helpText(boolean scheduled) {
    List<String> lines = new ArrayList<>(Keys.helpLines());
    if (scheduled) {
      lines.add("New questions and those graded again are in learning steps of minutes:");
      lines.add("the schedule shows them again in this session once a step is due.");
    } else {
      lines.add("A question graded again comes back after " + DrillSession.REQUEUE_AFTER + " others, or at the end.");
    }
    return lines;
  }
}
