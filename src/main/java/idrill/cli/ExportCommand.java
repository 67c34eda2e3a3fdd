package idrill.cli;

import idrill.bank.BankLoader;
import idrill.bank.Question;
import idrill.interop.BankWriter;
import idrill.interop.Exporter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Hand the filtered bank to Anki (plain text with HTML fields) or to readers (Markdown, JSON),"
        + " or save it as a YAML bank. 'idrill import' reads every format back."})
final class ExportCommand implements Callable<Integer> {
  enum Kind { anki, markdown, json, yaml }

  @ParentCommand IdrillCommand root;
  @Mixin CommonOptions common;
  @Mixin FilterOptions filters;

  @Option(names = "--format", paramLabel = "FORMAT", required = true, description = "anki|markdown|json|yaml")
  Kind format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here (default: stdout).")
  Path output;

  @Override
  public Integer call() {
    Workspace ws = new Workspace(root.ctx, common);
    List<Question> selected = ws.select(filters.filter());
    String text;
    switch (format) {
      case anki: text = Exporter.anki(selected); break;
      case markdown: text = Exporter.markdown(selected); break;
      case yaml: text = BankWriter.yaml(selected); break;
      default:
        text = Json.write(w -> {
          w.beginArray();
          for (Question q : selected) Json.question(w, q);
          w.endArray();
        }) + "\n";
    }
    SafeWrite.Guard guard = Output.guard(root.ctx);
    if (output != null) {
      for (Path f : BankLoader.files(ws.bankSpecs(), root.ctx.cwd())) guard.file(f, "a bank this export reads");
    }
    Output.write(root.ctx, output, text, guard);
    if (output != null) root.ctx.err().println(selected.size() + " questions written to " + output);
    return ExitCode.OK;
  }
}
