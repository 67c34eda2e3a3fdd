package idrill.cli;

import idrill.bank.BadDataException;
import idrill.bank.BankLoader;
import idrill.bank.BankProblem;
import idrill.bank.LoadResult;
import idrill.bank.Position;
import idrill.bank.Question;
import idrill.bank.YamlTree;
import idrill.config.ConfigLoader;
import idrill.config.Locations;
import idrill.interop.BankWriter;
import idrill.interop.Slugs;
import idrill.render.Sanitizer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import picocli.CommandLine.Model.CommandSpec;

final class AddCommand implements Callable<Integer>, Model.Declared {
  private final IdrillCommand root;
  String bank;
  List<String> tags = new ArrayList<>();
  String id;
  String question;
  String answer;
  final OutputOptions output = new OutputOptions();
  private Context ctx;
  private PrintWriter err;

  AddCommand(IdrillCommand root) {
    this.root = root;
  }

  @Override
  public CommandSpec model() {
    return Model.command("add", this)
      .description("The bank's existing bytes stay exactly as they were; the new entry goes at the end of its"
          + " questions list.",
          "The id is made from the question unless given, unique across the loaded banks.",
          "A draft with a problem is kept (its path is printed) and nothing reaches the bank.",
          "--question and --answer add without an editor.")
      .option("--bank").label("FILE")
          .help("The bank file to add to, created when missing (default: the first configured bank file).")
          .to(new Model.To<String>() { void set(String v) { bank = v; } })
      .option("-t", "--tag").label("TAG").list()
          .help("A tag of the new question (repeatable).")
          .to(new Model.To<List<String>>() { void set(List<String> v) { tags = v; } })
      .option("--id").label("ID")
          .help("The new question's id (default: made from its text).")
          .to(new Model.To<String>() { void set(String v) { id = v; } })
      .option("--question").label("TEXT")
          .help("The question (Markdown); with --answer, no editor.")
          .to(new Model.To<String>() { void set(String v) { question = v; } })
      .option("--answer").label("TEXT")
          .help("The answer (Markdown).").to(new Model.To<String>() { void set(String v) { answer = v; } })
      .mixin(output.model())
      .spec();
  }

  @Override
  public Integer call() throws IOException {
    ctx = root.ctx;
    err = ctx.err();
    Workspace ws = new Workspace(ctx, new CommonOptions());
    String name = target(ws);
    Path file = ctx.cwd().resolve(name);
    BankAppend bankFile = new BankAppend(file, name); // refuses a layout it cannot append to, before any writing
    List<BankProblem> broken = bankFile.errors(ctx.cwd());
    if (!broken.isEmpty()) throw new BadDataException(broken);
    Map<String, Position> taken = takenIds(ws.bankSpecs(), name);
    if (question != null || answer != null) return script(bankFile, name, taken);
    return draft(bankFile, name, taken);
  }

  /** --bank, else the first configured bank that is a file of the user's. */
  private String target(Workspace ws) {
    if (bank != null) {
      if (BankLoader.DEFAULT.equals(bank)) throw new UsageException(bundled());
      return bank;
    }
    for (String spec : ws.bankSpecs()) {
      if (!BankLoader.DEFAULT.equals(spec) && !Files.isDirectory(ctx.cwd().resolve(spec))) return spec;
    }
    throw new UsageException("no bank file to add to: name one with --bank FILE (created when missing),"
        + " or list it under banks: in " + ConfigLoader.configFile(ctx.env()));
  }

  private String bundled() {
    return "the bundled bank is part of idrill and cannot be added to; name your own bank file with --bank FILE";
  }

  /** Every id of the loaded banks and of the target, with where it is; a bank that cannot be read adds none. */
  /** The loaded banks' questions by their text as sameText gives it: a new one asking the same is pointed out. */
  private final Map<String, Question> asked = new HashMap<>();

  /** A question's text with case and runs of white space not counting. */
  private static String sameText(String question) {
    return String.join(" ", question.strip().toLowerCase(java.util.Locale.ROOT).split("\\s+"));
  }

