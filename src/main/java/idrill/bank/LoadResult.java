package idrill.bank;

import java.util.List;

/** The valid questions of every loaded source plus every problem found, errors and warnings. */
public record LoadResult(Bank bank, List<BankProblem> problems) {

  public LoadResult {
    problems = List.copyOf(problems);
  }

  public boolean hasErrors() {
    for (BankProblem p : problems) if (p.isError()) return true;
    return false;
  }

  public List<BankProblem> errors() {
    return YamlTree.errorsOnly(problems);
  }

  public List<BankProblem> warnings() {
    return problems.stream().filter(p -> !p.isError()).toList();
  }

  /** The bank, or BadDataException carrying the errors (warnings ignored) when there is any. */
  public Bank orThrow() {
    if (hasErrors()) throw new BadDataException(errors());
    return bank;
  }
}
