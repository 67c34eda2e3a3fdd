package idrill.review;

import java.util.Locale;

/**
 * A self-grade, or UNDO which withdraws one grade of the same question (the one its target names). The log word is
 * the event's kind: a future kind is a new word, which today's readers skip (see ReviewLogCodec).
 */
public enum Grade {
  AGAIN(1), HARD(2), GOOD(3), EASY(4), UNDO(0);

  /** FSRS rating 1..4; 0 for UNDO. */
  public final int rating;
  private final String word; // made once: formatting a million log lines must not make a million strings

  Grade(int rating) {
    this.rating = rating;
    this.word = name().toLowerCase(Locale.ROOT);
  }

  public String word() {
    return word;
  }

  /** Parses the log word (again|hard|good|easy|undo); null when it is none of them. */
  public static Grade parse(String word) {
    switch (word) {
      case "again": return AGAIN;
      case "hard": return HARD;
      case "good": return GOOD;
      case "easy": return EASY;
      case "undo": return UNDO;
      default: return null;
    }
  }
}
