package idrill.interop;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.BulletList;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;

/**
 * Question headings and bold question lines, read as one outline: headings are levels 1–6 (a heading that
 * opens a list item counts too), bold lines level 7. The questions are the shallowest level where lines that
 * read as questions repeat; shallower headings, and headings at that level that ask nothing, are sections;
 * deeper ones, and bold labels, belong to the answer they are in. A section that holds no question at that
 * level is read again on its own, so a "Coding exercises" part with deeper question headings is found too.
 */
final class Outline {
  static final int BOLD = 7;

  /** A heading or bold line: first line, first body line, last line its body may reach (list items end). */
  record Mark(int level, int line, int bodyFrom, int limit, String text, boolean question, boolean heading, String numbered) {}

  /** A question found: its mark and body lines [from, to]. */
  record Hit(int mark, int from, int to) {}

  final Doc doc;
  final List<Mark> marks = new ArrayList<>();
  final List<Hit> hits = new ArrayList<>();
  final List<Integer> sections = new ArrayList<>();
  int level = -1;
  private boolean afterListItem;

  Outline(Doc doc) {
    this.doc = doc;
    for (Node n = doc.root.getFirstChild(); n != null; n = n.getNext()) collect(n);
    process(0, marks.size(), doc.lines.length);
  }

  private void collect(Node n) {
    if (n instanceof Heading h) {
      // "#### Answer: B" opens an answer: no question and no section; an indented heading after a list item's
      // question is that item's content written less indented than commonmark needs, no section
      boolean indented = afterListItem && Doc.indent(doc.lines[doc.startLine(h)]) > 0;
      if (!Questions.isAnswerLabel(Doc.plain(h)) && !indented) {
        marks.add(heading(h, Integer.MAX_VALUE));
        afterListItem = false;
      }
    } else if (n instanceof Paragraph p) {
      Mark b = bold(p);
      if (b != null) marks.add(b);
    } else if (n instanceof ListBlock list) {
      for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
        // an item with nothing under its heading had its answer written less indented than the item: it runs on
        if (item instanceof ListItem li && li.getFirstChild() instanceof Heading h) {
          marks.add(heading(h, h.getNext() == null ? Integer.MAX_VALUE : doc.endLine(li)));
          afterListItem = true;
        }
      }
    }
  }

  private Mark heading(Heading h, int limit) {
    String text = doc.inner(h);
    String plain = plainOf(text);
    return new Mark(h.getLevel(), doc.startLine(h), doc.endLine(h) + 1, limit, text, Questions.reads(plain), true,
        Questions.numbering(text));
  }

  private static String plainOf(String markdown) {
    return Texts.markers(Texts.plain(markdown)).text();
  }

  /** A paragraph that opens with one bold span (plus difficulty emoji), maybe with the answer on the next lines. */
  private Mark bold(Paragraph p) {
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
    int from = continued ? doc.lineOf(doc.end(strong) - 1) + 1 : doc.endLine(p) + 1;
    String text = (doc.inner(strong) + " " + markers.toString().strip()).strip();
    String plainText = plainOf(text);
    return new Mark(BOLD, doc.startLine(p), from, Integer.MAX_VALUE, text, Questions.reads(plainText), false,
        Questions.numbering(text));
  }

  /** Marks [from, to) whose text ends before line end. */
  private void process(int from, int to, int end) {
    int l = levelOf(from, to);
    if (l < 0) return;
    if (level < 0) level = l;
    // "13. Define variance" among "12. How …?" is a question too: numbered like the questions beside it
    java.util.Map<String, Integer> styles = new java.util.HashMap<>();
    for (int k = from; k < to; k++) {
      Mark m = marks.get(k);
      if (m.level() == l && m.question() && !m.numbered().isEmpty()) styles.merge(m.numbered(), 1, Integer::sum);
    }
    String numbered = "";
    int most = 1;
    for (var e : styles.entrySet()) {
      if (e.getValue() > most) {
        most = e.getValue();
        numbered = e.getKey();
      }
    }
    int i = from;
    while (i < to) {
      Mark m = marks.get(i);
      if (m.level() == l && asks(m, numbered)) {
        int j = i + 1;
        while (j < to && !boundary(marks.get(j), l, numbered)) j++;
        int last = Math.min((j < to ? marks.get(j).line() : end) - 1, m.limit());
        hits.add(new Hit(i, m.bodyFrom(), last));
        i = j;
      } else if (m.heading() && m.level() <= l) {
        sections.add(i);
        int j = i + 1;
        boolean holds = false;
        while (j < to && !(marks.get(j).heading() && marks.get(j).level() <= m.level())) {
          holds |= marks.get(j).level() == l && asks(marks.get(j), numbered);
          j++;
        }
        if (!holds && j > i + 1) {
          process(i + 1, j, j < to ? marks.get(j).line() : end);
          i = j;
        } else {
          i++;
        }
      } else {
        i++;
      }
    }
  }

  /** A question, or numbered in the style (non-empty) of the questions beside it. */
  private static boolean asks(Mark m, String numbered) {
    return m.question() || (!numbered.isEmpty() && numbered.equals(m.numbered()));
  }

  private static boolean boundary(Mark m, int level, String numbered) {
    return (m.heading() && m.level() <= level) || (m.level() == level && asks(m, numbered));
  }

  /**
   * The shallowest level where question lines repeat, are at least half its headings and a quarter of the
   * busiest level; a lone question heading when nothing repeats (one question per file); -1 for none.
   */
  private int levelOf(int from, int to) {
    int[] q = new int[BOLD + 1];
    int[] all = new int[BOLD + 1];
    for (int i = from; i < to; i++) {
      Mark m = marks.get(i);
      all[m.level()]++;
      if (m.question()) q[m.level()]++;
    }
    int max = 0;
    for (int c : q) max = Math.max(max, c);
    for (int l = 1; l <= BOLD; l++) {
      if (q[l] >= 2 && (l == BOLD || 2 * q[l] >= all[l]) && 4 * q[l] >= max) return l;
    }
    if (max == 1) {
      for (int l = 1; l <= BOLD; l++) if (q[l] == 1) return l;
    }
    return -1;
  }

  // ---- one question's body: which part asks and which answers ----------------------------------

  /** The question's own Markdown (heading text plus what belongs to it) and its answer. */
  record Parts(String question, String answer) {}

  static Parts split(String heading, String body) {
    Doc d = new Doc(tidy(body));
    List<Node> blocks = Doc.children(d.root);
    // 1. an answer label: <details><summary>Answer</summary> or a heading "Answer" / "Answer: B"
    for (Details.Block b : Details.find(d)) {
      if (b.summaryClose() != null && Questions.isAnswerLabel(Texts.plain(HtmlToMarkdown.convert(b.summary(d))))) {
        String answer = Doc.block(MarkdownImport.unwrap(d.text.substring(b.summaryClose().end(), b.close())))
            + "\n\n" + d.text.substring(b.end());
        return parts(heading, d.text.substring(0, b.open().at()), answer);
      }
    }
    for (Node n : blocks) {
      if (n instanceof Heading h && Questions.isAnswerLabel(Doc.plain(h))) {
        String rest = Questions.labelRest(Doc.plain(h));
        int from = rest.isEmpty() ? after(d, h) : d.lineStart(d.startLine(h));
        return parts(heading, d.text.substring(0, d.lineStart(d.startLine(h))), d.text.substring(from));
      }
    }
    // 2. multiple choice: the options go with the question, the ticked one and what follows answer it
    for (Node n : blocks) {
      if (n instanceof BulletList list && isChoices(d, list)) {
        StringBuilder options = new StringBuilder();
        StringBuilder ticked = new StringBuilder();
        for (int line = d.startLine(list); line <= d.endLine(list); line++) {
          String s = d.lines[line];
          String t = s.stripLeading();
          if (t.length() > 5 && (t.charAt(0) == '-' || t.charAt(0) == '*' || t.charAt(0) == '+') && t.charAt(2) == '[') {
            boolean tick = t.charAt(3) == 'x' || t.charAt(3) == 'X';
            String item = t.charAt(0) + " " + t.substring(5).strip();
            options.append(item).append('\n');
            if (tick) ticked.append(item).append('\n');
          } else {
            options.append(s).append('\n');
          }
        }
        String before = d.text.substring(0, d.lineStart(d.startLine(list)));
        String after = d.endLine(list) + 1 < d.lines.length ? d.text.substring(d.lineStart(d.endLine(list) + 1)) : "";
        return parts(heading, before + "\n" + options, ticked + "\n" + after);
      }
    }
    // 3. code or an image right after a question that points at it ("the following", "below", a colon)
    if (pointsBelow(Texts.plain(heading))) {
      int k = 0;
      while (k < blocks.size() && belongsToQuestion(blocks.get(k))) k++;
      if (k > 0 && k < blocks.size()) {
        int cut = d.lineStart(d.startLine(blocks.get(k)));
        return parts(heading, d.text.substring(0, cut), d.text.substring(cut));
      }
    }
    return new Parts(heading, Doc.block(d.text));
  }


  /** The offset just after a heading's last line. */
  private static int after(Doc d, Heading h) {
    int line = d.endLine(h) + 1;
    return line < d.lines.length ? d.lineStart(line) : d.text.length();
  }

  private static Parts parts(String heading, String extra, String answer) {
    String more = Doc.block(extra);
    String asked = tidy(more);
    return new Parts(asked.isEmpty() ? heading : heading + "\n\n" + asked, Doc.block(tidy(answer)));
  }

  private static boolean isChoices(Doc d, BulletList list) {
    int items = 0;
    for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
      String t = d.lines[d.startLine(item)].stripLeading();
      if (t.length() < 6 || !(t.startsWith("[ ] ", 2) || t.startsWith("[x] ", 2) || t.startsWith("[X] ", 2))) return false;
      items++;
    }
    return items >= 2;
  }

  private static boolean pointsBelow(String question) {
    String q = question.strip().toLowerCase(java.util.Locale.ROOT);
    return q.endsWith(":")
        || q.matches(".*\\b(following|below|this code|this snippet|the code|given code|snippet|output|what does this|what will this|evaluates? to)\\b.*");
  }

  private static boolean belongsToQuestion(Node n) {
    if (n instanceof FencedCodeBlock || n instanceof IndentedCodeBlock) return true;
    if (!(n instanceof Paragraph p)) return false;
    for (Node c = p.getFirstChild(); c != null; c = c.getNext()) {
      boolean blank = c instanceof Text t && t.getLiteral().isBlank();
      if (!(c instanceof Image) && !blank && !(c instanceof SoftLineBreak)) return false;
    }
    return true;
  }

  /**
   * Markdown without its navigation ("⬆ Back to Top" lines and blocks, tables of contents: lists of links to
   * #anchors) and without the rules and lone &lt;br&gt;s at its ends; one parse, lines blanked in place.
   */
  static String tidy(String markdown) {
    Doc d = new Doc(markdown);
    List<Node> blocks = Doc.children(d.root);
    int from = 0;
    int to = blocks.size();
    while (from < to && (Doc.isSeparator(blocks.get(from)) || isNavigation(blocks.get(from)))) from++;
    while (to > from && (Doc.isSeparator(blocks.get(to - 1)) || isNavigation(blocks.get(to - 1)))) to--;
    if (from == to) return "";
    String[] lines = null;
    for (int k = from; k < to; k++) {
      Node n = blocks.get(k);
      if (!isNavigation(n)) continue;
      if (lines == null) lines = d.lines.clone();
      for (int line = d.startLine(n); line <= d.endLine(n); line++) lines[line] = "";
    }
    int first = d.startLine(blocks.get(from));
    int last = d.endLine(blocks.get(to - 1));
    if (lines == null) return d.lines(first, last);
    return String.join("\n", java.util.Arrays.copyOfRange(lines, first, last + 1));
  }

  static boolean isNavigation(Node n) {
    if (n instanceof Paragraph || n instanceof Heading) {
      String plain = Doc.plain(n);
      return !plain.isEmpty() && Questions.isNavigation(plain) && hasLink(n);
    }
    if (n instanceof HtmlBlock h) {
      String text = org.jsoup.Jsoup.parseBodyFragment(h.getLiteral()).text();
      return !text.isBlank() && Questions.isNavigation(text) && h.getLiteral().contains("href");
    }
    if (n instanceof ListBlock list) return isLinkList(list, true);
    return false;
  }

  private static boolean hasLink(Node n) {
    for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
      if (c instanceof Link) return true;
      if (hasLink(c)) return true;
    }
    return false;
  }

  /** A list whose every item is one link (to an #anchor when anchors is true), nested lists alike. */
  static boolean isLinkList(ListBlock list, boolean anchors) {
    int items = 0;
    for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
      Node first = item.getFirstChild();
      if (!(first instanceof Paragraph p) || !(p.getFirstChild() instanceof Link link) || link.getNext() != null) return false;
      if (anchors && !link.getDestination().startsWith("#")) return false;
      for (Node rest = first.getNext(); rest != null; rest = rest.getNext()) {
        if (!(rest instanceof ListBlock sub) || !isLinkList(sub, anchors)) return false;
      }
      items++;
    }
    return items > 0;
  }
}