  private Map<String, Position> takenIds(List<String> specs, String target) {
    Map<String, Position> ids = new HashMap<>();
    BankLoader loader = BankLoader.cached(Locations.cacheDir(ctx.env()).resolve("banks"));
    List<String> all = new ArrayList<>(specs);
    all.add(target);
    for (String spec : all) {
      try {
        for (Question q : loader.load(List.of(spec), ctx.cwd()).bank().questions()) {
          ids.putIfAbsent(q.id(), q.position());
          asked.putIfAbsent(sameText(q.question()), q);
        }
      } catch (RuntimeException e) {
        // a missing bank holds no ids; the load of the target after appending reports its own problems
      }
    }
    return ids;
  }

  private String newId(String given, String text, Map<String, Position> taken) {
    if (given != null) return given;
    String base = Slugs.id(text);
    java.util.Set<String> names = new java.util.HashSet<>(taken.keySet());
    return Slugs.unique(base, names);
  }

  // ---- --question/--answer

  private int script(BankAppend bankFile, String name, Map<String, Position> taken) throws IOException {
    if (question == null || answer == null) throw new UsageException("--question and --answer go together");
    if (tags.isEmpty()) throw new UsageException("give the new question a tag with -t TAG");
    String newId = newId(id, question, taken);
    usedAlready(newId, taken, null);
    Question q = new Question(newId, question, answer, tags, null, List.of(), null);
    String yaml = BankWriter.yaml(List.of(q));
    LoadResult check = new BankLoader().loadText("the new question", yaml);
    if (check.hasErrors()) {
      // positions in generated text mean nothing to the user: the message alone
      throw new UsageException(check.errors().get(0).message());
    }
    return append(bankFile, name, List.of(q), null);
  }

  private void usedAlready(String newId, Map<String, Position> taken, Position at) {
    Position first = taken.get(newId);
    if (first == null) return;
    String m = "the id '" + newId + "' is taken by " + first.file() + ":" + first.line() + "; choose another with --id";
    if (at == null) throw new UsageException(m);
    throw new BadDataException(new BankProblem(at, BankProblem.Severity.ERROR,
        "the id '" + newId + "' is taken by " + first.file() + ":" + first.line() + "; choose another"));
  }

  private int append(BankAppend bankFile, String name, List<Question> qs, Path draft) throws IOException {
    String text = bankFile.entries(qs);
    List<BankProblem> problems = bankFile.append(text, qs.stream().map(Question::id).toList(), ctx.cwd());
    if (!problems.isEmpty()) {
      for (BankProblem p : problems) err.println(Sanitizer.oneLine(p.toString()));
      err.println("idrill add: " + Sanitizer.oneLine(name) + " is unchanged"
          + (draft == null ? "" : "; the draft is kept at " + draft));
      err.flush();
      return ExitCode.DATA;
    }
    int line = bankFile.firstLine(text);
    for (Question q : qs) {
      ctx.out().println("added " + Sanitizer.oneLine(q.id()) + " to " + Sanitizer.oneLine(name) + ":" + line);
      Question same = asked.get(sameText(q.question()));
      if (same != null) { // added all the same: a variant may be meant, and nothing is lost by keeping both
        err.println("idrill add: note: " + Sanitizer.oneLine(same.id()) + " at " + Sanitizer.oneLine(
            same.position().file()) + ":" + same.position().line() + " asks the same question");
      }
    }
    err.flush();
    ctx.out().flush();
    return ExitCode.OK;
  }

  // ---- the draft

  private int draft(BankAppend bankFile, String name, Map<String, Position> taken) throws IOException {
    String tmp = ctx.getenv("TMPDIR");
    Path dir = tmp != null && !tmp.isBlank() ? ctx.cwd().resolve(tmp) : Path.of(System.getProperty("java.io.tmpdir"));
    Path draft = Files.createTempFile(dir, "idrill-add-", ".yaml");
    String template = template(name);
    Files.writeString(draft, template);
    Editor editor = new Editor(ctx);
    Ask ask = new Ask(ctx);
    int line = QUESTION_LINE;
    while (true) {
      int status = editor.open(draft, line);
      String text = Files.readString(draft, StandardCharsets.UTF_8);
      if (status != 0) err.println("idrill add: the editor exited with status " + status);
      if (text.equals(template) || blankDraft(text)) {
        Files.deleteIfExists(draft);
        err.println("idrill add: nothing added: the draft has no question");
        err.flush();
        return ExitCode.OK;
      }
      List<BankProblem> problems = new ArrayList<>();
      List<Question> qs = read(draft.toString(), text, taken, problems);
      if (problems.isEmpty()) {
        int code = append(bankFile, name, qs, draft);
        if (code == ExitCode.OK) Files.deleteIfExists(draft);
        return code;
      }
      for (BankProblem p : problems) err.println(Sanitizer.oneLine(p.toString()));
      if (!ctx.terminal()) {
        err.println("idrill add: nothing added; the draft is kept at " + draft);
        err.flush();
        return ExitCode.DATA;
      }
      if (!ask.yes("Open the draft again to fix it?")) {
        err.println("idrill add: nothing added; the draft is kept at " + draft);
        err.flush();
        return ExitCode.DATA;
      }
      line = problems.get(0).position().line();
    }
  }

