package idrill.cli;

import picocli.CommandLine.Option;

/** --color and --debug for the commands that read no bank (import, add, log merge, completion): every command takes them. */
public final class OutputOptions {
  @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
      description = "auto|always|never (auto: only on a terminal and without NO_COLOR).")
  CommonOptions.ColorMode color = CommonOptions.ColorMode.auto;

  @Option(names = "--debug", description = "Show stack traces of errors.")
  boolean debug;
}
