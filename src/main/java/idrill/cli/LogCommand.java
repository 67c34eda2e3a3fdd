package idrill.cli;

import idrill.render.Sanitizer;
import idrill.review.ReviewLog;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "log", mixinStandardHelpOptions = true, description = "Work with the review log (reviews-MACHINE.tsv and reviews.tsv).",
    subcommands = LogCommand.Merge.class)
final class LogCommand implements Runnable {
  @ParentCommand IdrillCommand root;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(root.ctx.out());
  }

  @Command(name = "merge", mixinStandardHelpOptions = true,
      description = {"Bring in the events of a review log from elsewhere (a one-off import; machines that share the"
          + " data directory need no merge).",
          "Appends to this machine's reviews-MACHINE.tsv only the events no log of the data directory holds (same"
              + " time, id, grade and undo target); never reorders or drops a line. Bad lines are skipped with a"
              + " warning. Merging the same file twice, or twice at once, adds nothing."})
  static final class Merge implements Callable<Integer> {
    @ParentCommand LogCommand log;
    @Mixin DataOptions data;
    @Mixin OutputOptions output;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Review log files to merge in.")
    List<Path> files;

    @Override
    public Integer call() throws IOException {
      Context ctx = log.root.ctx;
      Workspace ws = new Workspace(ctx, new CommonOptions());
      ReviewLog local = ws.log(data.dataDir(ctx));
      PrintWriter out = ctx.out();
      for (Path file : files) {
        Path path = file.isAbsolute() ? file : ctx.cwd().resolve(file);
        ReviewLog.MergeResult r = local.merge(path, w -> ctx.err().println(Sanitizer.oneLine(w)), ws.clock().instant());
        out.println(Sanitizer.oneLine(file.toString()) + ": " + r.added() + " added, " + r.skipped()
            + " already in " + local.file());
      }
      out.flush();
      ctx.err().flush();
      return ExitCode.OK;
    }
  }
}
