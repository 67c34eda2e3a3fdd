package idrill.interop;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;

/**
 * Questions and answers out of Markdown, in the layouts interview-question repositories use:
 * &lt;details&gt; blocks, bold question lines, question headings, mkdocs-material question admonitions.
 * Structure comes from commonmark; answers are cut from the source by line so they keep their Markdown.
 */
final class MarkdownImport {
  static final String DETAILS = "details";
  static final String BOLD = "bold";
  static final String HEADING = "heading";
  static final String ADMONITION = "admonition";
  static final String NONE = "none";

  private static final Set<String> QUESTION_TYPES = Set.of("question", "help", "faq");
  private static final Set<String> ANSWER_TABS = Set.of("answer", "solution");

  /** One question: [start, end) in the source, 1-based line, texts as written (answer may be blank). */
  private record Item(int start, int end, int line, String question, String answer) {}

  /** What one layout finds; question headings are not sections. */
  private record Pass(String layout, List<Item> items, List<Extract.Skip> skipped, Set<Node> questionHeadings) {
    Pass(String layout) {
      this(layout, new ArrayList<>(), new ArrayList<>(), Collections.newSetFromMap(new IdentityHashMap<>()));
    }
  }

  private final Doc doc;
  private final List<Node> top;

  private MarkdownImport(Doc doc) {
    this.doc = doc;
    this.top = Doc.children(doc.root);
  }

  static Extract read(String markdown) {
    return new MarkdownImport(new Doc(markdown)).extract();
  }

  private Extract extract() {
    Pass best = null;
    // ties go to the more specific layout: a details file has headings too, a bold file has sections
    for (Pass p : List.of(details(), admonitions(), bold(), headings())) {
      if (!p.items().isEmpty() && (best == null || p.items().size() > best.items().size())) best = p;
    }
    if (best == null) return new Extract(NONE, List.of(), List.of());
    return new Extract(best.layout(), found(best), best.skipped());
  }

  /** Items with the section headings above them. */
  private List<Extract.Found> found(Pass pass) {
    List<Heading> sections = new ArrayList<>();
    for (Node n : top) {
      if (n instanceof Heading h && !pass.questionHeadings().contains(h) && !inside(doc.start(h), pass.items())) sections.add(h);
    }
    List<Extract.Found> out = new ArrayList<>();
    List<Heading> stack = new ArrayList<>();
    int next = 0;
    for (Item item : pass.items()) {
      while (next < sections.size() && doc.start(sections.get(next)) < item.start()) {
        Heading h = sections.get(next++);
        while (!stack.isEmpty() && stack.get(stack.size() - 1).getLevel() >= h.getLevel()) stack.remove(stack.size() - 1);
        stack.add(h);
      }
      List<String> names = new ArrayList<>();
      for (Heading h : stack) {
        String name = Doc.plain(h);
        if (!name.isEmpty()) names.add(name);
      }
      out.add(new Extract.Found(item.line(), item.question(), item.answer(), String.join(" / ", names), names));
    }
    return out;
  }

  private static boolean inside(int offset, List<Item> items) {
    for (Item i : items) if (offset >= i.start() && offset < i.end()) return true;
    return false;
  }

  // ---- layout 1: <details><summary>question</summary> answer </details> ------------------------

  /** A details or summary tag found in HTML that commonmark saw as HTML (block or inline). */
  private record Tag(int at, int end, String name, boolean closing) {}

  private Pass details() {
    Pass pass = new Pass(DETAILS);
    List<Tag> tags = new ArrayList<>();
    doc.root.accept(new AbstractVisitor() {
      @Override public void visit(HtmlBlock h) { scan(h, tags); }
      @Override public void visit(HtmlInline h) { scan(h, tags); }
    });
    int depth = 0;
    Tag open = null;
    Tag summaryOpen = null;
    Tag summaryClose = null;
    for (Tag t : tags) {
      if (t.name().equals("details")) {
        if (!t.closing()) {
          if (depth++ == 0) {
            open = t;
            summaryOpen = null;
            summaryClose = null;
          }
        } else if (depth > 0 && --depth == 0) {
          detailsItem(pass, open, summaryOpen, summaryClose, t.at(), t.end());
        }
      } else if (depth == 1) {
        if (!t.closing() && summaryOpen == null) summaryOpen = t;
        else if (t.closing() && summaryOpen != null && summaryClose == null) summaryClose = t;
      }
    }
    if (depth > 0) detailsItem(pass, open, summaryOpen, summaryClose, doc.text.length(), doc.text.length());
    return pass;
  }

