package idrill.bank;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which questions a run is about: any of {@code tags}, none of {@code excludeTags}, question text
 * matching {@code grep}, answer text matching {@code grepAnswer} (both when both are given).
 */
public record Filter(List<String> tags, List<String> excludeTags, String grep, String grepAnswer) {
  public static final Filter NONE = new Filter(List.of(), List.of(), null, null);

  /** Nulls mean "no restriction"; an empty grep is none. */
  public Filter {
    tags = tags == null ? List.of() : List.copyOf(tags);
    excludeTags = excludeTags == null ? List.of() : List.copyOf(excludeTags);
    grep = grep == null || grep.isEmpty() ? null : grep;
    grepAnswer = grepAnswer == null || grepAnswer.isEmpty() ? null : grepAnswer;
  }

  /** Without an answer pattern. */
  public Filter(List<String> tags, List<String> excludeTags, String grep) {
    this(tags, excludeTags, grep, null);
  }

  /**
   * The matching questions in bank order. An unknown tag throws UnknownNameException with up to three
   * close known tags; an invalid pattern throws BadPatternException "invalid --grep pattern: ..."
   * (or "invalid --grep-answer pattern: ...").
   */
  public List<Question> apply(Bank bank) {
    for (String t : tags) checkKnown(t, bank);
    for (String t : excludeTags) checkKnown(t, bank);
    if (isEmpty()) return new ArrayList<>(bank.questions()); // what a prompt's `random --daily` asks: all of them
    Pattern pattern = grep == null ? null : compile(grep, "--grep");
    Pattern answerPattern = grepAnswer == null ? null : compile(grepAnswer, "--grep-answer");
    List<Question> out = new ArrayList<>();
    for (Question q : bank.questions()) {
      if (!tags.isEmpty() && !anyOf(q, tags)) continue;
      if (anyOf(q, excludeTags)) continue;
      if (pattern != null && !pattern.matcher(q.question()).find()) continue;
      if (answerPattern != null && !answerPattern.matcher(q.answer()).find()) continue;
      out.add(q);
    }
    return out;
  }

  public boolean isEmpty() {
    return tags.isEmpty() && excludeTags.isEmpty() && grep == null && grepAnswer == null;
  }

  /**
   * For headers: "tags clustering, optimization; not statistics; grep 'k-?means'; answer grep 'elbow'",
   * or "all questions".
   */
  public String describe() {
    if (isEmpty()) return "all questions";
    List<String> parts = new ArrayList<>();
    if (!tags.isEmpty()) parts.add((tags.size() == 1 ? "tag " : "tags ") + String.join(", ", tags));
    if (!excludeTags.isEmpty()) parts.add("not " + String.join(", ", excludeTags));
    if (grep != null) parts.add("grep '" + grep + "'");
    if (grepAnswer != null) parts.add("answer grep '" + grepAnswer + "'");
    return String.join("; ", parts);
  }

  private static boolean anyOf(Question q, List<String> wanted) {
    for (String t : q.tags()) if (wanted.contains(t)) return true;
    return false;
  }

  private static void checkKnown(String tag, Bank bank) {
    if (bank.hasTag(tag)) return;
    Set<String> known = bank.tagCounts().keySet();
    throw new UnknownNameException("unknown tag '" + tag + "'", Suggest.closest(tag, known, 3));
  }

  private static Pattern compile(String regex, String option) {
    try {
      return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    } catch (PatternSyntaxException e) {
      // "index" is the JDK's word; a user counts characters from 1
      String where = e.getIndex() < 0 ? "" : e.getIndex() >= regex.length() ? " at its end" : " at character " + (e.getIndex() + 1);
      throw new BadPatternException("invalid " + option + " pattern: " + e.getDescription() + where, e);
    }
  }
}
