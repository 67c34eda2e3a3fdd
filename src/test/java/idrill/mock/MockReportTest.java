package idrill.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import idrill.bank.Position;
import idrill.bank.Question;
import idrill.render.Style;
import idrill.review.Grade;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MockReportTest {
  static final Instant T0 = MockSessionTest.T0;

  static Question q(String id, List<String> tags, String... keywords) {
    return new Question(id, id + "?", "A.", tags, null, List.of(), new Position("t.yaml", 1, 1), List.of(keywords));
  }

  static MockReport report() {
    Question pca = q("pca", List.of("dimensionality", "statistics"), "variance", "principal components", "orthogonal");
    Question svm = q("svm", List.of("classification"), "margin", "kernel");
    Question knn = q("knn", List.of("classification"), "nearest", "distance");
    MockSession s = new MockSession(List.of(pca, svm, knn), List.of(Duration.ofSeconds(120), Duration.ofSeconds(120),
        Duration.ofSeconds(120)), T0);
    s.type("keeps the variance along orthogonal axes");
    s.reveal(T0.plusSeconds(95));
    s.grade(Grade.GOOD, T0.plusSeconds(100));
    s.type("max margin");
    s.tick(T0.plusSeconds(100 + 150)); // 30 s late
    s.grade(Grade.HARD, T0.plusSeconds(260));
    s.skip(T0.plusSeconds(270));
    return MockReport.of(s.results(), true, 0.4321, 53);
  }

  @Test
  void theTextReportHasEachQuestionTotalsTagsWeakestFirstAndTheRecallToday() {
    List<String> lines = report().lines(new Style(false));
    String text = String.join("\n", lines);
    System.out.println(text);
    assertEquals("Mock interview report", lines.get(0));
    assertEquals("  3 questions · 2 graded · 1 skipped · 4:15 used of 6:00 · 1 over time · 1 revealed by time"
        + " · key terms 3/5", lines.get(1));
    assertTrue(text.contains("  1  pca       1:35 / 2:00        good   2/3  missed: principal components"), text);
    assertTrue(text.contains("  2  svm       2:30 / 2:00 +0:30  hard   1/2  missed: kernel"), text);
    assertTrue(text.contains("  3  knn       0:10 / 2:00        skip   —"), text);
    int classification = text.indexOf("  classification");
    int statistics = text.indexOf("  statistics");
    assertTrue(classification > 0 && statistics > classification, "hard before good: weakest first\n" + text);
    assertTrue(lines.get(lines.size() - 1).equals("  Predicted recall of this filter today: 43% (53 questions; an unseen one counts as 0%)"),
        lines.get(lines.size() - 1));
  }

  @Test
  void onANarrowScreenEachQuestionIsABlockAndNothingIsCutOrWider() {
    for (int width : new int[] {30, 40, 60}) {
      List<String> lines = report().lines(new Style(false), width);
      String text = String.join("\n", lines);
      for (String l : lines) assertTrue(l.length() <= width, width + " columns: " + l + "\n" + text);
      for (String whole : List.of("pca", "svm", "knn", "principal", "components", "kernel", "classification",
          "statistics", "43%", "(53")) {
        assertTrue(text.contains(whole), width + " columns lack " + whole + ":\n" + text);
      }
      if (width == 40) {
        assertTrue(text.contains("  2  svm\n     2:30 / 2:00 +0:30 · hard · 1/2"), text);
      }
    }
  }

  @Test
  void theMarkdownReportIsATableToKeep() {
    String md = report().markdown();
    assertTrue(md.startsWith("# Mock interview report\n\n3 questions · 2 graded"), md);
    assertTrue(md.contains("| 2 | `svm` | 2:30 | 2:00 | +0:30 | time | hard | covered 1/2: margin · missed: kernel |"), md);
    assertTrue(md.contains("## Tags, weakest first"), md);
  }
}
