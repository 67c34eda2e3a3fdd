package idrill.cli;

import idrill.bank.BadDataException;
import idrill.bank.BankProblem;
import idrill.bank.UnknownNameException;
import idrill.render.Sanitizer;
import idrill.review.Aside;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/** Builds the command line and turns every outcome into a documented exit code and at most a few lines. */
public final class Cli {
  private Cli() {}

  /** A command as help lists it: its name and its summary, the first line of its description. */
  record Listed(String name, String summary) {
    /** Names starting "__" are not listed ('__complete': the completion script asks it for names). */
    boolean hidden() {
      return name.startsWith("__");
    }
  }

  /**
   * Every command, in the order help lists them, with its summary: 'idrill --help' lists them from this table
   * without building each command's model (~100 ms of options, converters and bindings).
   */
  static final List<Listed> TABLE = List.of(
      new Listed("drill", "Drill questions: think, reveal, grade yourself."),
      new Listed("mock", "A timed mock interview: N questions weighted toward what you would most likely get wrong, a"
          + " countdown each, tags hidden until the answer shows, the answer revealed when the time is up; then a"
          + " report."),
      new Listed("list", "List the questions, one per line."),
      new Listed("show", "Show one question and its answer."),
      new Listed("tags", "List the tags with their question counts, most used first."),
      new Listed("random", "Print one question from the filtered bank."),
      new Listed("validate", "Check banks and report every problem at once, as FILE:LINE:COL: error|warning: MESSAGE."),
      new Listed("due", "How many questions are due now, and which: learning steps due, reviews due today, and new"
          + " questions up to new_per_day, in drill order. When none is, which comes due next, and when."),
      new Listed("stats", "Progress: totals, streaks, true retention, a heatmap of the last 26 weeks, what comes due"
          + " in the next 14 days, tags weakest first, and the weakest questions (most lapses, lowest recall; leeches"
          + " marked)."),
      new Listed("log", "Work with the review log (reviews-MACHINE.tsv and reviews.tsv)."),
      new Listed("import", "Turn Markdown question collections or Anki plain-text exports into an idrill bank."),
      new Listed("export", "Hand the filtered bank to Anki (plain text with HTML fields) or to readers (Markdown,"
          + " JSON), or save it as a YAML bank."),
      new Listed("edit", "Open a question in $VISUAL, else $EDITOR, else vi, at its line (+LINE FILE), then check its"
          + " bank."),
      new Listed("add", "Write a new question in $VISUAL, else $EDITOR, else vi, and append it to a bank file."),
      new Listed("suspend", "Suspend questions: never scheduled or drilled until unsuspended."),
      new Listed("unsuspend", "Let suspended questions be scheduled and drilled again, where their schedule left them."),
      new Listed("bury", "Bury questions: not due or drilled until the next day starts (day_start_hour in the config's"
          + " time zone)."),
      new Listed("flag", "Flag questions (to fix or to look at again): a mark shown by list and show."),
      new Listed("unflag", "Take the flag off questions."),
      new Listed("completion", "Print a completion script for bash, zsh or fish; it completes commands, options, tags"
          + " and ids."),
      new Listed("__complete", "Names for shell completion: tags or ids.")
  );

  /** The listed command of that name; null for any other name (a sub-command, the top level, help). */
  static Listed find(String name) {
    for (Listed l : TABLE) if (l.name().equals(name)) return l;
    return null;
  }

  /**
   * The command of that name, built on the top-level command it runs under; null for none. A switch rather than a
   * map of constructor references: each lambda costs a cold JVM its bootstrap, and only one command is built.
   */
  static Model.Declared command(String name, IdrillCommand root) {
    switch (name) {
      case "drill": return new DrillCommand(root);
      case "mock": return new MockCommand(root);
      case "list": return new ListCommand(root);
      case "show": return new ShowCommand(root);
      case "tags": return new TagsCommand(root);
      case "random": return new RandomCommand(root);
      case "validate": return new ValidateCommand(root);
      case "due": return new DueCommand(root);
      case "stats": return new StatsCommand(root);
      case "log": return new LogCommand(root);
      case "import": return new ImportCommand(root);
      case "export": return new ExportCommand(root);
      case "edit": return new EditCommand(root);
      case "add": return new AddCommand(root);
      case "suspend": return new AsideCommand(root, Aside.SUSPEND);
      case "unsuspend": return new AsideCommand(root, Aside.UNSUSPEND);
      case "bury": return new AsideCommand(root, Aside.BURY);
      case "flag": return new AsideCommand(root, Aside.FLAG);
      case "unflag": return new AsideCommand(root, Aside.UNFLAG);
      case "completion": return new CompletionCommand(root);
      case "__complete": return new CompletionCommand.Names(root);
      default: return null;
    }
  }

