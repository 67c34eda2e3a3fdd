package idrill.cli;

import idrill.render.Sanitizer;
import idrill.review.ReviewLog;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

final class LogCommand implements Runnable, Model.Declared {
  private final IdrillCommand root;
  private CommandSpec spec;

  LogCommand(IdrillCommand root) {
    this.root = root;
  }

  @Override
  public CommandSpec model() {
    spec = Model.command("log", this)
      .subcommand("merge", new Merge(this))
      .spec();
    return spec;
  }

  @Override
  public void run() {
    spec.commandLine().usage(root.ctx.out());
  }

  static final class Merge implements Callable<Integer>, Model.Declared {
    private final LogCommand log;
    final DataOptions data = new DataOptions();
    final OutputOptions output = new OutputOptions();
    List<Path> files;

    Merge(LogCommand log) {
      this.log = log;
    }

    @Override
    public CommandSpec model() {
      return Model.command("merge", this)
        .description("Bring in the events of a review log from elsewhere (a one-off import; machines that share"
          + " the data directory need no merge).",
            "Appends to this machine's reviews-MACHINE.tsv only the events no log of the data directory"
          + " holds (same time, id, grade and undo target); never reorders or drops a line. Bad lines"
          + " are skipped with a warning. Merging the same file twice, or twice at once, adds nothing.")
        .mixin(data.model())
        .mixin(output.model())
        .positional("FILE").arity("1..*").list(Path.class)
            .help("Review log files to merge in.")
            .to(new Model.To<List<Path>>() { void set(List<Path> v) { files = v; } })
        .spec();
    }

    @Override
    public Integer call() throws IOException {
      Context ctx = log.root.ctx;
      Workspace ws = new Workspace(ctx, new CommonOptions());
      ReviewLog local = ws.log(data.dataDir(ctx));
      PrintWriter out = ctx.out();
      for (Path file : files) {
        Path path = file.isAbsolute() ? file : ctx.cwd().resolve(file);
        ReviewLog.MergeResult r = local.merge(path, Workspace.warnings(ctx.err()), ws.clock().instant());
        out.println(Sanitizer.oneLine(file.toString()) + ": " + r.added() + " added, " + r.skipped()
            + " already in " + local.file());
      }
      out.flush();
      ctx.err().flush();
      return ExitCode.OK;
    }
  }
}