  private void detailsItem(Pass pass, Tag open, Tag summaryOpen, Tag summaryClose, int close, int end) {
    int line = doc.lineOf(open.at()) + 1;
    if (summaryClose == null) {
      pass.skipped().add(new Extract.Skip(line, "<details> without a <summary>"));
      return;
    }
    String question = HtmlToMarkdown.convert(doc.text.substring(summaryOpen.end(), summaryClose.at()));
    String answer = Doc.block(unwrap(doc.text.substring(summaryClose.end(), close)));
    pass.items().add(new Item(open.at(), end, line, question, answer));
  }

  private void scan(Node html, List<Tag> out) {
    for (SourceSpan span : html.getSourceSpans()) {
      int from = span.getInputIndex();
      int to = from + span.getLength();
      for (int i = from; i < to; i++) {
        if (doc.text.charAt(i) != '<') continue;
        boolean closing = i + 1 < to && doc.text.charAt(i + 1) == '/';
        int nameAt = closing ? i + 2 : i + 1;
        for (String name : List.of("details", "summary")) {
          int after = nameAt + name.length();
          if (after < to && doc.text.regionMatches(true, nameAt, name, 0, name.length())
              && !Character.isLetterOrDigit(doc.text.charAt(after))) {
            int gt = doc.text.indexOf('>', after);
            out.add(new Tag(i, gt < 0 || gt >= to ? to : gt + 1, name, closing));
          }
        }
      }
    }
  }

  /** Drops the <br>, <b> and <p> that wrap answers in devops-exercises style ("</summary><br><b>…</b>"). */
  static String unwrap(String s) {
    String prev;
    do {
      prev = s;
      s = s.strip();
      String head = leadingTag(s);
      if (head != null && (head.equals("br") || head.equals("b") || head.equals("/b") || head.equals("strong"))) {
        s = s.substring(s.indexOf('>') + 1);
        continue;
      }
      String tail = trailingTag(s);
      if (tail != null && (tail.equals("br") || tail.equals("/b") || tail.equals("b") || tail.equals("/strong"))) {
        s = s.substring(0, s.lastIndexOf('<'));
        continue;
      }
      if ("p".equals(head) && "/p".equals(tail)) s = s.substring(s.indexOf('>') + 1, s.lastIndexOf('<'));
    } while (!s.equals(prev));
    return s;
  }

  /** "br" for "<br/>", "/b" for "</b>": the name of a simple tag at the start, or null. */
  private static String leadingTag(String s) {
    if (!s.startsWith("<")) return null;
    int gt = s.indexOf('>');
    return gt < 0 ? null : tagName(s.substring(1, gt));
  }

  private static String trailingTag(String s) {
    if (!s.endsWith(">")) return null;
    int lt = s.lastIndexOf('<');
    return lt < 0 ? null : tagName(s.substring(lt + 1, s.length() - 1));
  }

  private static String tagName(String inner) {
    String n = inner.strip().toLowerCase(Locale.ROOT);
    if (n.endsWith("/")) n = n.substring(0, n.length() - 1).strip();
    return n.matches("/?[a-z]+") ? n : null;
  }

  // ---- layout 2: a bold line, then the answer -------------------------------------------------

  /** A paragraph that is one bold span (plus difficulty emoji), maybe with the answer on the next lines. */
  private record BoldLine(Paragraph paragraph, StrongEmphasis strong, String markers, boolean continued) {}