  private static final String PICOCLI_EXCLUDES = "picocli.converters.excludes";
  private static final String PICOCLI_CLOSURES = "picocli.disable.closures";

  /** A first word that asks only for the version, as the only word. */
  private static final java.util.Set<String> VERSION_ONLY = java.util.Set.of("--version", "-V");

  public static int run(Context ctx, String... args) {
    if (RenderedHelp.serve(ctx, args)) return ExitCode.OK;
    return live(ctx, args);
  }

  /** A run with every help rendered by picocli now, none served from the build's rendering. */
  static int live(Context ctx, String... args) {
    int first = firstWord(args);
    String name = first < args.length ? args[first] : null;
    if (args.length > first + 1 && VERSION_ONLY.contains(name)) name = null; // '--version list' goes to picocli as ever
    try (EarlyTerminal early = ("drill".equals(name) || "mock".equals(name)) && DrillCommand.interactive(ctx) ? EarlyTerminal.start(ctx) : null) {
      // 'idrill help CMD' needs CMD's whole model; any other first word that names no command needs only the list
      String helpFor = "help".equals(name) && args.length > first + 1 ? args[first + 1] : null;
      CommandLine cl = build(ctx, name, true, helpFor);
      ((IdrillCommand) cl.getCommand()).early = early;
      return cl.execute(hoist(cl, args, first));
    } catch (RuntimeException | Error e) {
      // picocli hands only a command's Exceptions to the handler; an Error (out of memory) or a failure around the
      // command still gets one line and an exit code, never the JVM's stack trace
      int code = report(e, "idrill" + (name == null || name.startsWith("-") ? "" : " " + name), ctx.err());
      if (java.util.Arrays.asList(args).contains("--debug")) e.printStackTrace(ctx.err());
      ctx.err().flush();
      return code;
    }
  }

  /** The shared options that may come before the command (README): with a value, and without. */
  private static final java.util.Set<String> SHARED_WITH_VALUE = java.util.Set.of("--bank", "--color", "--now", "--data-dir");
  private static final java.util.Set<String> SHARED_FLAGS = java.util.Set.of("--debug");

  /** The index of the first word that is not a shared option (or its value): the command's name. */
  static int firstWord(String[] args) {
    int i = 0;
    while (i < args.length) {
      String a = args[i];
      String key = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
      if (SHARED_FLAGS.contains(a)) i++;
      else if (SHARED_WITH_VALUE.contains(key)) i += a.equals(key) ? 2 : 1;
      else break;
    }
    return Math.min(i, args.length);
  }

  /**
   * 'idrill --bank b.yaml list' as 'idrill list --bank b.yaml': the shared options before the command move to just
   * after its name (and a sub-command's, 'log merge'), so each command's own model parses them. Without a command
   * ('idrill --debug --help') they have nothing to apply to and are dropped.
   */
  static String[] hoist(CommandLine root, String[] args, int first) {
    if (first == 0) return args;
    java.util.List<String> shared = java.util.Arrays.asList(args).subList(0, first);
    java.util.List<String> out = new java.util.ArrayList<>();
    int i = first;
    CommandLine c = i < args.length ? root.getSubcommands().get(args[i]) : null;
    if (c != null) {
      out.add(args[i++]);
      while (i < args.length && c.getSubcommands().containsKey(args[i])) c = c.getSubcommands().get(args[i++]);
      out.addAll(java.util.Arrays.asList(args).subList(first + 1, i));
      out.addAll(shared);
    }
    out.addAll(java.util.Arrays.asList(args).subList(i, args.length));
    return out.toArray(String[]::new);
  }

  /**
   * The command line with just the command about to run (picocli reflects over every registered command, a large
   * share of start-up), or with all of them when the first word names none (help, version, a typo).
   */
  public static CommandLine build(Context ctx, String commandName) {
    return build(ctx, commandName, false, null);
  }

