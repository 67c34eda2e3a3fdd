package idrill.cli;

import idrill.bank.Bank;
import idrill.render.Sanitizer;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * picocli's completion script, plus what picocli cannot know: the tags and ids of the user's banks, asked of
 * {@code idrill __complete} at TAB time because banks change.
 */
final class CompletionCommand implements Callable<Integer>, Model.Declared {
  enum Shell { bash, zsh, fish }

  private final IdrillCommand root;
  final OutputOptions output = new OutputOptions();
  Shell shell;

  CompletionCommand(IdrillCommand root) {
    this.root = root;
  }

  @Override
  public CommandSpec model() {
    return Model.command("completion", this)
      .description("bash: source <(idrill completion bash) in ~/.bashrc, or save it as"
          + " ~/.local/share/bash-completion/completions/idrill (install.sh does).",
          "zsh: save it as _idrill in a directory on $fpath (install.sh writes"
          + " PREFIX/share/zsh/site-functions/_idrill), or source <(idrill completion zsh) in ~/.zshrc.",
          "fish: save it as ~/.config/fish/completions/idrill.fish (install.sh writes"
          + " PREFIX/share/fish/vendor_completions.d/idrill.fish).")
      .mixin(output.model())
      .positional("SHELL").type(Shell.class)
          .help("bash|zsh|fish").to(new Model.To<Shell>() { void set(Shell v) { shell = v; } })
      .spec();
  }

  /** Arguments whose value is a file or directory, by paramLabel (fish completes those with file names). */
  static final Set<String> FILE_LABELS = Set.of("PATH", "DIR", "FILE", "BANK", "SOURCE");
  /** Options whose value is a tag, by paramLabel, and arguments whose value is a question id. */
  static final String TAG_LABEL = "TAG";
  static final String ID_LABEL = "ID";

  @Override
  public Integer call() {
    // Cli.run registered just this command; the script needs every command.
    CommandLine all = Cli.build(root.ctx, null);
    // picocli's script completes command names after 'help' only for its own help class (an instanceof test)
    all.getCommandSpec().removeSubcommand("help");
    all.addSubcommand("help", new CommandLine.HelpCommand());
    PrintWriter out = root.ctx.out();
    out.print(shell == Shell.bash ? bash(all) : shell == Shell.zsh ? zsh(all) : fish(all));
    out.flush();
    return ExitCode.OK;
  }

  static String bash(CommandLine all) {
    String script = AutoComplete.bash("idrill", all);
    script = hookTagOptions(script, all);
    script = hookIdParameters(script, all);
    return script + NAMES_FUNCTION;
  }

  /**
   * zsh runs the bash script through bashcompinit (as picocli documents). The #compdef line lets compinit autoload
   * the file from $fpath as _idrill; that first call defines everything and must then answer its own TAB.
   */
  static String zsh(CommandLine all) {
    String bash = bash(all).replaceFirst("^#!.*\n", "");
    return "#compdef idrill\n"
        + "# zsh completion for idrill: picocli's bash completion, run by zsh's bashcompinit.\n"
        + "# Save it as _idrill in a directory on $fpath, or: source <(idrill completion zsh) in ~/.zshrc.\n"
        + "(( $+functions[compdef] )) || { autoload -U +X compinit && compinit; }\n"
        + "autoload -U +X bashcompinit && bashcompinit\n"
        // picocli aliases compopt to complete, but an autoloaded file is parsed before that alias exists
        + "compopt() { :; }\n"
        + bash.replace("  alias compopt=complete\n", "")
        + "\n# Autoloaded from $fpath as _idrill, this file runs at the first TAB: answer it too.\n"
        + "if [[ ${funcstack[1]} == _idrill ]]; then _bash_complete -F _complete_idrill -o default; fi\n";
  }

  /**
   * fish has no use for the bash script: one {@code complete} line per command, option and argument, each guarded by
   * {@code __idrill_at PATH}, true when the words typed so far name exactly that command (the root's path is empty).
   */
  static String fish(CommandLine all) {
    StringBuilder b = new StringBuilder(FISH_HEAD);
    List<CommandLine> commands = visible(all);
    List<String> paths = new ArrayList<>();
    for (CommandLine c : commands) paths.add(path(c));
    b.append("set -g __idrill_commands ").append(String.join(" ", quoteEach(paths.subList(1, paths.size()))))
        .append("\n\n");
    for (CommandLine c : commands) {
      String at = "complete -c idrill -n " + fishQuote("__idrill_at " + path(c));
      for (CommandLine sub : c.getSubcommands().values()) {
        if (sub.getCommandSpec().usageMessage().hidden()) continue;
        b.append(at).append(" -f -a ").append(fishQuote(sub.getCommandSpec().name()))
            .append(describe(sub.getCommandSpec().usageMessage().description())).append('\n');
      }
      for (OptionSpec o : c.getCommandSpec().options()) {
        if (o.hidden()) continue;
        b.append(at);
        for (String name : o.names()) {
          if (name.startsWith("--")) b.append(" -l ").append(fishQuote(name.substring(2)));
          else if (name.length() == 2) b.append(" -s ").append(fishQuote(name.substring(1)));
          else b.append(" -o ").append(fishQuote(name.substring(1)));
        }
        if (o.arity().max() > 0) b.append(" -r").append(values(o.paramLabel(), o.completionCandidates()));
        b.append(describe(o.description())).append('\n');
      }
      for (var p : c.getCommandSpec().positionalParameters()) {
        if (p.hidden()) continue;
        b.append(at).append(values(p.paramLabel(), p.completionCandidates())).append('\n');
      }
    }
    return b.toString();
  }