  private Pass bold() {
    Pass pass = new Pass(BOLD);
    List<Integer> at = new ArrayList<>();
    List<BoldLine> lines = new ArrayList<>();
    for (int i = 0; i < top.size(); i++) {
      BoldLine b = top.get(i) instanceof Paragraph p ? boldLine(p) : null;
      if (b != null) {
        at.add(i);
        lines.add(b);
      }
    }
    for (int k = 0; k < at.size(); k++) {
      BoldLine b = lines.get(k);
      int from = at.get(k) + 1;
      int to = from;
      while (to < top.size() && !(top.get(to) instanceof Heading) && (k + 1 >= at.size() || to < at.get(k + 1))) to++;
      List<Node> body = trimSeparators(top.subList(from, to));
      int firstLine = b.continued() ? doc.lineOf(doc.end(b.strong()) - 1) + 1 : body.isEmpty() ? -1 : doc.startLine(body.get(0));
      int lastLine = body.isEmpty() ? (b.continued() ? doc.endLine(b.paragraph()) : -1) : doc.endLine(body.get(body.size() - 1));
      String answer = firstLine < 0 ? "" : Doc.block(doc.lines(firstLine, lastLine));
      int end = lastLine < 0 ? doc.end(b.paragraph()) : doc.lineEnd(lastLine);
      String question = (doc.inner(b.strong()) + " " + b.markers()).strip();
      pass.items().add(new Item(doc.start(b.paragraph()), end, doc.startLine(b.paragraph()) + 1, question, answer));
    }
    return pass;
  }

  private BoldLine boldLine(Paragraph p) {
    StringBuilder markers = new StringBuilder();
    Node n = p.getFirstChild();
    while (n instanceof Text t && Texts.onlyMarkers(t.getLiteral())) {
      markers.append(t.getLiteral());
      n = n.getNext();
    }
    if (!(n instanceof StrongEmphasis strong)) return null;
    boolean continued = false;
    for (Node m = strong.getNext(); m != null; m = m.getNext()) {
      if (m instanceof Text t && Texts.onlyMarkers(t.getLiteral())) {
        markers.append(' ').append(t.getLiteral());
      } else if (m instanceof SoftLineBreak || m instanceof HardLineBreak) {
        continued = true;
        break;
      } else {
        return null;
      }
    }
    String plain = Doc.plain(strong);
    // "**Note:**" and friends label answer parts; they are not questions
    if (plain.isEmpty() || plain.endsWith(":")) return null;
    return new BoldLine(p, strong, markers.toString().strip(), continued);
  }

  private static List<Node> trimSeparators(List<Node> blocks) {
    int from = 0;
    int to = blocks.size();
    while (from < to && Doc.isSeparator(blocks.get(from))) from++;
    while (to > from && Doc.isSeparator(blocks.get(to - 1))) to--;
    return blocks.subList(from, to);
  }

  // ---- layout 3: ### question heading, then the answer ----------------------------------------

  private Pass headings() {
    Pass pass = new Pass(HEADING);
    List<Integer> at = new ArrayList<>();
    for (int i = 0; i < top.size(); i++) if (top.get(i) instanceof Heading) at.add(i);
    for (int k = 0; k < at.size(); k++) {
      Heading h = (Heading) top.get(at.get(k));
      int next = k + 1 < at.size() ? at.get(k + 1) : top.size();
      // a question is a leaf heading: sections are the headings that have sub-headings
      boolean leaf = next == top.size() || ((Heading) top.get(next)).getLevel() <= h.getLevel();
      if (h.getLevel() < 3 || !leaf) continue;
      List<Node> body = trimSeparators(top.subList(at.get(k) + 1, next));
      String answer = body.isEmpty() ? "" : Doc.block(doc.lines(doc.startLine(body.get(0)), doc.endLine(body.get(body.size() - 1))));
      int end = body.isEmpty() ? doc.end(h) : doc.end(body.get(body.size() - 1));
      pass.questionHeadings().add(h);
      pass.items().add(new Item(doc.start(h), end, doc.startLine(h) + 1, doc.inner(h), answer));
    }
    return pass;
  }

