package idrill.interop;

import idrill.bank.Question;
import java.util.List;

/** Imported questions of every source, in source order, ids unique; one report per source. */
public record ImportResult(List<Question> questions, List<ImportReport> reports) {
  public ImportResult {
    questions = List.copyOf(questions);
    reports = List.copyOf(reports);
  }
}
