package idrill.cli;

import idrill.bank.BadDataException;
import idrill.bank.BankLoader;
import idrill.bank.LoadResult;
import idrill.bank.BankProblem;
import idrill.bank.Question;
import idrill.bank.SourceFile;
import idrill.interop.BankFiles;
import idrill.interop.BankMerge;
import idrill.interop.ImportReport;
import idrill.interop.ImportResult;
import idrill.interop.Importer;
import idrill.interop.SourceFormat;
import idrill.render.Sanitizer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

final class ImportCommand implements Callable<Integer>, Model.Declared {
  enum Kind { auto, markdown, anki, bank }

  private final IdrillCommand root;
  final OutputOptions output = new OutputOptions();
  List<String> sources;
  String outputName;
  List<String> tags = new ArrayList<>();
  Kind format;
  String baseUrl;

  ImportCommand(IdrillCommand root) {
    this.root = root;
  }

  @Override
  public CommandSpec model() {
    return Model.command("import", this)
      .description("Markdown layouts: <details><summary> blocks, question headings (also inside numbered"
          + " lists), bold question lines, mkdocs admonitions; idrill's own yaml and json exports keep"
          + " their ids.",
          "With -o naming an existing bank, merges into it: unchanged questions keep their ids (and"
          + " their progress).")
      .mixin(output.model())
      .positional("SOURCE").arity("1..*").list()
          .help("Markdown (.md) or Anki export (.txt/.tsv/.csv) files; - for stdin.")
          .to(new Model.To<List<String>>() { void set(List<String> v) { sources = v; } })
      .option("-o", "--output").label("BANK")
          .help("Write the bank here (default: stdout); DIR/ (or an existing directory) writes a bank"
          + " directory of part-NNN.yaml files, each under the bank limits.")
          .to(new Model.To<String>() { void set(String v) { outputName = v; } })
      .option("--tag").label("TAG").list()
          .help("Add this tag to every imported question (repeatable).")
          .to(new Model.To<List<String>>() { void set(List<String> v) { tags = v; } })
      .option("--format").label("FORMAT").defaultValue("auto").type(Kind.class)
          .help("auto|markdown|anki|bank (bank: idrill's YAML or JSON)")
          .to(new Model.To<Kind>() { void set(Kind v) { format = v; } })
      .option("--base-url").label("URL")
          .help("Resolve relative links and images against this URL (e.g. the source's address on the web);"
          + " default: the source file's directory.").to(new Model.To<String>() { void set(String v) { baseUrl = v; } })
      .spec();
  }

