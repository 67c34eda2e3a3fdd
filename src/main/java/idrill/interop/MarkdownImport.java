package idrill.interop;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.commonmark.node.Heading;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;

/**
 * Questions and answers out of Markdown, in the layouts interview-question repositories use:
 * &lt;details&gt; blocks, question headings and bold question lines ({@link Outline}), mkdocs-material question
 * admonitions. Structure comes from commonmark; answers are cut from the source by line so they keep their Markdown.
 */
final class MarkdownImport {
  static final String DETAILS = "details";
  static final String BOLD = "bold";
  static final String HEADING = "heading";
  static final String ADMONITION = "admonition";
  static final String NONE = "none";

  private static final Set<String> QUESTION_TYPES = Set.of("question", "help", "faq");
  private static final Set<String> ANSWER_TABS = Set.of("answer", "solution");

  /** One question: 1-based line, texts as written (answer may be blank), the marks of its sections. */
  private record Item(int line, String question, String answer, List<String> sections) {}

  /** What one layout finds. */
  private record Pass(String layout, List<Item> items, List<Extract.Skip> skipped) {
    Pass(String layout) {
      this(layout, new ArrayList<>(), new ArrayList<>());
    }
  }

  private final Doc doc;
  private final List<Node> top;
  private final Outline outline;
  /** The one H1 of a file is its title: it filters nothing, so it is no tag. */
  private final Heading title;

  private MarkdownImport(Doc doc) {
    this.doc = doc;
    this.top = Doc.children(doc.root);
    this.outline = new Outline(doc);
    Heading only = null;
    int h1 = 0;
    for (Node n : top) {
      if (n instanceof Heading h && h.getLevel() == 1) {
        h1++;
        only = h;
      }
    }
    this.title = h1 == 1 ? only : null;
  }

  static Extract read(String markdown) {
    return new MarkdownImport(new Doc(withoutFrontMatter(markdown))).extract();
  }

  /** Jekyll/Eleventy front matter (--- yaml ---) blanked, so line numbers stay and it reads as no heading. */
  static String withoutFrontMatter(String markdown) {
    String s = Doc.normalize(markdown);
    if (!s.startsWith("---\n")) return s;
    int end = s.indexOf("\n---\n", 3);
    if (end < 0) return s;
    return "\n".repeat((int) s.substring(0, end + 5).chars().filter(c -> c == '\n').count()) + s.substring(end + 5);
  }

  private Extract extract() {
    Pass best = null;
    // ties go to the more specific layout: a details file has headings too
    for (Pass p : List.of(details(), admonitions(), outlined())) {
      if (!p.items().isEmpty() && (best == null || p.items().size() > best.items().size())) best = p;
    }
    if (best == null) return new Extract(NONE, List.of(), List.of(), whyNone());
    List<Extract.Found> out = new ArrayList<>();
    for (Item i : best.items()) {
      OwnFormats.Annotated a = OwnFormats.annotations(i.answer());
      out.add(new Extract.Found(i.line(), i.question(), a.answer(), String.join(" / ", i.sections()), i.sections(),
          a.id(), a.difficulty(), a.refs()));
    }
    return new Extract(best.layout(), out, best.skipped(), "");
  }

  /** Why a document gave no question: said in words, since exit 3 alone tells nothing. */
  private String whyNone() {
    int asked = 0;
    int links = 0;
    int lists = 0;
    for (Node n : top) {
      if (!(n instanceof ListBlock list)) continue;
      lists++;
      if (Outline.isLinkList(list, false)) links++;
      for (Node item = list.getFirstChild(); item != null; item = item.getNext()) asked += askedItems(item);
    }
    if (asked >= 2) return "a list of " + asked + " questions without answers";
    if (links > 0 && 2 * links >= lists) return "a list of links, not questions and answers";
    if (outline.marks.isEmpty()) return "no heading, bold line or <details> block reads as a question";
    return "its headings name topics, none asks a question";
  }

  private static int askedItems(Node item) {
    int n = 0;
    if (item.getFirstChild() instanceof Paragraph p && Texts.plain(textOf(p)).strip().endsWith("?")) n++;
    for (Node c = item.getFirstChild(); c != null; c = c.getNext()) {
      if (c instanceof ListBlock sub) for (Node i = sub.getFirstChild(); i != null; i = i.getNext()) n += askedItems(i);
    }
    return n;
  }

  private static String textOf(Paragraph p) {
    return Doc.plain(p);
  }

  /** Section names above a source offset, outermost first, as tags would filter by them. */
  private List<String> sectionsAt(List<Heading> sections, int[] next, List<Heading> stack, int offset) {
    while (next[0] < sections.size() && doc.start(sections.get(next[0])) < offset) {
      Heading h = sections.get(next[0]++);
      while (!stack.isEmpty() && stack.get(stack.size() - 1).getLevel() >= h.getLevel()) stack.remove(stack.size() - 1);
      stack.add(h);
    }
    List<String> names = new ArrayList<>();
    for (Heading h : stack) {
      if (h == title) continue;
      String name = Questions.section(Doc.plain(h));
      if (name != null && !name.isEmpty()) names.add(name);
    }
    return names;
  }

  /** Headings outside the items' spans, in order: the sections of a details or admonition file. */
  private List<Heading> headingsOutside(List<int[]> spans) {
    List<Heading> out = new ArrayList<>();
    int k = 0;
    for (Node n : top) {
      if (!(n instanceof Heading h)) continue;
      int at = doc.start(h);
      while (k < spans.size() && spans.get(k)[1] <= at) k++;
      if (k < spans.size() && spans.get(k)[0] <= at) continue;
      out.add(h);
    }
    return out;
  }

