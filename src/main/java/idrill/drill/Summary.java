package idrill.drill;

import idrill.bank.Question;
import idrill.render.Sanitizer;
import idrill.render.Style;
import idrill.render.Text;
import idrill.review.Grade;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a drill session came to: standing grades per grade (all four, zeros included) and per tag (sorted by tag),
 * how many were graded and skipped, and the total and median time (rounded to the second) of the graded showings.
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

  /** Longest tag shown in the table; longer ones are cut. */
  private static final int TAG_COLS = 32;

  /** The printed summary: a heading, the counts and times, then small aligned tables per grade and per tag. */
  public List<String> lines(Style style) {
    return lines(style, null);
  }

  /** {@link #lines(Style)} ending with {@code next} (when the next question is due), unless it is null. */
  public List<String> lines(Style style, String next) {
    List<String> out = table(style);
    if (next != null) {
      out.add("");
      out.add("  " + next);
    }
    return out;
  }

  private List<String> table(Style style) {
    List<String> out = new ArrayList<>();
    out.add(style.heading("Session summary"));
    String counts = "  " + graded + " graded · " + skipped + " skipped";
    if (graded > 0) counts += " · " + clock(total) + " in all · " + clock(median) + " median per question";
    out.add(counts);
    if (graded == 0) return out;
    out.add("");
    int countCols = 1;
    for (int n : perGrade.values()) countCols = Math.max(countCols, String.valueOf(n).length());
    for (Map.Entry<Grade, Integer> e : perGrade.entrySet()) {
      String word = padRight(e.getKey().word(), 5);
      String colored = e.getValue() == 0 ? style.dim(word) : colorOf(e.getKey(), style, word);
      out.add("  " + colored + "  " + padLeft(String.valueOf(e.getValue()), countCols));
    }
    if (!perTag.isEmpty()) {
      List<String> tags = new ArrayList<>();
      int tagCols = 3;
      for (String tag : perTag.keySet()) {
        String shown = Text.cut(Sanitizer.oneLine(tag), TAG_COLS);
        tags.add(shown);
        tagCols = Math.max(tagCols, Text.width(shown));
      }
      out.add("");
      out.add("  " + style.dim(padRight("tag", tagCols) + "  graded  good/easy"));
      int i = 0;
      for (TagResult r : perTag.values()) {
        out.add("  " + padRight(tags.get(i++), tagCols) + "  " + padLeft(String.valueOf(r.graded()), 6)
            + "  " + padLeft(String.valueOf(r.goodOrEasy()), 9));
      }
    }
    return out;
  }

  /** m:ss, or h:mm:ss from an hour on. */
  public static String clock(Duration d) {
    long s = Math.max(0, d.getSeconds());
    // by hand: String.format loads the locale data, ~8 ms of the drill's first paint
    return s >= 3600 ? s / 3600 + ":" + twoDigits(s / 60 % 60) + ":" + twoDigits(s % 60) : s / 60 + ":" + twoDigits(s % 60);
  }

  private static String twoDigits(long v) {
    return v < 10 ? "0" + v : Long.toString(v);
  }

  private static String colorOf(Grade g, Style style, String s) {
    switch (g) {
      case AGAIN: return style.bad(s);
      case HARD: return style.warn(s);
      default: return style.good(s);
    }
  }

  private static String padRight(String s, int cols) {
    return s + " ".repeat(Math.max(0, cols - Text.width(s)));
  }

  private static String padLeft(String s, int cols) {
    return " ".repeat(Math.max(0, cols - Text.width(s))) + s;
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
    return new Summary(perGrade, perTag, entries.size(), skipped, seconds(total), seconds(median(ms)));
  }

  /** Rounded to the nearest second, as the summary shows it: 5.6 s is 0:06, not 0:05. */
  private static Duration seconds(long ms) {
    return Duration.ofSeconds(Math.round(ms / 1000.0));
  }

  private static long median(long[] ms) {
    if (ms.length == 0) return 0;
    long[] sorted = ms.clone();
    java.util.Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }
}
