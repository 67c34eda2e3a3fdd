package idrill.cli;

import idrill.bank.BankLoader;
import idrill.bank.BankProblem;
import idrill.bank.LoadResult;
import idrill.bank.Question;
import idrill.bank.Suggest;
import idrill.bank.UnknownNameException;
import idrill.config.Locations;
import idrill.render.Sanitizer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;

final class EditCommand implements Callable<Integer>, Model.Declared {
  private static final Pattern FILE_LINE = Pattern.compile("(.+):(\\d{1,9})");
  private final IdrillCommand root;
  final CommonOptions common = new CommonOptions();
  String target;

  EditCommand(IdrillCommand root) {
    this.root = root;
  }

  @Override
  public CommandSpec model() {
    return Model.command("edit", this)
      .description("A problem is shown as FILE:LINE:COL; on a terminal you are offered to open the file again,"
          + " else exit 65.",
          "The bundled bank cannot be edited (exit 2): the message says how to take a copy.",
          "A bank file given as FILE or FILE:LINE opens there, for fixing an entry that no longer loads.")
      .mixin(common.model())
      .positional("ID")
          .help("The question's id (see 'idrill list'), or a bank FILE[:LINE].")
          .to(new Model.To<String>() { void set(String v) { target = v; } })
      .spec();
  }

  @Override
  public Integer call() throws IOException {
    Context ctx = root.ctx;
    Workspace ws = new Workspace(ctx, common);
    PrintWriter err = ctx.err();
    // a bank with a broken entry still loads its other questions: that is no reason to refuse editing
    LoadResult loaded = BankLoader.cached(Locations.cacheDir(ctx.env()).resolve("banks")).load(ws.bankSpecs(), ctx.cwd());
    Question q = loaded.bank().byId(target).orElse(null);
    Editing editing;
    String name; // the file as positions name it
    int line;
    if (q != null) {
      editing = new Editing(ctx, ws.bankSpecs());
      name = q.position().file();
      line = q.position().line();
      if (editing.file(q.position()) == null) {
        err.println("idrill edit: '" + Sanitizer.oneLine(q.id()) + "' is in the bundled bank");
        for (String l : editing.bundledAdvice()) err.println(Sanitizer.oneLine(l));
        err.flush();
        return ExitCode.USAGE;
      }
    } else {
      Matcher m = FILE_LINE.matcher(target);
      boolean withLine = m.matches() && !Files.isRegularFile(ctx.cwd().resolve(target));
      name = withLine ? m.group(1) : target;
      line = withLine ? Integer.parseInt(m.group(2)) : 1;
      if (!Files.isRegularFile(ctx.cwd().resolve(name))) {
        throw new UnknownNameException("unknown question id '" + target + "'",
            Suggest.closest(target, loaded.bank().ids(), 3));
      }
      editing = new Editing(ctx, List.of(name));
    }
    Path file = ctx.cwd().resolve(name);
    Ask ask = new Ask(ctx);
    while (true) {
      int status = editing.editor.open(file, line);
      if (status != 0) err.println("idrill edit: the editor exited with status " + status);
      Editing.Check c = editing.check(name, q == null ? null : q.id());
      if (c.errors().isEmpty()) {
        if (q != null && c.now() == null) {
          err.println("idrill edit: " + Sanitizer.oneLine(name) + " is valid, but holds no question '" + Sanitizer.oneLine(q.id())
              + "' any more (removed or renamed); its reviews stay in the log under that id");
        } else {
          err.println("idrill edit: " + Sanitizer.oneLine(name) + " is valid");
        }
        err.flush();
        return ExitCode.OK;
      }
      for (BankProblem p : c.errors()) err.println(Sanitizer.oneLine(p.toString()));
      if (!ctx.terminal()) {
        err.println("idrill edit: " + Sanitizer.oneLine(name) + " has " + ValidateCommand.plural(c.errors().size(), "error")
            + "; fix it with 'idrill edit " + Sanitizer.oneLine(name) + ":" + c.errors().get(0).position().line() + "'");
        err.flush();
        return ExitCode.DATA;
      }
      if (!ask.yes("Open it again to fix " + (c.errors().size() == 1 ? "it" : "them") + "?")) return ExitCode.DATA;
      line = c.errors().get(0).position().line(); // open where the first problem is
    }
  }
}