  // 'log merge' for idrill log merge; empty for idrill itself
  private static String path(CommandLine c) {
    String q = c.getCommandSpec().qualifiedName(" ");
    return q.equals("idrill") ? "" : q.substring("idrill ".length());
  }

  // Known values without files; the banks' names for TAG and ID; files for a path; nothing for free text.
  private static String values(String label, Iterable<String> candidates) {
    if (TAG_LABEL.equals(label)) return " -f -a '(__idrill_names tags)'";
    if (ID_LABEL.equals(label)) return " -f -a '(__idrill_names ids)'";
    if (candidates == null || !candidates.iterator().hasNext()) return FILE_LABELS.contains(label) ? " -F" : " -f";
    List<String> words = new ArrayList<>();
    for (String v : candidates) words.add(v);
    return " -f -a " + fishQuote(String.join(" ", words));
  }

  // The first sentence of a description as help shows it (picocli's variables dropped, $${ unescaped), for -d.
  private static String describe(String[] description) {
    String text = String.join(" ", description).replaceAll("(?<!\\$)\\$\\{[^}]*}", "")
        .replace("$${", "${").replace("%n", " ")
        .replace("%%", "%").trim();
    java.util.regex.Matcher end = SENTENCE_END.matcher(text);
    if (end.find()) text = text.substring(0, end.start() + 1);
    return text.isEmpty() ? "" : " -d " + fishQuote(Sanitizer.oneLine(text));
  }

  private static final java.util.regex.Pattern SENTENCE_END = java.util.regex.Pattern.compile("\\.\\s+(?=[A-Z])");

  private static List<String> quoteEach(List<String> words) {
    List<String> quoted = new ArrayList<>();
    for (String w : words) quoted.add(fishQuote(w));
    return quoted;
  }

