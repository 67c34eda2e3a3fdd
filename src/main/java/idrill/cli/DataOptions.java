package idrill.cli;

import idrill.config.Locations;
import java.nio.file.Path;

/** Where the review log lives, for the commands that read or write it. */
public final class DataOptions {
  String dataDir;

  Model model() {
    return Model.options()
        .option("--data-dir").label("DIR").help("Directory of the review logs, reviews-MACHINE.tsv"
            + " (default: $IDRILL_DATA_DIR, else $${XDG_DATA_HOME:-~/.local/share}/idrill).")
            .to(new Model.To<String>() { void set(String v) { dataDir = v; } });
  }

  Path dataDir(Context ctx) {
    Path dir = Locations.dataDir(dataDir, ctx.env());
    return dir.isAbsolute() ? dir : ctx.cwd().resolve(dir);
  }
}
