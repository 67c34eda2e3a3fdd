package idrill.bank;

import java.util.List;

/** A bank or config file is unusable; carries every problem found. Maps to exit code 65. */
public final class BadDataException extends RuntimeException {
  private final transient List<BankProblem> problems;

  public BadDataException(List<BankProblem> problems) {
    super(problems.isEmpty() ? "bad data" : problems.get(0).toString());
    this.problems = List.copyOf(problems);
  }

  public BadDataException(BankProblem problem) {
    this(List.of(problem));
  }

  public List<BankProblem> problems() {
    return problems;
  }
}
