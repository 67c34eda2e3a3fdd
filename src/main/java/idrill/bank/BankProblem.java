package idrill.bank;

/** One finding of loading or validating a bank or config file, printed as {@code file:line:col: error: message}. */
public record BankProblem(Position position, Severity severity, String message) {

  public enum Severity { ERROR, WARNING }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  @Override
  public String toString() {
    return position + ": " + (isError() ? "error" : "warning") + ": " + message;
  }
}