  /**
   * With listing, a first word that names no command (help, a typo) registers the others as their name and summary
   * only, which is all help's list and a typo's suggestion read; except full, whose help was asked for.
   */
  private static CommandLine build(Context ctx, String commandName, boolean listing, String full) {
    // picocli looks up converters for java.sql, java.time and Path by reflection in every CommandLine (~5 ms cold);
    // idrill converts its dates, times and paths itself, so it excludes them all. One pattern, and the simplest:
    // picocli compiles each pattern again for each of the 20 types in each CommandLine.
    if (System.getProperty(PICOCLI_EXCLUDES) == null) {
      System.setProperty(PICOCLI_EXCLUDES, ".*");
    }
    // picocli's default factory looks for Groovy's Closure class on the class path (~3 ms: the miss opens the jar
    // and reads its 2,000-entry directory, which nothing else on a prompt command's path needs)
    if (System.getProperty(PICOCLI_CLOSURES) == null) System.setProperty(PICOCLI_CLOSURES, "true");
    IdrillCommand root = new IdrillCommand(ctx);
    CommandLine cl = new CommandLine(root.model());
    Model.Declared one = commandName == null ? null : command(commandName, root);
    if (one != null) {
      cl.addSubcommand(commandName, one.model());
    } else if (commandName == null || !VERSION_ONLY.contains(commandName)) { // bare --version: none
      for (Listed l : TABLE) {
        cl.addSubcommand(l.name(), !listing || l.name().equals(full) ? command(l.name(), root).model() : stub(l));
      }
      cl.addSubcommand("help", new HelpCommand().model());
    }
    cl.setOut(ctx.out());
    cl.setErr(ctx.err());
    boolean color = Workspace.colorOn(CommonOptions.ColorMode.auto, ctx);
    cl.setColorScheme(Help.defaultColorScheme(color ? Help.Ansi.ON : Help.Ansi.OFF));
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    // picocli's own Path conversion puts the JDK's exception class in its message
    Handlers handlers = new Handlers(ctx.err());
    cl.registerConverter(java.nio.file.Path.class, handlers);
    // the table once, in 'idrill --help' (and the man page), not under every command
    cl.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(exitCodes());
    cl.setParameterExceptionHandler(handlers);
    cl.setExecutionExceptionHandler(handlers);
    return cl;
  }

  /** A command as help lists it, and no more: a run never reaches it (its name on the command line builds it all). */
  private static CommandLine.Model.CommandSpec stub(Listed l) {
    CommandLine.Model.CommandSpec spec = CommandLine.Model.CommandSpec.create().name(l.name());
    spec.usageMessage().description(l.summary()).hidden(l.hidden());
    return spec;
  }

  /** picocli's three hooks as one class rather than three lambdas, whose bootstraps would cost every run. */
  private static final class Handlers implements CommandLine.ITypeConverter<java.nio.file.Path>,
      CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler {
    private final PrintWriter err;

    Handlers(PrintWriter err) {
      this.err = err;
    }

    @Override
    public java.nio.file.Path convert(String value) {
      return path(value);
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
      return usageError(e, args);
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parseResult) {
      return failure(e, cmd, parseResult, err);
    }
  }

  private static java.nio.file.Path path(String s) {
    try {
      return java.nio.file.Path.of(s);
    } catch (java.nio.file.InvalidPathException e) {
      throw new CommandLine.TypeConversionException("'" + s + "' cannot be a file name here: " + e.getReason()
          + (e.getReason().contains("unmappable") ? " (is LANG/LC_ALL a UTF-8 locale?)" : ""));
    }
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
    err.println(cmd.getCommandSpec().qualifiedName() + ": " + Sanitizer.oneLine(plain(e)));
    String help = cmd.getCommandSpec().qualifiedName() + " --help";
    if (cmd.getCommand() instanceof HelpCommand) help = "idrill --help";
    err.println("Try '" + help + "' for more information.");
    err.flush();
    return ExitCode.USAGE;
  }

  /** picocli's message in plain words, with the closest command or option when a word is unknown. */
  static String plain(ParameterException e) {
    CommandLine cmd = e.getCommandLine();
    java.util.regex.Matcher unknownHelp = Wordings.UNKNOWN_SUBCOMMAND.matcher(String.valueOf(e.getMessage()));
    if (unknownHelp.matches()) { // 'idrill help stat'
      CommandLine root = cmd.getCommand() instanceof HelpCommand ? cmd.getParent() : cmd;
      return unknown("command", unknownHelp.group(1), commandNames(root));
    }
    if (e instanceof CommandLine.MissingParameterException) return missing((CommandLine.MissingParameterException) e);
    if (!(e instanceof UnmatchedArgumentException) || ((UnmatchedArgumentException) e).getUnmatched().isEmpty()) {
      // "positional parameter at index 0 (SHELL)" is the parser's word for what help calls SHELL
      return invalidValue(String.valueOf(e.getMessage()))
          .replaceAll("positional parameter at index \\d+ \\((.*?)\\)", "$1");
    }
    String word = ((UnmatchedArgumentException) e).getUnmatched().get(0);
    if (word.startsWith("-") && word.length() > 1) {
      String key = word.startsWith("--") && word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
      java.util.List<String> names = new java.util.ArrayList<>();
      for (picocli.CommandLine.Model.OptionSpec o : cmd.getCommandSpec().options()) {
        if (!o.hidden()) names.addAll(java.util.Arrays.asList(o.names()));
      }
      return unknown("option", key, names);
    }
    if (!cmd.getSubcommands().isEmpty()) {
      java.util.List<String> names = commandNames(cmd);
      if (cmd.getParent() == null) names.addAll(java.util.List.of("--version", "--help")); // 'idrill version'
      return unknown("command", word, names);
    }
    return "unexpected argument '" + word + "'";
  }

