package idrill.interop;

import idrill.bank.Question;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.SourceSpan;
import org.commonmark.renderer.html.HtmlRenderer;

/** Writes questions for other tools: Anki plain text, and Markdown that {@link Importer} reads back. */
public final class Exporter {
  /** Headings ## to ######: the first five tags of a question. */
  private static final int MAX_TAG_DEPTH = 5;
  private static final HtmlRenderer HTML = HtmlRenderer.builder().extensions(List.of(TablesExtension.create())).build();
  private static final char MATH_OPEN = '\uE000';
  private static final char MATH_CLOSE = '\uE001';

  private Exporter() {}

  /**
   * Anki "Notes in Plain Text": header lines, then question TAB answer TAB tags TAB guid per line. Fields
   * are HTML rendered from the Markdown and cleaned of anything live (scripts, handlers, frames,
   * javascript: links); math goes out as \\(…\\) and \\[…\\], which Anki's MathJax reads. The id is the
   * note's guid, so Anki updates a re-imported note and idrill reads the id back; the difficulty is a
   * {@code difficulty::hard} tag; refs are a list of links under the answer (class idrill-refs).
   */
  public static String anki(List<Question> qs) {
    StringBuilder b = new StringBuilder("#separator:tab\n#html:true\n#tags column:3\n#guid column:4\n");
    for (Question q : qs) {
      String tags = String.join(" ", q.tags()) + (q.difficulty() == null ? "" : " " + AnkiImport.DIFFICULTY_TAG + q.difficulty().label());
      b.append(field(SafeHtml.safe(html(q.question().strip())))).append('\t')
          .append(field(SafeHtml.safe(html(q.answer())) + refs(q))).append('\t')
          .append(field(tags)).append('\t')
          .append(field(q.id())).append('\n');
    }
    return b.toString();
  }

  private static String refs(Question q) {
    if (q.refs().isEmpty()) return "";
    StringBuilder b = new StringBuilder("\n<ul class=\"" + AnkiImport.REFS_CLASS + "\">");
    for (idrill.bank.Ref r : q.refs()) {
      b.append("<li><a href=\"").append(escape(r.url()).replace("\"", "&quot;")).append("\">")
          .append(escape(r.title() == null ? r.url() : r.title())).append("</a></li>");
    }
    return b.append("</ul>").toString();
  }

  /** Markdown HTML with math protected from the Markdown parser (it would eat the backslash of \( ). */
  static String html(String markdown) {
    Doc doc = new Doc(markdown);
    BitSet code = Doc.codeRanges(doc);
    List<TexSpans.Span> math = TexSpans.find(doc.text, code);
    if (math.isEmpty()) return HTML.render(doc.root).strip();
    StringBuilder src = new StringBuilder();
    int at = 0;
    for (int k = 0; k < math.size(); k++) {
      TexSpans.Span m = math.get(k);
      src.append(doc.text, at, m.start()).append(MATH_OPEN).append(k).append(MATH_CLOSE);
      at = m.end();
    }
    src.append(doc.text.substring(at));
    String html = HTML.render(Texts.PARSER.parse(src.toString())).strip();
    StringBuilder out = new StringBuilder(html.length());
    for (int i = 0; i < html.length(); i++) {
      char c = html.charAt(i);
      int close = c == MATH_OPEN ? html.indexOf(MATH_CLOSE, i) : -1;
      int k = close < 0 ? -1 : index(html.substring(i + 1, close), math.size());
      if (k < 0) {
        out.append(c); // a private-use character of the text itself
        continue;
      }
      TexSpans.Span m = math.get(k);
      out.append(escape(m.display() ? "\\[" + m.body() + "\\]" : "\\(" + m.body() + "\\)"));
      i = close;
    }
    return out.toString();
  }

  private static int index(String digits, int size) {
    if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(Character::isDigit)) return -1;
    int k = Integer.parseInt(digits);
    return k < size ? k : -1;
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /**
   * One field on one line: newlines between tags go, those inside &lt;pre&gt; become &amp;#10; (so code keeps its
   * lines), others a space; tabs a space (&amp;#9; in code). A field with a quote is quoted, "" inside, as Anki does.
   */
  static String field(String html) {
    StringBuilder b = new StringBuilder(html.length());
    int pre = 0;
    for (int i = 0; i < html.length(); i++) {
      char c = html.charAt(i);
      if (c == '<') {
        if (html.startsWith("<pre", i)) pre++;
        else if (html.startsWith("</pre", i)) pre = Math.max(0, pre - 1);
      }
      if (c == '\n') {
        boolean betweenTags = b.length() > 0 && b.charAt(b.length() - 1) == '>' && i + 1 < html.length() && html.charAt(i + 1) == '<';
        if (pre > 0) b.append("&#10;");
        else if (!betweenTags) b.append(' ');
      } else if (c == '\t') {
        b.append(pre > 0 ? "&#9;" : " ");
      } else if (c != '\r') {
        b.append(c);
      }
    }
    String s = b.toString();
    return s.indexOf('"') >= 0 ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }

  /**
   * Markdown in the bold-question layout: a "##" heading per first tag, "###" and deeper for the next
   * ones (up to five, so an import gives the same tags back), then per question a bold line with its
   * difficulty emoji, the answer below, and an HTML comment (unseen when rendered) with its id, difficulty
   * and refs, which the importer reads back.
   */
  public static String markdown(List<Question> qs) {
    Group root = new Group();
    for (Question q : qs) {
      Group g = root;
      for (String tag : q.tags().subList(0, Math.min(MAX_TAG_DEPTH, q.tags().size()))) {
        g = g.children.computeIfAbsent(tag, t -> new Group());
      }
      g.questions.add(q);
    }
    StringBuilder b = new StringBuilder();
    write(root, 1, b);
    return b.toString().strip() + "\n";
  }

  private static final class Group {
    final List<Question> questions = new ArrayList<>();
    final Map<String, Group> children = new LinkedHashMap<>();
  }

  private static void write(Group g, int level, StringBuilder b) {
    for (Question q : g.questions) {
      b.append(boldLine(q)).append("\n\n").append(q.answer().strip()).append("\n\n")
          .append(OwnFormats.comment(q)).append("\n\n");
    }
    for (Map.Entry<String, Group> e : g.children.entrySet()) {
      b.append("#".repeat(level + 1)).append(' ').append(e.getKey()).append("\n\n");
      write(e.getValue(), level + 1, b);
    }
  }

  /** "**question**" on one line; __ when ** would not parse as one bold span, for "**kwargs" and the like. */
  static String boldLine(Question q) {
    String text = String.join(" ", q.question().strip().split("\\s*\n\\s*"));
    String marker = q.difficulty() == null ? "" : " " + Texts.marker(q.difficulty());
    for (String delim : List.of("**", "__")) {
      String line = delim + text + delim;
      if (isBoldLine(line, text)) return line + marker;
    }
    return "**" + text + "**" + marker;
  }

  private static boolean isBoldLine(String line, String text) {
    Doc d = new Doc(line);
    Node p = d.root.getFirstChild();
    return p instanceof Paragraph && p.getNext() == null && p.getFirstChild() instanceof StrongEmphasis s
        && s.getNext() == null && d.inner(s).equals(text);
  }
}
