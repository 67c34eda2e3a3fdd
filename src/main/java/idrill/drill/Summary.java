package idrill.drill;

import idrill.bank.Question;
import idrill.review.Grade;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a drill session came to: standing grades per grade (all four, zeros included) and per tag (sorted by tag),
 * how many were graded and skipped, and the total and median time of the graded showings.
 */
public record Summary(
    Map<Grade, Integer> perGrade,
    Map<String, TagResult> perTag,
    int graded,
    int skipped,
    Duration total,
    Duration median) {

  /** Grades given to questions carrying a tag, and how many of them were good or easy. */
  public record TagResult(int graded, int goodOrEasy) {}

  /** One standing grade: which question, how, after how many ms. */
  record Entry(Question question, Grade grade, long ms) {}

  public Summary {
    perGrade = Collections.unmodifiableMap(new EnumMap<>(perGrade));
    perTag = Collections.unmodifiableMap(new TreeMap<>(perTag));
  }

  static Summary of(List<Entry> entries, int skipped) {
    Map<Grade, Integer> perGrade = new EnumMap<>(Grade.class);
    for (Grade g : Grade.values()) if (g != Grade.UNDO) perGrade.put(g, 0);
    Map<String, TagResult> perTag = new TreeMap<>();
    long[] ms = new long[entries.size()];
    long total = 0;
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      perGrade.merge(e.grade(), 1, Integer::sum);
      int good = e.grade() == Grade.GOOD || e.grade() == Grade.EASY ? 1 : 0;
      for (String tag : e.question().tags()) {
        perTag.merge(tag, new TagResult(1, good), (a, b) -> new TagResult(a.graded() + b.graded(), a.goodOrEasy() + b.goodOrEasy()));
      }
      ms[i] = e.ms();
      total += e.ms();
    }
    return new Summary(perGrade, perTag, entries.size(), skipped, Duration.ofMillis(total), Duration.ofMillis(median(ms)));
  }

  private static long median(long[] ms) {
    if (ms.length == 0) return 0;
    long[] sorted = ms.clone();
    java.util.Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }
}
