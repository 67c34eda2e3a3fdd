package idrill.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import idrill.render.Style;
import idrill.render.Text;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatsViewTest {
  private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

  private static Stats stats() {
    return Stats.compute(StatsTest.QUESTIONS, StatsTest.schedule(), StatsTest.NOW, 10, LocalDate.parse("2024-04-15"));
  }

  private static List<String> plain(int width) {
    return new StatsView(Style.PLAIN, width).lines(stats());
  }

  @Test
  void plainOutputHasNoEscapeBytesAndColourOutputHas() {
    assertFalse(String.join("\n", plain(80)).contains("\u001b"));
    assertTrue(String.join("\n", new StatsView(new Style(true), 80).lines(stats())).contains("\u001b["));
  }

  @Test
  void heatmapHasSevenRowsMondayToSundayEndingToday() {
    List<String> lines = plain(80);
    int mon = firstStartingWith(lines, "Mon ");
    for (int d = 0; d < 7; d++) {
      String row = lines.get(mon + d);
      assertTrue(row.startsWith(DAYS[d] + " "), row);
      // today is a Wednesday: Thursday to Sunday of this week are still to come
      assertEquals(d <= 2 ? 26 : 25, cells(row).length(), row);
    }
    assertFalse(lines.get(mon + 7).startsWith("Mon"));
  }

  @Test
  void heatmapShadesDaysByCount() {
    List<String> lines = plain(80);
    int mon = firstStartingWith(lines, "Mon ");
    // days with 2 reviews are the busiest quarter; 1 review sits below the top threshold
    assertEquals('█', cell(lines, mon, LocalDate.parse("2024-03-01")));
    assertEquals('▓', cell(lines, mon, LocalDate.parse("2024-03-10")));
    assertEquals('·', cell(lines, mon, LocalDate.parse("2024-03-04")));
    assertEquals('·', cell(lines, mon, LocalDate.parse("2024-03-16")));
    String legend = lines.get(mon + 7);
    assertTrue(legend.contains("· 0") && legend.contains("▓ 1") && legend.contains("█ 2"), legend);
  }

  @Test
  void levelsFollowQuartilesOfActiveDays() {
    int[] counts = new int[101];
    for (int i = 1; i <= 100; i++) counts[i] = i;
    int[] t = StatsView.thresholds(counts);
    assertEquals(0, StatsView.level(0, t));
    assertEquals(1, StatsView.level(25, t));
    assertEquals(2, StatsView.level(26, t));
    assertEquals(3, StatsView.level(51, t));
    assertEquals(4, StatsView.level(100, t));
    assertEquals(null, StatsView.thresholds(new int[7]));
  }

  @Test
  void barsScaleInEighthsOfACell() {
    assertEquals("█".repeat(20), StatsView.bar(1.0, 20));
    assertEquals("█".repeat(10), StatsView.bar(0.5, 20));
    assertEquals("█".repeat(10) + "▋", StatsView.bar(0.53, 20));
    assertEquals("", StatsView.bar(0.0, 20));
    assertEquals("▏", StatsView.bar(0.005, 20));
    assertEquals("▎", StatsView.bar(0.01, 20));
    assertEquals("█".repeat(20), StatsView.bar(1.7, 20));
  }

  @Test
  void tagBarsAreProportionalToRecall() {
    Stats s = stats();
    List<String> lines = plain(80);
    int header = firstStartingWith(lines, "Tags, weakest first");
    int longest = 0;
    for (int i = 0; i < s.tags().size(); i++) {
      String row = lines.get(header + 2 + i);
      Stats.TagRow tag = s.tags().get(i);
      assertTrue(row.startsWith(tag.tag()), row);
      longest = Math.max(longest, eighths(row));
      assertTrue(row.contains(StatsView.pct(tag.meanRecall())), row);
    }
    assertTrue(longest > 0);
    double top = s.tags().get(s.tags().size() - 1).meanRecall();
    for (int i = 0; i < s.tags().size(); i++) {
      double expected = s.tags().get(i).meanRecall() / top * longest;
      assertEquals(expected, eighths(lines.get(header + 2 + i)), 1.0);
    }
  }

  @Test
  void fitsTheWidth() {
    for (int width : new int[] {80, 60, 40}) {
      for (String line : plain(width)) assertTrue(Text.width(line) <= width, width + ": " + line);
      for (String line : new StatsView(new Style(true), width).lines(stats())) {
        assertTrue(Text.width(line) <= width, width + ": " + line);
      }
    }
  }

  @Test
  void totalsAndReadinessReadAsSentences() {
    String all = String.join("\n", plain(80));
    assertTrue(all.contains("Reviews         17"), all);
    assertTrue(all.contains("Streak          2 days, longest 5 days"), all);
    assertTrue(all.contains("True retention  63%  of 8 reviews"), all);
    assertTrue(all.contains("Readiness on 2024-04-15"), all);
  }

  private static int firstStartingWith(List<String> lines, String prefix) {
    for (int i = 0; i < lines.size(); i++) if (lines.get(i).startsWith(prefix)) return i;
    throw new AssertionError("no line starts with " + prefix + ":\n" + String.join("\n", lines));
  }

  private static String cells(String row) {
    return row.substring(4).replace(" ", "");
  }

  private static char cell(List<String> lines, int mon, LocalDate day) {
    long index = ChronoUnit.DAYS.between(LocalDate.parse("2023-09-25"), day);
    return cells(lines.get(mon + (int) (index % 7))).charAt((int) (index / 7));
  }

  private static int eighths(String row) {
    int n = 0;
    for (char c : row.toCharArray()) {
      if (c == '█') n += 8;
      else if (c >= '▉' && c <= '▏') n += '▏' - c + 1;
    }
    return n;
  }
}
