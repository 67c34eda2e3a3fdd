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
import picocli.CommandLine.Model.CommandSpec;

final class ValidateCommand implements Callable<Integer>, Model.Declared {
  private final IdrillCommand root;
  final CommonOptions common = new CommonOptions();
  List<String> paths = new ArrayList<>();
  Format format;

  ValidateCommand(IdrillCommand root) {
    this.root = root;
  }

  @Override
  public CommandSpec model() {
    return Model.command("validate", this)
      .description("Exit 65 when there is any error.")
      .mixin(common.model())
      .positional("PATH").arity("0..*").list()
          .help("Bank files or directories (default: --bank, else the configured banks).")
          .to(new Model.To<List<String>>() { void set(List<String> v) { paths = v; } })
      .option("--format").label("FORMAT").defaultValue("text").type(Format.class)
          .help("text|json").to(new Model.To<Format>() { void set(Format v) { format = v; } })
      .spec();
  }

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
