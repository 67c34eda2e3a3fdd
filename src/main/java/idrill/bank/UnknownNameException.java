package idrill.bank;

import java.util.List;

/** The user named a tag or id that does not exist; carries the closest known names. Maps to exit code 2. */
public final class UnknownNameException extends RuntimeException {
  private final transient List<String> suggestions;

  public UnknownNameException(String message, List<String> suggestions) {
    super(message);
    this.suggestions = List.copyOf(suggestions);
  }

  public List<String> suggestions() {
    return suggestions;
  }
}
