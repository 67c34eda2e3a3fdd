package idrill.cli;

import idrill.bank.BadDataException;
import idrill.bank.BankProblem;
import idrill.bank.UnknownNameException;
import idrill.render.Sanitizer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/** Builds the command line and turns every outcome into a documented exit code and at most a few lines. */
public final class Cli {
  private Cli() {}

  /** Every command, in the order help lists them. */
  static Map<String, Supplier<Object>> commands() {
    Map<String, Supplier<Object>> m = new LinkedHashMap<>();
    m.put("drill", DrillCommand::new);
    m.put("mock", MockCommand::new);
    m.put("list", ListCommand::new);
    m.put("show", ShowCommand::new);
    m.put("tags", TagsCommand::new);
    m.put("random", RandomCommand::new);
    m.put("validate", ValidateCommand::new);
    m.put("due", DueCommand::new);
    m.put("stats", StatsCommand::new);
    m.put("log", LogCommand::new);
    m.put("import", ImportCommand::new);
    m.put("export", ExportCommand::new);
    m.put("edit", EditCommand::new);
    m.put("add", AddCommand::new);
    m.put("suspend", AsideCommand.Suspend::new);
    m.put("unsuspend", AsideCommand.Unsuspend::new);
    m.put("bury", AsideCommand.Bury::new);
    m.put("flag", AsideCommand.Flag::new);
    m.put("unflag", AsideCommand.Unflag::new);
    m.put("completion", CompletionCommand::new);
    m.put("__complete", CompletionCommand.Names::new); // hidden: the completion script asks it for tags and ids
    return m;
  }

  /** A first word that asks only for the version, as the only word. */
  private static final java.util.Set<String> VERSION_ONLY = java.util.Set.of("--version", "-V");

  public static int run(Context ctx, String... args) {
    String name = args.length > 0 ? args[0] : null;
    if (args.length > 1 && VERSION_ONLY.contains(name)) name = null; // '--version list' goes to picocli as ever
    try (EarlyTerminal early = ("drill".equals(name) || "mock".equals(name)) && DrillCommand.interactive(ctx) ? EarlyTerminal.start(ctx) : null) {
      CommandLine cl = build(ctx, name);
      ((IdrillCommand) cl.getCommand()).early = early;
      return cl.execute(args);
    } catch (RuntimeException | Error e) {
      // picocli hands only a command's Exceptions to the handler; an Error (out of memory) or a failure around the
      // command still gets one line and an exit code, never the JVM's stack trace
      int code = report(e, "idrill" + (name == null || name.startsWith("-") ? "" : " " + name), ctx.err());
      if (java.util.Arrays.asList(args).contains("--debug")) e.printStackTrace(ctx.err());
      ctx.err().flush();
      return code;
    }
  }

  /**
   * The command line with just the command about to run (picocli reflects over every registered command, a large
   * share of start-up), or with all of them when the first word names none (help, version, a typo).
   */
  public static CommandLine build(Context ctx, String commandName) {
    CommandLine cl = new CommandLine(new IdrillCommand(ctx));
    Map<String, Supplier<Object>> all = commands();
    if (commandName != null && all.containsKey(commandName)) {
      cl.addSubcommand(commandName, all.get(commandName).get());
    } else if (commandName == null || !VERSION_ONLY.contains(commandName)) { // bare --version: none (~25 ms)
      all.forEach((name, factory) -> cl.addSubcommand(name, factory.get()));
    }
    cl.setOut(ctx.out());
    cl.setErr(ctx.err());
    boolean color = Workspace.colorOn(CommonOptions.ColorMode.auto, ctx);
    cl.setColorScheme(Help.defaultColorScheme(color ? Help.Ansi.ON : Help.Ansi.OFF));
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    // picocli's own Path conversion puts the JDK's exception class in its message
    cl.registerConverter(java.nio.file.Path.class, Cli::path);
    Map<String, String> codes = exitCodes();
    for (CommandLine sub : all(cl)) {
      sub.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
    }
    cl.setParameterExceptionHandler(Cli::usageError);
    cl.setExecutionExceptionHandler((e, cmd, parseResult) -> failure(e, cmd, parseResult, ctx.err()));
    return cl;
  }

  private static java.nio.file.Path path(String s) {
    try {
      return java.nio.file.Path.of(s);
    } catch (java.nio.file.InvalidPathException e) {
      throw new CommandLine.TypeConversionException("'" + s + "' cannot be a file name here: " + e.getReason()
          + (e.getReason().contains("unmappable") ? " (is LANG/LC_ALL a UTF-8 locale?)" : ""));
    }
  }

