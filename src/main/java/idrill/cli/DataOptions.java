package idrill.cli;

import idrill.config.Locations;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the review log lives, for the commands that read or write it. */
public final class DataOptions {
  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Directory of the review logs, reviews-MACHINE.tsv (default: $IDRILL_DATA_DIR, else $${XDG_DATA_HOME:-~/.local/share}/idrill).")
  String dataDir;

  Path dataDir(Context ctx) {
    Path dir = Locations.dataDir(dataDir, ctx.env());
    return dir.isAbsolute() ? dir : ctx.cwd().resolve(dir);
  }
}
