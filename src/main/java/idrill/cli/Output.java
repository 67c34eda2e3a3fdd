package idrill.cli;

import idrill.config.ConfigLoader;
import idrill.config.Locations;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Writes a command's whole output to stdout, or to a file through {@link SafeWrite} (never half-written). */
final class Output {
  private Output() {}

  /** What no -o may write over: the config and the review logs of the data directory. */
  static SafeWrite.Guard guard(Context ctx) {
    Path data = Locations.dataDir(null, ctx.env());
    return new SafeWrite.Guard()
        .file(ConfigLoader.configFile(ctx.env()), "the config file")
        .logDir(data.isAbsolute() ? data : ctx.cwd().resolve(data));
  }

  static void write(Context ctx, Path file, String text, SafeWrite.Guard guard) {
    if (file == null) {
      ctx.out().print(text);
      ctx.out().flush();
      return;
    }
    SafeWrite.write(resolve(ctx, file), text.getBytes(StandardCharsets.UTF_8), guard);
  }

  static Path resolve(Context ctx, Path file) {
    return file.isAbsolute() ? file : ctx.cwd().resolve(file);
  }
}