  private static Iterable<CommandLine> all(CommandLine root) {
    java.util.List<CommandLine> list = new java.util.ArrayList<>();
    java.util.ArrayDeque<CommandLine> todo = new java.util.ArrayDeque<>(java.util.List.of(root));
    while (!todo.isEmpty()) {
      CommandLine c = todo.pop();
      list.add(c);
      todo.addAll(c.getSubcommands().values());
    }
    return list;
  }

  static Map<String, String> exitCodes() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("0", "ok");
    m.put("1", "internal error (a bug: please report it)");
    m.put("2", "usage error: bad option, argument, tag or id");
    m.put("3", "nothing matches the filter");
    m.put("65", "bad bank, config or log data");
    m.put("74", "I/O error: a file cannot be read or written");
    m.put("129", "hung up (SIGHUP) during a drill; every grade given was saved");
    m.put("130", "interrupted");
    m.put("143", "terminated (SIGTERM) during a drill; every grade given was saved");
    return m;
  }

  private static int usageError(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println(cmd.getCommandSpec().qualifiedName() + ": " + Sanitizer.oneLine(e.getMessage()));
    if (e instanceof UnmatchedArgumentException) {
      UnmatchedArgumentException.printSuggestions((UnmatchedArgumentException) e, err);
    }
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return ExitCode.USAGE;
  }

  private static int failure(Exception e, CommandLine cmd, ParseResult parseResult, PrintWriter err) {
    boolean debug = parseResult.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--debug"))
        || parseResult.hasMatchedOption("--debug");
    int code = report(e, cmd.getCommandSpec().qualifiedName(), err);
    if (debug) e.printStackTrace(err);
    err.flush();
    return code;
  }

  /** One line (plus suggestions) per failure, and its exit code. */
  static int report(Throwable e, String who, PrintWriter err) {
    if (e instanceof BadDataException) {
      BadDataException bad = (BadDataException) e;
      int shown = 0;
      for (BankProblem p : bad.problems()) {
        if (!p.isError()) continue;
        if (shown++ == 3) {
          err.println(who + ": " + (bad.problems().size() - 3) + " more problems; run 'idrill validate' to see all");
          break;
        }
        err.println(Sanitizer.oneLine(p.toString()));
      }
      return ExitCode.DATA;
    }
    if (e instanceof UnknownNameException) {
      UnknownNameException u = (UnknownNameException) e;
      err.println(who + ": " + Sanitizer.oneLine(u.getMessage()));
      if (!u.suggestions().isEmpty()) {
        err.println("Did you mean: " + Sanitizer.oneLine(String.join(", ", u.suggestions())) + "?");
      }
      return ExitCode.USAGE;
    }
    if (e instanceof NoMatchException) {
      err.println(who + ": " + Sanitizer.oneLine(e.getMessage()));
      return ExitCode.NO_MATCH;
    }
    if (e instanceof IllegalArgumentException) {
      err.println(who + ": " + Sanitizer.oneLine(e.getMessage()));
      return ExitCode.USAGE;
    }
    if (e instanceof UncheckedIOException || e instanceof IOException) {
      Throwable io = e instanceof UncheckedIOException ? e.getCause() : e;
      err.println(who + ": " + Sanitizer.oneLine(ioMessage(io, e)));
      return ExitCode.IO;
    }
    if (e instanceof InterruptedException) {
      err.println(who + ": interrupted");
      return ExitCode.INTERRUPTED;
    }
    if (e instanceof OutOfMemoryError) {
      err.println(who + ": out of memory (run again with --debug for the stack trace)");
      return ExitCode.INTERNAL;
    }
    // a Java class name tells the user nothing: the stack trace behind --debug is for the report
    err.println(who + ": internal error (a bug: run again with --debug for the stack trace, and please report it)");
    return ExitCode.INTERNAL;
  }

  // The JDK's messages for file errors are just the path; say what went wrong.
  private static String ioMessage(Throwable io, Throwable outer) {
    if (io instanceof NoSuchFileException) return ((NoSuchFileException) io).getFile() + ": No such file or directory";
    if (io instanceof java.nio.file.AccessDeniedException) {
      return ((FileSystemException) io).getFile() + ": Permission denied";
    }
    if (io instanceof FileSystemException) {
      FileSystemException f = (FileSystemException) io;
      return f.getFile() + ": " + (f.getReason() != null ? f.getReason() : "cannot be read or written");
    }
    // UncheckedIOException(cause) takes the cause's toString as its message: a class name, not words
    String m = outer.getMessage();
    if (m != null && io != null && m.equals(io.toString())) m = null;
    if (m == null && io instanceof java.nio.charset.CharacterCodingException) return "not valid UTF-8 text";
    if (m == null && io != null) m = io.getMessage();
    return m != null ? m : "input/output error";
  }
}
