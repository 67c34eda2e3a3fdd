package idrill.review;

import java.util.Locale;

/** The FSRS scheduling state of a question. */
public enum CardState {
  NEW, LEARNING, REVIEW, RELEARNING;

  /** The lower-case word used in output and logs: new, learning, review, relearning. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
