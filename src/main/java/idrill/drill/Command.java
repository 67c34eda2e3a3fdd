package idrill.drill;

import idrill.review.Grade;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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

  /** The first words of the command line, for completion. */
  static final List<String> WORDS = List.of("reveal", "next", "skip", "grade", "undo", "edit", "suspend", "bury",
      "flag", "quit", "help");
  /** What may follow {@code grade}. */
  static final List<String> GRADE_WORDS = List.of("again", "hard", "good", "easy");

  static Command grade(Grade g) {
    return new Command(Verb.GRADE, g);
  }

  /**
   * Parses a typed command: the words ({@code reveal}, {@code next}, {@code skip}, {@code grade again|hard|good|easy},
   * {@code undo}, {@code edit}, {@code suspend}, {@code bury}, {@code flag}, {@code quit}, {@code help}) or the single-key forms ({@code 1}..{@code 4}, {@code n},
   * {@code u}, {@code e}, {@code q}, {@code ?}; a blank line reveals). Null when it is none of them.
   */
  static Command parse(String line) {
    String[] w = line.strip().toLowerCase(Locale.ROOT).split("\\s+");
    if (w.length == 1) {
      switch (w[0]) {
        case "": case "reveal": return REVEAL;
        case "n": case "next": case "skip": return NEXT;
        case "u": case "undo": return UNDO;
        case "e": case "edit": return EDIT;
        case "suspend": return SUSPEND;
        case "bury": return BURY;
        case "flag": return FLAG;
        case "q": case "quit": return QUIT;
        case "?": case "help": return HELP;
        default: return gradeWord(w[0]);
      }
    }
    if (w.length == 2 && w[0].equals("grade")) return gradeWord(w[1]);
    return null;
  }

  /** again|hard|good|easy or 1..4; null otherwise. */
  private static Command gradeWord(String word) {
    Grade g = Grade.parse(word);
    if (g == Grade.UNDO) return null;
    if (g == null) {
      for (Grade x : Grade.values()) if (x.rating > 0 && word.equals(String.valueOf(x.rating))) g = x;
    }
    return g == null ? null : grade(g);
  }

  /** The help text shared by both drills; the last line says how this session brings questions back. */
  static List<String> helpText(boolean scheduled) {
    List<String> lines = new ArrayList<>(KEYS_HELP);
    if (scheduled) {
      lines.add("New questions and those graded again are in learning steps of minutes:");
      lines.add("the schedule shows them again in this session once a step is due.");
    } else {
      lines.add("A question graded again comes back after " + DrillSession.REQUEUE_AFTER + " others, or at the end.");
    }
    return lines;
  }

  private static final List<String> KEYS_HELP = List.of(
      "Keys (they act at once):",
      "  space, Enter   reveal the answer; once revealed, page down through it",
      "  1 2 3 4        grade again / hard / good / easy, and go on",
      "  n              next question, without grading",
      "  u              undo the last grade of this session and show that question again",
      "  e              edit this question in $VISUAL or $EDITOR; it keeps its id and history",
      "  j k, arrows    scroll one line; PgUp PgDn a page; g G top and bottom",
      "  q, Ctrl-D      quit; Ctrl-C interrupts (grades already given are saved)",
      "  ?              this help",
      "  :              command line (Tab completes, arrows recall):",
      "                   reveal, next, skip, grade again|hard|good|easy, undo, edit, quit, help",
      "");
}
