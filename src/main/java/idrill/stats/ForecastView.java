package idrill.stats;

import idrill.render.Style;
import idrill.render.Text;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A forecast as a small bar chart, one row a day: {@code Thu 2026-12-03  tomorrow   12  ██████}. */
public final class ForecastView {
  private static final int MAX_BAR = 40;
  private static final int LABEL = 8; // "tomorrow"

  private ForecastView() {}

  /** One row per day from today; bars scaled to the busiest day and to width. */
  public static List<String> rows(LocalDate today, List<Integer> due, Style style, int width) {
    int max = 0;
    for (int c : due) max = Math.max(max, c);
    int countCols = String.valueOf(max).length();
    int bar = Math.max(1, Math.min(MAX_BAR, width - (15 + 2 + LABEL + 1 + countCols + 2)));
    List<String> out = new ArrayList<>(due.size());
    for (int i = 0; i < due.size(); i++) {
      LocalDate day = today.plusDays(i);
      int c = due.get(i);
      String label = i == 0 ? "today" : i == 1 ? "tomorrow" : "";
      // a day with anything due gets at least one cell, so it never reads as empty
      int cells = max == 0 ? 0 : Math.max(c > 0 ? 1 : 0, (int) Math.round((double) c * bar / max));
      String n = String.valueOf(c);
      String row = weekday(day) + " " + day + "  " + label + " ".repeat(LABEL - label.length() + 1)
          + " ".repeat(countCols - n.length()) + (c == 0 ? style.dim(n) : n)
          + (cells == 0 ? "" : "  " + style.good("█".repeat(cells)));
      out.add(Text.cut(row, width));
    }
    return out;
  }

  /** Mon, Tue, ... without the locale data String.format or DateTimeFormatter would load. */
  public static String weekday(LocalDate d) {
    String name = d.getDayOfWeek().name();
    return name.charAt(0) + name.substring(1, 3).toLowerCase(Locale.ROOT);
  }
}