  // ---- headings and bold lines ------------------------------------------------------------------

  private Pass outlined() {
    Pass pass = new Pass(outline.level == Outline.BOLD ? BOLD : HEADING);
    List<Heading> sections = new ArrayList<>();
    List<Node> headings = new ArrayList<>();
    for (Node n : top) if (n instanceof Heading h) headings.add(h);
    // sections are marks of top-level headings; map them by line
    java.util.Map<Integer, Heading> byLine = new java.util.HashMap<>();
    for (Node h : headings) byLine.put(doc.startLine(h), (Heading) h);
    List<Integer> order = new ArrayList<>(outline.sections);
    order.sort(null);
    for (int s : order) {
      Heading h = byLine.get(outline.marks.get(s).line());
      if (h != null) sections.add(h);
    }
    int[] next = {0};
    List<Heading> stack = new ArrayList<>();
    for (Outline.Hit hit : outline.hits) {
      Outline.Mark m = outline.marks.get(hit.mark());
      String body = hit.from() > hit.to() ? "" : Doc.block(doc.lines(hit.from(), hit.to()));
      Outline.Parts parts = Outline.split(Questions.stripPrefix(m.text()), body);
      pass.items().add(new Item(m.line() + 1, parts.question(), parts.answer(),
          sectionsAt(sections, next, stack, doc.lineStart(m.line()))));
    }
    return pass;
  }

  // ---- <details><summary>question</summary> answer </details> ----------------------------------

  private Pass details() {
    Pass pass = new Pass(DETAILS);
    List<Details.Block> blocks = Details.find(doc);
    List<int[]> spans = new ArrayList<>();
    for (Details.Block b : blocks) spans.add(new int[] {b.open().at(), b.end()});
    List<Heading> sections = headingsOutside(spans);
    int[] next = {0};
    List<Heading> stack = new ArrayList<>();
    for (Details.Block b : blocks) {
      int line = doc.lineOf(b.open().at()) + 1;
      if (b.summaryClose() == null) {
        pass.skipped().add(new Extract.Skip(line, "<details> without a <summary>"));
        continue;
      }
      String question = summary(b.summary(doc));
      String plain = Texts.plain(question);
      // "Answer" and "View contents" summaries fold an answer or a table of contents away: no question
      if (Questions.isAnswerLabel(plain) || Questions.isNavigation(plain)) continue;
      String inner = unwrap(doc.text.substring(b.summaryClose().end(), b.close()));
      String answer = Doc.block(Outline.tidy(inner));
      if (isTableOfContents(answer)) continue;
      pass.items().add(new Item(line, question, answer, sectionsAt(sections, next, stack, b.open().at())));
    }
    return pass;
  }

  /** A summary of HTML gives Markdown; one of Markdown (blank lines, lists, fences) stays as written. */
  private static String summary(String inner) {
    String s = unwrap(inner);
    if (s.strip().contains("\n\n") || s.contains("```") || s.contains("~~~")) return Doc.block(s);
    return HtmlToMarkdown.convert(inner);
  }

  private static boolean isTableOfContents(String markdown) {
    Node first = Texts.PARSER.parse(markdown).getFirstChild();
    return first instanceof ListBlock list && first.getNext() == null && Outline.isLinkList(list, true);
  }

  /** Drops the <br>, <b> and <p> that wrap answers in devops-exercises style ("</summary><br><b>…</b>"). */
  static String unwrap(String s) {
    String prev;
    do {
      prev = s;
      String lead = s.stripLeading();
      String head = leadingTag(lead);
      if (head != null && (head.equals("br") || head.equals("b") || head.equals("/b") || head.equals("strong"))) {
        s = lead.substring(lead.indexOf('>') + 1);
        continue;
      }
      String trail = s.stripTrailing();
      String tail = trailingTag(trail);
      if (tail != null && (tail.equals("br") || tail.equals("/b") || tail.equals("b") || tail.equals("/strong"))) {
        s = trail.substring(0, trail.lastIndexOf('<'));
        continue;
      }
      if ("p".equals(head) && "/p".equals(tail)) s = lead.substring(lead.indexOf('>') + 1, trail.lastIndexOf('<') - (s.length() - lead.length()));
    } while (!s.equals(prev));
    // blank lines go; the first line's indentation stays only where it nests a list (an answer that opens
    // with one), elsewhere it is what followed a <br> or <b>
    String first = s.replaceFirst("^(\\s*\\n)+", "");
    boolean listFirst = first.stripLeading().matches("(?s)([-*+]|\\d{1,9}[.)])(\\s.*|$)");
    return Doc.block(listFirst ? first : first.stripLeading());
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

  // ---- layout 4: !!! Question with === "Question" / === "Answer" tabs -------------------------

  private Pass admonitions() {
    Pass pass = new Pass(ADMONITION);
    List<Heading> sections = headingsOutside(List.of());
    int[] next = {0};
    List<Heading> stack = new ArrayList<>();
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
      admonitionItem(pass, first, title, body, sectionsAt(sections, next, stack, doc.lineStart(first)));
    }
    return pass;
  }

  private void admonitionItem(Pass pass, int first, String title, List<String> body, List<String> sections) {
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
    pass.items().add(new Item(line, question, answer == null ? "" : answer, sections));
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
