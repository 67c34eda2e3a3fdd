package idrill.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import idrill.bank.Difficulty;
import idrill.bank.Position;
import idrill.bank.Question;
import java.util.List;
import org.junit.jupiter.api.Test;

class BankMergeTest {
  private static Question q(String id, String question, String answer, String... tags) {
    return new Question(id, question, answer, List.of(tags), null, List.of(), new Position("f", 1, 1));
  }

  @Test
  void reimportKeepsExistingIdsUpdatesAnswersAddsNewAndKeepsRemoved() {
    List<Question> existing = List.of(
        q("pods", "What is a Pod?", "Old answer.", "k8s"),
        q("my-own-id", "What is a Service?", "A stable address.", "k8s"),
        q("gone", "What is a ReplicationController?", "Replaced by ReplicaSets.", "k8s"));
    List<Question> imported = List.of(
        q("what-is-a-service", "What is a Service?", "A stable address.", "k8s"),
        q("what-is-a-pod", "What is a **Pod**?", "New answer.", "k8s", "basics"),
        q("what-is-an-ingress", "What is an Ingress?", "HTTP routing.", "k8s"),
        q("pods", "What are pods for?", "Running containers.", "k8s"));

    BankMerge.Result r = BankMerge.merge(existing, imported);
    assertEquals(List.of("pods", "my-own-id", "gone", "what-is-an-ingress", "pods-2"), r.questions().stream().map(Question::id).toList());
    assertEquals(1, r.kept());
    assertEquals(1, r.updated()); // the Pod: matched although its question gained Markdown
    assertEquals(2, r.added());
    assertEquals(List.of("gone"), r.onlyInExisting());

    Question pod = r.questions().get(0);
    assertEquals("What is a **Pod**?", pod.question());
    assertEquals("New answer.", pod.answer());
    assertEquals(List.of("k8s", "basics"), pod.tags());
    assertEquals("Replaced by ReplicaSets.", r.questions().get(2).answer());
  }

  @Test
  void unchangedQuestionsCountAsKeptAndKeepTheirDifficulty() {
    Question old = new Question("x", "Why?", "Because.", List.of("t"), Difficulty.HARD, List.of(), new Position("f", 1, 1));
    BankMerge.Result r = BankMerge.merge(List.of(old), List.of(q("why", "Why?", "Because.", "t")));
    assertEquals(1, r.kept());
    assertEquals(0, r.updated());
    assertEquals(List.of(old), r.questions());
  }

  @Test
  void mergingAnImportIntoItsEarlierImportKeepsEveryId() {
    List<Question> before = Fixtures.read("bold.md").questions();
    // the source is edited: a question reworded in case only and an answer changed
    String edited = Fixtures.text("bold.md").replace("**What is overfitting?**", "**What is OVERFITTING?**")
        .replace("1. Hold out a test set.", "1. Hold out a test set, untouched until the end.");
    List<Question> after = Fixtures.readText("bold.md", edited).questions();
    BankMerge.Result r = BankMerge.merge(before, after);
    assertEquals(before.stream().map(Question::id).toList(), r.questions().stream().map(Question::id).toList());
    assertEquals(2, r.kept());
    assertEquals(2, r.updated());
    assertEquals(0, r.added());
  }
}
