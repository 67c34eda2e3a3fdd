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

@Command(name = "log", mixinStandardHelpOptions = true, description = "Work with the review log (reviews.tsv).",
    subcommands = LogCommand.Merge.class)
final class LogCommand implements Runnable {
  @ParentCommand IdrillCommand root;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(root.ctx.out());
  }

  @Command(name = "merge", mixinStandardHelpOptions = true,
      description = {"Bring in the events of other machines' reviews.tsv (sync by any file copy).",
          "Appends only the events this log lacks (same time, id and grade); never reorders or drops a line.",
          "Merging the same file twice adds nothing."})
  static final class Merge implements Callable<Integer> {
    @ParentCommand LogCommand log;
    @Mixin DataOptions data;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "reviews.tsv files to merge in.")
    List<Path> files;

    @Override
    public Integer call() throws IOException {
      Context ctx = log.root.ctx;
      ReviewLog local = new ReviewLog(data.dataDir(ctx));
      PrintWriter out = ctx.out();
      for (Path file : files) {
        Path path = file.isAbsolute() ? file : ctx.cwd().resolve(file);
        ReviewLog.MergeResult r = local.merge(path, w -> ctx.err().println(Sanitizer.oneLine(w)));
        out.println(Sanitizer.oneLine(file.toString()) + ": " + r.added() + " added, " + r.skipped()
            + " already in " + local.file());
      }
      out.flush();
      ctx.err().flush();
      return ExitCode.OK;
    }
  }
}
