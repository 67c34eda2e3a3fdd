package idrill.interop;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;

/** &lt;details&gt; blocks of a document, found in what commonmark saw as HTML, outermost only. */
final class Details {
  /** A details or summary tag: [at, end) in the source. */
  record Tag(int at, int end, String name, boolean closing) {}

  /** One block: its open tag, its summary's tags (null when missing), and [close, end) of its closing tag. */
  record Block(Tag open, Tag summaryOpen, Tag summaryClose, int close, int end) {
    String summary(Doc doc) {
      return doc.text.substring(summaryOpen.end(), summaryClose.at());
    }
  }

  private Details() {}

  static List<Block> find(Doc doc) {
    List<Tag> tags = new ArrayList<>();
    doc.root.accept(new AbstractVisitor() {
      @Override public void visit(HtmlBlock h) { scan(doc, h, tags); }
      @Override public void visit(HtmlInline h) { scan(doc, h, tags); }
    });
    List<Block> out = new ArrayList<>();
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
          out.add(new Block(open, summaryOpen, summaryClose, t.at(), t.end()));
        }
      } else if (depth == 1) {
        if (!t.closing() && summaryOpen == null) summaryOpen = t;
        else if (t.closing() && summaryOpen != null && summaryClose == null) summaryClose = t;
      }
    }
    if (depth > 0) out.add(new Block(open, summaryOpen, summaryClose, doc.text.length(), doc.text.length()));
    return out;
  }

  private static void scan(Doc doc, Node html, List<Tag> out) {
    for (SourceSpan span : html.getSourceSpans()) {
      int from = span.getInputIndex();
      int to = from + span.getLength();
      for (int i = doc.text.indexOf('<', from); i >= 0 && i < to; i = doc.text.indexOf('<', i + 1)) {
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
}
