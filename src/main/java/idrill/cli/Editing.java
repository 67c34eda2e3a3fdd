package idrill.cli;

import idrill.bank.BankLoader;
import idrill.bank.BankProblem;
import idrill.bank.LoadResult;
import idrill.bank.Position;
import idrill.bank.Question;
import idrill.config.ConfigLoader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** Editing a question where its bank keeps it: the editor at its line, then the banks read again, uncached. */
final class Editing {
  private final Context ctx;
  private final List<String> specs;
  final Editor editor;

  Editing(Context ctx, List<String> specs) {
    this.ctx = ctx;
    this.specs = List.copyOf(specs);
    this.editor = new Editor(ctx);
  }

  /** The bank file a position names; null for the bundled bank, which lives in the jar. */
  Path file(Position p) {
    return BankLoader.DEFAULT.equals(p.file()) ? null : ctx.cwd().resolve(p.file());
  }

  /** What to do instead of editing the bundled bank, in lines. */
  List<String> bundledAdvice() {
    return List.of("the bundled bank is part of idrill and cannot be edited; edit a copy instead:",
        "  idrill export --bank default --format yaml -o my-bank.yaml",
        "then name the copy in " + ConfigLoader.configFile(ctx.env()) + " in place of default:",
        "  banks: [" + ctx.cwd().resolve("my-bank.yaml") + "]");
  }

  /** A bank read again after an edit: the errors of one file, and a question as the banks now hold it (or null). */
  record Check(List<BankProblem> errors, Question now) {}

  Check check(String file, String id) {
    LoadResult r;
    try {
      r = new BankLoader().load(specs, ctx.cwd()); // not the cache: exactly what is on disk now
    } catch (UncheckedIOException e) {
      String m = e.getMessage() == null ? file + ": cannot be read" : e.getMessage();
      return new Check(List.of(new BankProblem(new Position(file, 1, 1), BankProblem.Severity.ERROR, m)), null);
    }
    List<BankProblem> errors = r.problems().stream()
        .filter(p -> p.isError() && p.position().file().equals(file)).toList();
    return new Check(errors, id == null ? null : r.bank().byId(id).orElse(null));
  }

  /** Whether two texts of a question read the same (positions aside). */
  static boolean sameText(Question a, Question b) {
    return a.question().equals(b.question()) && a.answer().equals(b.answer()) && a.tags().equals(b.tags())
        && a.difficulty() == b.difficulty() && a.refs().equals(b.refs());
  }
}
