package idrill.interop;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/** A Markdown text parsed with source spans, so pieces can be cut out of the source exactly as written. */
final class Doc {
  private static final Parser PARSER = Parser.builder()
      .extensions(List.of(TablesExtension.create()))
      .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
      .build();

  final String text;
  final String[] lines;
  final Node root;
  private final int[] lineStart;

  Doc(String markdown) {
    text = normalize(markdown);
    lines = text.split("\n", -1);
    lineStart = new int[lines.length];
    for (int i = 1; i < lines.length; i++) lineStart[i] = lineStart[i - 1] + lines[i - 1].length() + 1;
    root = PARSER.parse(text);
  }

  /** No BOM, \n line ends: source offsets and line numbers then mean the same in every file. */
  static String normalize(String s) {
    if (s.startsWith("\uFEFF")) s = s.substring(1);
    return s.replace("\r\n", "\n").replace('\r', '\n');
  }

  static List<Node> children(Node parent) {
    List<Node> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) out.add(n);
    return out;
  }

  int start(Node n) {
    return n.getSourceSpans().get(0).getInputIndex();
  }

  int end(Node n) {
    List<SourceSpan> spans = n.getSourceSpans();
    SourceSpan last = spans.get(spans.size() - 1);
    return last.getInputIndex() + last.getLength();
  }

  /** 0-based line of the node's first character. */
  int startLine(Node n) {
    return n.getSourceSpans().get(0).getLineIndex();
  }

  int endLine(Node n) {
    List<SourceSpan> spans = n.getSourceSpans();
    return spans.get(spans.size() - 1).getLineIndex();
  }

  int lineStart(int line) {
    return lineStart[line];
  }

  int lineEnd(int line) {
    return lineStart[line] + lines[line].length();
  }

  /** 0-based line holding offset. */
  int lineOf(int offset) {
    int lo = 0;
    int hi = lineStart.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (lineStart[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Source lines from..to (0-based, inclusive), joined by \n. */
  String lines(int from, int to) {
    return from > to ? "" : text.substring(lineStart[from], lineEnd(to));
  }

  /** The source of a node's inline content as written: "**Why?**" gives "Why?", "### Why?" gives "Why?". */
  String inner(Node n) {
    if (n.getFirstChild() == null) return "";
    return text.substring(start(n.getFirstChild()), end(n.getLastChild())).strip();
  }

  /** What a reader sees of a node: text and code, no markup. */
  static String plain(Node n) {
    StringBuilder b = new StringBuilder();
    n.accept(new AbstractVisitor() {
      @Override public void visit(Text t) { b.append(t.getLiteral()); }
      @Override public void visit(Code c) { b.append(c.getLiteral()); }
    });
    return b.toString().strip();
  }

  /** Rules and lone <br>/<hr> that separate questions but carry nothing of an answer. */
  static boolean isSeparator(Node n) {
    if (n instanceof ThematicBreak) return true;
    if (!(n instanceof HtmlBlock h)) return false;
    String s = h.getLiteral().toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
    return s.replaceAll("<(br|hr)/?>", "").isEmpty();
  }

  /** True when Markdown holds something besides separators: an answer worth keeping. */
  static boolean hasContent(String markdown) {
    if (markdown == null || markdown.isBlank()) return false;
    for (Node n : children(Texts.PARSER.parse(markdown))) if (!isSeparator(n)) return true;
    return false;
  }

  /** Offsets of code (spans and blocks) and raw HTML, where a $ is no math. */
  static BitSet codeRanges(Doc doc) {
    BitSet code = new BitSet();
    doc.root.accept(new AbstractVisitor() {
      @Override public void visit(Code c) { mark(c); }
      @Override public void visit(FencedCodeBlock c) { mark(c); }
      @Override public void visit(IndentedCodeBlock c) { mark(c); }
      @Override public void visit(HtmlBlock c) { mark(c); }
      @Override public void visit(HtmlInline c) { mark(c); }

      private void mark(Node n) {
        for (SourceSpan s : n.getSourceSpans()) code.set(s.getInputIndex(), s.getInputIndex() + s.getLength());
      }
    });
    return code;
  }

  // ---- indentation, by columns: a tab reaches the next multiple of 4, as in CommonMark ----------

  static boolean blank(String line) {
    return line.isBlank();
  }

  static int indent(String line) {
    int col = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == ' ') col++;
      else if (c == '\t') col = (col / 4 + 1) * 4;
      else break;
    }
    return col;
  }

  /** Removes up to cols columns of leading whitespace; a tab only partly removed leaves spaces. */
  static String dedent(String line, int cols) {
    int col = 0;
    int i = 0;
    while (i < line.length() && col < cols) {
      char c = line.charAt(i);
      if (c == ' ') col++;
      else if (c == '\t') col = (col / 4 + 1) * 4;
      else break;
      i++;
    }
    return " ".repeat(Math.max(0, col - cols)) + line.substring(i);
  }

  /** Drops blank lines at both ends and the indentation every other line shares. */
  static String block(List<String> lines) {
    int from = 0;
    int to = lines.size();
    while (from < to && blank(lines.get(from))) from++;
    while (to > from && blank(lines.get(to - 1))) to--;
    int common = Integer.MAX_VALUE;
    for (int i = from; i < to; i++) if (!blank(lines.get(i))) common = Math.min(common, indent(lines.get(i)));
    StringBuilder b = new StringBuilder();
    for (int i = from; i < to; i++) {
      if (i > from) b.append('\n');
      b.append(blank(lines.get(i)) ? "" : dedent(lines.get(i), common));
    }
    return b.toString();
  }

  static String block(String text) {
    return block(List.of(text.split("\n", -1)));
  }
}
