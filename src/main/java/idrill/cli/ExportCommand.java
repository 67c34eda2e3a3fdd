package idrill.cli;

import idrill.bank.BankLoader;
import idrill.bank.Question;
import idrill.interop.BankWriter;
import idrill.interop.Exporter;
import idrill.render.Sanitizer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

final class ExportCommand implements Callable<Integer>, Model.Declared {
  enum Kind { anki, markdown, json, yaml }

  private final IdrillCommand root;
  final CommonOptions common = new CommonOptions();
  final FilterOptions filters = new FilterOptions();
  Kind format;
  Path output;

  ExportCommand(IdrillCommand root) {
    this.root = root;
  }

  @Override
  public CommandSpec model() {
    return Model.command("export", this)
      .description("Round trip: 'idrill import' reads every format back with the same ids (so review progress"
          + " stays attached), questions, answers, tags, difficulty and refs. anki: the id is the note's"
          + " guid, the difficulty a difficulty::LEVEL tag, refs a list of links under the answer;"
          + " markdown: an HTML comment after each answer holds id, difficulty and refs; json and yaml"
          + " carry every field. From anki the question and answer come back as Markdown made from their"
          + " HTML: they show the same, spelled maybe otherwise.",
          "Anki fields are HTML without anything live (no script, iframe, on* handler or javascript:"
          + " link); anki and markdown output holds no terminal control characters.")
      .mixin(common.model())
      .mixin(filters.model())
      .option("--format").label("FORMAT").required().type(Kind.class)
          .help("anki|markdown|json|yaml").to(new Model.To<Kind>() { void set(Kind v) { format = v; } })
      .option("-o", "--output").label("FILE").type(Path.class)
          .help("Write here (default: stdout).").to(new Model.To<Path>() { void set(Path v) { output = v; } })
      .spec();
  }

  @Override
  public Integer call() {
    Workspace ws = new Workspace(root.ctx, common);
    List<Question> selected = ws.select(filters.filter());
    String text;
    switch (format) {
      // text formats carry bank text as it is: nothing that drives a terminal, as in every other output
      case anki: text = Sanitizer.clean(Exporter.anki(selected)); break;
      case markdown: text = Sanitizer.clean(Exporter.markdown(selected)); break;
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
    if (output != null) root.ctx.err().println(idrill.render.Text.plural(selected.size(), "question") + " written to " + output);
    return ExitCode.OK;
  }
}
