package idrill.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpCommandInitializable2;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code idrill help [COMMAND]}: picocli's help command, declared without annotations like every other. */
final class HelpCommand implements IHelpCommandInitializable2, Callable<Integer>, Model.Declared {
  private String command;
  private CommandLine self;
  private Help.ColorScheme colors;
  private PrintWriter out;

  @Override
  public CommandSpec model() {
    CommandSpec spec = Model.bare("help", this)
        .description("%nWhen no COMMAND is given, the usage help for the main command is displayed.",
            "If a COMMAND is specified, the help for that command is shown.%n")
        .flag("-h", "--help").help("Show usage help for the help command and exit.").usageHelp()
            .to(new Model.To<Boolean>() { void set(Boolean v) { } }) // picocli answers it
        .positional("COMMAND").arity("0..1").help("The COMMAND to display the usage help message for.")
            .to(new Model.To<String>() { void set(String v) { command = v; } })
        .spec();
    spec.helpCommand(true);
    spec.usageMessage().header("Display help information about the specified command.").synopsisHeading("%nUsage: ");
    return spec;
  }

  @Override
  public void init(CommandLine helpCommandLine, Help.ColorScheme colorScheme, PrintWriter out, PrintWriter err) {
    this.self = helpCommandLine;
    this.colors = colorScheme;
    this.out = out;
  }

  @Override
  public Integer call() {
    CommandLine parent = self.getParent();
    if (command == null) {
      parent.usage(out, colors);
      return parent.getCommandSpec().exitCodeOnUsageHelp();
    }
    CommandLine sub = parent.getSubcommands().get(command);
    if (sub == null) throw new ParameterException(parent, "Unknown subcommand '" + command + "'.", null, command);
    sub.usage(out, colors);
    return sub.getCommandSpec().exitCodeOnUsageHelp();
  }
}
