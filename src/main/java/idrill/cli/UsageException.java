package idrill.cli;

/**
 * The user's mistake (a bad option value, argument, file to refuse): one line, exit 2. Any other
 * IllegalArgumentException reaching {@link Cli#report} is a bug (exit 1). It stays an IllegalArgumentException so the
 * places that catch one around user input keep catching it.
 */
public class UsageException extends IllegalArgumentException {
  public UsageException(String message) {
    super(message);
  }
}
