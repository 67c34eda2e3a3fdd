package idrill.drill;

import static idrill.drill.Fixtures.ADAM;
import static idrill.drill.Fixtures.BIAS;
import static idrill.drill.Fixtures.DROPOUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import idrill.render.Style;
import idrill.review.Grade;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTest {
  static Summary sample() {
    return Summary.of(List.of(
        new Summary.Entry(ADAM, Grade.AGAIN, 30_000),
        new Summary.Entry(BIAS, Grade.GOOD, 12_000),
        new Summary.Entry(ADAM, Grade.EASY, 95_000),
        new Summary.Entry(DROPOUT, Grade.HARD, 8_000)), 2);
  }

  @Test
  void plainLinesAreASmallAlignedTable() {
    assertEquals(List.of(
        "Session summary",
        "  4 graded · 2 skipped · 2:25 in all · 0:21 median per question",
        "",
        "  again  1",
        "  hard   1",
        "  good   1",
        "  easy   1",
        "",
        "  tag            graded  good/easy",
        "  deep-learning       3          1",
        "  optimization        2          1",
        "  statistics          1          1"), sample().lines(new Style(false)));
  }

  @Test
  void colouredLinesUseStyleAndOtherwiseMatch() {
    List<String> coloured = sample().lines(new Style(true));
    assertTrue(coloured.stream().anyMatch(l -> l.contains("\u001b[")), "styled");
    List<String> plain = sample().lines(new Style(false));
    for (int i = 0; i < plain.size(); i++) {
      assertEquals(plain.get(i), coloured.get(i).replaceAll("\u001b\\[[0-9;]*m", ""));
    }
  }

  @Test
  void timesAreRoundedToTheNearestSecondNotCutDown() {
    Summary s = Summary.of(List.of(
        new Summary.Entry(ADAM, Grade.GOOD, 5_400),
        new Summary.Entry(BIAS, Grade.GOOD, 5_600),
        new Summary.Entry(DROPOUT, Grade.GOOD, 9_000)), 0);
    assertEquals(Duration.ofSeconds(6), s.median());
    assertEquals(Duration.ofSeconds(20), s.total());
    assertEquals("  3 graded · 0 skipped · 0:20 in all · 0:06 median per question", s.lines(new Style(false)).get(1));
  }

  @Test
  void theSummaryEndsWithWhenTheNextQuestionIsDue() {
    List<String> lines = sample().lines(new Style(false), "next: bias in 10 min, today 14:05");
    assertEquals(List.of("", "  next: bias in 10 min, today 14:05"), lines.subList(lines.size() - 2, lines.size()));
    assertEquals(sample().lines(new Style(false)), lines.subList(0, lines.size() - 2));
  }

  @Test
  void nothingGradedShowsOnlyTheCounts() {
    assertEquals(List.of("Session summary", "  0 graded · 3 skipped"),
        Summary.of(List.of(), 3).lines(new Style(false)));
  }

  @Test
  void clockShowsMinutesAndHours() {
    assertEquals("0:07", Summary.clock(Duration.ofMillis(7_900)));
    assertEquals("12:05", Summary.clock(Duration.ofSeconds(725)));
    assertEquals("1:00:01", Summary.clock(Duration.ofSeconds(3601)));
  }

  @Test
  void tagsFromTheBankAreSanitized() {
    var evil = new idrill.bank.Question("x", "q", "a", List.of("bad\u001b[31mtag"), null, List.of(),
        new idrill.bank.Position("t.yaml", 1, 1));
    String all = String.join("\n", Summary.of(List.of(new Summary.Entry(evil, Grade.GOOD, 1)), 0)
        .lines(new Style(false)));
    assertTrue(!all.contains("\u001b"), all);
  }
}
