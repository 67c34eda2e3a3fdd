package idrill.cli;

import idrill.bank.BankLoader;
import idrill.bank.BankProblem;
import idrill.bank.LoadResult;
import idrill.render.Sanitizer;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "validate", mixinStandardHelpOptions = true, description = {
    "Check banks and report every problem at once, as FILE:LINE:COL: error|warning: MESSAGE.",
    "Exit 65 when there is any error."})
final class ValidateCommand implements Callable<Integer> {
  @ParentCommand IdrillCommand root;
  @Mixin CommonOptions common;

  @Parameters(paramLabel = "PATH", arity = "0..*",
      description = "Bank files or directories (default: --bank, else the configured banks).")
  List<String> paths = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text|json")
  Format format;

  @Override
  public Integer call() {
    Workspace ws = new Workspace(root.ctx, common);
    List<String> specs = !paths.isEmpty() ? paths : !common.banks.isEmpty() ? common.banks : ws.config().banks();
    LoadResult result = new BankLoader().load(specs, root.ctx.cwd());
    List<BankProblem> problems = new ArrayList<>(result.problems());
    problems.sort(Comparator.comparing((BankProblem p) -> p.position().file())
        .thenComparingInt(p -> p.position().line()).thenComparingInt(p -> p.position().col()));
    long errors = problems.stream().filter(BankProblem::isError).count();
    long warnings = problems.size() - errors;
    PrintWriter out = root.ctx.out();
    if (format == Format.json) {
      out.println(Json.write(w -> {
        w.beginObject().name("questions").value(result.bank().questions().size());
        w.name("errors").value(errors).name("warnings").value(warnings).name("problems").beginArray();
        for (BankProblem p : problems) {
          w.beginObject().name("file").value(p.position().file()).name("line").value(p.position().line())
              .name("col").value(p.position().col()).name("severity").value(p.isError() ? "error" : "warning")
              .name("message").value(p.message()).endObject();
        }
        w.endArray().endObject();
      }));
    } else {
      for (BankProblem p : problems) out.println(Sanitizer.oneLine(p.toString()));
      root.ctx.err().println(idrill.render.Text.plural(result.bank().questions().size(), "valid question") + "; " + plural(errors, "error") + ", "
          + plural(warnings, "warning"));
    }
    out.flush();
    root.ctx.err().flush();
    return errors > 0 ? ExitCode.DATA : ExitCode.OK;
  }

  static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
