package idrill.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class NearDuplicatesTest {
  private static boolean similar(String a, String b) {
    return NearDuplicates.similar(NearDuplicates.words(a), NearDuplicates.words(b));
  }

  @Test
  void wordsDropCaseStopWordsAndPunctuation() {
    assertEquals(Set.of("entropy", "information", "theory"), NearDuplicates.words("What is Entropy (information theory)?"));
    assertEquals(Set.of("kmeans"), NearDuplicates.words("What's k-means?"));
  }

  @Test
  void rephrasedQuestionsAreSimilarBothWays() {
    String a = "What is Entropy (information theory)?";
    String b = "What is entropy in information theory?";
    assertTrue(similar(a, b));
    assertTrue(similar(b, a));
  }

  @Test
  void differentQuestionsWithSharedPhrasingAreNotSimilarEitherWay() {
    String a = "What is the difference between L1 and L2 regularization in machine learning?";
    String b = "What is the difference between supervised and unsupervised learning?";
    assertFalse(similar(a, b));
    assertFalse(similar(b, a));
  }

  @Test
  void containmentNeedsTwoWords() {
    assertTrue(similar("Explain gradient descent.", "How does gradient descent with momentum and restarts work?"));
    assertFalse(similar("What is bias?", "How do you trade bias against variance in ensembles?"));
  }

  @Test
  void jaccardThreshold() {
    // 3 common of 5 distinct words = 0.6: similar; 2 of 4 = 0.5: not
    assertTrue(similar("alpha beta gamma delta", "alpha beta gamma epsilon"));
    assertFalse(similar("alpha beta gamma", "alpha beta delta"));
  }
}
