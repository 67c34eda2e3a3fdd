package idrill.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeywordsTest {
  @TempDir Path tmp;

  static String bank(String keywordsLine) {
    return "questions:\n"
        + "  - id: backprop\n"
        + "    question: How does backpropagation work?\n"
        + "    answer: The chain rule gives the gradient of the loss for every weight.\n"
        + "    tags: [deep-learning]\n"
        + keywordsLine;
  }

  static List<String> problems(LoadResult r) {
    return r.problems().stream().map(BankProblem::toString).toList();
  }

  @Test
  void keywordsAreReadWithAlternativesAndSpacesAroundBarsDropped() {
    LoadResult r = new BankLoader().loadText("b.yaml", bank("    keywords: [chain rule, 'derivative | gradient', loss]\n"));
    assertEquals(List.of(), problems(r));
    assertEquals(List.of("chain rule", "derivative|gradient", "loss"), r.bank().questions().get(0).keywords());
  }

  @Test
  void withoutTheKeyAQuestionHasNoKeywords() {
    LoadResult r = new BankLoader().loadText("b.yaml", bank(""));
    assertEquals(List.of(), r.bank().questions().get(0).keywords());
  }

  @Test
  void anEmptyEntryAnEmptyAlternativeAndAWrongTypeAreErrorsAtTheirPlace() {
    LoadResult r = new BankLoader().loadText("b.yaml", bank("    keywords: [chain rule, '', 'gradient||slope', {a: b}]\n"));
    assertEquals(List.of(
        "b.yaml:6:28: error: empty keyword: give a term a good answer mentions",
        "b.yaml:6:32: error: empty alternative in keyword 'gradient||slope': separate terms with a single '|'",
        "b.yaml:6:51: error: wrong type: a keyword must be text, got a mapping"), problems(r));
    assertEquals(0, r.bank().questions().size(), "a question with a bad key is not loaded");
  }

  @Test
  void keywordsThatAreNotAListAreAnError() {
    LoadResult r = new BankLoader().loadText("b.yaml", bank("    keywords: chain rule\n"));
    assertEquals(1, r.problems().size(), problems(r).toString());
    assertTrue(problems(r).get(0).startsWith("b.yaml:6:15: error: wrong type: 'keywords' must be a list"), problems(r).toString());
  }

  @Test
  void theCacheKeepsKeywords() throws IOException {
    Files.writeString(tmp.resolve("a.yaml"), bank("    keywords: [chain rule, 'derivative|gradient']\n"));
    BankLoader.cached(tmp.resolve("cache")).load(List.of("a.yaml"), tmp);
    LoadResult cached = BankLoader.cached(tmp.resolve("cache")).load(List.of("a.yaml"), tmp);
    assertEquals(List.of("chain rule", "derivative|gradient"), cached.bank().questions().get(0).keywords());
  }

  @Test
  void everyBundledQuestionHasThreeToSixKeywordsAndTheBankIsClean() {
    LoadResult r = new BankLoader().load(List.of(BankLoader.DEFAULT), tmp);
    assertEquals(List.of(), problems(r));
    assertEquals(53, r.bank().questions().size());
    for (Question q : r.bank().questions()) {
      int n = q.keywords().size();
      assertTrue(n >= 3 && n <= 6, q.id() + " has " + n + " keywords");
    }
  }
}
