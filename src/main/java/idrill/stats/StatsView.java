package idrill.stats;

import idrill.render.Sanitizer;
import idrill.render.Style;
import idrill.render.Text;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@link Stats} as terminal lines: totals, a GitHub-style heatmap, the forecast, the per-tag table with bars, the
 * weakest questions and the readiness block. Shading and bar lengths carry all the information, so plain mode reads the same.
 */
public final class StatsView {
  private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  private static final String[] MONTHS = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
  };
  private static final String[] SHADES = {"·", "░", "▒", "▓", "█"};
  private static final String[] EIGHTHS = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
  private static final int LABEL = 4; // "Mon " before the heatmap cells
  private static final int MAX_TAG = 24;
  private static final int MAX_BAR = 30;

  private final Style style;
  private final int width;

  public StatsView(Style style, int width) {
    this.style = style;
    this.width = Math.max(40, width);
  }

  public List<String> lines(Stats stats) {
    List<String> out = new ArrayList<>();
    totals(out, stats.totals());
    out.add("");
    heatmap(out, stats.heatmap());
    out.add("");
    forecast(out, stats.forecast());
    out.add("");
    tags(out, stats.tags());
    out.add("");
    weakest(out, stats.weakest(), stats.totals().leeches());
    if (stats.readiness() != null) {
      out.add("");
      readiness(out, stats.readiness());
    }
    // a safety net for very narrow terminals: no line may wrap
    for (int i = 0; i < out.size(); i++) out.set(i, Text.cut(out.get(i), width));
    return out;
  }

  // ---------------------------------------------------------------- totals

  private void totals(List<String> out, Stats.Totals t) {
    String seen = t.questions() == 0 ? "" : "  " + style.dim("seen " + t.seen() + " (" + pct(
        (double) t.seen() / t.questions()) + ")");
    out.add(row("Questions", t.questions() + seen));
    // the forecast below counts reviews only, so say how many of today's are new
    out.add(row("Due today", t.dueToday() + (t.dueToday() == 0 ? "" : style.dim("  " + (t.dueToday() - t.newToday())
        + " to review · " + t.newToday() + " new"))));
    out.add(row("Reviews", String.valueOf(t.reviews())));
    out.add(row("Streak", days(t.currentStreak()) + style.dim(", longest " + days(t.longestStreak()))));
    String retention = t.trueRetention30d() == null
        ? style.dim("–  no reviews of learned questions in the last " + Stats.RETENTION_DAYS + " days")
        : pct(t.trueRetention30d()) + style.dim("  of " + idrill.render.Text.plural(t.retentionSample(), "review") + " of learned questions, last "
            + Stats.RETENTION_DAYS + " days");
    out.add(row("True retention", retention));
  }

  private String row(String label, String value) {
    return style.bold(pad(label, 16)) + value;
  }

  private static String days(int n) {
    return n == 1 ? "1 day" : n + " days";
  }

  // ---------------------------------------------------------------- heatmap

  private void heatmap(List<String> out, Stats.Heatmap h) {
    int[] counts = h.counts();
    int[] t = thresholds(counts);
    int totalWeeks = (counts.length + 6) / 7;
    int cell = 2;
    int weeks = Math.min(totalWeeks, (width - LABEL + 1) / 2);
    if (weeks < totalWeeks) {
      cell = 1; // drop the gaps before dropping weeks
      weeks = Math.min(totalWeeks, width - LABEL);
    }
    int skip = totalWeeks - weeks;
    out.add(style.heading("Activity, last " + weeks + " weeks"));
    out.add(months(h.firstDay(), skip, totalWeeks, cell));
    for (int dow = 0; dow < 7; dow++) {
      StringBuilder b = new StringBuilder(style.dim(DAYS[dow])).append(' ');
      for (int w = skip; w < totalWeeks; w++) {
        int i = w * 7 + dow;
        if (i >= counts.length) break; // the rest of this week is still to come
        if (w > skip && cell == 2) b.append(' ');
        b.append(shade(level(counts[i], t)));
      }
      out.add(b.toString());
    }
    out.add(legend(t, counts));
  }

  /** Month names over the first week whose Monday is in that month, where they fit. */
  private String months(LocalDate firstDay, int skip, int totalWeeks, int cell) {
    char[] row = new char[LABEL + (totalWeeks - skip) * cell + 3];
    Arrays.fill(row, ' ');
    int free = 0;
    for (int w = skip; w < totalWeeks; w++) {
      LocalDate monday = firstDay.plusWeeks(w);
      boolean starts = w == skip || monday.getMonthValue() != monday.minusWeeks(1).getMonthValue();
      int col = LABEL + (w - skip) * cell;
      if (!starts || col < free) continue;
      // the first column's month only gets a label when the next month's label leaves room for it
      if (w == skip && weeksToNextMonth(monday) * cell < 4) continue;
      String name = MONTHS[monday.getMonthValue() - 1];
      name.getChars(0, 3, row, col);
      free = col + 4;
    }
    return style.dim(new String(row).stripTrailing());
  }

  private static int weeksToNextMonth(LocalDate monday) {
    int n = 1;
    while (monday.plusWeeks(n).getMonthValue() == monday.getMonthValue()) n++;
    return n;
  }

  private String legend(int[] t, int[] counts) {
    StringBuilder b = new StringBuilder(" ".repeat(LABEL)).append(shade(0)).append(" 0");
    if (t == null) return b.append(style.dim("  no reviews in these weeks")).toString();
    int max = 0;
    for (int c : counts) max = Math.max(max, c);
    for (int level = 1; level <= 4; level++) {
      int lo = level == 1 ? 1 : t[level - 2];
      int hi = level == 4 ? max : t[level - 1] - 1;
      if (lo > hi) continue;
      b.append("  ").append(shade(level)).append(' ').append(lo == hi ? String.valueOf(lo) : lo + "–" + hi);
    }
    return b.append(style.dim("  reviews a day")).toString();
  }

  /**
   * The counts at which shading steps up: upper quartile, median and lower quartile positions of the
   * days with reviews, so the busiest quarter of active days is darkest. Null when there are none.
   */
  static int[] thresholds(int[] counts) {
    int n = 0;
    for (int c : counts) if (c > 0) n++;
    if (n == 0) return null;
    int[] v = new int[n];
    int k = 0;
    for (int c : counts) if (c > 0) v[k++] = c;
    Arrays.sort(v);
    return new int[] {v[Math.min(n - 1, n / 4)], v[Math.min(n - 1, n / 2)], v[Math.min(n - 1, 3 * n / 4)]};
  }

  /** 0 for no reviews, else 1 + the thresholds reached (1..4). */
  static int level(int count, int[] t) {
    if (count <= 0 || t == null) return 0;
    int l = 1;
    for (int x : t) if (count >= x) l++;
    return l;
  }

  private String shade(int level) {
    return level == 0 ? style.dim(SHADES[0]) : style.good(SHADES[level]);
  }

  // ---------------------------------------------------------------- tags and readiness

  private void tags(List<String> out, List<Stats.TagRow> rows) {
    out.add(style.heading("Tags, weakest first"));
    if (rows.isEmpty()) {
      out.add(style.dim("no tags"));
      return;
    }
    int tw = tagWidth(rows.stream().map(Stats.TagRow::tag).toList());
    int bar = barWidth(tw + 27);
    out.add(style.dim(pad("tag", tw) + "  " + lpad("qs", 3) + "  " + lpad("seen", 4) + "  " + lpad("good", 4)
        + "  " + lpad("recall", 6)));
    for (Stats.TagRow r : rows) {
      String good = r.goodShare() == null ? "–" : pct(r.goodShare());
      out.add(pad(tag(r.tag(), tw), tw) + "  " + lpad(String.valueOf(r.questions()), 3) + "  "
          + lpad(String.valueOf(r.seen()), 4) + "  " + lpad(good, 4) + "  " + lpad(pct(r.meanRecall()), 6)
          + bars(r.meanRecall(), bar));
    }
  }

  private void forecast(List<String> out, Stats.Upcoming f) {
    out.add(style.heading("Due, next " + f.due().size() + " days") + "  "
        + style.dim("if nothing is reviewed before; new questions not counted"));
    out.addAll(ForecastView.rows(f.today(), f.due(), style, width));
  }

  private void weakest(List<String> out, List<Stats.Weak> rows, int leeches) {
    out.add(style.heading("Weakest questions") + "  " + style.dim("most lapses, then lowest recall"
        + (leeches == 0 ? "" : "; " + leeches + (leeches == 1 ? " leech" : " leeches"))));
    if (rows.isEmpty()) {
      out.add(style.dim("none: no seen question has lapsed or fallen below the desired retention"));
      return;
    }
    int iw = 2;
    for (Stats.Weak w : rows) iw = Math.max(iw, Text.width(Sanitizer.oneLine(w.id())));
    iw = Math.min(iw, 40);
    out.add(style.dim(pad("id", iw) + "  " + lpad("lapses", 6) + "  " + lpad("recall", 6)));
    for (Stats.Weak w : rows) {
      out.add(pad(Text.cut(Sanitizer.oneLine(w.id()), iw), iw) + "  " + lpad(String.valueOf(w.lapses()), 6) + "  "
          + lpad(pct(w.recall()), 6) + (w.leech() ? "  " + style.bad("leech") : ""));
    }
  }

  private void readiness(List<String> out, Stats.Readiness r) {
    out.add(style.heading("Readiness on " + r.on()) + "  " + style.bold(pct(r.overall())) + " "
        + style.dim("predicted recall"));
    out.addAll(Text.wrap(style.dim("if nothing is reviewed before then; never seen counts as forgotten"), width));
    if (r.tags().isEmpty()) return;
    List<String> names = new ArrayList<>();
    for (Stats.Readiness.TagReadiness t : r.tags()) names.add(t.tag());
    int tw = tagWidth(names);
    int bar = barWidth(tw + 15);
    out.add(style.dim(pad("tag", tw) + "  " + lpad("qs", 3) + "  " + lpad("recall", 6)));
    for (Stats.Readiness.TagReadiness t : r.tags()) {
      out.add(pad(tag(t.tag(), tw), tw) + "  " + lpad(String.valueOf(t.questions()), 3) + "  "
          + lpad(pct(t.recall()), 6) + bars(t.recall(), bar));
    }
  }

  private static int tagWidth(List<String> tags) {
    int w = 3;
    for (String t : tags) w = Math.max(w, Text.width(Sanitizer.oneLine(t)));
    return Math.min(w, MAX_TAG);
  }

  private int barWidth(int used) {
    return Math.min(MAX_BAR, width - used - 2);
  }

  private static String tag(String tag, int tw) {
    return Text.cut(Sanitizer.oneLine(tag), tw);
  }

  /** Two spaces and a coloured bar, or nothing when there is no room for one. */
  private String bars(double v, int cells) {
    if (cells < 4) return "";
    String b = bar(v, cells);
    if (b.isEmpty()) return "";
    return "  " + (v >= 0.8 ? style.good(b) : v >= 0.5 ? style.warn(b) : style.bad(b));
  }

  /** A bar of v (0..1) times cells, in eighths of a cell. */
  static String bar(double v, int cells) {
    double x = Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
    int eighths = (int) Math.round(x * cells * 8);
    return "█".repeat(eighths / 8) + EIGHTHS[eighths % 8];
  }

  // ---------------------------------------------------------------- text helpers

  /** Whole percent, rounded down above 99 so that "100%" means all. */
  static String pct(double v) {
    long p = Math.round(v * 100);
    if (p == 100 && v < 1) p = 99;
    return p + "%";
  }

  private static String pad(String s, int w) {
    int n = Text.width(s);
    return n >= w ? s : s + " ".repeat(w - n);
  }

  private static String lpad(String s, int w) {
    int n = Text.width(s);
    return n >= w ? s : " ".repeat(w - n) + s;
  }
}
