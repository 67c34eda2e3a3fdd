package idrill.cli;

import idrill.bank.Bank;
import idrill.bank.Question;
import idrill.bank.Suggest;
import idrill.bank.UnknownNameException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "show", mixinStandardHelpOptions = true, description = "Show one question and its answer.")
final class ShowCommand implements Callable<Integer> {
  @ParentCommand IdrillCommand root;
  @Mixin CommonOptions common;

  @Parameters(paramLabel = "ID", description = "The question's id (see 'idrill list').")
  String id;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text|json|markdown")
  Format format;

  @Override
  public Integer call() {
    Workspace ws = new Workspace(root.ctx, common);
    Bank bank = ws.bank();
    Question q = bank.byId(id).orElseThrow(() ->
        new UnknownNameException("unknown question id '" + id + "'", Suggest.closest(id, bank.ids(), 3)));
    Printing.question(ws, q, true, format);
    return ExitCode.OK;
  }
}