  // fish's single quotes take every character literally but \\ and \'.
  static String fishQuote(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  static final String FISH_HEAD = String.join("\n",
      "# fish completion for idrill, generated by 'idrill completion fish' from its command definitions.",
      "# Save it as ~/.config/fish/completions/idrill.fish; install.sh writes it to",
      "# PREFIX/share/fish/vendor_completions.d/idrill.fish.",
      "complete -c idrill -e",
      "",
      "# True when the words before the cursor name exactly the command path $argv (none: idrill itself).",
      "function __idrill_at",
      "    set -l words (commandline -opc)",
      "    set -e words[1]",
      "    set -l path",
      "    for w in $words",
      "        set -l next (string trim -- \"$path $w\")",
      "        contains -- $next $__idrill_commands; and set path $next",
      "    end",
      "    test \"$path\" = \"$argv\"",
      "end",
      "",
      "# Tags and question ids come from the banks at TAB time, as 'idrill __complete tags|ids' prints them, with any",
      "# --bank already on the line. A failure (a bad bank, no java) completes nothing.",
      "function __idrill_names",
      "    set -l words (commandline -opc)",
      "    set -l cmd (string replace -r '^~/' \"$HOME/\" -- $words[1])",
      "    set -l banks",
      "    set -l i 2",
      "    while test $i -le (count $words)",
      "        switch $words[$i]",
      "            case --bank",
      "                set i (math $i + 1)",
      "                test $i -le (count $words); and set -a banks --bank $words[$i]",
      "            case '--bank=*'",
      "                set -a banks $words[$i]",
      "        end",
      "        set i (math $i + 1)",
      "    end",
      "    $cmd __complete $argv[1] $banks 2>/dev/null",
      "end",
      "",
      "");

  // picocli leaves an option with no known values to 'return'; a TAG option gets the banks' tags instead.
  static String hookTagOptions(String script, CommandLine all) {
    Set<String> patterns = new LinkedHashSet<>();
    int options = 0;
    for (CommandLine c : visible(all)) {
      for (OptionSpec o : c.getCommandSpec().options()) {
        if (o.hidden() || !TAG_LABEL.equals(o.paramLabel())) continue;
        options++;
        List<String> quoted = new ArrayList<>();
        for (String name : o.names()) quoted.add("'" + name + "'");
        patterns.add("    " + String.join("|", quoted) + ")\n");
      }
    }
    int hooked = 0;
    for (String p : patterns) {
      String plain = p + "      return\n      ;;\n";
      String dynamic = p + "      local IFS=$'\\n'\n"
          + "      COMPREPLY=( $( compReplyArray $(_idrill_names tags) ) )\n"
          + "      return 0\n      ;;\n";
      hooked += occurrences(script, plain);
      script = script.replace(plain, dynamic);
    }
    if (hooked != options) {
      throw new IllegalStateException("picocli's completion script changed shape: hooked " + hooked + " of "
          + options + " tag options");
    }
    return script;
  }

  // An ID argument gets the banks' question ids where picocli offers no positional candidates.
  static String hookIdParameters(String script, CommandLine all) {
    for (CommandLine c : visible(all)) {
      boolean takesId = c.getCommandSpec().positionalParameters().stream()
          .anyMatch(p -> !p.hidden() && ID_LABEL.equals(p.paramLabel()));
      if (!takesId) continue;
      String header = "function " + functionName(c) + "() {\n";
      int start = script.indexOf(header);
      int end = start < 0 ? -1 : script.indexOf("\n}\n", start);
      String plain = "    local positionals=\"\"\n";
      int at = end < 0 ? -1 : script.indexOf(plain, start);
      if (at < 0 || at > end) {
        throw new IllegalStateException("picocli's completion script changed shape: no positionals in " + header);
      }
      script = script.substring(0, at) + plain + "    positionals=$(_idrill_names ids)\n"
          + script.substring(at + plain.length());
    }
    return script;
  }

  // As picocli names them: _picocli_idrill_log_merge for 'idrill log merge'.
  static String functionName(CommandLine c) {
    return "_picocli_" + c.getCommandSpec().qualifiedName("_").replaceAll("[^A-Za-z0-9_]", "_");
  }

  /** Every command picocli writes a completion function for, parents before their subcommands: not the hidden. */
  static List<CommandLine> visible(CommandLine root) {
    List<CommandLine> list = new ArrayList<>();
    if (root.getCommandSpec().usageMessage().hidden()) return list;
    list.add(root);
    for (CommandLine sub : root.getSubcommands().values()) list.addAll(visible(sub));
    return list;
  }

  private static int occurrences(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + part.length())) n++;
    return n;
  }

  /** Asks idrill for names at TAB time, with the --bank options already on the line; silent when that fails. */
  static final String NAMES_FUNCTION = String.join("\n",
      "",
      "# idrill: tags and question ids come from the banks at TAB time, as 'idrill __complete tags|ids'",
      "# prints them, with any --bank already on the line. A failure (a bad bank, no java) completes nothing.",
      "function _idrill_names() {",
      "  local cmd=${COMP_WORDS[0]} i next banks=()",
      "  [[ $cmd == \"~/\"* ]] && cmd=$HOME/${cmd:2}",
      "  for (( i = 1; i < COMP_CWORD; i++ )); do",
      "    case ${COMP_WORDS[i]} in",
      "      --bank)",
      "        next=$((i + 1)); [[ ${COMP_WORDS[next]} == = ]] && next=$((i + 2))",
      "        (( next < COMP_CWORD )) && banks+=(--bank \"${COMP_WORDS[next]}\") ;;",
      "      --bank=*) banks+=(\"${COMP_WORDS[i]}\") ;;",
      "    esac",
      "  done",
      "  \"$cmd\" __complete \"$1\" \"${banks[@]}\" 2>/dev/null",
      "}",
      "");

  /** Prints tag names or question ids, one per line, for the completion script; prints nothing on errors. */
  static final class Names implements Callable<Integer>, Model.Declared {
    enum Kind { tags, ids }

    private final IdrillCommand root;
    final CommonOptions common = new CommonOptions();
    Kind kind;

    Names(IdrillCommand root) {
      this.root = root;
    }

    @Override
    public CommandSpec model() {
      return Model.command("__complete", this) // hidden, as Cli.TABLE says
        .mixin(common.model())
        .positional("KIND").type(Kind.class)
            .help("tags|ids").to(new Model.To<Kind>() { void set(Kind v) { kind = v; } })
        .spec();
    }

    @Override
    public Integer call() {
      Bank bank;
      try {
        bank = new Workspace(root.ctx, common).bank();
      } catch (RuntimeException e) {
        // A TAB is no place for an error message; the exit code still says what went wrong.
        return Cli.report(e, "idrill __complete", new PrintWriter(Writer.nullWriter()));
      }
      Set<String> names = new TreeSet<>(kind == Kind.tags ? bank.tagCounts().keySet() : bank.ids());
      PrintWriter out = root.ctx.out();
      for (String name : names) out.println(Sanitizer.oneLine(name));
      out.flush();
      return ExitCode.OK;
    }
  }
}
