package idrill.drill;

import idrill.bank.Question;
import idrill.render.KeyTerms;
import idrill.review.Grade;
import java.util.ArrayList;
import java.util.List;

/**
 * Which of a question's key terms a typed answer mentions. Terms are the bank's {@code keywords} (an entry
 * {@code "a|b"} is covered by either), else the answer's bold text and inline code. Matching ignores case,
 * punctuation, hyphens and spaces between words, and simple English plurals.
 */
public record Coverage(List<String> covered, List<String> missed) {
  /** Longest run of answer words one term may span ("mini batch" for "minibatch" and back). */
  private static final int MAX_SPAN = 8;

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
    return q.keywords().isEmpty() ? KeyTerms.marked(q.answer(), true) : q.keywords();
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

  static List<String> words(String text) {
    return KeyTerms.words(text);
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
