package idrill.cli;

/** The filter selected nothing: exit code 3, which scripts can tell apart from errors. */
final class NoMatchException extends RuntimeException {
  NoMatchException(String message) {
    super(message);
  }
}
