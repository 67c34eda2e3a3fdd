package idrill.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FilterTest {
  private static final Bank BANK = new BankLoader().loadText("f.yaml", String.join("\n",
      "questions:",
      "- {id: km, question: \"How does K-means work?\", answer: A, tags: [clustering, unsupervised]}",
      "- {id: gd, question: \"Why does gradient descent converge?\", answer: A, tags: [optimization]}",
      "- {id: db, question: \"What is DBSCAN?\", answer: A, tags: [clustering]}",
      "- {id: pv, question: \"What is a p-value?\", answer: A, tags: [statistics]}",
      "- {id: kmo, question: \"Is kmeans an optimization problem?\", answer: A, tags: [optimization, clustering]}",
      "")).orThrow();

  private static List<String> ids(Filter f) {
    return f.apply(BANK).stream().map(Question::id).toList();
  }

  @Test
  void noneKeepsEverythingInOrder() {
    assertEquals(List.of("km", "gd", "db", "pv", "kmo"), ids(Filter.NONE));
    assertTrue(Filter.NONE.isEmpty());
    assertEquals("all questions", Filter.NONE.describe());
  }

  @Test
  void tagsAreAnyOf() {
    assertEquals(List.of("km", "gd", "db", "kmo"), ids(new Filter(List.of("clustering", "optimization"), null, null)));
  }

  @Test
  void excludedTagsWin() {
    assertEquals(List.of("km", "db"), ids(new Filter(List.of("clustering"), List.of("optimization"), null)));
    assertEquals(List.of("gd", "pv"), ids(new Filter(null, List.of("clustering"), null)));
  }

  @Test
  void grepIsCaseInsensitiveFind() {
    assertEquals(List.of("km", "kmo"), ids(new Filter(null, null, "K-?MEANS")));
    assertEquals(List.of("pv"), ids(new Filter(null, null, "p-val")));
  }

  @Test
  void unknownTagSuggestsClosest() {
    UnknownNameException e = assertThrows(UnknownNameException.class, () -> ids(new Filter(List.of("clusterin"), null, null)));
    assertEquals("unknown tag 'clusterin'", e.getMessage());
    assertEquals(List.of("clustering"), e.suggestions());
    UnknownNameException ex = assertThrows(UnknownNameException.class, () -> ids(new Filter(null, List.of("stats"), null)));
    assertEquals(List.of("statistics"), ex.suggestions());
  }

  @Test
  void badRegexIsOneLine() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ids(new Filter(null, null, "k(means")));
    assertTrue(e.getMessage().startsWith("invalid --grep pattern: Unclosed group"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }

  @Test
  void describeNamesEveryPart() {
    Filter f = new Filter(List.of("clustering", "optimization"), List.of("statistics"), "k-?means");
    assertFalse(f.isEmpty());
    assertEquals("tags clustering, optimization; not statistics; grep 'k-?means'", f.describe());
    assertEquals("tag clustering", new Filter(List.of("clustering"), List.of(), "").describe());
    assertTrue(new Filter(List.of(), List.of(), "").isEmpty());
  }

  @Test
  void grepAnswerSearchesAnswersAndCombinesWithGrep() {
    Bank bank = new BankLoader().loadText("a.yaml", String.join("\n",
        "questions:",
        "- {id: km, question: \"How does K-means work?\", answer: \"Move each Centroid to its points' mean.\", tags: [c]}",
        "- {id: db, question: \"What is DBSCAN?\", answer: \"Density: no centroid at all.\", tags: [c]}",
        "- {id: pv, question: \"What is a p-value? (centroid)\", answer: \"A probability.\", tags: [s]}",
        "")).orThrow();
    Filter answers = new Filter(null, null, null, "CENTROID");
    assertEquals(List.of("km", "db"), answers.apply(bank).stream().map(Question::id).toList(), "answers only");
    assertEquals(List.of("pv"), new Filter(null, null, "centroid").apply(bank).stream().map(Question::id).toList(),
        "-g still searches questions only");
    assertEquals(List.of("db"), new Filter(null, null, "dbscan", "centroid").apply(bank).stream().map(Question::id).toList());
    assertEquals("grep 'dbscan'; answer grep 'centroid'", new Filter(null, null, "dbscan", "centroid").describe());
    assertFalse(answers.isEmpty());
    assertTrue(new Filter(null, null, null, "").isEmpty(), "an empty answer pattern is none");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ids(new Filter(null, null, null, "a[")));
    assertTrue(e.getMessage().startsWith("invalid --grep-answer pattern: "), e.getMessage());
  }
}
