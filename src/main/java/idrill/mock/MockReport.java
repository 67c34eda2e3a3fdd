package idrill.mock;

import idrill.drill.Coverage;
import idrill.drill.Summary;
import idrill.mock.MockSession.Result;
import idrill.mock.MockSession.RevealedBy;
import idrill.render.Sanitizer;
import idrill.render.Style;
import idrill.render.Text;
import idrill.review.Grade;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a mock interview came to: per question the time used against its budget, the grade and the key-term
 * coverage; totals; tags weakest first; and the filter's predicted recall today, after the interview's grades.
 */
public record MockReport(List<Row> rows, Totals totals, List<TagRow> tags, double recallToday, int filterSize,
    boolean typed) {

  /** One question; grade null when skipped or left ungraded, coverage null without typed answers. */
  public record Row(String id, Duration budget, Duration used, Duration overrun, RevealedBy revealedBy, Grade grade,
      boolean skipped, Coverage coverage) {}

  public record Totals(int asked, int graded, int skipped, Duration budget, Duration used, int overTime,
      int revealedByTime, int termsCovered, int terms) {}

  /** A tag's grades in this interview: how many, their mean rating (1 again … 4 easy), how many good or easy. */
  public record TagRow(String tag, int graded, double meanRating, int goodOrEasy) {}

  /** Overruns shorter than this are the screen's tick, not the candidate's. */
  static final Duration OVER = Duration.ofSeconds(1);

  public MockReport {
    rows = List.copyOf(rows);
    tags = List.copyOf(tags);
  }

  public static MockReport of(List<Result> results, boolean typed, double recallToday, int filterSize) {
    List<Row> rows = new ArrayList<>();
    Duration budget = Duration.ZERO;
    Duration used = Duration.ZERO;
    int graded = 0, skipped = 0, over = 0, byTime = 0, covered = 0, terms = 0;
    Map<String, int[]> perTag = new TreeMap<>(); // graded, sum of ratings, good or easy
    for (Result r : results) {
      // a question never revealed was not answered: no coverage to speak of
      Coverage c = typed && r.revealedBy() != null ? Coverage.of(r.question(), r.typed()) : null;
      Duration overrun = r.overrun().compareTo(OVER) >= 0 ? r.overrun() : Duration.ZERO;
      rows.add(new Row(r.question().id(), r.budget(), r.used(), overrun, r.revealedBy(), r.grade(), r.skipped(), c));
      budget = budget.plus(r.budget());
      used = used.plus(r.used());
      if (r.skipped()) skipped++;
      if (!overrun.isZero()) over++;
      if (r.revealedBy() == RevealedBy.TIME) byTime++;
      if (c != null) {
        covered += c.covered().size();
        terms += c.total();
      }
      if (r.grade() != null) {
        graded++;
        for (String tag : r.question().tags()) {
          int[] a = perTag.computeIfAbsent(tag, k -> new int[3]);
          a[0]++;
          a[1] += r.grade().rating;
          if (r.grade() == Grade.GOOD || r.grade() == Grade.EASY) a[2]++;
        }
      }
    }
    List<TagRow> tags = new ArrayList<>();
    perTag.forEach((tag, a) -> tags.add(new TagRow(tag, a[0], a[1] / (double) a[0], a[2])));
    tags.sort(Comparator.comparingDouble(TagRow::meanRating).thenComparing(TagRow::tag));
    Totals totals = new Totals(results.size(), graded, skipped, budget, used, over, byTime, covered, terms);
    return new MockReport(rows, totals, tags, recallToday, filterSize, typed);
  }

  /** The printed report, unbounded in width (the table's widest row decides). */
  public List<String> lines(Style style) {
    return lines(style, Integer.MAX_VALUE);
  }

  /**
   * The printed report for a screen of width columns: a heading, totals, one line per question, the tags weakest
   * first, the recall today. A table wider than the screen becomes one block per question (id, then its figures),
   * so no id, tag or missed term is cut; prose wraps.
   */
  public List<String> lines(Style style, int width) {
    List<String> out = new ArrayList<>();
    out.add(style.heading("Mock interview report"));
    wrapped(out, totalsLine(), width);
    if (rows.isEmpty()) return out;
    out.add("");
    int idCols = 8;
    for (Row r : rows) idCols = Math.max(idCols, Text.width(id(r)));
    String head = "  " + pad("#", 3) + pad("question", idCols + 2) + pad("used / budget", 19) + pad("grade", 7)
        + (typed ? "coverage" : "");
    List<String> table = new ArrayList<>();
    boolean fits = Text.width(head.stripTrailing()) <= width;
    int i = 1;
    for (Row r : rows) {
      String line = ("  " + pad(String.valueOf(i++), 3) + pad(id(r), idCols + 2) + pad(time(r), 19) + pad(grade(r), 7)
          + (typed ? coverage(r) : "")).stripTrailing();
      fits &= Text.width(line) <= width;
      table.add(line);
    }
    if (fits) {
      out.add(style.dim(head.stripTrailing()));
      out.addAll(table);
    } else {
      i = 1;
      for (Row r : rows) { // narrow: "  1  id" and under it the figures, each wrapped to the screen
        for (String l : Text.fold("  " + pad(String.valueOf(i++), 3) + id(r), Math.max(8, width))) out.add(l);
        String figures = time(r).replace(" / ", Text.GLUE + "/" + Text.GLUE) + " · " + grade(r)
            + (typed ? " · " + coverage(r) : "");
        for (String l : Text.wrap(figures, Math.max(8, width - 5))) out.add("     " + l);
      }
    }
    if (!tags.isEmpty()) {
      out.add("");
      int tagCols = 20;
      for (TagRow t : tags) tagCols = Math.max(tagCols, Text.width(tag(t)));
      String tagHead = "  " + pad("tags, weakest first", tagCols + 2) + "graded  mean grade  good/easy";
      if (Text.width(tagHead) <= width) {
        out.add(style.dim(tagHead));
        for (TagRow t : tags) {
          out.add("  " + pad(tag(t), tagCols + 2) + pad(String.valueOf(t.graded()), 8) + pad(mean(t), 12)
              + t.goodOrEasy());
        }
      } else {
        out.add(style.dim("  tags, weakest first"));
        for (TagRow t : tags) {
          for (String l : Text.fold("  " + tag(t), Math.max(8, width))) out.add(l);
          String g = String.valueOf(Text.GLUE);
          String figures = "graded" + g + t.graded() + " · mean" + g + "grade" + g + mean(t) + " · good/easy" + g
              + t.goodOrEasy();
          for (String l : Text.wrap(figures, Math.max(8, width - 5))) out.add("     " + l);
        }
      }
    }
    out.add("");
    wrapped(out, recallLine(), width);
    return out;
  }

  /** text wrapped to width under a two-column indent. */
  private static void wrapped(List<String> out, String text, int width) {
    for (String l : Text.wrap(text, Math.max(8, width == Integer.MAX_VALUE ? width : width - 2))) out.add("  " + l);
  }

  private static String time(Row r) {
    String note = !r.overrun().isZero() ? " +" + Summary.clock(r.overrun())
        : r.revealedBy() == RevealedBy.TIME ? " time" : "";
    return Summary.clock(r.used()) + " / " + Summary.clock(r.budget()) + note;
  }

  private static String mean(TagRow t) {
    return String.format(Locale.ROOT, "%.1f", t.meanRating());
  }

  /** The report as Markdown, for a file to keep. */
  public String markdown() {
    StringBuilder sb = new StringBuilder("# Mock interview report\n\n").append(totalsLine()).append("\n\n");
    if (!rows.isEmpty()) {
      sb.append("| # | question | used | budget | over | revealed | grade |").append(typed ? " coverage |" : "").append('\n');
      sb.append("|---|---|---|---|---|---|---|").append(typed ? "---|" : "").append('\n');
      int i = 1;
      for (Row r : rows) {
        sb.append("| ").append(i++).append(" | `").append(id(r)).append("` | ").append(Summary.clock(r.used()))
            .append(" | ").append(Summary.clock(r.budget())).append(" | ")
            .append(r.overrun().isZero() ? "" : "+" + Summary.clock(r.overrun())).append(" | ")
            .append(r.revealedBy() == null ? "" : r.revealedBy() == RevealedBy.TIME ? "time" : "you").append(" | ")
            .append(grade(r)).append(" |");
        if (typed) sb.append(' ').append(cell(r.coverage() == null ? "" : r.coverage().line())).append(" |");
        sb.append('\n');
      }
    }
    if (!tags.isEmpty()) {
      sb.append("\n## Tags, weakest first\n\n| tag | graded | mean grade | good/easy |\n|---|---|---|---|\n");
      for (TagRow t : tags) {
        sb.append("| ").append(tag(t)).append(" | ").append(t.graded()).append(" | ")
            .append(mean(t)).append(" | ").append(t.goodOrEasy()).append(" |\n");
      }
    }
    return sb.append('\n').append(recallLine()).append('\n').toString();
  }

  String totalsLine() {
    StringBuilder sb = new StringBuilder().append(totals.asked()).append(totals.asked() == 1 ? " question" : " questions")
        .append(" · ").append(totals.graded()).append(" graded · ").append(totals.skipped()).append(" skipped · ")
        .append(Summary.clock(totals.used())).append(" used of ").append(Summary.clock(totals.budget()));
    if (totals.overTime() > 0) sb.append(" · ").append(totals.overTime()).append(" over time");
    if (totals.revealedByTime() > 0) sb.append(" · ").append(totals.revealedByTime()).append(" revealed by time");
    if (typed && totals.terms() > 0) {
      sb.append(" · key terms ").append(totals.termsCovered()).append('/').append(totals.terms());
    }
    return sb.toString();
  }

  String recallLine() {
    return String.format(Locale.ROOT, "Predicted recall of this filter today: %.0f%% (%d questions; an unseen one counts as 0%%)",
        100 * recallToday, filterSize);
  }

  private static String id(Row r) {
    return Sanitizer.oneLine(r.id());
  }

  private static String tag(TagRow t) {
    return Sanitizer.oneLine(t.tag());
  }

  private static String grade(Row r) {
    return r.grade() != null ? r.grade().word() : r.skipped() ? "skip" : "—";
  }

  private static String coverage(Row r) {
    Coverage c = r.coverage();
    if (c == null || c.total() == 0) return "—";
    return c.covered().size() + "/" + c.total() + (c.missed().isEmpty() ? "" : "  missed: " + Sanitizer.oneLine(String.join(", ", c.missed())));
  }

  private static String cell(String s) {
    return Sanitizer.oneLine(s).replace("|", "\\|");
  }

  private static String pad(String s, int cols) {
    return s + " ".repeat(Math.max(1, cols - Text.width(s)));
  }
}