  @Override
  public Integer call() {
    Context ctx = root.ctx;
    // kept as typed: a trailing '/' asks for a bank directory, and a Path would drop it
    Path output = outputName == null ? null : Path.of(outputName);
    List<Importer.Source> read = new ArrayList<>();
    for (String s : sources) read.add(new Importer.Source(s, text(ctx, s), base(ctx, s)));
    ImportResult result = new Importer().read(read, SourceFormat.valueOf(format.name().toUpperCase(Locale.ROOT)), tags);
    PrintWriter err = ctx.err();
    for (ImportReport r : result.reports()) {
      err.println(Sanitizer.oneLine(r.source()) + ": " + idrill.render.Text.plural(r.found(), "question") + " (" + r.layout() + " layout)"
          + (r.skipped().isEmpty() ? "" : ", " + r.skipped().size() + " skipped")
          + (r.found() == 0 && !r.reason().isEmpty() ? ": " + r.reason() : ""));
      for (Map.Entry<String, Integer> e : r.perSection().entrySet()) {
        err.println("  " + (e.getKey().isEmpty() ? "(no section)" : Sanitizer.oneLine(e.getKey())) + ": " + e.getValue());
      }
      for (String skip : r.skipped()) err.println("  " + Sanitizer.oneLine(skipped(skip)));
    }
    List<Question> questions = result.questions();
    Path target = output == null ? null : output.isAbsolute() ? output : ctx.cwd().resolve(output);
    SafeWrite.Guard guard = Output.guard(ctx);
    for (String s : sources) if (!s.equals("-")) guard.file(Output.resolve(ctx, Path.of(s)), "a source of this import");
    // -o DIR/ (or an existing directory): a bank directory, split under the limits of one bank file
    boolean directory = target != null && (outputName.endsWith("/") || Files.isDirectory(target));
    if (target != null && !directory) SafeWrite.check(target, guard); // before merging: the target must be one -o may write
    if (target != null && (directory ? Files.isDirectory(target) && hasBanks(target) : Files.exists(target))) {
      LoadResult existing = new BankLoader().load(List.of(target.toString()), ctx.cwd());
      BankMerge.Result m = BankMerge.merge(existing.orThrow().questions(), questions);
      err.println("merged into " + output + ": " + m.kept() + " unchanged, " + m.updated() + " updated, " + m.added()
          + " added" + (m.onlyInExisting().isEmpty() ? "" : ", " + m.onlyInExisting().size()
          + " kept that are no longer in the sources"));
      questions = m.questions();
    }
    if (questions.isEmpty()) throw new NoMatchException("no questions found in " + String.join(", ", sources));
    if (!directory && BankFiles.needsParts(questions)) {
      throw new UsageException(questions.size() + " questions are more than one bank file holds (4 MiB, "
          + BankLoader.MAX_QUESTIONS + " questions): write a bank directory with -o DIR/");
    }
    // every bank written loads: an entry the loader refuses is skipped, not the whole import
    BankFiles.Written written = BankFiles.write(questions, directory);
    for (String skip : written.skipped()) err.println("  " + Sanitizer.oneLine(skip));
    if (written.questions().isEmpty()) throw new NoMatchException("no questions left to write");
    if (directory) {
      // -o DIR/ names the bank directory itself: make it (not its parents: a missing parent is exit 74, as for -o FILE)
      if (!Files.isDirectory(target)) {
        try {
          Files.createDirectory(target);
        } catch (IOException e) {
          throw new UncheckedIOException(output + ": " + SourceFile.reason(e), e);
        }
      }
      List<Path> parts = new ArrayList<>();
      for (int i = 0; i < written.parts().size(); i++) {
        Path part = target.resolve(String.format(Locale.ROOT, "part-%03d.yaml", i + 1));
        Output.write(ctx, part, written.parts().get(i), guard);
        parts.add(part);
      }
      removeStaleParts(target, written.parts().size());
      err.println(idrill.render.Text.plural(written.questions().size(), "question") + " written to " + output + " (" + parts.size() + " files)");
    } else {
      Output.write(ctx, output, written.parts().get(0), guard);
      err.println(idrill.render.Text.plural(written.questions().size(), "question") + " written to " + (output == null ? "stdout" : output));
    }
    err.flush();
    return ExitCode.OK;
  }

  private static boolean hasBanks(Path dir) {
    try (var files = Files.list(dir)) {
      return files.anyMatch(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** part-NNN.yaml files beyond the ones just written: their questions are in the new parts (a merge drops none). */
  private static void removeStaleParts(Path dir, int written) {
    for (int i = written + 1; ; i++) {
      Path stale = dir.resolve(String.format(Locale.ROOT, "part-%03d.yaml", i));
      try {
        if (!Files.deleteIfExists(stale)) return;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private String base(Context ctx, String source) {
    if (baseUrl != null) return baseUrl;
    if (source.equals("-")) return null;
    Path p = Path.of(source);
    Path dir = (p.isAbsolute() ? p : ctx.cwd().resolve(p)).toAbsolutePath().normalize().getParent();
    return dir == null ? null : dir.toString();
  }

  /** "file:line: reason" as "file:line: skipped: reason". */
  private static String skipped(String skip) {
    int colon = skip.indexOf(": ");
    return colon < 0 ? "skipped: " + skip : skip.substring(0, colon) + ": skipped: " + skip.substring(colon + 2);
  }

  private static String text(Context ctx, String source) {
    try {
      if (source.equals("-")) return new String(ctx.in().readAllBytes(), StandardCharsets.UTF_8);
      Path p = Path.of(source);
      byte[] bytes = Files.readAllBytes(p.isAbsolute() ? p : ctx.cwd().resolve(p)); // a pipe (<(...)) is a source too
      SourceFile.Decoded d = SourceFile.utf8(bytes, source);
      if (d.error() == null) return d.text();
      throw new BadDataException(List.of(new BankProblem(d.error(), BankProblem.Severity.ERROR, "not valid UTF-8 text")));
    } catch (IOException e) {
      throw new UncheckedIOException(source + ": " + SourceFile.reason(e), e);
    }
  }
}
