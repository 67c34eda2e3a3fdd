package idrill.cli;

import idrill.config.FilesAndEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * idrill(1) in troff, written from the picocli model at build time (picocli's own generator writes AsciiDoc).
 * {@code ManPage FILE VERSION} writes it; {@code ManPage --bundled} prints the copy inside the jar (install.sh).
 */
public final class ManPage {
  static final String RESOURCE = "/idrill/idrill.1";

  private ManPage() {}

  public static void main(String[] args) throws IOException {
    if (args.length == 1 && args[0].equals("--bundled")) {
      try (InputStream in = ManPage.class.getResourceAsStream(RESOURCE)) {
        if (in == null) throw new IOException("no " + RESOURCE + " in this jar");
        in.transferTo(System.out);
      }
      System.out.flush();
      return;
    }
    if (args.length != 2) throw new IllegalArgumentException("usage: ManPage FILE VERSION | ManPage --bundled");
    Path file = Path.of(args[0]);
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, troff(args[1]), StandardCharsets.UTF_8);
  }

  /** The whole page. */
  static String troff(String version) {
    PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
    Context ctx = new Context(Map.of(), InputStream.nullInputStream(), nowhere, nowhere, false, Path.of(""),
        Clock.systemUTC());
    CommandLine all = Cli.build(ctx, null);
    List<CommandLine> commands = CompletionCommand.visible(all);
    Page p = new Page();
    p.request(".TH IDRILL 1 \"\" \"idrill " + escape(version) + "\" \"User Commands\"");
    // No hyphenation, ragged right: option names must not break at their hyphens.
    p.request(".nh");
    p.request(".ad l");
    p.request(".SH NAME");
    p.text("idrill - drill interview questions in the terminal");
    p.request(".SH SYNOPSIS");
    p.request(".B idrill");
    p.request(".I COMMAND");
    p.text("[OPTIONS] [ARGUMENTS]");
    p.request(".br");
    p.request(".B idrill");
    p.raw("[\\fB\\-h\\fR | \\fB\\-V\\fR]");

    CommandSpec root = all.getCommandSpec();
    p.request(".SH DESCRIPTION");
    p.text(raw(root, () -> root.usageMessage().description()));
    p.request(".PP");
    p.text("A bank is a YAML file of questions with ids, tags and Markdown answers; the bundled bank holds "
        + "machine-learning interview questions. Every grade is appended to the review log (reviews-MACHINE.tsv), the only state idrill "
        + "keeps. Every command takes --help.");

    Map<String, OptionSpec> shared = sharedOptions(commands);
    p.request(".SH OPTIONS");
    p.text("Options shared by several commands; each command below names the ones it takes.");
    for (OptionSpec o : shared.values()) option(p, o);

    p.request(".SH COMMANDS");
    for (CommandLine c : commands) {
      if (c == all) continue;
      command(p, c, shared);
    }

    p.request(".SH EXIT STATUS");
    Cli.exitCodes().forEach((code, meaning) -> {
      p.request(".TP");
      p.request(".B " + code);
      p.text(meaning);
    });
    p.request(".PP");
    p.text("Errors are one line (plus suggestions) on standard error; --debug adds the stack trace.");

    // one table with README's (a test compares them): the meanings' Markdown code spans lose their backticks here
    p.request(".SH ENVIRONMENT");
    for (FilesAndEnvironment.Entry e : FilesAndEnvironment.ENVIRONMENT) definition(p, e.name(), e.meaning().replace("`", ""));
    p.request(".SH FILES");
    for (FilesAndEnvironment.Entry e : FilesAndEnvironment.FILES) definition(p, e.name(), e.meaning().replace("`", ""));
    p.request(".PP");
    p.text("The bundled bank is inside the jar.");

    p.request(".SH EXAMPLES");
    example(p, "Ten questions on clustering:", "idrill drill -n 10 -t clustering");
    example(p, "Every question not about statistics whose text mentions k-means:",
        "idrill list -x statistics -g 'k-?means'");
    example(p, "The question of the day with its answer, e.g. in ~/.bashrc or cron:",
        "idrill random --daily --answer --color never");
    example(p, "Check a bank before adding it to config.yaml:", "idrill validate my-bank.yaml");
    example(p, "A drill driven by a script (stdin not a terminal):",
        "printf 'reveal\\ngrade good\\nquit\\n' | idrill drill -n 1 --order sequential");
    example(p, "A timed mock interview of five questions, typing the answers, the report kept in a file:",
        "idrill mock --type --minutes 15 --report mock.md");
    example(p, "Shell completion for the current bash:", "source <(idrill completion bash)");
    return p.toString();
  }

  /** The shared options (help, banks and clock, filters, data directory), each once, in first-seen order. */
  static Map<String, OptionSpec> sharedOptions(List<CommandLine> commands) {
    Map<String, OptionSpec> shared = new LinkedHashMap<>();
    for (CommandLine c : commands) {
      for (OptionSpec o : c.getCommandSpec().options()) {
        if (Model.shared(o) && !o.hidden()) shared.putIfAbsent(o.longestName(), o);
      }
    }
    return shared;
  }

  private static void command(Page p, CommandLine c, Map<String, OptionSpec> shared) {
    CommandSpec spec = c.getCommandSpec();
    String name = spec.qualifiedName().substring("idrill ".length());
    p.request(".SS " + escape(name));
    String synopsis = c.getHelp().synopsis(0).replaceAll("\\s+", " ").trim();
    String qualified = spec.qualifiedName();
    p.request(".B " + escape(qualified));
    if (synopsis.startsWith(qualified)) p.text(synopsis.substring(qualified.length()).trim());
    p.request(".PP");
    p.text(raw(spec, () -> spec.usageMessage().description()));
    List<PositionalParamSpec> params = new ArrayList<>();
    for (PositionalParamSpec param : spec.positionalParameters()) if (!param.hidden()) params.add(param);
    List<OptionSpec> own = new ArrayList<>();
    Set<String> sharedNames = new LinkedHashSet<>();
    Set<String> mixed = new LinkedHashSet<>();
    for (OptionSpec o : spec.options()) if (Model.shared(o)) mixed.add(o.longestName());
    for (OptionSpec o : spec.options()) {
      if (o.hidden()) continue;
      if (mixed.contains(o.longestName()) && shared.containsKey(o.longestName())) sharedNames.add(o.shortestName());
      else own.add(o);
    }
    if (!params.isEmpty()) {
      p.request(".PP");
      p.text("Arguments:");
      for (PositionalParamSpec param : params) {
        p.request(".TP");
        p.raw("\\fI" + escape(param.paramLabel()) + "\\fR" + (param.arity().max() > 1 ? " ..." : "")
            + (param.arity().min() == 0 ? " (optional)" : ""));
        p.text(raw(param.command(), param::description));
      }
    }
    if (!own.isEmpty()) {
      p.request(".PP");
      p.text("Options:");
      for (OptionSpec o : own) option(p, o);
    }
    if (!sharedNames.isEmpty()) {
      p.request(".PP");
      p.text("Also the shared options " + String.join(", ", sharedNames) + " (see OPTIONS).");
    }
  }

  private static void option(Page p, OptionSpec o) {
    p.request(".TP");
    StringBuilder names = new StringBuilder();
    for (String n : o.names()) {
      if (names.length() > 0) names.append(", ");
      names.append("\\fB").append(escape(n)).append("\\fR");
    }
    if (o.arity().max() > 0) names.append("=\\fI").append(escape(o.paramLabel())).append("\\fR");
    p.raw(names.toString());
    p.text(raw(o.command(), o::description));
    if (o.arity().max() > 0 && o.defaultValue() != null) {
      p.request(".br");
      p.text("Default: " + o.defaultValue() + ".");
    }
  }

  // Descriptions as written: expanding ${XDG_DATA_HOME:-...} would bake the build machine's environment into the
  // page. Option names stay expanded (picocli names -h and -V through variables).
  private static String[] raw(CommandSpec owner, Supplier<String[]> description) {
    if (owner == null) return description.get();
    boolean was = owner.interpolateVariables();
    owner.interpolateVariables(false);
    try {
      String[] lines = description.get().clone();
      // "$${" is picocli's escape for a literal "${"; uninterpolated text still carries it
      for (int i = 0; i < lines.length; i++) lines[i] = lines[i].replace("$${", "${");
      return lines;
    } finally {
      owner.interpolateVariables(was);
    }
  }

  private static void definition(Page p, String term, String meaning) {
    p.request(".TP");
    p.request(".B " + escape(term));
    p.text(meaning);
  }

  private static void example(Page p, String what, String command) {
    p.request(".PP");
    p.text(what);
    p.request(".PP");
    p.request(".RS 4");
    p.request(".nf");
    p.text(command);
    p.request(".fi");
    p.request(".RE");
  }

  /**
   * A string for troff: backslash and hyphen escaped (a bare - is a hyphen, not the minus of an option), anything
   * beyond ASCII as a \[uXXXX] glyph (no input encoding to trust), control characters as spaces.
   */
  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    s.codePoints().forEach(c -> {
      if (c == '\\') b.append("\\e");
      else if (c == '-') b.append("\\-");
      else if (c < 0x20 || c == 0x7f) b.append(' ');
      else if (c > 0x7e) b.append("\\[u").append(String.format("%04X", c)).append(']');
      else b.appendCodePoint(c);
    });
    return b.toString();
  }

  /** A troff document: requests verbatim, text escaped and never read as a request. */
  private static final class Page {
    private final StringBuilder out = new StringBuilder();

    void request(String line) {
      out.append(line).append('\n');
    }

    /** Text already escaped, with font changes. */
    void raw(String line) {
      // A text line starting with . or ' would be a request; \& is a zero-width guard.
      if (line.startsWith(".") || line.startsWith("'")) out.append("\\&");
      out.append(line).append('\n');
    }

    /** Plain text lines, escaped; picocli's %n is a line break in the description. */
    void text(String... lines) {
      for (String line : lines) {
        for (String part : line.replace("%n", "\n").replace("%%", "%").split("\n")) {
          String t = part.strip();
          if (!t.isEmpty()) raw(escape(t));
        }
      }
    }

    @Override
    public String toString() {
      return out.toString();
    }
  }
}
