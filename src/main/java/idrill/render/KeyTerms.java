package idrill.render;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Node;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/** The terms a Markdown answer marks as key (its bold text, and inline code), and the words terms are matched by. */
public final class KeyTerms {
  /** Bold text longer than this is emphasis, not a term. */
  private static final int MAX_TERM_WORDS = 5;

  private KeyTerms() {}

  /** Each bold run (and, with code, each inline code span) that reads as a term, once, in order. */
  public static List<String> marked(String markdown, boolean code) {
    Set<String> found = new LinkedHashSet<>();
    Node doc = Parser.builder().build().parse(markdown);
    doc.accept(new AbstractVisitor() {
      @Override
      public void visit(StrongEmphasis strong) {
        StringBuilder sb = new StringBuilder();
        collect(strong, sb);
        add(sb.toString());
      }

      @Override
      public void visit(Code c) {
        if (code) add(c.getLiteral());
      }

      private void add(String term) {
        String t = term.strip().replaceAll("\\s+", " ");
        // "**Note:**" is a label, and a bold sentence is emphasis, not a term
        if (t.endsWith(":") || words(t).size() > MAX_TERM_WORDS) return;
        if (t.endsWith(".")) t = t.substring(0, t.length() - 1).strip();
        if (!words(t).isEmpty()) found.add(t);
      }
    });
    return List.copyOf(found);
  }

  private static void collect(Node n, StringBuilder sb) {
    for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
      if (c instanceof Text) sb.append(((Text) c).getLiteral());
      else if (c instanceof Code) sb.append(((Code) c).getLiteral());
      else collect(c, sb);
      if (c.getNext() != null && !(c instanceof Text)) sb.append(' ');
    }
  }

  /** Lower-case words of letters and digits, each in its singular form. */
  public static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty()) out.add(singular(w));
    }
    return out;
  }

  /** Simple English plurals: -ies → -y, -sses/-xes/-ches/-shes lose -es, else a final -s (not -ss, -us, -is). */
  static String singular(String w) {
    if (w.length() > 4 && w.endsWith("ies")) return w.substring(0, w.length() - 3) + "y";
    if (w.length() > 4 && (w.endsWith("sses") || w.endsWith("xes") || w.endsWith("ches") || w.endsWith("shes"))) {
      return w.substring(0, w.length() - 2);
    }
    if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
      return w.substring(0, w.length() - 1);
    }
    return w;
  }
}