  // ---- layout 4: !!! Question with === "Question" / === "Answer" tabs -------------------------

  private Pass admonitions() {
    Pass pass = new Pass(ADMONITION);
    for (Node n : top) {
      if (!(n instanceof Paragraph p)) continue;
      int first = doc.startLine(p);
      String title = questionAdmonition(doc.lines[first]);
      if (title == null) continue;
      // the body is every following line that is blank or indented: commonmark sees it as paragraph
      // continuation or indented code, so it is read by lines
      int last = first;
      for (int k = first + 1; k < doc.lines.length && (Doc.blank(doc.lines[k]) || Doc.indent(doc.lines[k]) >= 4); k++) {
        if (!Doc.blank(doc.lines[k])) last = k;
      }
      List<String> body = new ArrayList<>();
      for (int k = first + 1; k <= last; k++) body.add(Doc.dedent(doc.lines[k], 4));
      admonitionItem(pass, first, last, title, body);
    }
    return pass;
  }

  private void admonitionItem(Pass pass, int first, int last, String title, List<String> body) {
    String question = null;
    String answer = null;
    boolean tabbed = false;
    String tab = null;
    List<String> content = new ArrayList<>();
    for (int i = 0; i <= body.size(); i++) {
      String line = i < body.size() ? body.get(i) : null;
      String next = line == null ? "" : tabTitle(line);
      if (next == null && line != null) {
        if (tab != null && (Doc.blank(line) || Doc.indent(line) >= 4)) content.add(Doc.dedent(line, 4));
        continue;
      }
      // a tab ends here: keep what it held
      if (tab != null) {
        String text = Doc.block(content);
        String name = tab.toLowerCase(Locale.ROOT);
        if (name.equals("question") && question == null) question = questionText(text);
        else if (ANSWER_TABS.contains(name) && answer == null) answer = text;
      }
      if (line != null) {
        tabbed = true;
        tab = next;
        content.clear();
      }
    }
    if (!tabbed) answer = Doc.block(body);
    if (question == null && !title.isBlank()) question = title.strip();
    int line = first + 1;
    if (question == null || question.isBlank()) {
      pass.skipped().add(new Extract.Skip(line, "question admonition without a question"));
      return;
    }
    pass.items().add(new Item(doc.lineStart(first), doc.lineEnd(last), line, question, answer == null ? "" : answer));
  }

  /** The title of a question admonition ("" when untitled), or null when the line starts none. */
  static String questionAdmonition(String line) {
    String s = line.strip();
    String rest;
    if (s.startsWith("!!!")) rest = s.substring(3);
    else if (s.startsWith("???+")) rest = s.substring(4);
    else if (s.startsWith("???")) rest = s.substring(3);
    else return null;
    rest = rest.strip();
    int space = 0;
    while (space < rest.length() && !Character.isWhitespace(rest.charAt(space))) space++;
    if (!QUESTION_TYPES.contains(rest.substring(0, space).toLowerCase(Locale.ROOT))) return null;
    return unquote(rest.substring(space).strip());
  }

  /** The title of a content tab line (=== "Answer"), or null when the line is none. */
  private static String tabTitle(String line) {
    if (Doc.indent(line) != 0 || !line.startsWith("===")) return null;
    String rest = line.substring(3);
    if (rest.startsWith("!") || rest.startsWith("+")) rest = rest.substring(1);
    if (!rest.isEmpty() && !Character.isWhitespace(rest.charAt(0))) return null;
    return unquote(rest.strip());
  }

  private static String unquote(String s) {
    return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
  }

  /** A question tab often holds one heading or paragraph: its text, not the "####". */
  private static String questionText(String markdown) {
    Doc d = new Doc(markdown);
    List<Node> blocks = Doc.children(d.root);
    if (blocks.size() == 1 && (blocks.get(0) instanceof Heading || blocks.get(0) instanceof Paragraph)) return d.inner(blocks.get(0));
    return markdown.strip();
  }
}
