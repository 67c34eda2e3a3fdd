package idrill.review;

import java.util.Locale;

/**
 * A way of setting a question aside, logged like a grade with its own word in the grade column (ms 0): versions
 * that do not know the word skip the line with one summary per file. The state it gives is derived by replaying
 * the log (see {@link Marks}); an undo naming the event's time withdraws it.
 */
public enum Aside {
  /** Never scheduled or drilled until unsuspended. */
  SUSPEND,
  UNSUSPEND,
  /** Not shown until the next day (the day as {@link Schedule} counts it). */
  BURY,
  /** A mark shown in list and show. */
  FLAG,
  UNFLAG;

  private static final Aside[] ALL = values();
  private final String word = name().toLowerCase(Locale.ROOT);

  /** The log word, which is also the command's name. */
  public String word() {
    return word;
  }

  /** The past tense for reports: "suspended", "buried", "flagged". */
  public String done() {
    return this == BURY ? "buried" : this == UNFLAG ? "unflagged" : this == FLAG ? "flagged" : word + "ed";
  }

  /** The word of a log line, or null when it is none of these. */
  public static Aside parse(String word) {
    for (Aside a : ALL) if (a.word.equals(word)) return a;
    return null;
  }

  static Aside of(int ordinal) {
    return ALL[ordinal];
  }
}
