package idrill.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import idrill.bank.Position;
import idrill.bank.Question;
import idrill.review.Grade;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoverageTest {
  static Question q(String answer, String... keywords) {
    return new Question("q", "Q?", answer, List.of("t"), null, List.of(), new Position("t.yaml", 1, 1), List.of(keywords));
  }

  @Test
  void theIssuesExampleReadsAsCoveredAndMissedInBankOrder() {
    Question q = q("A.", "chain rule", "gradient", "weights", "learning rate", "loss");
    Coverage c = Coverage.of(q, "Backprop applies the chain rule to get the gradient of each weight.");
    assertEquals("covered 3/5: chain rule, gradient, weights · missed: learning rate, loss", c.line());
  }

  @Test
  void anAlternativeCoversTheTermAndTheOneUsedIsNamed() {
    Question q = q("A.", "derivative|gradient", "loss");
    Coverage c = Coverage.of(q, "the gradient of the loss");
    assertEquals(List.of("gradient", "loss"), c.covered());
    assertEquals("derivative", Coverage.of(q, "nothing").missed().get(0), "a missed term is named by its first form");
  }

  @Test
  void caseAndPunctuationDoNotMatter() {
    Question q = q("A.", "Learning Rate", "L2 regularization");
    assertEquals(2, Coverage.of(q, "LEARNING-RATE; and l2 (regularization)!").covered().size());
  }

  @Test
  void hyphensAndSpacesBetweenWordsAreTheSame() {
    Question q = q("A.", "mini-batch", "k means", "one hot");
    Coverage c = Coverage.of(q, "We use minibatch SGD, k-means and one-hot vectors.");
    assertEquals(List.of("mini-batch", "k means", "one hot"), c.covered());
    assertEquals(1, Coverage.of(q("A.", "minibatch"), "a mini batch").covered().size());
  }

  @Test
  void simplePluralsMatchTheirSingular() {
    Question q = q("A.", "weights", "mini-batch", "probability", "class", "box");
    Coverage c = Coverage.of(q, "each weight, several mini-batches, probabilities of classes in boxes");
    assertEquals(5, c.covered().size(), c.line());
  }

  @Test
  void aWordInsideAnotherWordIsNoMatch() {
    Question q = q("A.", "loss", "rate");
    assertEquals(List.of("loss", "rate"), Coverage.of(q, "glossary of accurate terms").missed());
  }

  @Test
  void withoutKeywordsTheTermsAreTheAnswersBoldTextAndInlineCodeNotLabels() {
    Question q = q("**Note:** the **chain rule** and `autograd` give the **gradient**; "
        + "**this whole bold sentence is emphasis and no term at all**.");
    assertEquals(List.of("chain rule", "autograd", "gradient"), Coverage.terms(q));
    assertEquals("covered 1/3: chain rule · missed: autograd, gradient", Coverage.of(q, "the chain rule").line());
  }

  @Test
  void noTermsAtAllSuggestsNothing() {
    Coverage c = Coverage.of(q("Plain answer."), "whatever");
    assertEquals("no key terms to check", c.line());
    assertNull(c.suggested());
  }

  @Test
  void theSuggestedGradeFollowsTheShareCovered() {
    Question q = q("A.", "a1", "b2", "c3", "d4", "e5");
    assertEquals(Grade.AGAIN, Coverage.of(q, "a1").suggested());
    assertEquals(Grade.HARD, Coverage.of(q, "a1 b2").suggested());
    assertEquals(Grade.GOOD, Coverage.of(q, "a1 b2 c3").suggested());
    assertEquals(Grade.EASY, Coverage.of(q, "a1 b2 c3 d4 e5").suggested());
  }
}
