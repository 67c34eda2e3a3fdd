package idrill.bank;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Spots questions that ask the same thing in other words, by overlap of their meaningful words. */
final class NearDuplicates {
  /** Above this many questions the quadratic comparison is skipped. */
  static final int MAX_QUESTIONS = 5_000;
  static final double JACCARD = 0.6;

  // words that carry no topic: question phrasing, plus the field names that every ML question repeats
  private static final Set<String> STOP = Set.of(
      "what", "whats", "is", "are", "was", "the", "a", "an", "in", "of", "and", "or", "how", "do", "does", "did",
      "you", "your", "can", "could", "would", "should", "explain", "describe", "define", "definition", "concept",
      "difference", "differences", "between", "machine", "learning", "deep", "to", "for", "on", "with", "by",
      "why", "when", "which", "who", "it", "its", "this", "that", "these", "those", "be", "vs", "versus",
      "about", "from", "as", "at", "into", "meant", "mean", "meaning", "i", "we", "give", "example", "examples",
      "briefly", "please", "main", "some", "there", "if", "s");

  private NearDuplicates() {}

  /** The topic words of a question: lowercase, punctuation dropped, stop words removed. */
  static Set<String> words(String text) {
    Set<String> out = new HashSet<>();
    StringBuilder w = new StringBuilder();
    String lower = text.toLowerCase(Locale.ROOT);
    for (int i = 0; i <= lower.length(); i++) {
      char c = i < lower.length() ? lower.charAt(i) : ' ';
      if (Character.isLetterOrDigit(c)) {
        w.append(c);
        continue;
      }
      // hyphens and apostrophes join, so "k-means" meets "kmeans" and "what's" meets "whats"
      if (c == '-' || c == '\'' || c == '\u2019') continue;
      if (w.length() > 0) {
        String word = w.toString();
        if (!STOP.contains(word)) out.add(word);
        w.setLength(0);
      }
    }
    return out;
  }

  /** True when two questions' topic words mostly coincide, or one's (two or more) words all occur in the other. */
  static boolean similar(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) return false;
    Set<String> small = a.size() <= b.size() ? a : b;
    Set<String> large = small == a ? b : a;
    int common = 0;
    for (String w : small) if (large.contains(w)) common++;
    if (common == small.size() && small.size() >= 2) return true;
    int union = a.size() + b.size() - common;
    return common >= JACCARD * union;
  }

  /** Warns at each question that resembles an earlier one; {@code where} gives each question's position. */
  static void check(List<Question> questions, List<Position> where, List<BankProblem> problems) {
    if (questions.size() > MAX_QUESTIONS) return;
    @SuppressWarnings("unchecked")
    Set<String>[] words = new Set[questions.size()];
    for (int i = 0; i < words.length; i++) words[i] = words(questions.get(i).question());
    for (int i = 1; i < words.length; i++) {
      for (int j = 0; j < i; j++) {
        if (similar(words[j], words[i])) {
          Position first = where.get(j);
          problems.add(new BankProblem(where.get(i), BankProblem.Severity.WARNING,
              "question is very similar to " + questions.get(j).id() + " (" + first.file() + ":" + first.line() + ")"));
          break;
        }
      }
    }
  }
}
