package idrill.interop;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What reads as a question, an answer label, a numbering prefix or navigation, by the words people write. */
final class Questions {
  /** "Q1:", "Q.", "Qn.", "Question 12.", "1.", "1)", "#3": numbering that is not part of the question. */
  private static final Pattern PREFIX = Pattern.compile(
      "^(?:(?:q(?:uestion)?\\s*(?:\\d+|n)?\\s*[.:)\\-–]|q\\d+\\b|question\\s+\\d+\\b)\\s*|#?\\s*\\d+(?:\\.\\d+)*\\s*[.):\\-–]\\s+)",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern Q_PREFIX = Pattern.compile("^(?:q(?:uestion)?\\s*(?:\\d+|n)?\\s*[.:)\\-–]|q\\d+\\b|question\\s+\\d+\\b)",
      Pattern.CASE_INSENSITIVE);
  /** Words a question or an exercise starts with; three words at least, so "How it works" alone is a section. */
  private static final Set<String> OPENERS = Set.of("what", "what's", "whats", "why", "how", "when", "where", "which", "who",
      "whose", "whom", "is", "are", "was", "were", "do", "does", "did", "can", "could", "should", "would", "will", "shall",
      "explain", "describe", "define", "list", "compare", "write", "implement", "create", "generate", "give", "tell",
      "discuss", "differentiate", "distinguish", "mention", "elaborate", "given", "consider", "name", "find", "suppose",
      "contrast", "briefly", "illustrate", "demonstrate", "identify", "predict", "prove", "solve", "derive", "calculate",
      "estimate", "evaluate");
  private static final Pattern ANSWER_LABEL = Pattern.compile(
      "^(?:answers?|the answer|solutions?|explanation|view (?:the )?(?:answer|solution)|show (?:the )?(?:answer|solution)"
          + "|see (?:the )?(?:answer|solution)|reveal(?: answer)?|click (?:here )?to (?:expand|see|show|view|reveal)(?: (?:the )?answer)?)"
          + "\\b\\W*(?:[:\\-–]\\s*(.*))?$", Pattern.CASE_INSENSITIVE);
  private static final Pattern NAVIGATION = Pattern.compile(
      "^[\\W_]*(?:back to (?:the )?top|go to top|to the top|scroll to top|return to top|top of page|back to contents"
          + "|(?:view |show )?(?:table of )?contents|toc)(?:\\s*\\(#[^)]*\\))?[\\W_]*$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern COUNT = Pattern.compile("\\s*[(\\[]\\s*\\d+\\s*(?:questions?|qs?|items?)?\\s*[)\\]]\\s*$",
      Pattern.CASE_INSENSITIVE);
  private static final Set<String> GENERIC_SECTIONS = Set.of("questions", "question", "q&a", "q & a", "qa", "faq", "faqs",
      "questions and answers", "questions & answers", "interview questions", "interview questions and answers",
      "interview", "table of contents", "contents", "toc");

  private Questions() {}

  /** The question without its numbering: "Q1. What is X?" gives "What is X?". */
  static String stripPrefix(String text) {
    Matcher m = PREFIX.matcher(text);
    if (!m.find() || m.end() >= text.length()) return text;
    return text.substring(m.end()).strip();
  }

  /** The shape of a numbering prefix ("9." for "12. ", "q9:" for "Q3: ", "#9." for "# 1. "), "" for none. */
  static String numbering(String text) {
    Matcher m = PREFIX.matcher(text);
    if (!m.find() || m.end() >= text.length()) return "";
    return m.group().strip().toLowerCase(Locale.ROOT).replaceAll("\\d+", "9").replaceAll("\\s+", "");
  }

  /** True when plain text reads as a question: ends with '?', has a Q prefix, or opens like one. */
  static boolean reads(String plain) {
    String s = plain.strip();
    if (s.isEmpty() || isAnswerLabel(s) || isNavigation(s)) return false;
    if (Q_PREFIX.matcher(s).find() && s.length() > 3) return true;
    s = stripPrefix(s);
    if (s.endsWith("?") || s.endsWith("\uFF1F")) return true;
    String[] words = s.toLowerCase(Locale.ROOT).split("[\\s,]+");
    return words.length >= 3 && OPENERS.contains(words[0].replace('\u2019', '\''));
  }

  /** "Answer", "Show answer", "Solution": a label that opens an answer rather than asking anything. */
  static boolean isAnswerLabel(String plain) {
    return ANSWER_LABEL.matcher(plain.strip()).matches();
  }

  /** What an answer label says beyond the label: "B" for "Answer: B", "" for "Answer". */
  static String labelRest(String plain) {
    Matcher m = ANSWER_LABEL.matcher(plain.strip());
    return m.matches() && m.group(1) != null ? m.group(1).strip() : "";
  }

  /** "⬆ Back to Top", "↥ back to top", "Table of Contents": navigation, never content. */
  static boolean isNavigation(String plain) {
    return NAVIGATION.matcher(plain.strip()).matches();
  }

  /**
   * A section name as a tag would filter by it: "(25 questions)" counts, numbering and a trailing
   * "interview questions" go; null when nothing specific is left ("Questions", "Q&A").
   */
  static String section(String plain) {
    String s = COUNT.matcher(plain.strip()).replaceAll("").strip();
    s = stripPrefix(s);
    String lower = s.toLowerCase(Locale.ROOT);
    if (GENERIC_SECTIONS.contains(lower) || isNavigation(s)) return null;
    for (String tail : new String[] {" interview questions and answers", " interview questions", " questions and answers",
        " questions", " q&a", " faq"}) {
      if (lower.endsWith(tail) && lower.length() > tail.length()) return s.substring(0, s.length() - tail.length()).strip();
    }
    return s.isEmpty() ? null : s;
  }
}
