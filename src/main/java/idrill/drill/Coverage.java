package idrill.drill;

import idrill.bank.Question;
import idrill.review.Grade;
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

/**
 * Which of a question's key terms a typed answer mentions. Terms are the bank's {@code keywords} (an entry
 * {@code "a|b"} is covered by either), else the answer's bold text and inline code. Matching ignores case,
 * punctuation, hyphens and spaces between words, and simple English plurals.
 */
public record Coverage(List<String> covered, List<String> missed) {
  /** Longest run of answer words one term may span ("mini batch" for "minibatch" and back). */
  private static final int MAX_SPAN = 8;
  /** Bold text longer than this is emphasis, not a term. */
  private static final int MAX_TERM_WORDS = 5;

  public Coverage {
    covered = List.copyOf(covered);
    missed = List.copyOf(missed);
  }

  public int total() {
    return covered.size() + missed.size();
  }

  /** The typed answer measured against the question's key terms. */
  public static Coverage of(Question q, String typed) {
    List<String> words = words(typed == null ? "" : typed);
    List<String> covered = new ArrayList<>();
    List<String> missed = new ArrayList<>();
    for (String term : terms(q)) {
      String hit = null;
      for (String alt : term.split("\\|")) {
        if (mentions(words, alt.strip())) {
          hit = alt.strip();
          break;
        }
      }
      if (hit != null) covered.add(hit);
      else missed.add(term.split("\\|")[0].strip());
    }
    return new Coverage(covered, missed);
  }

  /** The key terms: the bank's keywords, or the answer's bold text and inline code (each once, in order). */
  public static List<String> terms(Question q) {
    if (!q.keywords().isEmpty()) return q.keywords();
    Set<String> found = new LinkedHashSet<>();
    Node doc = Parser.builder().build().parse(q.answer());
    doc.accept(new AbstractVisitor() {
      @Override
      public void visit(StrongEmphasis strong) {
        StringBuilder sb = new StringBuilder();
        collect(strong, sb);
        add(sb.toString());
      }

      @Override
      public void visit(Code code) {
        add(code.getLiteral());
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

  /** Whether some run of the answer's words spells the term, spaces and hyphens aside. */
  static boolean mentions(List<String> words, String term) {
    String want = String.join("", words(term));
    if (want.isEmpty()) return false;
    for (int i = 0; i < words.size(); i++) {
      StringBuilder run = new StringBuilder();
      for (int j = i; j < words.size() && j - i < MAX_SPAN && run.length() < want.length(); j++) {
        run.append(words.get(j));
        if (run.length() == want.length() && run.toString().equals(want)) return true;
      }
    }
    return false;
  }

  /** Lower-case words of letters and digits, each in its singular form. */
  static List<String> words(String text) {
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

  /** A grade to suggest from the share of terms covered; null without terms. The user still decides. */
  public Grade suggested() {
    if (total() == 0) return null;
    double share = covered.size() / (double) total();
    if (share >= 0.999) return Grade.EASY;
    if (share >= 0.6) return Grade.GOOD;
    if (share >= 0.3) return Grade.HARD;
    return Grade.AGAIN;
  }

  /** E.g. "covered 3/5: chain rule, gradient, weights · missed: learning rate, loss". */
  public String line() {
    if (total() == 0) return "no key terms to check";
    StringBuilder sb = new StringBuilder("covered ").append(covered.size()).append('/').append(total());
    if (!covered.isEmpty()) sb.append(": ").append(String.join(", ", covered));
    if (!missed.isEmpty()) sb.append(" · missed: ").append(String.join(", ", missed));
    return sb.toString();
  }
}