  /** The line of the template where the question is written: the editor opens there. */
  private static final int QUESTION_LINE = 7;

  private String template(String name) {
    StringBuilder tagList = new StringBuilder();
    for (String t : tags) tagList.append(tagList.length() == 0 ? "" : ", ").append(t);
    return String.join("\n",
        "# A new question for " + Sanitizer.oneLine(name) + ": write it, save and quit, and it is added to the end.",
        "# Markdown; TeX math in \\( \\) or $ $. Leave id empty to make it from the question.",
        "# Quit leaving the question empty to add nothing. Lines starting with # are left out.",
        "questions:",
        "  - id:" + (id == null ? "" : " " + id),
        "    question: |",
        "      ",
        "    answer: |",
        "      ",
        "    tags: [" + tagList + "]",
        "    # difficulty: easy | medium | hard",
        "    # refs: [https://example.org/where-to-read-more]",
        "");
  }

  /** Whether every question and answer of the draft was left empty: the user changed their mind. */
  private static boolean blankDraft(String text) {
    for (String line : text.split("\n")) {
      String s = line.strip();
      if (s.isEmpty() || s.startsWith("#") || s.equals("questions:") || s.startsWith("- id:") || s.startsWith("tags:")
          || s.equals("question: |") || s.equals("answer: |")) continue;
      return false;
    }
    return true;
  }

  /**
   * The draft's questions, an empty id filled in from its question. Problems are placed in the draft: filling an
   * id only writes after {@code id:} on its own line, so no other line or column moves.
   */
  private List<Question> read(String draftName, String text, Map<String, Position> taken, List<BankProblem> problems) {
    YamlTree t = new YamlTree(draftName, problems);
    Node root = t.parse(text);
    if (t.errorCount() > 0) return List.of();
    StringBuilder patched = new StringBuilder(text);
    Map<String, Position> all = new HashMap<>(taken);
    List<String> derived = new ArrayList<>();
    Map<String, NodeTuple> top = root == null ? null : t.mapping(root, "the draft");
    NodeTuple qs = top == null ? null : top.get("questions");
    List<Node> entries = qs == null ? null : t.list(qs.getValueNode(), "'questions'");
    if (entries == null) {
      if (problems.isEmpty()) problems.add(new BankProblem(new Position(draftName, 1, 1), BankProblem.Severity.ERROR,
          "the draft needs its 'questions:' list"));
      return List.of();
    }
    List<int[]> inserts = new ArrayList<>(); // index, derived id number
    for (Node e : entries) {
      Map<String, NodeTuple> m = t.mapping(e, "a question entry");
      if (m == null || m.get("id") == null || !YamlTree.isNothing(m.get("id").getValueNode())) continue;
      NodeTuple q = m.get("question");
      if (q == null || !(q.getValueNode() instanceof ScalarNode)) continue; // the loader names the problem
      String newId = newId(null, ((ScalarNode) q.getValueNode()).getValue(), all);
      all.put(newId, t.pos(e));
      derived.add(newId);
      inserts.add(new int[] {m.get("id").getValueNode().getStartMark().getIndex(), derived.size() - 1});
    }
    for (int i = inserts.size() - 1; i >= 0; i--) patched.insert(inserts.get(i)[0], " " + derived.get(inserts.get(i)[1]));
    if (!problems.isEmpty()) return List.of();
    LoadResult r = new BankLoader().loadText(draftName, patched.toString());
    problems.addAll(r.errors());
    if (!problems.isEmpty()) return List.of();
    for (Question q : r.bank().questions()) {
      if (!derived.contains(q.id())) {
        try {
          usedAlready(q.id(), taken, q.position());
        } catch (BadDataException bad) {
          problems.addAll(bad.problems());
        }
      }
    }
    return problems.isEmpty() ? r.bank().questions() : List.of();
  }
}
