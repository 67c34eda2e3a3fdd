package idrill.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestTest {
  private static final List<String> TAGS =
      List.of("clustering", "optimization", "statistics", "probability", "information-theory", "nlp");

  @Test
  void transpositionCountsAsOneEdit() {
    assertEquals(1, Suggest.distance("anwser", "answer"));
    assertEquals(List.of("answer"), Suggest.closest("anwser", List.of("id", "question", "answer", "tags"), 3));
  }

  @Test
  void typoAndPrefixAreSuggestedClosestFirst() {
    assertEquals(List.of("clustering"), Suggest.closest("clusterin", TAGS, 3));
    assertEquals(List.of("optimization"), Suggest.closest("optim", TAGS, 3));
    assertEquals(List.of("information-theory"), Suggest.closest("theory", TAGS, 3));
    assertEquals(List.of("statistics"), Suggest.closest("Statistic", TAGS, 3));
    assertEquals(List.of("statistics"), Suggest.closest("stats", TAGS, 3));
  }

  @Test
  void farNamesAreNotSuggested() {
    assertEquals(List.of(), Suggest.closest("zebra", TAGS, 3));
    assertEquals(List.of(), Suggest.closest("ml", TAGS, 3));
  }

  @Test
  void maxIsRespected() {
    assertEquals(List.of("ab", "ac"), Suggest.closest("aa", List.of("ad", "ac", "ab"), 2));
  }
}
