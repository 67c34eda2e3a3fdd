package idrill.interop;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Document;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.markdown.MarkdownNodeRendererContext;
import org.commonmark.renderer.markdown.MarkdownNodeRendererFactory;
import org.commonmark.renderer.markdown.MarkdownRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.ParseSettings;
import org.jsoup.parser.Parser;

/**
 * HTML (Anki fields, &lt;summary&gt; texts) to Markdown: jsoup reads the HTML, we build a commonmark tree,
 * and commonmark's own Markdown renderer writes it, so escaping is the library's, not ours.
 */
final class HtmlToMarkdown {
  private static final Set<String> BLOCKS = Set.of(
      "p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "center", "figure",
      "figcaption", "details", "summary", "dl", "dt", "dd", "address", "form", "fieldset", "body", "li",
      "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "pre", "hr", "table");
  private static final Set<String> DROPPED = Set.of("script", "style", "head", "title", "template");

  private static final MarkdownRenderer RENDERER = MarkdownRenderer.builder()
      .extensions(List.of(TablesExtension.create()))
      .nodeRendererFactory(new BackslashBreaks())
      .build();

  private HtmlToMarkdown() {}

  /** Block HTML to Markdown; entities decoded, unknown tags (often code like &lt;BRANCH&gt;) kept as text. */
  static String convert(String html) {
    Parser parser = Parser.htmlParser().settings(ParseSettings.preserveCase);
    Element body = Jsoup.parse(html, "", parser).body();
    Document doc = new Document();
    blocks(body, doc);
    return RENDERER.render(doc).strip();
  }

  /** Markdown text made from plain text (Anki #html:false): lines kept, specials escaped. */
  static String fromPlain(String text) {
    Document doc = new Document();
    for (String para : text.strip().split("\n\\s*\n")) {
      Paragraph p = new Paragraph();
      String[] lines = para.split("\n");
      for (int i = 0; i < lines.length; i++) {
        if (i > 0) p.appendChild(new HardLineBreak());
        text(lines[i].strip(), p);
      }
      doc.appendChild(p);
    }
    return RENDERER.render(doc).strip();
  }

  // ---- blocks ---------------------------------------------------------------------------------

  /** Children of an element as blocks: loose inline content gathers into paragraphs. */
  private static void blocks(Element parent, Node out) {
    Paragraph para = null;
    List<org.jsoup.nodes.Node> kids = parent.childNodes();
    for (int i = 0; i < kids.size(); i++) {
      org.jsoup.nodes.Node kid = kids.get(i);
      if (kid instanceof TextNode t) {
        String s = collapse(t.getWholeText());
        if (para == null && s.isBlank()) continue;
        if (para == null) para = new Paragraph();
        text(s, para);
      } else if (kid instanceof Element e) {
        String name = e.normalName();
        if (DROPPED.contains(name)) continue;
        if (name.equals("br")) {
          int next = nextElement(kids, i);
          if (next >= 0 && ((Element) kids.get(next)).normalName().equals("br")) {
            finish(para, out); // <br><br> is how HTML editors write a paragraph break
            para = null;
            i = next;
          } else if (para != null) {
            para.appendChild(new HardLineBreak());
          }
        } else if (BLOCKS.contains(name)) {
          finish(para, out);
          para = null;
          block(e, name, out);
        } else {
          if (para == null) para = new Paragraph();
          inline(e, para);
        }
      }
    }
    finish(para, out);
  }

  /** Index of the next element sibling when only whitespace lies between, else -1. */
  private static int nextElement(List<org.jsoup.nodes.Node> kids, int i) {
    for (int k = i + 1; k < kids.size(); k++) {
      org.jsoup.nodes.Node n = kids.get(k);
      if (n instanceof Element) return k;
      if (n instanceof TextNode t && !t.isBlank()) return -1;
    }
    return -1;
  }

  private static void block(Element e, String name, Node out) {
    switch (name) {
      case "h1", "h2", "h3", "h4", "h5", "h6" -> {
        Heading h = new Heading();
        h.setLevel(name.charAt(1) - '0');
        inlineChildren(e, h);
        tidy(h);
        if (h.getFirstChild() != null) out.appendChild(h);
      }
      case "blockquote" -> {
        BlockQuote q = new BlockQuote();
        blocks(e, q);
        if (q.getFirstChild() != null) out.appendChild(q);
      }
      case "ul", "ol" -> list(e, name.equals("ol"), out);
      case "pre" -> out.appendChild(code(e));
      case "hr" -> out.appendChild(new ThematicBreak());
      case "table" -> table(e, out);
      default -> blocks(e, out);
    }
  }

  private static void list(Element e, boolean ordered, Node out) {
    ListBlock list;
    if (ordered) {
      OrderedList ol = new OrderedList();
      ol.setMarkerStartNumber(startNumber(e.attr("start")));
      ol.setMarkerDelimiter(".");
      list = ol;
    } else {
      BulletList ul = new BulletList();
      ul.setMarker("-");
      list = ul;
    }
    boolean tight = true;
    for (Element li : e.children()) {
      ListItem item = new ListItem();
      if (li.normalName().equals("li")) blocks(li, item);
      else blocks(wrap(li), item); // stray content between items
      if (!li.getElementsByTag("p").isEmpty()) tight = false;
      list.appendChild(item);
    }
    list.setTight(tight);
    if (list.getFirstChild() != null) out.appendChild(list);
  }

  private static Element wrap(Element e) {
    Element div = new Element("div");
    div.appendChild(e.clone());
    return div;
  }

  private static int startNumber(String s) {
    try {
      return s.isBlank() ? 1 : Math.max(0, Integer.parseInt(s.strip()));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private static FencedCodeBlock code(Element pre) {
    StringBuilder b = new StringBuilder();
    preText(pre, b);
    String literal = b.toString();
    if (!literal.endsWith("\n")) literal += "\n";
    FencedCodeBlock f = new FencedCodeBlock();
    f.setFenceCharacter("`");
    f.setOpeningFenceLength(Math.max(3, longestRun(literal, '`') + 1));
    f.setClosingFenceLength(f.getOpeningFenceLength());
    f.setInfo(language(pre));
    f.setLiteral(literal);
    return f;
  }

  private static void preText(Element e, StringBuilder b) {
    for (org.jsoup.nodes.Node n : e.childNodes()) {
      if (n instanceof TextNode t) {
        b.append(t.getWholeText());
      } else if (n instanceof Element c) {
        String name = c.normalName();
        // editors write code lines as <br> or <div>s
        if (name.equals("br")) b.append('\n');
        else if (name.equals("div") && b.length() > 0 && b.charAt(b.length() - 1) != '\n') b.append('\n');
        if (!name.equals("br")) preText(c, b);
      }
    }
  }

  private static String language(Element pre) {
    for (Element e : pre.getElementsByTag("code")) {
      for (String cls : e.classNames()) {
        if (cls.startsWith("language-")) return cls.substring(9);
        if (cls.startsWith("lang-")) return cls.substring(5);
      }
    }
    return null;
  }

  private static int longestRun(String s, char c) {
    int best = 0;
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      run = s.charAt(i) == c ? run + 1 : 0;
      best = Math.max(best, run);
    }
    return best;
  }

  private static void table(Element table, Node out) {
    List<Element> rows = table.select("> tr, > thead > tr, > tbody > tr, > tfoot > tr");
    if (rows.isEmpty()) return;
    int columns = 0;
    for (Element r : rows) columns = Math.max(columns, r.select("> th, > td").size());
    if (columns == 0) return;
    TableBlock block = new TableBlock();
    TableHead head = new TableHead();
    TableBody body = new TableBody();
    for (int i = 0; i < rows.size(); i++) {
      TableRow row = new TableRow();
      List<Element> cells = rows.get(i).select("> th, > td");
      for (int c = 0; c < columns; c++) {
        TableCell cell = new TableCell();
        cell.setHeader(i == 0);
        if (c < cells.size()) {
          cell.setAlignment(alignment(cells.get(c)));
          inlineChildren(cells.get(c), cell);
          tidy(cell);
        }
        row.appendChild(cell);
      }
      (i == 0 ? head : body).appendChild(row);
    }
    block.appendChild(head);
    if (body.getFirstChild() != null) block.appendChild(body);
    out.appendChild(block);
  }

  private static TableCell.Alignment alignment(Element cell) {
    String a = cell.attr("align").toLowerCase(Locale.ROOT);
    String style = cell.attr("style").toLowerCase(Locale.ROOT).replace(" ", "");
    if (a.equals("center") || style.contains("text-align:center")) return TableCell.Alignment.CENTER;
    if (a.equals("right") || style.contains("text-align:right")) return TableCell.Alignment.RIGHT;
    if (a.equals("left") || style.contains("text-align:left")) return TableCell.Alignment.LEFT;
    return null;
  }

  private static void finish(Paragraph para, Node out) {
    if (para == null) return;
    tidy(para);
    if (para.getFirstChild() != null) out.appendChild(para);
  }

  // ---- inlines --------------------------------------------------------------------------------

  private static void inlineChildren(Element e, Node out) {
    for (org.jsoup.nodes.Node n : e.childNodes()) {
      if (n instanceof TextNode t) text(collapse(t.getWholeText()), out);
      else if (n instanceof Element c) inline(c, out);
    }
  }

  private static void inline(Element e, Node out) {
    String name = e.normalName();
    switch (name) {
      case "b", "strong" -> emphasis(new StrongEmphasis("**"), e, out);
      case "i", "em" -> emphasis(new Emphasis("*"), e, out);
      case "code", "kbd", "tt", "samp" -> {
        StringBuilder b = new StringBuilder();
        literal(e, b);
        String s = collapse(b.toString()).strip();
        if (!s.isEmpty()) out.appendChild(new Code(s));
      }
      case "br" -> out.appendChild(out instanceof TableCell ? raw("<br>") : new HardLineBreak()); // a cell is one line
      case "a" -> link(e, out);
      case "img" -> {
        Image img = new Image(e.attr("src"), e.attr("title").isEmpty() ? null : e.attr("title"));
        if (!e.attr("alt").isEmpty()) img.appendChild(new Text(e.attr("alt")));
        if (!e.attr("src").isEmpty()) out.appendChild(img);
      }
      default -> {
        if (DROPPED.contains(name)) return;
        boolean known = org.jsoup.parser.Tag.isKnownTag(name);
        // <BRANCH> in "git branch <BRANCH>" was text to the author, not a tag
        if (!known) text("<" + e.tagName() + ">", out);
        if (BLOCKS.contains(name) && out.getLastChild() != null) text(" ", out);
        inlineChildren(e, out);
      }
    }
  }

  private static void emphasis(Node em, Element e, Node out) {
    inlineChildren(e, em);
    // "<b> x </b>": the spaces go outside, or the Markdown would not be emphasis
    boolean lead = startsWithSpace(em);
    boolean trail = endsWithSpace(em);
    tidy(em);
    if (em.getFirstChild() == null) {
      if (lead || trail) text(" ", out);
      return;
    }
    if (lead) text(" ", out);
    out.appendChild(em);
    if (trail) text(" ", out);
  }

  /** Text of code as the author meant it: an unknown tag inside (git branch <BRANCH>) is part of the text. */
  private static void literal(Element e, StringBuilder b) {
    for (org.jsoup.nodes.Node n : e.childNodes()) {
      if (n instanceof TextNode t) {
        b.append(t.getWholeText());
      } else if (n instanceof Element c) {
        if (c.normalName().equals("br")) b.append(' ');
        else if (!org.jsoup.parser.Tag.isKnownTag(c.normalName())) b.append('<').append(c.tagName()).append('>');
        literal(c, b);
      }
    }
  }

  private static void link(Element e, Node out) {
    String href = e.attr("href");
    if (href.isBlank()) {
      inlineChildren(e, out);
      return;
    }
    Link link = new Link(href, e.attr("title").isEmpty() ? null : e.attr("title"));
    inlineChildren(e, link);
    tidy(link);
    if (link.getFirstChild() == null) link.appendChild(new Text(href));
    out.appendChild(link);
  }

  /** Appends text; math goes in as raw passthrough (an HtmlInline literal) so no escape can alter TeX. */
  private static void text(String s, Node out) {
    if (s.isEmpty()) return;
    int at = 0;
    for (TexSpans.Span m : TexSpans.find(s, null)) {
      if (m.start() > at) appendText(s.substring(at, m.start()), out);
      out.appendChild(raw(s.substring(m.start(), m.end())));
      at = m.end();
    }
    if (at < s.length()) appendText(s.substring(at), out);
  }

  private static void appendText(String s, Node out) {
    if (out.getLastChild() instanceof Text last) {
      String l = last.getLiteral();
      last.setLiteral(l.endsWith(" ") && s.startsWith(" ") ? l + s.substring(1) : l + s);
    } else {
      out.appendChild(new Text(s));
    }
  }

  /** Written as is by the Markdown renderer. */
  private static HtmlInline raw(String literal) {
    HtmlInline h = new HtmlInline();
    h.setLiteral(literal);
    return h;
  }

  private static String collapse(String s) {
    return s.replace('\u00A0', ' ').replaceAll("[ \\t\\n\\r\\f]+", " ");
  }

  private static boolean startsWithSpace(Node n) {
    return n.getFirstChild() instanceof Text t && t.getLiteral().startsWith(" ");
  }

  private static boolean endsWithSpace(Node n) {
    return n.getLastChild() instanceof Text t && t.getLiteral().endsWith(" ");
  }

  /** Whitespace rules of HTML: none at the ends of a block or around a line break, never two in a row. */
  private static void tidy(Node container) {
    Node n = container.getFirstChild();
    while (n != null) {
      Node next = n.getNext();
      if (n instanceof Text t) {
        String s = t.getLiteral();
        Node prev = t.getPrevious();
        if (prev == null || prev instanceof HardLineBreak || (prev instanceof Text p && p.getLiteral().endsWith(" "))) s = s.stripLeading();
        if (next == null || next instanceof HardLineBreak) s = s.stripTrailing();
        if (s.isEmpty()) t.unlink();
        else t.setLiteral(s);
      }
      n = next;
    }
    // breaks at the ends of a block show nothing
    while (container.getFirstChild() instanceof HardLineBreak b) b.unlink();
    while (container.getLastChild() instanceof HardLineBreak b) b.unlink();
    if (container.getLastChild() instanceof Text t && t.getLiteral().endsWith(" ")) {
      t.setLiteral(t.getLiteral().stripTrailing());
      if (t.getLiteral().isEmpty()) t.unlink();
    }
  }

  /** Hard line breaks as a trailing backslash: the two trailing spaces of the default do not survive YAML. */
  private static final class BackslashBreaks implements MarkdownNodeRendererFactory {
    @Override
    public NodeRenderer create(MarkdownNodeRendererContext context) {
      return new NodeRenderer() {
        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
          return Set.of(HardLineBreak.class);
        }

        @Override
        public void render(Node node) {
          context.getWriter().raw("\\");
          context.getWriter().line();
        }
      };
    }

    @Override
    public Set<Character> getSpecialCharacters() {
      return Set.of();
    }
  }
}
