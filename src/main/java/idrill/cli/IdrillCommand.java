package idrill.cli;

import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;

/** The top-level command: help and version; the commands are added to it by {@link Cli#build}. */
public final class IdrillCommand implements Runnable, Model.Declared {
  final Context ctx;
  /** The drill's terminal, already being built when the drill is what runs; else null. */
  EarlyTerminal early;

  private CommandSpec spec;

  public IdrillCommand(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public CommandSpec model() {
    spec = Model.command("idrill", this).description("Drill interview questions in the terminal.",
        "Loads YAML question banks, drills them, and appends every grade to a local log.").spec();
    spec.versionProvider(new Version());
    return spec;
  }

  @Override
  public void run() {
    spec.commandLine().usage(ctx.out());
  }

  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = IdrillCommand.class.getPackage().getImplementationVersion();
      return new String[] {"idrill " + (v == null ? "(development build)" : v)};
    }
  }
}
