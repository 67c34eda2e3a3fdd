package idrill.bank;

/** The user's --grep or --grep-answer pattern is no regular expression: a usage error (exit 2), not a bug. */
public final class BadPatternException extends IllegalArgumentException {
  public BadPatternException(String message, Throwable cause) {
    super(message, cause);
  }
}