  /** "needs ID" or "--days needs a value (N)" instead of picocli's "Missing required parameter...". */
  private static String missing(CommandLine.MissingParameterException e) {
    java.util.List<String> needs = new java.util.ArrayList<>();
    for (picocli.CommandLine.Model.ArgSpec a : e.getMissing()) {
      if (a.isOption()) {
        picocli.CommandLine.Model.OptionSpec o = (picocli.CommandLine.Model.OptionSpec) a;
        needs.add(o.longestName() + " needs a value (" + a.paramLabel() + ")");
      } else {
        needs.add("needs " + a.paramLabel() + (a.arity().max() > 1 ? " (one or more)" : ""));
      }
    }
    return needs.isEmpty() ? String.valueOf(e.getMessage()) : String.join("; ", needs);
  }

  /** picocli's wordings, compiled when a usage error needs them: not in every run's class initialisation. */
  private static final class Wordings {
    static final java.util.regex.Pattern UNKNOWN_SUBCOMMAND = java.util.regex.Pattern.compile("Unknown subcommand '(.*)'\\.");
    static final java.util.regex.Pattern INVALID_VALUE = java.util.regex.Pattern.compile(
        "Invalid value for (?:option '([^']*)'|positional parameter at index \\d+ \\(([^)]*)\\)): (.*)", java.util.regex.Pattern.DOTALL);
    static final java.util.regex.Pattern JAVA_TYPE = java.util.regex.Pattern.compile(
        "(.*) is not an? (int|long|Integer|Long|double|float|Double)$", java.util.regex.Pattern.DOTALL);
  }

  /** "--count: 'abc' is not a whole number" for picocli's "Invalid value for option '--count': 'abc' is not an int". */
  private static String invalidValue(String message) {
    java.util.regex.Matcher m = Wordings.INVALID_VALUE.matcher(message);
    if (!m.matches()) return message;
    String rest = m.group(3);
    java.util.regex.Matcher t = Wordings.JAVA_TYPE.matcher(rest);
    if (t.matches()) {
      rest = t.group(1) + " is not " + (t.group(2).equalsIgnoreCase("int") || t.group(2).equalsIgnoreCase("long")
          || t.group(2).equals("Integer") ? "a whole number" : "a number");
    }
    return (m.group(1) != null ? m.group(1) : m.group(2)) + ": " + rest;
  }

  private static java.util.List<String> commandNames(CommandLine cmd) {
    java.util.List<String> names = new java.util.ArrayList<>();
    cmd.getSubcommands().forEach((n, sub) -> {
      if (!sub.getCommandSpec().usageMessage().hidden()) names.add(n);
    });
    return names;
  }

  /** "unknown command 'stat'; did you mean 'stats'?" */
  static String unknown(String what, String word, java.util.Collection<String> known) {
    java.util.List<String> close = idrill.bank.Suggest.closest(word, known, 3);
    StringBuilder b = new StringBuilder("unknown " + what + " '" + word + "'");
    for (int i = 0; i < close.size(); i++) {
      b.append(i == 0 ? "; did you mean " : i == close.size() - 1 ? " or " : ", ").append('\'').append(close.get(i)).append('\'');
    }
    return close.isEmpty() ? b.toString() : b.append('?').toString();
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
          long errors = bad.problems().stream().filter(BankProblem::isError).count();
          err.println(who + ": " + idrill.render.Text.plural(errors - 3, "more error") + "; run 'idrill validate' to see all");
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
    // the user's mistakes only: any other IllegalArgumentException is a bug and falls through to "internal error"
    if (e instanceof UsageException || e instanceof idrill.bank.BadPatternException) {
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
