package idrill.cli;

import idrill.bank.BadDataException;
import idrill.bank.BankLoader;
import idrill.bank.BankProblem;
import idrill.bank.LoadResult;
import idrill.bank.Position;
import idrill.bank.Question;
import idrill.bank.YamlTree;
import idrill.interop.BankWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Adds questions to the end of a bank file as text, so every byte already there stays as it was (comments, layout,
 * quoting). Only a file whose last part is the block list under {@code questions:} takes a plain append; anything
 * else is refused before the user writes a word.
 */
final class BankAppend {
  private final Path file;
  private final String name; // the file as messages name it
  private final String text; // "" for a file that does not exist yet
  private final boolean exists;
  private final boolean header; // "questions:" must be written first
  private final int dash; // column of the entries' '-'

  /** Reads file and checks that new entries can be appended; UsageException when they cannot. */
  BankAppend(Path file, String name) {
    this.file = file;
    this.name = name;
    this.exists = Files.exists(file);
    if (exists && !Files.isRegularFile(file)) throw new UsageException(name + ": not a file: name a bank file to add to");
    List<BankProblem> problems = new ArrayList<>();
    YamlTree t = new YamlTree(name, problems);
    String read = exists ? t.read(file) : "";
    if (read == null) throw new BadDataException(problems);
    this.text = read;
    Node root = text.isBlank() ? null : t.parse(text);
    if (t.errorCount() > 0) throw new BadDataException(problems.stream().filter(BankProblem::isError).toList());
    if (root == null) { // empty, or only comments: the list starts here
      header = true;
      dash = 2;
      return;
    }
    Map<String, NodeTuple> top = t.mapping(root, "the top level");
    NodeTuple qs = top == null ? null : top.get("questions");
    if (qs == null) throw new BadDataException(List.of(new BankProblem(t.pos(root), BankProblem.Severity.ERROR,
        "no 'questions' list to add to")));
    Node list = qs.getValueNode();
    if (!(list instanceof SequenceNode) || ((SequenceNode) list).getFlowStyle() != DumperOptions.FlowStyle.BLOCK
        || ((SequenceNode) list).getValue().isEmpty()) {
      throw refuse(t.pos(list), "'questions' is not a block list ('- id: ...' lines), so nothing can be appended to it;"
          + " write it as one, or add the question by hand");
    }
    List<Node> entries = ((SequenceNode) list).getValue();
    Node last = entries.get(entries.size() - 1);
    int end = Math.min(text.length(), last.getEndMark().getIndex());
    for (String line : text.substring(end).split("\n", -1)) {
      String s = line.strip();
      if (!s.isEmpty() && !s.startsWith("#")) {
        throw refuse(new Position(name, lineOf(text, text.indexOf(line, end)), 1),
            "the file goes on after its questions list, so an entry added at its end would not be in the list;"
                + " move the questions list to the end, or add the question by hand");
      }
    }
    header = false;
    dash = list.getStartMark().getColumn();
  }

  private UsageException refuse(Position at, String why) {
    return new UsageException(at + ": cannot add to this bank: " + why);
  }

  private static int lineOf(String s, int index) {
    int line = 1;
    for (int i = 0; i < index && i < s.length(); i++) if (s.charAt(i) == '\n') line++;
    return line;
  }

  /** The errors the bank has now; appending to a broken bank would only be rolled back. */
  List<BankProblem> errors(Path cwd) {
    if (!exists || header) return List.of();
    return new BankLoader().load(List.of(file.toString()), cwd).errors();
  }

  /** The entries as the bank will hold them, at the bank's indentation, one blank line before each. */
  String entries(List<Question> qs) {
    String yaml = BankWriter.yaml(qs);
    String body = yaml.substring(yaml.indexOf('\n') + 1); // after "questions:"
    String eol = text.contains("\r\n") ? "\r\n" : "\n";
    StringBuilder b = new StringBuilder();
    if (header) b.append(text.isEmpty() || text.endsWith("\n") ? "" : eol).append("questions:").append(eol);
    else b.append(text.endsWith("\n") ? "" : eol).append(text.endsWith("\n\n") || text.endsWith("\n\r\n") ? "" : eol);
    for (String line : body.split("\n", -1)) {
      if (line.isEmpty()) {
        b.append(eol);
      } else {
        // BankWriter puts '-' at column 2; every line moves by the same amount, so blocks keep their shape
        b.append(dash >= 2 ? " ".repeat(dash - 2) + line : line.substring(Math.min(2 - dash, leading(line))));
        b.append(eol);
      }
    }
    String s = b.toString();
    while (s.endsWith(eol + eol)) s = s.substring(0, s.length() - eol.length());
    return s;
  }

  private static int leading(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') i++;
    return i;
  }

  /** The line at which appended text starts its first entry. */
  int firstLine(String appended) {
    return lineOf(text + appended, text.length() + Math.max(0, appended.indexOf('-')));
  }

  /**
   * Appends text durably (fsync), then loads the bank: when it has an error or lacks one of ids, the file is cut back
   * to its old length, so it holds exactly its old bytes, and the problems are returned. Empty on success.
   */
  List<BankProblem> append(String appended, List<String> ids, Path cwd) throws IOException {
    byte[] bytes = appended.getBytes(StandardCharsets.UTF_8);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      long old = ch.size();
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      long at = old;
      while (buf.hasRemaining()) at += ch.write(buf, at);
      ch.force(true);
      List<BankProblem> problems = new ArrayList<>();
      try {
        LoadResult r = new BankLoader().load(List.of(file.toString()), cwd);
        problems.addAll(r.errors());
        for (String id : ids) {
          if (problems.isEmpty() && r.bank().byId(id).isEmpty()) {
            problems.add(new BankProblem(new Position(name, firstLine(appended), 1), BankProblem.Severity.ERROR,
                "the new question '" + id + "' did not read back from the bank"));
          }
        }
      } catch (RuntimeException e) {
        problems.add(new BankProblem(new Position(name, 1, 1), BankProblem.Severity.ERROR,
            "the bank did not read back: " + e.getMessage()));
      }
      if (!problems.isEmpty()) {
        ch.truncate(old);
        ch.force(true);
        if (old == 0 && !exists) Files.deleteIfExists(file);
      }
      return problems;
    }
  }
}
