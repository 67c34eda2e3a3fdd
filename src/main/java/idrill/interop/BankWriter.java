package idrill.interop;

import idrill.bank.Question;
import idrill.bank.Ref;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Node;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Writes questions as a bank file: SnakeYAML's emitter, multi-line texts as literal blocks. */
public final class BankWriter {
  private BankWriter() {}

  /** A bank that BankLoader reads back to the same questions; keys in the order id, question, answer, tags, difficulty, refs. */
  public static String yaml(List<Question> questions) {
    List<org.yaml.snakeyaml.nodes.Node> entries = new ArrayList<>();
    for (Question q : questions) entries.add(entry(q));
    MappingNode root = new MappingNode(Tag.MAP,
        List.of(new NodeTuple(plain("questions"), new SequenceNode(Tag.SEQ, entries, DumperOptions.FlowStyle.BLOCK))),
        DumperOptions.FlowStyle.BLOCK);
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setIndicatorIndent(2);
    options.setIndentWithIndicator(true);
    options.setSplitLines(false); // long questions stay on one line
    options.setWidth(Integer.MAX_VALUE);
    options.setAllowUnicode(true);
    StringWriter out = new StringWriter();
    new Yaml(options).serialize(root, out);
    // a blank line between questions, as people write banks; "  - " at column 0 only ever starts an entry
    String yaml = out.toString();
    int first = yaml.indexOf("\n  - id: ");
    return first < 0 ? yaml : yaml.substring(0, first + 1) + yaml.substring(first + 1).replace("\n  - id: ", "\n\n  - id: ");
  }

  private static MappingNode entry(Question q) {
    List<NodeTuple> t = new ArrayList<>();
    t.add(new NodeTuple(plain("id"), plain(q.id())));
    t.add(new NodeTuple(plain("question"), text(q.question().strip())));
    t.add(new NodeTuple(plain("answer"), text(q.answer())));
    List<org.yaml.snakeyaml.nodes.Node> tags = new ArrayList<>();
    for (String tag : q.tags()) tags.add(plain(tag));
    t.add(new NodeTuple(plain("tags"), new SequenceNode(Tag.SEQ, tags, DumperOptions.FlowStyle.FLOW)));
    if (q.difficulty() != null) t.add(new NodeTuple(plain("difficulty"), plain(q.difficulty().label())));
    if (!q.refs().isEmpty()) {
      List<org.yaml.snakeyaml.nodes.Node> refs = new ArrayList<>();
      for (Ref r : q.refs()) {
        if (r.title() == null) {
          refs.add(plain(r.url()));
        } else {
          refs.add(new MappingNode(Tag.MAP, List.of(new NodeTuple(plain("title"), text(r.title())),
              new NodeTuple(plain("url"), plain(r.url()))), DumperOptions.FlowStyle.BLOCK));
        }
      }
      t.add(new NodeTuple(plain("refs"), new SequenceNode(Tag.SEQ, refs, DumperOptions.FlowStyle.BLOCK)));
    }
    if (!q.keywords().isEmpty()) {
      List<org.yaml.snakeyaml.nodes.Node> keywords = new ArrayList<>();
      for (String k : q.keywords()) keywords.add(text(k));
      t.add(new NodeTuple(plain("keywords"), new SequenceNode(Tag.SEQ, keywords, DumperOptions.FlowStyle.FLOW)));
    }
    return new MappingNode(Tag.MAP, t, DumperOptions.FlowStyle.BLOCK);
  }

  /** A string; the emitter quotes it when plain would read as something else ("yes", "1.0", "a: b"). */
  private static ScalarNode plain(String s) {
    return new ScalarNode(Tag.STR, s, null, null, DumperOptions.ScalarStyle.PLAIN);
  }

  private static ScalarNode text(String s) {
    String clean = clean(s);
    DumperOptions.ScalarStyle style = clean.indexOf('\n') >= 0 ? DumperOptions.ScalarStyle.LITERAL : DumperOptions.ScalarStyle.PLAIN;
    return new ScalarNode(Tag.STR, clean, null, null, style);
  }

  /**
   * What the emitter needs to keep a text in a literal block: no tab, no trailing space on any line, no
   * Unicode line separator. Tabs become spaces to the next multiple of 4 (CommonMark's tab stop); a hard
   * break written as two trailing spaces becomes a backslash so it survives.
   */
  static String clean(String s) {
    s = Doc.normalize(s).replace('\u2028', '\n').replace('\u2029', '\n').replace('\u0085', '\n');
    BitSet hardBreaks = s.contains("  \n") ? spaceBreakLines(s) : new BitSet();
    String[] lines = s.split("\n", -1);
    StringBuilder b = new StringBuilder(s.length());
    int from = 0;
    while (from < lines.length - 1 && lines[from].isBlank()) from++; // leading blank lines carry nothing
    for (int i = from; i < lines.length; i++) {
      if (i > from) b.append('\n');
      String line = expandTabs(lines[i]).stripTrailing();
      b.append(line);
      if (hardBreaks.get(i)) b.append('\\');
    }
    return b.toString().stripTrailing();
  }

  /** Lines that end in a hard break made of trailing spaces (not in code, where they mean nothing). */
  private static BitSet spaceBreakLines(String s) {
    BitSet lines = new BitSet();
    Doc doc = new Doc(s);
    doc.root.accept(new AbstractVisitor() {
      @Override
      public void visit(HardLineBreak h) {
        Node prev = h.getPrevious();
        if (prev == null || prev.getSourceSpans().isEmpty()) return;
        // the text before a space break may or may not span the spaces; a backslash break has none
        int end = doc.end(prev);
        boolean spaces = doc.text.charAt(end - 1) == ' ' || (end < doc.text.length() && doc.text.charAt(end) == ' ');
        if (spaces) lines.set(doc.lineOf(end - 1));
      }
    });
    return lines;
  }

  private static String expandTabs(String line) {
    if (line.indexOf('\t') < 0) return line;
    StringBuilder b = new StringBuilder(line.length() + 8);
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\t') {
        do b.append(' '); while (b.length() % 4 != 0);
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
