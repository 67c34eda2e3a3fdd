package idrill.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "idrill", mixinStandardHelpOptions = true, versionProvider = IdrillCommand.Version.class,
    description = {"Drill interview questions in the terminal.",
        "Loads YAML question banks, drills them, and appends every grade to a local log."})
public final class IdrillCommand implements Runnable {
  final Context ctx;
  /** The drill's terminal, already being built when the drill is what runs; else null. */
  EarlyTerminal early;

  @Spec CommandSpec spec;

  public IdrillCommand(Context ctx) {
    this.ctx = ctx;
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
